package annexlint.rules.risk["asset-threat-coverage_test"]

import data.annexlint.rules.risk["asset-threat-coverage"] as rule

_riskfile(threats) := {"type": "security-risk-file", "path": "security/risk.yaml", "content": {
	"assets": [
		{"id": "AS-DOSE", "name": "Infusion rate"},
		{"id": "AS-LOG", "name": "Event log"},
	],
	"threats": threats,
}}

test_fail_asset_without_threat if {
	findings := rule.report with input as {"documents": [_riskfile([
		{"id": "T-1", "title": "Tampered rate", "interfaces": [], "assets": ["AS-DOSE"]},
		{"id": "T-2", "title": "Flooding", "interfaces": []},
	])]}
	findings == {{
		"path": "security/risk.yaml",
		"pointer": "/assets/1",
		"message": concat("", [
			"asset \"AS-LOG\" (Event log) is not named by any threat; analyse how it can be attacked and name it ",
			"under assets of the threats that concern it",
		]),
		"related": [{"path": "security/risk.yaml", "pointer": "/threats", "message": "threats of the security risk file"}],
	}}
}

test_fail_no_threats_at_all if {
	findings := rule.report with input as {"documents": [_riskfile([])]}
	{f.pointer | some f in findings} == {"/assets/0", "/assets/1"}
}

test_success_every_asset_covered if {
	count(rule.report) == 0 with input as {"documents": [_riskfile([
		{"id": "T-1", "title": "Tampered rate", "interfaces": [], "assets": ["AS-DOSE", "AS-LOG"]},
	])]}
}
