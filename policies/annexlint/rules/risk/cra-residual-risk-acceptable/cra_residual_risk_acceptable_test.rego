package annexlint.rules.risk["cra-residual-risk-acceptable_test"]

import data.annexlint.rules.risk["cra-residual-risk-acceptable"] as rule

_input(threats, extra) := {"manifest": {"path": "annexlint.yaml", "content": {}}, "documents": [{
	"type": "security-risk-file", "path": "risk.yaml",
	"content": object.union({"acceptance_criteria": {"scale": ["low", "medium", "high"], "acceptable": ["low"]}, "threats": threats}, extra),
}]}

# A benefit-risk statement does not make an unacceptable residual risk acceptable for a CRA product.
test_fail_unacceptable_residual_risk if {
	findings := rule.report with input as _input(
		[{"id": "T-1", "initial_risk": "high", "residual_risk": "medium"}, {"id": "T-2", "initial_risk": "high", "residual_risk": "low"}],
		{"benefit_risk": {"statement": "The benefit outweighs it.", "accepted_by": "CEO", "date": "2028-01-10"}},
	)
	findings == {{
		"path": "risk.yaml",
		"pointer": "/threats/0/residual_risk",
		"message": concat("", [
			"threat \"T-1\" keeps residual risk \"medium\", which the acceptance criteria do not accept (\"low\"); a ",
			"product with digital elements has no benefit-risk route: reduce the risk with further controls until it is acceptable",
		]),
	}}
}

test_success_residual_risks_acceptable if {
	inp := _input([{"id": "T-1", "initial_risk": "high", "residual_risk": "low"}, {"id": "T-2", "initial_risk": "low"}], {})
	count(rule.report) == 0 with input as inp
	rule.evidence == {
		{"path": "risk.yaml", "pointer": "/acceptance_criteria"},
		{"path": "risk.yaml", "pointer": "/threats/0"},
		{"path": "risk.yaml", "pointer": "/threats/1"},
	} with input as inp
}

test_insufficient_no_rated_threat if {
	inp := _input([{"id": "T-1"}], {})
	count(rule.evidence) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["risk.yaml", "/threats"]} with input as inp
}
