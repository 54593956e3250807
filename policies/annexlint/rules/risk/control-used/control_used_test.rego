package annexlint.rules.risk["control-used_test"]

import data.annexlint.rules.risk["control-used"] as rule

_controls := [
	{"id": "C-TLS", "title": "TLS 1.3", "type": "design"},
	{"id": "C-SIG", "title": "Signed firmware", "type": "design"},
]

_riskfile(path, threats, controls) := {"type": "security-risk-file", "path": path, "content": {"threats": threats, "controls": controls}}

test_fail_control_named_by_no_threat if {
	findings := rule.report with input as {"manifest": {"path": "annexlint.yaml"}, "documents": [
		_riskfile("risk.yaml", [{"id": "T-1", "controls": ["C-TLS"]}], _controls),
	]}
	findings == {{
		"path": "risk.yaml",
		"pointer": "/controls/1",
		"message": concat("", [
			"control \"C-SIG\" (Signed firmware) is named by no threat, so nothing shows which risk it reduces; name it ",
			"under controls of the threats it reduces, add the threat it was chosen for, or remove it",
		]),
	}}
}

# A threat of another risk file of the bundle (an imported model) may name the control.
test_success_every_control_used if {
	inp := {"manifest": {"path": "annexlint.yaml"}, "documents": [
		_riskfile("risk.yaml", [{"id": "T-1", "controls": ["C-TLS"]}], _controls),
		_riskfile("model.yaml", [{"id": "T-9", "controls": ["C-SIG"]}], []),
	]}
	count(rule.report) == 0 with input as inp
	rule.evidence == {{"path": "risk.yaml", "pointer": "/controls/0"}, {"path": "risk.yaml", "pointer": "/controls/1"}} with input as inp
}

test_insufficient_no_controls if {
	inp := {"manifest": {"path": "annexlint.yaml"}, "documents": [_riskfile("risk.yaml", [{"id": "T-1"}], [])]}
	count(rule.evidence) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["risk.yaml", "/controls"]} with input as inp
}
