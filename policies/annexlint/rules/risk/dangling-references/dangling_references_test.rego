package annexlint.rules.risk["dangling-references_test"]

import data.annexlint.rules.risk["dangling-references"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {"interfaces": [
	{"id": "IF-BLE", "name": "Bluetooth LE", "type": "bluetooth"},
]}}}

_riskfile(content) := {"type": "security-risk-file", "path": "security/risk.yaml", "content": object.union(
	{
		"acceptance_criteria": {"scale": ["low", "medium", "high"], "acceptable": ["low"]},
		"assets": [{"id": "A-DOSE", "name": "Dose settings"}],
		"controls": [{"id": "C-AUTH", "title": "Pairing with passkey", "type": "design"}],
		"threats": [],
	},
	content,
)}

test_fail_undefined_ids if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [_riskfile({"threats": [{
		"id": "T-1", "title": "Spoofed commands",
		"interfaces": ["IF-BLE", "IF-WIFI"], "assets": ["A-DOSE", "A-LOG"], "controls": ["C-AUTH", "C-SIGN"],
	}]})]}
	findings == {
		{
			"path": "security/risk.yaml",
			"pointer": "/threats/0/interfaces/1",
			"message": concat("", [
				"threat \"T-1\" names interface \"IF-WIFI\", which is not defined in the manifest's ",
				"product.interfaces; define it there or correct the ID",
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/threats/0/assets/1",
			"message": concat("", [
				"threat \"T-1\" names asset \"A-LOG\", which is not defined under assets in the risk file; ",
				"define it there or correct the ID",
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/threats/0/controls/1",
			"message": concat("", [
				"threat \"T-1\" names control \"C-SIGN\", which is not defined under controls in the risk file; ",
				"define it there or correct the ID",
			]),
		},
	}
}

test_fail_levels_not_on_scale if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [_riskfile({
		"acceptance_criteria": {"scale": ["low", "medium", "high"], "acceptable": ["low", "negligible"]},
		"threats": [{"id": "T-1", "title": "DoS", "interfaces": [], "initial_risk": "High", "residual_risk": "low"}],
	})]}
	findings == {
		{
			"path": "security/risk.yaml",
			"pointer": "/threats/0/initial_risk",
			"message": concat("", [
				"threat \"T-1\" has initial_risk \"High\", which is not a level of the acceptance criteria scale ",
				"(\"low\", \"medium\", \"high\"); use one of them",
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/acceptance_criteria/acceptable/1",
			"message": concat("", [
				"acceptable level \"negligible\" is not a level of the acceptance criteria scale ",
				"(\"low\", \"medium\", \"high\"); use one of them",
			]),
		},
	}
}

test_success_all_references_defined if {
	count(rule.report) == 0 with input as {"manifest": _manifest, "documents": [_riskfile({"threats": [{
		"id": "T-1", "title": "Spoofed commands", "interfaces": ["IF-BLE"], "assets": ["A-DOSE"],
		"controls": ["C-AUTH"], "initial_risk": "high", "residual_risk": "low",
	}]})]}
}

test_success_unrated_threat if {
	count(rule.report) == 0 with input as {"manifest": _manifest, "documents": [_riskfile({"threats": [
		{"id": "T-1", "title": "Spoofed commands", "interfaces": []},
	]})]}
}

test_fail_trust_boundary_references if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [_riskfile({"trust_boundaries": [{
		"id": "TB-HOSP", "name": "Hospital network", "interfaces": ["IF-BLE", "IF-LAN"], "assets": ["A-LIB"],
	}]})]}
	findings == {
		{
			"path": "security/risk.yaml",
			"pointer": "/trust_boundaries/0/interfaces/1",
			"message": concat("", [
				"trust boundary \"TB-HOSP\" names interface \"IF-LAN\", which is not defined in the manifest's ",
				"product.interfaces; define it there or correct the ID",
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/trust_boundaries/0/assets/0",
			"message": concat("", [
				"trust boundary \"TB-HOSP\" names asset \"A-LIB\", which is not defined under assets in the risk file; ",
				"define it there or correct the ID",
			]),
		},
	}
}

test_success_trust_boundary_references_defined if {
	count(rule.report) == 0 with input as {"manifest": _manifest, "documents": [_riskfile({"trust_boundaries": [{
		"id": "TB-HOSP", "name": "Hospital network", "interfaces": ["IF-BLE"], "assets": ["A-DOSE"],
	}]})]}
}

test_evidence_names_threats_boundaries_and_criteria if {
	inp := {"manifest": _manifest, "documents": [_riskfile({
		"threats": [{"id": "T-1", "interfaces": ["IF-BLE"], "initial_risk": "low"}],
		"trust_boundaries": [{"id": "TB-1", "interfaces": ["IF-BLE"]}],
	})]}
	rule.evidence == {
		{"path": "security/risk.yaml", "pointer": "/threats/0"},
		{"path": "security/risk.yaml", "pointer": "/trust_boundaries/0"},
		{"path": "security/risk.yaml", "pointer": "/acceptance_criteria"},
	} with input as inp
	count(rule.insufficient) == 0 with input as inp
}

test_insufficient_no_threats if {
	inp := {"manifest": _manifest, "documents": [_riskfile({"trust_boundaries": [{"id": "TB-1", "interfaces": ["IF-BLE"]}]})]}
	count(rule.evidence) == 0 with input as inp
	count(rule.report) == 0 with input as inp
	{[f.pointer, contains(f.message, "lists no threats")] | some f in rule.insufficient} == {["/threats", true]} with input as inp
}

test_insufficient_no_risk_file if {
	inp := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"interfaces": [{"id": "IF-1"}]}}}, "documents": []}
	count(rule.evidence) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["annexlint.yaml", "/documents"]} with input as inp
}
