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
