package annexlint.rules.verification["test-findings-tracked_test"]

import data.annexlint.rules.verification["test-findings-tracked"] as rule

_pentest := {"type": "test-report", "path": "tests/pentest.yaml", "content": {
	"kind": "test-report",
	"test_type": "penetration-test",
	"findings": [
		{"id": "PT-01", "title": "Debug UART open", "severity": "critical", "status": "open"},
		{"id": "PT-02", "title": "Weak BLE pairing", "severity": "high", "status": "accepted", "risk_file_refs": ["T-9"]},
		{"id": "PT-03", "title": "TLS downgrade", "severity": "high", "status": "open", "risk_file_refs": ["T-1"]},
		{"id": "PT-04", "title": "Old OpenSSL", "severity": "high", "status": "accepted"},
		{"id": "PT-05", "title": "Banner", "severity": "low", "status": "open"},
		{"id": "PT-06", "title": "Hard-coded key", "severity": "critical", "status": "fixed"},
		{"id": "PT-07", "title": "Scanner noise", "severity": "high", "status": "false-positive"},
	],
}}

_riskfile := {"type": "security-risk-file", "path": "security/risk.yaml", "content": {"threats": [
	{"id": "T-1", "title": "Downgrade", "interfaces": []},
	{"id": "T-2", "title": "Outdated library", "interfaces": [], "vulnerabilities": ["CVE-2024-0001", "PT-04"]},
]}}

test_fail_untracked_findings if {
	findings := rule.report with input as {"documents": [_pentest, _riskfile]}
	findings == {
		{
			"path": "tests/pentest.yaml",
			"pointer": "/findings/0",
			"message": concat("", [
				"critical finding \"PT-01\" (Debug UART open) of the penetration test report is open, but no threat ",
				"of the security risk file assesses it; fix it, or add a threat listing it under vulnerabilities ",
				"with its risk and controls",
			]),
		},
		{
			"path": "tests/pentest.yaml",
			"pointer": "/findings/1",
			"message": concat("", [
				"high finding \"PT-02\" (Weak BLE pairing) of the penetration test report is accepted, but no threat ",
				"of the security risk file assesses it; fix it, or add a threat listing it under vulnerabilities ",
				"with its risk and controls",
			]),
		},
	}
}

test_fail_no_risk_file if {
	findings := rule.report with input as {"documents": [_pentest]}
	{f.pointer | some f in findings} == {"/findings/0", "/findings/1", "/findings/2", "/findings/3"}
}

test_success_all_tracked if {
	count(rule.report) == 0 with input as {"documents": [_pentest, object.union(_riskfile, {"content": {"threats": [
		{"id": "T-1", "title": "Downgrade", "interfaces": []},
		{"id": "T-9", "title": "Pairing", "interfaces": [], "vulnerabilities": ["PT-01", "PT-02"]},
		{"id": "T-2", "title": "Outdated library", "interfaces": [], "vulnerabilities": ["PT-04"]},
	]}})]}
}

test_fail_report_without_type if {
	findings := rule.report with input as {"documents": [{"type": "test-report", "path": "tests/scan.yaml", "content": {
		"findings": [{"id": "S-1", "title": "Telnet open", "severity": "critical", "status": "open"}],
	}}]}
	{f.message | some f in findings} == {concat("", [
		"critical finding \"S-1\" (Telnet open) of the test report is open, but no threat of the security risk file ",
		"assesses it; fix it, or add a threat listing it under vulnerabilities with its risk and controls",
	])}
}

_manifest := {"path": "annexlint.yaml", "content": {}}

test_evidence_findings_and_assessing_threats if {
	inp := {"manifest": _manifest, "documents": [_pentest, _riskfile]}
	rule.evidence == {
		{"path": "tests/pentest.yaml", "pointer": "/findings/0"},
		{"path": "tests/pentest.yaml", "pointer": "/findings/1"},
		{"path": "tests/pentest.yaml", "pointer": "/findings/2"},
		{"path": "tests/pentest.yaml", "pointer": "/findings/3"},
		{"path": "tests/pentest.yaml", "pointer": "/findings/4"},
		{"path": "tests/pentest.yaml", "pointer": "/findings/5"},
		{"path": "tests/pentest.yaml", "pointer": "/findings/6"},
		{"path": "security/risk.yaml", "pointer": "/threats/0"},
		{"path": "security/risk.yaml", "pointer": "/threats/1"},
	} with input as inp
	count(rule.insufficient) == 0 with input as inp
}

test_evidence_report_with_cases_and_no_findings if {
	junit := {"type": "test-report", "path": "tests/junit.xml", "content": {
		"format": "junit-xml", "test_cases": [{"name": "t", "result": "pass"}],
	}}
	rule.evidence == {{"path": "tests/junit.xml", "pointer": ""}} with input as {"manifest": _manifest, "documents": [junit]}
}

test_insufficient_no_report_with_results if {
	empty := {"type": "test-report", "path": "tests/junit.xml", "content": {"format": "junit-xml", "test_cases": []}}
	inp := {"manifest": _manifest, "documents": [empty, _riskfile]}
	count(rule.evidence) == 0 with input as inp
	rule.insufficient == {{
		"path": "annexlint.yaml",
		"pointer": "/documents",
		"message": concat("", [
			"the bundle holds no test report that records test cases or findings (type \"test-report\"), so it ",
			"cannot be shown that serious findings of security testing are assessed in the security risk file; add ",
			"the reports of the security testing with their findings and list them under documents",
		]),
	}} with input as inp
	count(rule.insufficient) == 1 with input as {"manifest": _manifest, "documents": []}
}
