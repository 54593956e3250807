package annexlint.rules.gspr["matrix-coverage_test"]

import data.annexlint.rules.gspr["matrix-coverage"] as rule

_manifest(framework) := {"path": "annexlint.yaml", "content": {"product": {"framework": framework}}}

_matrix(entries) := {"type": "gspr-evidence-matrix", "path": "gspr.yaml", "content": {"entries": entries}}

_evidence := [{"document": "security/risk.yaml"}]

test_fail_no_matrix if {
	findings := rule.report with input as {"manifest": _manifest("MDR"), "documents": []}
	findings == {{
		"path": "annexlint.yaml",
		"pointer": "/documents",
		"message": concat("", [
			"the manifest lists no GSPR evidence matrix (type \"gspr-evidence-matrix\"); add one naming the documents ",
			"that show conformity with each cybersecurity requirement (MDR Annex I 17.2, 17.4)",
		]),
	}}
}

test_fail_missing_and_empty_entries if {
	findings := rule.report with input as {"manifest": _manifest("MDR"), "documents": [_matrix([
		{"gspr": "17.2", "evidence": []},
		{"gspr": "23.4(ab)", "applicable": false, "evidence": []},
	])]}
	findings == {
		{
			"path": "gspr.yaml",
			"pointer": "/entries",
			"message": concat("", [
				"the GSPR evidence matrix has no entry for MDR Annex I 17.4; ",
				"add one listing the documents that show conformity",
			]),
		},
		{
			"path": "gspr.yaml",
			"pointer": "/entries/0/evidence",
			"message": concat("", [
				"the entry for MDR Annex I 17.2 lists no evidence; name the documents that show conformity ",
				"(risk file, test reports, IFU sections)",
			]),
		},
		{
			"path": "gspr.yaml",
			"pointer": "/entries/1",
			"message": concat("", [
				"the entry for GSPR 23.4(ab) is marked not applicable without a justification; ",
				"state why the requirement does not apply to the device",
			]),
		},
	}
}

test_fail_ivdr_sections if {
	findings := rule.report with input as {"manifest": _manifest("IVDR"), "documents": [_matrix([
		{"gspr": "17.2", "evidence": _evidence},
		{"gspr": "16.4", "evidence": _evidence},
	])]}
	{f.message | some f in findings} == {concat("", [
		"the GSPR evidence matrix has no entry for IVDR Annex I 16.2; ",
		"add one listing the documents that show conformity",
	])}
}

test_success_covered_with_spelling_variants if {
	count(rule.report) == 0 with input as {"manifest": _manifest("MDR"), "documents": [_matrix([
		{"gspr": " 17.2 ", "evidence": _evidence},
		{"gspr": "17.4", "evidence": _evidence},
	])]}
}

test_success_justified_not_applicable if {
	count(rule.report) == 0 with input as {"manifest": _manifest("MDR"), "documents": [_matrix([
		{"gspr": "17.2", "evidence": _evidence},
		{
			"gspr": "17.4", "applicable": false, "evidence": [],
			"justification": "runs only on the supplied closed hardware",
		},
	])]}
}
