package annexlint.rules.risk["unacceptable-risk-controlled_test"]

import data.annexlint.rules.risk["unacceptable-risk-controlled"] as rule

_riskfile(threats) := {"type": "security-risk-file", "path": "security/risk.yaml", "content": {
	"acceptance_criteria": {"scale": ["low", "medium", "high"], "acceptable": ["low"]},
	"threats": threats,
}}

_fix := "list the controls that reduce it and record the residual risk that remains after them"

test_fail_no_control_and_no_residual_risk if {
	findings := rule.report with input as {"documents": [_riskfile([
		{"id": "T-1", "title": "Spoofed pump commands", "interfaces": [], "initial_risk": "high"},
	])]}
	findings == {{
		"path": "security/risk.yaml",
		"pointer": "/threats/0",
		"message": concat("", [
			"threat \"T-1\" has initial risk \"high\", which the acceptance criteria do not accept, ",
			"but names no control and states no residual risk; ", _fix,
		]),
	}}
}

test_fail_controls_but_no_residual_risk if {
	findings := rule.report with input as {"documents": [_riskfile([
		{"id": "T-1", "title": "Spoofing", "interfaces": [], "initial_risk": "low"},
		{"id": "T-2", "title": "Tampering", "interfaces": [], "initial_risk": "medium", "controls": ["C-1"]},
	])]}
	findings == {{
		"path": "security/risk.yaml",
		"pointer": "/threats/1",
		"message": concat("", [
			"threat \"T-2\" has initial risk \"medium\", which the acceptance criteria do not accept, ",
			"but states no residual risk; ", _fix,
		]),
	}}
}

test_fail_empty_controls_list if {
	findings := rule.report with input as {"documents": [_riskfile([{
		"id": "T-3", "title": "DoS", "interfaces": [], "initial_risk": "high", "controls": [], "residual_risk": "low",
	}])]}
	{f.pointer | some f in findings} == {"/threats/0"}
}

test_success_controlled_and_residual_risk_stated if {
	count(rule.report) == 0 with input as {"documents": [_riskfile([{
		"id": "T-1", "title": "Spoofing", "interfaces": [], "initial_risk": "high",
		"controls": ["C-1"], "residual_risk": "low",
	}])]}
}

test_success_acceptable_initial_risk_needs_nothing if {
	count(rule.report) == 0 with input as {"documents": [_riskfile([
		{"id": "T-1", "title": "Spoofing", "interfaces": [], "initial_risk": "low"},
	])]}
}

test_success_unrated_threat_is_left_to_another_rule if {
	count(rule.report) == 0 with input as {"documents": [_riskfile([
		{"id": "T-1", "title": "Spoofing", "interfaces": []},
	])]}
}
