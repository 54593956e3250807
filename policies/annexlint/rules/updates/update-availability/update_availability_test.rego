package annexlint.rules.updates["update-availability_test"]

import data.annexlint.rules.updates["update-availability"] as rule

_input(plan) := {
	"as_of": "2028-06-01",
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA", "support_period_end": "2033-03-31"}}},
	"documents": [{"type": "security-update-plan", "path": "security/update-plan.yaml", "content": object.union(
		{"kind": "security-update-plan"},
		plan,
	)}],
}

test_fail_retention_shorter_than_ten_years if {
	findings := rule.report with input as _input({"update_availability": {"retention_years": 5, "where": "https://updates.example/archive"}})
	findings == {{
		"path": "security/update-plan.yaml",
		"pointer": "/update_availability/retention_years",
		"message": "the security update plan keeps released security updates available for 5 years; keep each one available for at least 10 years after its release (update_availability.retention_years)",
	}}
}

test_success_ten_years_with_archive if {
	count(rule.report) == 0 with input as _input({"update_availability": {"retention_years": 10, "where": "https://updates.example/archive"}})
	rule.evidence == {{"path": "security/update-plan.yaml", "pointer": "/update_availability"}} with input as _input({"update_availability": {"retention_years": 10, "where": "https://updates.example/archive"}})
}

test_fail_absent if {
	findings := rule.report with input as _input({})
	[f] := [f | some f in findings]
	f.pointer == ""
	contains(f.message, "does not say how long released security updates stay available")
	count(rule.evidence) == 0 with input as _input({})
}

test_fail_placeholder_where_and_missing_years if {
	findings := rule.report with input as _input({"update_availability": {"where": "TBD"}})
	{f.pointer | some f in findings} == {"/update_availability", "/update_availability/retention_years"}
}

test_fail_support_period_outlasts_retention if {
	findings := rule.report with input as _input({
		"support_period_end": "2040-12-31",
		"update_availability": {"retention_years": 10, "where": "https://updates.example/archive"},
	})
	findings == {{
		"path": "security/update-plan.yaml",
		"pointer": "/update_availability/retention_years",
		"message": "the security update plan keeps released security updates available for 10 years, so an update released on 2028-06-01 is withdrawn on 2038-06-01, before the support period ends on 2040-12-31; keep updates available at least to the end of the support period",
	}}
}

test_success_malformed_section_raises_no_error if {
	findings := rule.report with input as _input({"update_availability": "forever"})
	[f] := [f | some f in findings]
	f.pointer == ""
}

test_insufficient_no_plan if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}}, "documents": []}
	count(rule.report) == 0 with input as bundle
	[f] := [f | some f in rule.insufficient] with input as bundle
	f.pointer == "/documents"
}
