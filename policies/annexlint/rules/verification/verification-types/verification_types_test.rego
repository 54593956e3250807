package annexlint.rules.verification["verification-types_test"]

import data.annexlint.rules.verification["verification-types"] as rule

_files := {
	"tests/junit.xml": {"size": 10},
	"tests/pentest.yaml": {"size": 10},
	"tests/fuzz.yaml": {"size": 10},
	"tests/sast.pdf": {"size": 10},
	"tests/sast.yaml": {"size": 10},
}

_report(path, type) := {"type": "test-report", "path": path, "content": {
	"kind": "test-report", "test_type": type,
	"test_cases": [{"id": "TC-1", "result": "pass"}],
}}

# _empty is a report that records no test case and no finding.
_empty(path, type) := {"type": "test-report", "path": path, "content": {"kind": "test-report", "test_type": type, "findings": []}}

# _junit is a JUnit XML run: it has no test type of its own, so the plan gives it one.
_junit := {"type": "test-report", "path": "tests/junit.xml", "content": {
	"format": "junit-xml",
	"test_cases": [{"name": "rejects unknown certificate", "classname": "VT-101", "result": "pass"}],
}}

_riskfile(plan) := {"type": "security-risk-file", "path": "security/risk.yaml", "content": {"verification_plan": plan}}

_manifest := {"path": "annexlint.yaml", "content": {}}

