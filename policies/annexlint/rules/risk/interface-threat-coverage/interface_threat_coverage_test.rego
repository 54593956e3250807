package annexlint.rules.risk["interface-threat-coverage_test"]

import data.annexlint.rules.risk["interface-threat-coverage"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {"interfaces": [
	{"id": "IF-WIFI", "name": "Wi-Fi", "type": "wireless"},
	{"id": "IF-BLE", "name": "Bluetooth LE", "type": "bluetooth"},
]}}}

_riskfile(threats) := {"type": "security-risk-file", "path": "risk.yaml", "content": {"threats": threats}}

test_fail_interface_without_threat if {
	findings := rule.report with input as {
		"manifest": _manifest,
		"documents": [_riskfile([{"id": "T1", "interfaces": ["IF-WIFI"]}])],
	}
	findings == {{
		"path": "annexlint.yaml",
		"pointer": "/product/interfaces/1",
		"message": "interface \"IF-BLE\" (Bluetooth LE) is declared in the manifest but no threat in risk.yaml names it; add a threat for it to the threat model",
		"related": [{"path": "risk.yaml", "pointer": "/threats", "message": "threats of the security risk file"}],
	}}
}

test_success_every_interface_covered if {
	count(rule.report) == 0 with input as {
		"manifest": _manifest,
		"documents": [_riskfile([{"id": "T1", "interfaces": ["IF-WIFI", "IF-BLE"]}])],
	}
}

test_evidence_names_interfaces_and_threats if {
	inp := {"manifest": _manifest, "documents": [_riskfile([{"id": "T1", "interfaces": ["IF-WIFI", "IF-BLE"]}])]}
	rule.evidence == {
		{"path": "annexlint.yaml", "pointer": "/product/interfaces/0"},
		{"path": "annexlint.yaml", "pointer": "/product/interfaces/1"},
		{"path": "risk.yaml", "pointer": "/threats"},
	} with input as inp
	count(rule.insufficient) == 0 with input as inp
}

test_insufficient_no_interfaces if {
	inp := {"manifest": {"path": "annexlint.yaml", "content": {"product": {}}}, "documents": [_riskfile([{"id": "T1"}])]}
	count(rule.evidence) == 0 with input as inp
	count(rule.report) == 0 with input as inp
	rule.insufficient == {{
		"path": "annexlint.yaml",
		"pointer": "/product",
		"message": concat("", [
			"the manifest declares no interfaces (product.interfaces), so nothing shows which attack surface the ",
			"threat model covers; declare each external interface (network, wireless, USB, API, user interface...) ",
			"with its id",
		]),
	}} with input as inp
}

test_insufficient_no_risk_file if {
	inp := {"manifest": _manifest, "documents": []}
	count(rule.evidence) == 0 with input as inp
	count(rule.report) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["annexlint.yaml", "/documents"]} with input as inp
}

# An imported model (no interface IDs, as Threat Dragon records none) beside a native risk file: the threat model is
# the union of both, so an interface the native file covers is covered.
test_success_interfaces_covered_across_risk_files if {
	imported := {"type": "security-risk-file", "path": "model.json", "content": {"threats": [{"id": "TD-1", "interfaces": []}]}}
	count(rule.report) == 0 with input as {
		"manifest": _manifest,
		"documents": [imported, _riskfile([{"id": "T1", "interfaces": ["IF-WIFI", "IF-BLE"]}])],
	}
}

test_fail_interface_covered_by_no_risk_file if {
	other := {"type": "security-risk-file", "path": "model.json", "content": {"threats": [{"id": "TD-1", "interfaces": ["IF-WIFI"]}]}}
	findings := rule.report with input as {
		"manifest": _manifest,
		"documents": [_riskfile([{"id": "T1", "interfaces": ["IF-WIFI"]}]), other],
	}
	findings == {{
		"path": "annexlint.yaml",
		"pointer": "/product/interfaces/1",
		"message": "interface \"IF-BLE\" (Bluetooth LE) is declared in the manifest but no threat in model.json, risk.yaml names it; add a threat for it to the threat model",
		"related": [
			{"path": "risk.yaml", "pointer": "/threats", "message": "threats of the security risk file"},
			{"path": "model.json", "pointer": "/threats", "message": "threats of the security risk file"},
		],
	}}
}
