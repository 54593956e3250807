package annexlint.rules.risk["control-verified_test"]

import data.annexlint.rules.risk["control-verified"] as rule

_riskfile(controls) := {"type": "security-risk-file", "path": "security/risk.yaml", "content": {"controls": controls}}

_files := {"security/risk.yaml": {"size": 10}, "tests/pentest.pdf": {"size": 2048}}

test_fail_control_without_verification if {
	findings := rule.report with input as {"files": _files, "documents": [_riskfile([
		{"id": "C-1", "title": "Signed firmware", "type": "design"},
		{"id": "C-2", "title": "TLS 1.3", "type": "design", "verification": []},
		{"id": "C-3", "title": "Rate limit", "type": "design", "verification": [{"evidence": "tests/pentest.pdf"}]},
	])]}
	findings == {
		{
			"path": "security/risk.yaml",
			"pointer": "/controls/0",
			"message": concat("", [
				"control \"C-1\" has no verification; add a verification entry naming the test or review report ",
				"that shows it is implemented and effective",
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/controls/1",
			"message": concat("", [
				"control \"C-2\" has no verification; add a verification entry naming the test or review report ",
				"that shows it is implemented and effective",
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/controls/2/verification/0",
			"message": concat("", [
				"verification no. 1 of control \"C-3\" records no result, so nothing shows that it passed; record ",
				"result: pass once the verification has passed (fail or open until then)",
			]),
		},
	}
}

test_fail_evidence_not_a_verification_report if {
	files := object.union(_files, {
		"annexlint.yaml": {"size": 500}, "sbom/fw.cdx.json": {"size": 900},
		"tests/empty.pdf": {"size": 0}, "scan/grype.json": {"size": 700},
	})
	findings := rule.report with input as {
		"manifest": {"path": "annexlint.yaml", "content": {}},
		"files": files,
		"documents": [
			{"type": "sbom", "path": "sbom/fw.cdx.json", "content": {}},
			{"type": "vulnerability-scan", "path": "scan/grype.json", "content": {}},
			_riskfile([{"id": "C-1", "title": "Signed firmware", "type": "design", "verification": [
				{"id": "V-1", "evidence": "annexlint.yaml", "result": "pass"},
				{"id": "V-2", "evidence": "sbom/fw.cdx.json", "result": "pass"},
				{"id": "V-3", "evidence": "tests/empty.pdf", "result": "pass"},
				{"id": "V-4", "evidence": "scan/grype.json", "result": "pass"},
				{"id": "V-5", "evidence": "tests/pentest.pdf", "result": "pass"},
			]}]),
		],
	}
	findings == {
		{
			"path": "security/risk.yaml",
			"pointer": "/controls/0/verification/0/evidence",
			"message": concat("", [
				"the evidence \"annexlint.yaml\" of verification \"V-1\" of control \"C-1\" is the bundle manifest, not a ",
				"report of a test or review; name the test or review report that shows the control works (a ",
				"test-report document or the report file)",
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/controls/0/verification/1/evidence",
			"message": concat("", [
				"the evidence \"sbom/fw.cdx.json\" of verification \"V-2\" of control \"C-1\" is a document of type ",
				"\"sbom\", not a report of a test or review; name the test or review report that shows the control ",
				"works (a test-report document or the report file)",
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/controls/0/verification/2/evidence",
			"message": concat("", [
				"the evidence \"tests/empty.pdf\" of verification \"V-3\" of control \"C-1\" is an empty file, not a ",
				"report of a test or review; name the test or review report that shows the control works (a ",
				"test-report document or the report file)",
			]),
		},
	}
}

test_fail_evidence_missing_and_result_not_passed if {
	findings := rule.report with input as {"files": _files, "documents": [_riskfile([{
		"id": "C-1", "title": "Signed firmware", "type": "design", "verification": [
			{"id": "V-1", "evidence": "tests/pentest.pdf", "result": "pass"},
			{"id": "V-2", "evidence": "tests/fuzz-report.pdf", "result": "fail"},
			{"evidence": "tests/pentest.pdf", "result": "open"},
		],
	}])]}
	findings == {
		{
			"path": "security/risk.yaml",
			"pointer": "/controls/0/verification/1/evidence",
			"message": concat("", [
				"the evidence \"tests/fuzz-report.pdf\" of verification \"V-2\" of control \"C-1\" is not in the ",
				"bundle; add the file or correct the path (relative to the bundle root)",
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/controls/0/verification/1/result",
			"message": concat("", [
				"verification \"V-2\" of control \"C-1\" has result \"fail\", so the control is not shown to work; ",
				"complete the verification or fix the control, verify it again and record result: pass",
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/controls/0/verification/2/result",
			"message": concat("", [
				"verification no. 3 of control \"C-1\" has result \"open\", so the control is not shown to work; ",
				"complete the verification or fix the control, verify it again and record result: pass",
			]),
		},
	}
}

test_success_verified_controls if {
	count(rule.report) == 0 with input as {"files": _files, "documents": [_riskfile([{
		"id": "C-1", "title": "Signed firmware", "type": "design",
		"verification": [{"id": "V-1", "evidence": "tests/pentest.pdf", "result": "pass"}],
	}])]}
}

_junit := {"type": "test-report", "path": "tests/junit.xml", "content": {"format": "junit-xml", "test_cases": [
	{"name": "rejects unknown certificate", "classname": "VT-101", "result": "pass"},
	{"name": "off after reset", "classname": "VT-202", "result": "pass"},
	{"name": "off after idle", "classname": "VT-202", "result": "fail"},
]}}

_pentest := {"type": "test-report", "path": "tests/pentest.yaml", "content": {"kind": "test-report", "test_cases": [
	{"id": "PT-BLE-01", "title": "Pairing without the display code is refused", "result": "pass"},
	{"id": "PT-BLE-02", "title": "Replay of a pairing", "result": "skipped"},
]}}

_machine_files := object.union(_files, {"tests/junit.xml": {"size": 900}, "tests/pentest.yaml": {"size": 400}})

test_fail_test_cases_missing_or_not_passed if {
	findings := rule.report with input as {"files": _machine_files, "documents": [_junit, _pentest, _riskfile([
		{"id": "C-1", "title": "TLS", "type": "design", "verification": [
			{"id": "VT-101", "evidence": "tests/junit.xml", "result": "pass"},
			{"id": "VT-202", "evidence": "tests/junit.xml", "result": "pass"},
		]},
		{"id": "C-2", "title": "Pairing", "type": "design", "verification": [{
			"evidence": "tests/pentest.yaml", "result": "pass",
			"test_cases": ["PT-BLE-01", "PT-BLE-02", "PT-BLE-09"],
		}]},
		{"id": "C-3", "title": "Bluetooth off", "type": "design", "verification": [
			{"evidence": "tests/junit.xml", "result": "pass"},
		]},
	])]}
	findings == {
		{
			"path": "security/risk.yaml",
			"pointer": "/controls/0/verification/1/id",
			"message": concat("", [
				"test case \"VT-202\" of verification \"VT-202\" of control \"C-1\" did not pass in the test report ",
				"tests/junit.xml (fail); fix the control, run the test again and add the passing report",
			]),
			"related": [{"path": "tests/junit.xml", "pointer": "/test_cases/2", "message": "the test case"}],
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/controls/1/verification/0/test_cases/1",
			"message": concat("", [
				"test case \"PT-BLE-02\" of verification no. 1 of control \"C-2\" did not pass in the test report ",
				"tests/pentest.yaml (skipped); fix the control, run the test again and add the passing report",
			]),
			"related": [{"path": "tests/pentest.yaml", "pointer": "/test_cases/1", "message": "the test case"}],
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/controls/1/verification/0/test_cases/2",
			"message": concat("", [
				"test case \"PT-BLE-09\" of verification no. 1 of control \"C-2\" is not in the test report ",
				"tests/pentest.yaml; correct the test case ID or add the report that contains it",
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/controls/2/verification/0",
			"message": concat("", [
				"verification no. 1 of control \"C-3\" points at the test report tests/junit.xml but names none of ",
				"its test cases; list under test_cases the IDs of the test cases that verify it",
			]),
		},
	}
}

test_success_test_cases_passed if {
	count(rule.report) == 0 with input as {"files": _machine_files, "documents": [_junit, _pentest, _riskfile([
		{"id": "C-1", "title": "TLS", "type": "design", "verification": [
			{"id": "VT-101", "evidence": "tests/junit.xml", "result": "pass"},
			{"evidence": "tests/junit.xml", "test_cases": ["VT-202.off after reset"], "result": "pass"},
		]},
		{"id": "C-2", "title": "Pairing", "type": "design", "verification": [
			{"id": "PT-BLE-01", "evidence": "tests/pentest.yaml", "result": "pass"},
			{"id": "V-9", "evidence": "tests/pentest.pdf", "result": "pass"},
		]},
	])]}
}

test_evidence_names_controls_and_their_reports if {
	inp := {"files": _files, "documents": [_riskfile([
		{"id": "C-1", "type": "design", "verification": [{"evidence": "tests/pentest.pdf", "result": "pass"}]},
		{"id": "C-2", "type": "design"},
	])]}
	rule.evidence == {
		{"path": "security/risk.yaml", "pointer": "/controls/0"},
		{"path": "security/risk.yaml", "pointer": "/controls/1"},
		{"path": "tests/pentest.pdf", "pointer": ""},
	} with input as inp
	count(rule.insufficient) == 0 with input as inp
}

test_insufficient_no_controls if {
	inp := {"files": _files, "documents": [_riskfile([])]}
	count(rule.evidence) == 0 with input as inp
	count(rule.report) == 0 with input as inp
	rule.insufficient == {{
		"path": "security/risk.yaml",
		"pointer": "/controls",
		"message": concat("", [
			"the security risk file security/risk.yaml lists no controls, so nothing shows that a risk control was ",
			"implemented and verified; list under controls the risk controls that reduce the threats, each with the ",
			"verification that shows it works",
		]),
	}} with input as inp
}

test_insufficient_no_risk_file if {
	inp := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"interfaces": [{"id": "IF-1"}]}}}, "documents": []}
	count(rule.evidence) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["annexlint.yaml", "/documents"]} with input as inp
}
