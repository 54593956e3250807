package annexlint.rules.gspr["evidence-exists_test"]

import data.annexlint.rules.gspr["evidence-exists"] as rule

_files := {"gspr.yaml": {"size": 100}, "security/risk.yaml": {"size": 100}, "tests/pentest.pdf": {"size": 100}}

_matrix(entries) := {"type": "gspr-evidence-matrix", "path": "gspr.yaml", "content": {"entries": entries}}

test_fail_evidence_not_in_bundle if {
	findings := rule.report with input as {"files": _files, "documents": [_matrix([
		{"gspr": "17.2", "evidence": [{"document": "security/risk.yaml"}, {"document": "tests/fuzzing.pdf"}]},
		{"gspr": "17.4", "evidence": [{"document": "ifu/ifu.pdf", "section": "4.2"}]},
	])]}
	findings == {
		{
			"path": "gspr.yaml",
			"pointer": "/entries/0/evidence/1/document",
			"message": concat("", [
				"the evidence document \"tests/fuzzing.pdf\" named for GSPR 17.2 is not in the bundle; ",
				"add the file or correct the path (relative to the bundle root)",
			]),
		},
		{
			"path": "gspr.yaml",
			"pointer": "/entries/1/evidence/0/document",
			"message": concat("", [
				"the evidence document \"ifu/ifu.pdf\" named for GSPR 17.4 is not in the bundle; ",
				"add the file or correct the path (relative to the bundle root)",
			]),
		},
	}
}

test_fail_evidence_outside_bundle if {
	findings := rule.report with input as {"files": _files, "documents": [_matrix([{"gspr": "18.8", "evidence": [
		{"document": "../shared/pentest.pdf"},
		{"document": "/etc/passwd"},
		{"document": "C:\\reports\\pentest.pdf"},
		{"document": "tests/..\\..\\pentest.pdf"},
	]}])]}
	{f.pointer | some f in findings} == {
		"/entries/0/evidence/0/document",
		"/entries/0/evidence/1/document",
		"/entries/0/evidence/2/document",
		"/entries/0/evidence/3/document",
	}
	some f in findings
	f.message == concat("", [
		"the evidence document \"/etc/passwd\" named for GSPR 18.8 is outside the bundle (an absolute path or a ",
		"path through \"..\"); put the evidence into the bundle and name it by its path relative to the bundle root",
	])
}

test_success_all_evidence_present if {
	count(rule.report) == 0 with input as {"files": _files, "documents": [_matrix([
		{"gspr": "17.2", "evidence": [{"document": "security/risk.yaml"}, {"document": "tests/pentest.pdf"}]},
		{"gspr": "17.4", "evidence": [{"document": 42}]},
	])]}
}
