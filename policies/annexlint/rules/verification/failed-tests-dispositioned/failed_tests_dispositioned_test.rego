package annexlint.rules.verification["failed-tests-dispositioned_test"]

import data.annexlint.rules.verification["failed-tests-dispositioned"] as rule

_fix := concat("", [
	"fix the defect and add the passing run, or record the failure as a finding of the report or under ",
	"vulnerabilities of the threat that assesses it",
])

_junit := {"type": "test-report", "path": "tests/junit.xml", "content": {"format": "junit-xml", "test_cases": [
	{"name": "rejects unknown certificate", "classname": "VT-101", "result": "pass"},
	{"name": "off after idle", "classname": "VT-202", "result": "fail"},
	{"name": "pairing timeout", "classname": "VT-203", "result": "error"},
	{"name": "replay", "classname": "VT-204", "result": "skipped"},
]}}

_native := {"type": "test-report", "path": "tests/pentest.yaml", "content": {
	"kind": "test-report",
	"test_cases": [
		{"id": "PT-01", "result": "fail", "finding": "PT-F-1"},
		{"id": "PT-02", "result": "fail", "finding": "PT-F-9"},
		{"id": "PT-03", "result": "fail"},
		{"id": "PT-04", "result": "fail", "risk_file_refs": ["TH-2"]},
	],
	"findings": [{"id": "PT-F-1", "title": "Weak cipher offered", "severity": "low", "status": "open"}],
}}

_riskfile(threats) := {"type": "security-risk-file", "path": "risk.yaml", "content": {"threats": threats}}

test_fail_failed_cases_not_dispositioned if {
	findings := rule.report with input as {"manifest": {"path": "annexlint.yaml"}, "documents": [
		_junit, _native,
		_riskfile([{"id": "TH-1", "vulnerabilities": ["VT-203.pairing timeout"]}, {"id": "TH-2"}]),
	]}
	findings == {
		{
			"path": "tests/junit.xml",
			"pointer": "/test_cases/1",
			"message": concat("", [
				"test case \"VT-202.off after idle\" of the test report tests/junit.xml has result \"fail\" and is not ",
				"dispositioned: no threat of the risk file lists it under vulnerabilities; ", _fix,
			]),
		},
		{
			"path": "tests/pentest.yaml",
			"pointer": "/test_cases/1",
			"message": concat("", [
				"test case \"PT-02\" of the test report tests/pentest.yaml has result \"fail\" and is not dispositioned: ",
				"it names finding \"PT-F-9\", which is not in the report; ", _fix,
			]),
		},
		{
			"path": "tests/pentest.yaml",
			"pointer": "/test_cases/2",
			"message": concat("", [
				"test case \"PT-03\" of the test report tests/pentest.yaml has result \"fail\" and is not dispositioned: ",
				"it names no finding of the report and no threat of the risk file lists it under vulnerabilities; ", _fix,
			]),
		},
	}
}

test_success_failures_dispositioned if {
	inp := {"manifest": {"path": "annexlint.yaml"}, "documents": [
		_junit,
		_riskfile([{"id": "TH-1", "vulnerabilities": ["VT-202", "VT-203.pairing timeout"]}]),
	]}
	count(rule.report) == 0 with input as inp
	rule.evidence == {{"path": "tests/junit.xml", "pointer": ""}} with input as inp
}

test_insufficient_no_results if {
	inp := {"manifest": {"path": "annexlint.yaml"}, "documents": [
		{"type": "test-report", "path": "tests/empty.xml", "content": {"format": "junit-xml", "test_cases": []}},
	]}
	count(rule.evidence) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["annexlint.yaml", "/documents"]} with input as inp
}
