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

test_evidence_names_assets_and_threats if {
	inp := {"documents": [{"type": "security-risk-file", "path": "security/risk.yaml", "content": {
		"assets": [{"id": "A-1", "name": "Dose settings"}, {"name": "no id"}],
		"threats": [{"id": "T-1", "assets": ["A-1"]}],
	}}]}
	rule.evidence == {
		{"path": "security/risk.yaml", "pointer": "/assets/0"},
		{"path": "security/risk.yaml", "pointer": "/threats"},
	} with input as inp
	count(rule.insufficient) == 0 with input as inp
}

test_insufficient_no_assets if {
	inp := {"documents": [{"type": "security-risk-file", "path": "security/risk.yaml", "content": {
		"threats": [{"id": "T-1", "assets": []}],
	}}]}
	count(rule.evidence) == 0 with input as inp
	count(rule.report) == 0 with input as inp
	rule.insufficient == {{
		"path": "security/risk.yaml",
		"pointer": "/assets",
		"message": concat("", [
			"the security risk file security/risk.yaml lists no assets, so nothing shows which data, functions and ",
			"software the threat model protects; list under assets what the product must protect (data, functions, ",
			"software) and name them in the threats that concern them",
		]),
	}} with input as inp
}

test_insufficient_no_risk_file if {
	inp := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"interfaces": [{"id": "IF-1"}]}}}, "documents": []}
	count(rule.evidence) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["annexlint.yaml", "/documents"]} with input as inp
}