test_fail_kinds_missing if {
	findings := rule.report with input as {"manifest": _manifest, "files": _files, "documents": [
		_junit,
		_report("tests/pentest.yaml", "penetration-test"),
		_riskfile([
			{"type": "security-feature-test", "evidence": ["tests/junit.xml"]},
			{"type": "static-analysis", "evidence": ["tests/sast-2026.pdf"]},
			{"type": "vulnerability-scan", "justification": " "},
		]),
	]}
	findings == {
		{
			"path": "annexlint.yaml",
			"pointer": "/documents",
			"message": concat("", [
				"the bundle holds no report of fuzz testing (fuzz-test), software composition analysis ",
				"(software-composition-analysis), static code analysis (static-analysis), vulnerability scanning ",
				"(vulnerability-scan); add each as a test-report document of that test_type or name it under evidence ",
				"of a verification_plan entry of that type in the risk file, or justify there why it was not performed",
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/verification_plan/1/evidence/0",
			"message": concat("", [
				"the verification plan names \"tests/sast-2026.pdf\" as evidence of static-analysis, but it is not in ",
				"the bundle; add the report or correct the path (relative to the bundle root)",
			]),
		},
	}
}

test_success_all_kinds_evidenced_or_justified if {
	count(rule.report) == 0 with input as {"manifest": _manifest, "files": _files, "documents": [
		_junit,
		_report("tests/pentest.yaml", "penetration-test"),
		_report("tests/fuzz.yaml", "fuzz-test"),
		_report("tests/sast.yaml", "static-analysis"),
		_report("tests/sca.yaml", "software-composition-analysis"),
		_riskfile([
			{"type": "security-feature-test", "evidence": ["tests/junit.xml"]},
			{"type": "static-analysis", "evidence": ["tests/sast.yaml"]},
			{"type": "vulnerability-scan", "justification": "No listening network service; covered by the pen test."},
		]),
	]}
}

test_fail_only_other_kinds_missing_when_scanner_results_exist if {
	findings := rule.report with input as {"manifest": _manifest, "files": _files, "documents": [
		{"type": "vulnerability-scan", "path": "scans/grype.json", "content": {}},
		_riskfile([]),
	]}
	every f in findings {
		not contains(f.message, "vulnerability-scan")
	}
	count(findings) == 1
}

test_evidence_reports_plan_entries_and_justifications if {
	inp := {"manifest": _manifest, "files": _files, "documents": [
		_report("tests/pentest.yaml", "penetration-test"),
		{"type": "vulnerability-scan", "path": "scans/grype.json", "content": {}},
		{"type": "test-report", "path": "tests/sast.yaml", "content": {"findings": [{"id": "F-1"}]}},
		_riskfile([
			{"type": "static-analysis", "evidence": ["tests/sast.yaml", "tests/missing.pdf", "tests/sast.pdf"]},
			{"type": "fuzz-test", "justification": "No parser is exposed."},
		]),
	]}
	rule.evidence == {
		{"path": "tests/pentest.yaml", "pointer": ""},
		{"path": "scans/grype.json", "pointer": ""},
		{"path": "tests/sast.yaml", "pointer": ""},
		{"path": "security/risk.yaml", "pointer": "/verification_plan/0/evidence/0"},
		{"path": "security/risk.yaml", "pointer": "/verification_plan/1/justification"},
	} with input as inp
}

test_insufficient_empty_report_not_a_pass if {
	inp := {"manifest": _manifest, "files": _files, "documents": [
		_empty("tests/pentest.yaml", "penetration-test"),
		_riskfile([{"type": t, "justification": "Out of scope of this release: no such interface."} |
			some t in ["security-feature-test", "fuzz-test", "vulnerability-scan", "static-analysis", "software-composition-analysis"]
		]),
	]}
	count(rule.report) == 0 with input as inp
	rule.insufficient == {{
		"path": "tests/pentest.yaml",
		"pointer": "",
		"message": concat("", [
			"this report of penetration testing (penetration-test) records no test cases and no findings, so it does ",
			"not show that the testing was performed; add its results: test_cases or findings, or the run's test ",
			"cases for JUnit XML",
		]),
	}} with input as inp
	not {"path": "tests/pentest.yaml", "pointer": ""} in rule.evidence with input as inp
}

# A JUnit report without a testcase, named in the plan, evidences nothing either.
test_insufficient_empty_junit_named_in_plan if {
	inp := {"manifest": _manifest, "files": _files, "documents": [
		{"type": "test-report", "path": "tests/junit.xml", "content": {"format": "junit-xml", "suites": [], "test_cases": []}},
		_riskfile([{"type": "security-feature-test", "evidence": ["tests/junit.xml"]}]),
	]}
	[f] := [f | some f in rule.insufficient] with input as inp
	f.path == "tests/junit.xml"
	contains(f.message, "security feature testing (security-feature-test)")
	findings := rule.report with input as inp
	every f in findings {
		not contains(f.message, "security-feature-test")
	}
	count(rule.evidence) == 0 with input as inp
}

test_empty_report_does_not_hide_another_that_records_results if {
	inp := {"manifest": _manifest, "files": _files, "documents": [
		_empty("tests/pentest.yaml", "penetration-test"),
		_report("tests/pentest-2.yaml", "penetration-test"),
	]}
	count(rule.insufficient) == 0 with input as inp
}

test_no_evidence_in_a_hollow_bundle if {
	count(rule.evidence) == 0 with input as {"manifest": _manifest, "files": {}, "documents": []}
}

# Any existing file is not evidence of a kind: an unlisted PDF, the manifest, an SBOM and a report of another kind are
# each reported at the plan entry, and the kinds they were offered for are not reported a second time as missing.
test_fail_plan_evidence_not_a_report_of_the_kind if {
	files := object.union(_files, {"annexlint.yaml": {"size": 10}, "sbom/fw.cdx.json": {"size": 10}})
	findings := rule.report with input as {"manifest": _manifest, "files": files, "documents": [
		_report("tests/pentest.yaml", "penetration-test"),
		{"type": "sbom", "path": "sbom/fw.cdx.json", "content": {}},
		_riskfile([
			{"type": "static-analysis", "evidence": ["tests/sast.pdf"]},
			{"type": "software-composition-analysis", "evidence": ["sbom/fw.cdx.json"]},
			{"type": "fuzz-test", "evidence": ["tests/pentest.yaml"]},
			{"type": "security-feature-test", "evidence": ["annexlint.yaml"]},
			{"type": "vulnerability-scan", "justification": "No listening service."},
		]),
	]}
	fix := concat("", [
		"list the report as a test-report document of that test_type (for a report annexlint cannot read, such as a ",
		"PDF, a native summary with its test cases or findings and full_report naming the file)",
	])
	findings == {
		{
			"path": "security/risk.yaml",
			"pointer": "/verification_plan/0/evidence/0",
			"message": concat("", [
				"the verification plan names \"tests/sast.pdf\" as evidence of static-analysis, but it is not listed in ",
				"the manifest as a test-report document, so what it records cannot be read; ", fix,
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/verification_plan/1/evidence/0",
			"message": concat("", [
				"the verification plan names \"sbom/fw.cdx.json\" as evidence of software-composition-analysis, but it ",
				"is a document of type \"sbom\", not a test report; ", fix,
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/verification_plan/2/evidence/0",
			"message": concat("", [
				"the verification plan names \"tests/pentest.yaml\" as evidence of fuzz-test, but it is a report of ",
				"penetration testing (test_type penetration-test); ", fix,
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/verification_plan/3/evidence/0",
			"message": concat("", [
				"the verification plan names \"annexlint.yaml\" as evidence of security-feature-test, but it is the ",
				"bundle manifest; ", fix,
			]),
		},
	}
	count(rule.evidence) == 2 with input as {"manifest": _manifest, "files": files, "documents": [
		_report("tests/pentest.yaml", "penetration-test"),
		_riskfile([{"type": "static-analysis", "evidence": ["tests/sast.pdf"]}, {"type": "fuzz-test", "justification": "No parser."}]),
	]}
}
