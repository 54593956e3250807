package annexlint.rules.risk["acceptance-criteria-discriminate_test"]

import data.annexlint.rules.risk["acceptance-criteria-discriminate"] as rule

_riskfile(criteria) := {"type": "security-risk-file", "path": "risk.yaml", "content": {
	"acceptance_criteria": criteria,
	"threats": [{"id": "T-1", "initial_risk": "low"}],
}}

_input(criteria) := {"manifest": {"path": "annexlint.yaml", "content": {}}, "documents": [_riskfile(criteria)]}

test_fail_whole_scale_acceptable if {
	findings := rule.report with input as _input({"scale": ["low", "medium", "high"], "acceptable": ["high", "low", "medium"]})
	findings == {{
		"path": "risk.yaml",
		"pointer": "/acceptance_criteria/acceptable",
		"message": concat("", [
			"the acceptance criteria declare every level of the scale acceptable (\"low\", \"medium\", \"high\"), so no ",
			"risk would ever need a control; accept only the lower levels of the scale and reduce the risks above them",
		]),
	}}
}

test_fail_highest_level_acceptable_but_not_a_lower_one if {
	findings := rule.report with input as _input({"scale": ["low", "medium", "high", "critical"], "acceptable": ["low", "critical"]})
	findings == {{
		"path": "risk.yaml",
		"pointer": "/acceptance_criteria/acceptable",
		"message": concat("", [
			"the acceptance criteria accept \"critical\" but not the lower level \"medium\", so they set no threshold; ",
			"list the scale lowest level first and accept only its lower part",
		]),
	}}
}

test_success_lower_levels_acceptable if {
	inp := _input({"scale": ["negligible", "low", "medium", "high"], "acceptable": ["low", "negligible"]})
	count(rule.report) == 0 with input as inp
	rule.evidence == {{"path": "risk.yaml", "pointer": "/acceptance_criteria"}} with input as inp
	count(rule.insufficient) == 0 with input as inp
}

test_insufficient_no_criteria if {
	inp := {"manifest": {"path": "annexlint.yaml", "content": {}}, "documents": [{"type": "security-risk-file", "path": "risk.yaml", "content": {}}]}
	count(rule.report) == 0 with input as inp
	count(rule.evidence) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["risk.yaml", ""]} with input as inp
}

test_insufficient_no_risk_file if {
	inp := {"manifest": {"path": "annexlint.yaml", "content": {}}, "documents": []}
	count(rule.evidence) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["annexlint.yaml", "/documents"]} with input as inp
}

test_insufficient_criteria_applied_to_no_threat if {
	inp := {"manifest": {"path": "annexlint.yaml", "content": {}}, "documents": [{
		"type": "security-risk-file", "path": "risk.yaml",
		"content": {"acceptance_criteria": {"scale": ["low", "high"], "acceptable": ["low"]}, "threats": []},
	}]}
	count(rule.evidence) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["risk.yaml", "/threats"]} with input as inp
}
