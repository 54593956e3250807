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
