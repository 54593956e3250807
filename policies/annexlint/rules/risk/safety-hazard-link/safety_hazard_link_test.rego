package annexlint.rules.risk["safety-hazard-link_test"]

import data.annexlint.rules.risk["safety-hazard-link"] as rule

_riskfile(threats) := {"type": "security-risk-file", "path": "security/risk.yaml", "content": {
	"assets": [
		{"id": "AS-DOSE", "name": "Infusion rate", "properties": ["integrity"], "safety_function": true},
		{"id": "AS-LOG", "name": "Event log", "properties": ["confidentiality"]},
	],
	"threats": threats,
}}

_fix := "list under safety_hazards the ISO 14971 hazards it can cause, or state affects_safety: false"

test_fail_safety_threats_without_hazard if {
	findings := rule.report with input as {"documents": [_riskfile([
		{"id": "T-1", "title": "Tampered rate", "interfaces": [], "assets": ["AS-DOSE", "AS-LOG"]},
		{"id": "T-2", "title": "Alarm flooding", "interfaces": [], "assets": ["AS-LOG"], "affects_safety": true},
		{"id": "T-3", "title": "Log disclosure", "interfaces": [], "assets": ["AS-LOG"], "safety_hazards": []},
	])]}
	findings == {
		{
			"path": "security/risk.yaml",
			"pointer": "/threats/0",
			"message": concat("", [
				"threat \"T-1\" can affect safety (it concerns AS-DOSE, an asset of a safety function) but names no ",
				"safety hazard; ", _fix,
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/threats/1",
			"message": concat("", [
				"threat \"T-2\" can affect safety (affects_safety: true) but names no safety hazard; ", _fix,
			]),
		},
	}
}

test_fail_contradiction if {
	findings := rule.report with input as {"documents": [_riskfile([{
		"id": "T-1", "title": "Tampered rate", "interfaces": [], "assets": ["AS-DOSE"],
		"affects_safety": false, "safety_hazards": ["HAZ-01", "HAZ-02"],
	}])]}
	findings == {{
		"path": "security/risk.yaml",
		"pointer": "/threats/0/affects_safety",
		"message": concat("", [
			"threat \"T-1\" states affects_safety: false but names safety hazards (HAZ-01, HAZ-02); ",
			"correct one of them so the security and safety risk files agree",
		]),
	}}
}

test_success_linked_or_declared_harmless if {
	count(rule.report) == 0 with input as {"documents": [_riskfile([
		{"id": "T-1", "title": "Tampered rate", "interfaces": [], "assets": ["AS-DOSE"], "safety_hazards": ["HAZ-01"]},
		{
			"id": "T-2", "title": "Rate readout", "interfaces": [], "assets": ["AS-DOSE"], "affects_safety": false,
			"safety_rationale": "Reading the rate discloses it; the rate itself cannot be changed through this path.",
		},
		{"id": "T-5", "title": "Log flooding", "interfaces": [], "assets": ["AS-LOG"], "affects_safety": false},
		{"id": "T-3", "title": "Log disclosure", "interfaces": [], "assets": ["AS-LOG"]},
		{"id": "T-4", "title": "Malformed", "interfaces": [], "assets": "AS-DOSE", "affects_safety": "yes"},
	])]}
}

# Stating affects_safety: false for a threat to an asset of a safety function overrides the presumption that it can
# harm: it needs a rationale, and a placeholder is none.
test_fail_safety_asset_declared_harmless_without_rationale if {
	findings := rule.report with input as {"documents": [_riskfile([
		{"id": "T-1", "title": "Rate readout", "interfaces": [], "assets": ["AS-DOSE", "AS-LOG"], "affects_safety": false},
		{
			"id": "T-2", "title": "Rate replay", "interfaces": [], "assets": ["AS-DOSE"], "affects_safety": false,
			"safety_rationale": "n/a",
		},
	])]}
	findings == {
		{
			"path": "security/risk.yaml",
			"pointer": "/threats/0/affects_safety",
			"message": concat("", [
				"threat \"T-1\" concerns AS-DOSE of a safety function but states affects_safety: false without saying why; ",
				"explain under safety_rationale why exploiting it cannot cause a hazardous situation, or name the hazards ",
				"it can cause",
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/threats/1/affects_safety",
			"message": concat("", [
				"threat \"T-2\" concerns AS-DOSE of a safety function but states affects_safety: false without saying why; ",
				"explain under safety_rationale why exploiting it cannot cause a hazardous situation, or name the hazards ",
				"it can cause",
			]),
		},
	}
}

_ev_riskfile(threats) := {"type": "security-risk-file", "path": "security/risk.yaml", "content": {"threats": threats}}

test_evidence_names_each_threat if {
	inp := {"derived": {"cvss": {}}, "documents": [_ev_riskfile([{"id": "T-1"}, {"id": "T-2"}])]}
	rule.evidence == {
		{"path": "security/risk.yaml", "pointer": "/threats/0"},
		{"path": "security/risk.yaml", "pointer": "/threats/1"},
	} with input as inp
	count(rule.insufficient) == 0 with input as inp
}

test_insufficient_no_threats if {
	inp := {"derived": {"cvss": {}}, "documents": [_ev_riskfile([])]}
	count(rule.evidence) == 0 with input as inp
	count(rule.report) == 0 with input as inp
	{[f.pointer, contains(f.message, "lists no threats, so no threat can be traced to the hazards")] | some f in rule.insufficient} == {
		["/threats", true],
	} with input as inp
}

test_insufficient_no_risk_file if {
	inp := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"interfaces": [{"id": "IF-1"}]}}}, "documents": []}
	count(rule.evidence) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["annexlint.yaml", "/documents"]} with input as inp
}

test_fail_placeholder_hazard if {
	findings := rule.report with input as {"documents": [_riskfile([{
		"id": "T-1", "title": "Tampered rate", "interfaces": [], "assets": ["AS-DOSE"],
		"safety_hazards": ["TBD", "n/a"],
	}])]}
	findings == {{
		"path": "security/risk.yaml",
		"pointer": "/threats/0",
		"message": concat("", [
			"threat \"T-1\" can affect safety (it concerns AS-DOSE, an asset of a safety function) but names no ",
			"safety hazard; ", _fix,
		]),
	}}
}
