package annexlint.rules.risk["user-information-controls_test"]

import data.annexlint.rules.risk["user-information-controls"] as rule

_riskfile := {"type": "security-risk-file", "path": "security/risk.yaml", "content": {"controls": [
	{"id": "C-SIGN", "title": "Signed firmware", "type": "design"},
	{"id": "C-NET", "title": "Operate on a segregated network", "type": "user-information"},
	{"id": "C-PWD", "title": "Change the default password", "type": "user-information"},
]}}

_info(covered) := {"type": "user-security-information", "path": "ifu/security.yaml", "content": {
	"kind": "user-security-information",
	"controls_covered": covered,
}}

test_fail_control_not_covered if {
	findings := rule.report with input as {"documents": [_riskfile, _info(["C-NET"])]}
	findings == {{
		"path": "security/risk.yaml",
		"pointer": "/controls/2",
		"message": concat("", [
			"control \"C-PWD\" relies on information for users, but no user security information lists it under ",
			"controls_covered; explain it to users and add \"C-PWD\" to controls_covered of the user security ",
			"information",
		]),
	}}
}

test_fail_no_user_information_document if {
	findings := rule.report with input as {"documents": [_riskfile]}
	{f.pointer | some f in findings} == {"/controls/1", "/controls/2"}
}

test_success_all_covered if {
	count(rule.report) == 0 with input as {"documents": [_riskfile, _info(["C-NET", "C-PWD"])]}
}

test_evidence_names_controls_and_user_information if {
	inp := {"documents": [_riskfile, _info(["C-IFU"])]}
	ev := rule.evidence with input as inp
	{"path": "ifu/security.yaml", "pointer": "/controls_covered"} in ev
	count([e | some e in ev; e.path == "security/risk.yaml"]) == count(_riskfile.content.controls)
	count(rule.insufficient) == 0 with input as inp
}

test_insufficient_no_controls if {
	inp := {"documents": [{"type": "security-risk-file", "path": "security/risk.yaml", "content": {"controls": []}}]}
	count(rule.evidence) == 0 with input as inp
	{[f.pointer, contains(f.message, "lists no controls")] | some f in rule.insufficient} == {["/controls", true]} with input as inp
}

test_insufficient_no_risk_file if {
	inp := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"interfaces": [{"id": "IF-1"}]}}}, "documents": []}
	count(rule.evidence) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["annexlint.yaml", "/documents"]} with input as inp
}
