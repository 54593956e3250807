package annexlint.rules.gspr["evidence-hash_test"]

import data.annexlint.rules.gspr["evidence-hash"] as rule

_risk_sum := "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

_ifu_sum := "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"

_files := {
	"gspr.yaml": {"size": 100},
	"security/risk.yaml": {"size": 100, "sha256": _risk_sum},
	"ifu/security.yaml": {"size": 100, "sha256": _ifu_sum},
}

_matrix(entries) := {"type": "gspr-evidence-matrix", "path": "gspr.yaml", "content": {"entries": entries}}

test_fail_evidence_changed if {
	findings := rule.report with input as {"files": _files, "documents": [_matrix([
		{"gspr": "17.2", "evidence": [{"document": "security/risk.yaml", "sha256": _risk_sum}]},
		{"gspr": "17.4", "evidence": [{"document": "ifu/security.yaml", "sha256": _risk_sum}]},
	])]}
	findings == {{
		"path": "gspr.yaml",
		"pointer": "/entries/1/evidence/0/sha256",
		"message": concat("", [
			"the evidence ifu/security.yaml named for GSPR 17.4 changed since it was reviewed: the matrix records ",
			"SHA-256 ", _risk_sum, ", the file now has ", _ifu_sum,
			"; review the new version and record its hash, or restore the reviewed version",
		]),
	}}
}

test_success_hashes_match if {
	count(rule.report) == 0 with input as {"files": _files, "documents": [_matrix([
		{"gspr": "17.2", "evidence": [
			{"document": "security/risk.yaml", "sha256": upper(_risk_sum)},
			{"document": "ifu/security.yaml"},
			{"document": "tests/missing.pdf", "sha256": _risk_sum},
		]},
	])]}
}

test_evidence_names_entries_with_a_hash if {
	inp := {"files": _files, "documents": [_matrix([
		{"gspr": "17.2", "evidence": [{"document": "security/risk.yaml", "sha256": _risk_sum}]},
		{"gspr": "17.4", "evidence": [{"document": "ifu/security.yaml"}, {"document": "gone.pdf", "sha256": _risk_sum}]},
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
	{[f.path, f.pointer, contains(f.message, "names no evidence document, so no evidence document's recorded hash can be compared")] | some f in rule.insufficient} == {
		["gspr.yaml", "/entries", true],
	} with input as inp

	# no matrix at all (AL-GSPR-001 reports it): nothing examined, no insufficient entry of this rule's own
	count(rule.evidence) == 0 with input as {"files": _files, "documents": []}
	count(rule.insufficient) == 0 with input as {"files": _files, "documents": []}
}
