package annexlint.rules.gspr["evidence-hash-recorded_test"]

import data.annexlint.rules.gspr["evidence-hash-recorded"] as rule

_sum := "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

_files := {"gspr.yaml": {"size": 100}, "security/risk.yaml": {"size": 100, "sha256": _sum}}

_matrix(entries) := {"type": "gspr-evidence-matrix", "path": "gspr.yaml", "content": {"entries": entries}}

test_fail_no_hash if {
	findings := rule.report with input as {"files": _files, "documents": [_matrix([
		{"gspr": "17.2", "evidence": [{"document": "security/risk.yaml", "section": "threats"}]},
	])]}
	findings == {{
		"path": "gspr.yaml",
		"pointer": "/entries/0/evidence/0",
		"message": concat("", [
			"the evidence security/risk.yaml named for GSPR 17.2 records no SHA-256 of the version reviewed; ",
			"once this version is reviewed, record it as sha256: ", _sum,
		]),
	}}
}

test_success_hash_recorded_or_file_absent if {
	count(rule.report) == 0 with input as {"files": _files, "documents": [_matrix([
		{"gspr": "17.2", "evidence": [{"document": "security/risk.yaml", "sha256": _sum}]},
		{"gspr": "17.4", "evidence": [{"document": "ifu/missing.yaml"}]},
	])]}
}

test_evidence_names_entries_in_the_bundle if {
	inp := {"files": _files, "documents": [_matrix([
		{"gspr": "17.2", "evidence": [{"document": "security/risk.yaml"}, {"document": "gone.pdf"}]},
	])]}
	rule.evidence == {
		{"path": "gspr.yaml", "pointer": "/entries/0/evidence/0"},
		{"path": "security/risk.yaml", "pointer": ""},
	} with input as inp
	count(rule.insufficient) == 0 with input as inp
}

test_hollow_matrix if {
	# a matrix naming no evidence document: insufficient, with a message naming the matrix
	inp := {"files": _files, "documents": [_matrix([{"gspr": "17.2", "evidence": []}])]}
	count(rule.evidence) == 0 with input as inp
	count(rule.report) == 0 with input as inp
	{[f.path, f.pointer, contains(f.message, "names no evidence document, so no evidence entry can be checked")] | some f in rule.insufficient} == {
		["gspr.yaml", "/entries", true],
	} with input as inp

	# no matrix at all (AL-GSPR-001 reports it): nothing examined, no insufficient entry of this rule's own
	count(rule.evidence) == 0 with input as {"files": _files, "documents": []}
	count(rule.insufficient) == 0 with input as {"files": _files, "documents": []}
}
