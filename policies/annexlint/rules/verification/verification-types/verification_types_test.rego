package annexlint.rules.verification["verification-types_test"]

import data.annexlint.rules.verification["verification-types"] as rule

_files := {
	"tests/junit.xml": {"size": 10},
	"tests/pentest.yaml": {"size": 10},
	"tests/fuzz.yaml": {"size": 10},
	"tests/sast.pdf": {"size": 10},
}

_report(path, type) := {"type": "test-report", "path": path, "content": {"kind": "test-report", "test_type": type}}

_riskfile(plan) := {"type": "security-risk-file", "path": "security/risk.yaml", "content": {"verification_plan": plan}}

_manifest := {"path": "annexlint.yaml", "content": {}}

test_fail_kinds_missing if {
	findings := rule.report with input as {"manifest": _manifest, "files": _files, "documents": [
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
		_report("tests/pentest.yaml", "penetration-test"),
		_report("tests/fuzz.yaml", "fuzz-test"),
		_riskfile([
			{"type": "security-feature-test", "evidence": ["tests/junit.xml"]},
			{"type": "static-analysis", "evidence": ["tests/sast.pdf"]},
			{"type": "software-composition-analysis", "evidence": ["tests/sast.pdf"]},
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
