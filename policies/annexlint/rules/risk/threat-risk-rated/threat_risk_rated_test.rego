package annexlint.rules.risk["threat-risk-rated_test"]

import data.annexlint.rules.risk["threat-risk-rated"] as rule

_riskfile(threats) := {"type": "security-risk-file", "path": "security/risk.yaml", "content": {"threats": threats}}

test_fail_unrated_threats if {
	findings := rule.report with input as {"documents": [_riskfile([
		{"id": "T-1", "title": "Spoofing", "interfaces": [], "initial_risk": "high"},
		{"id": "T-2", "title": "Tampering", "interfaces": []},
		{"id": "T-3", "title": "Replay", "interfaces": [], "initial_risk": ""},
	])]}
	findings == {
		{
			"path": "security/risk.yaml",
			"pointer": "/threats/1",
			"message": concat("", [
				"threat \"T-2\" has no initial risk rating; estimate its risk before controls and record it as ",
				"initial_risk, a level of the acceptance scale",
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/threats/2",
			"message": concat("", [
				"threat \"T-3\" has no initial risk rating; estimate its risk before controls and record it as ",
				"initial_risk, a level of the acceptance scale",
			]),
		},
	}
}

test_success_all_rated if {
	count(rule.report) == 0 with input as {"documents": [_riskfile([
		{"id": "T-1", "title": "Spoofing", "interfaces": [], "initial_risk": "low"},
	])]}
}

test_evidence_names_each_threat if {
	ev := rule.evidence with input as {"documents": [_riskfile([
		{"id": "T-1", "title": "Spoofing", "interfaces": [], "initial_risk": "low"},
		{"id": "T-2", "title": "Tampering", "interfaces": []},
	])]}
	ev == {{"path": "security/risk.yaml", "pointer": "/threats/0"}, {"path": "security/risk.yaml", "pointer": "/threats/1"}}
	count(rule.insufficient) == 0 with input as {"documents": [_riskfile([{"id": "T-1", "initial_risk": "low"}])]}
}

test_insufficient_no_threats if {
	inp := {"documents": [_riskfile([])]}
	count(rule.evidence) == 0 with input as inp
	count(rule.report) == 0 with input as inp
	rule.insufficient == {{
		"path": "security/risk.yaml",
		"pointer": "/threats",
		"message": concat("", [
			"the security risk file security/risk.yaml lists no threats, so no risk rating can be checked; add the ",
			"threats identified by threat modelling under threats, each with its initial_risk",
		]),
	}} with input as inp
}

test_insufficient_no_risk_file if {
	inp := {"manifest": {"path": "annexlint.yaml", "content": {}}, "documents": []}
	count(rule.evidence) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["annexlint.yaml", "/documents"]} with input as inp
}
