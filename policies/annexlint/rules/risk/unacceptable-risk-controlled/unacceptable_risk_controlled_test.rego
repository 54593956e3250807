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

test_evidence_names_rated_threats_and_criteria if {
	inp := {"documents": [_riskfile([
		{"id": "T-1", "initial_risk": "high", "controls": ["C-1"], "residual_risk": "low"},
		{"id": "T-2"},
	])]}
	rule.evidence == {
		{"path": "security/risk.yaml", "pointer": "/acceptance_criteria"},
		{"path": "security/risk.yaml", "pointer": "/threats/0"},
	} with input as inp
	count(rule.insufficient) == 0 with input as inp
}

test_insufficient_hollow_risk_files if {
	# no threats; threats without any rating; threats without acceptance criteria
	none := {"documents": [_riskfile([])]}
	count(rule.evidence) == 0 with input as none
	{[f.pointer, contains(f.message, "lists no threats")] | some f in rule.insufficient} == {["/threats", true]} with input as none
	unrated := {"documents": [_riskfile([{"id": "T-1"}])]}
	count(rule.evidence) == 0 with input as unrated
	count(rule.report) == 0 with input as unrated
	{[f.pointer, contains(f.message, "no threat in the security risk file security/risk.yaml has an initial risk")] |
		some f in rule.insufficient
	} == {["/threats", true]} with input as unrated
	nocriteria := {"documents": [{"type": "security-risk-file", "path": "r.yaml", "content": {"threats": [
		{"id": "T-1", "initial_risk": "high"},
	]}}]}
	count(rule.evidence) == 0 with input as nocriteria
	count(rule.report) == 0 with input as nocriteria
	{[f.pointer, contains(f.message, "states no acceptance criteria")] | some f in rule.insufficient} == {["", true]} with input as nocriteria
}

test_insufficient_no_risk_file if {
	inp := {"manifest": {"path": "annexlint.yaml", "content": {}}, "documents": []}
	count(rule.evidence) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["annexlint.yaml", "/documents"]} with input as inp
}

test_fail_placeholder_control_is_no_control if {
	findings := rule.report with input as {"documents": [_riskfile([{
		"id": "T-4", "title": "Tampering", "interfaces": [], "initial_risk": "high", "controls": ["TBD"], "residual_risk": "low",
	}])]}
	{f.pointer | some f in findings} == {"/threats/0"}
}
