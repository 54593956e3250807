package check

// PolicyInput exposes policyInput to the stage benchmarks (check_test).
var PolicyInput = policyInput
