package annexlint.rules.verification["test-report-references_test"]

import data.annexlint.rules.verification["test-report-references"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {"interfaces": [
	{"id": "IF-WIFI", "name": "Wi-Fi", "type": "wireless"},
	{"id": "IF-BLE", "name": "Bluetooth LE", "type": "bluetooth"},
]}}}

_riskfile := {"type": "security-risk-file", "path": "security/risk.yaml", "content": {"threats": [
	{"id": "T-1", "title": "Downgrade", "interfaces": []},
]}}

_report(scope, refs) := {"type": "test-report", "path": "tests/pentest.yaml", "content": {
	"kind": "test-report", "test_type": "penetration-test", "scope": scope,
	"findings": [{"id": "PT-01", "title": "TLS downgrade", "severity": "high", "status": "fixed", "risk_file_refs": refs}],
}}

test_fail_undefined_ids if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [
		_riskfile,
		_report(["IF-WIFI", "IF-LAN"], ["T-1", "T-7"]),
	]}
	findings == {
		{
			"path": "tests/pentest.yaml",
			"pointer": "/scope/1",
			"message": concat("", [
				"the test report's scope names interface \"IF-LAN\", which is not defined in the manifest's ",
				"product.interfaces; define it there or correct the ID",
			]),
		},
		{
			"path": "tests/pentest.yaml",
			"pointer": "/findings/0/risk_file_refs/1",
			"message": concat("", [
				"finding PT-01 of the test report names threat \"T-7\", which is not in the security risk file; ",
				"correct the ID or add the threat",
			]),
		},
	}
}

test_success_defined_ids if {
	count(rule.report) == 0 with input as {"manifest": _manifest, "documents": [
		_riskfile,
		_report(["IF-WIFI", "IF-BLE"], ["T-1"]),
	]}
}

test_evidence_each_reference_resolved if {
	inp := {"manifest": _manifest, "documents": [_riskfile, _report(["IF-WIFI", "IF-LAN"], ["T-1"])]}
	rule.evidence == {
		{"path": "tests/pentest.yaml", "pointer": "/scope/0"},
		{"path": "tests/pentest.yaml", "pointer": "/scope/1"},
		{"path": "tests/pentest.yaml", "pointer": "/findings/0/risk_file_refs/0"},
	} with input as inp
	count(rule.insufficient) == 0 with input as inp
}

test_insufficient_no_report if {
	inp := {"manifest": _manifest, "documents": [_riskfile]}
	count(rule.evidence) == 0 with input as inp
	[f] := [f | some f in rule.insufficient] with input as inp
	startswith(f.message, "the bundle holds no test report (type \"test-report\"), so it cannot be shown")
}

test_insufficient_reports_without_references if {
	inp := {"manifest": _manifest, "documents": [_riskfile, _report([], [])]}
	count(rule.report) == 0 with input as inp
	count(rule.evidence) == 0 with input as inp
	rule.insufficient == {{
		"path": "annexlint.yaml",
		"pointer": "/documents",
		"message": concat("", [
			"no test report names the interfaces it tested (scope) or the threats its findings concern ",
			"(risk_file_refs), so the testing cannot be traced to the product's interfaces or to the risk file; add ",
			"the interface IDs under scope of each report and the threat IDs under risk_file_refs of its findings",
		]),
	}} with input as inp
}
