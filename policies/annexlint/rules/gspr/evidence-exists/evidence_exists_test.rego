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

test_evidence_names_documents_and_files if {
	inp := {"files": _files, "documents": [_matrix([
		{"gspr": "17.2", "evidence": [{"document": "security/risk.yaml"}, {"document": "tests/missing.pdf"}]},
	])]}
	rule.evidence == {
		{"path": "gspr.yaml", "pointer": "/entries/0/evidence/0/document"},
		{"path": "gspr.yaml", "pointer": "/entries/0/evidence/1/document"},
		{"path": "security/risk.yaml", "pointer": ""},
	} with input as inp
	count(rule.insufficient) == 0 with input as inp
}

test_hollow_matrix if {
	# a matrix naming no evidence document: insufficient, with a message naming the matrix
	inp := {"files": _files, "documents": [_matrix([{"gspr": "17.2", "evidence": []}])]}
	count(rule.evidence) == 0 with input as inp
	count(rule.report) == 0 with input as inp
	{[f.path, f.pointer, contains(f.message, "names no evidence document, so no evidence document it names can be checked")] | some f in rule.insufficient} == {
		["gspr.yaml", "/entries", true],
	} with input as inp

	# no matrix at all (AL-GSPR-001 reports it): nothing examined, no insufficient entry of this rule's own
	count(rule.evidence) == 0 with input as {"files": _files, "documents": []}
	count(rule.insufficient) == 0 with input as {"files": _files, "documents": []}
}
