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
