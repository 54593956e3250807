package annexlint.rules.gspr["matrix-coverage_test"]

import data.annexlint.rules.gspr["matrix-coverage"] as rule

_manifest(framework) := {"path": "annexlint.yaml", "content": {"product": {"framework": framework}}}

_matrix(entries) := {"type": "gspr-evidence-matrix", "path": "gspr.yaml", "content": {"entries": entries}}

_evidence := [{"document": "security/risk.yaml"}]

_entries(sections) := [{"gspr": s, "evidence": _evidence} | some s in sections]

test_fail_no_matrix if {
	findings := rule.report with input as {"manifest": _manifest("MDR"), "documents": []}
	findings == {{
		"path": "annexlint.yaml",
		"pointer": "/documents",
		"message": concat("", [
			"the manifest lists no GSPR evidence matrix (type \"gspr-evidence-matrix\"); add one naming the documents ",
			"that show conformity with each cybersecurity requirement (MDR Annex I 14.2(d), 14.5, 17.1, 17.2, 17.4, ",
			"18.8, 23.4(ab))",
		]),
	}}
}

test_fail_missing_and_empty_entries if {
	findings := rule.report with input as {"manifest": _manifest("MDR"), "documents": [_matrix(array.concat(
		[
			{"gspr": "17.2", "evidence": []},
			{"gspr": "23.4(ab)", "applicable": false, "evidence": []},
		],
		_entries(["17.1", "18.8", "14.5"]),
	))]}
	findings == {
		{
			"path": "gspr.yaml",
			"pointer": "/entries",
			"message": concat("", [
				"the GSPR evidence matrix has no entry for MDR Annex I 14.2(d), 17.4; add one for each, listing the ",
				"documents that show conformity (or why it does not apply)",
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
	sections := ["17.2", "16.4", "13.2(d)", "16.1", "20.4(ah)", "18.8", "13.5"]
	findings := rule.report with input as {"manifest": _manifest("IVDR"), "documents": [_matrix(_entries(sections))]}
	{f.message | some f in findings} == {concat("", [
		"the GSPR evidence matrix has no entry for IVDR Annex I 16.2; add one for each, listing the documents ",
		"that show conformity (or why it does not apply)",
	])}
}

test_success_covered_with_spelling_variants if {
	sections := [" 17.2 ", "17.4", "14.2 (d)", "14.5", "17.1", "18.8", "23.4(AB)"]
	count(rule.report) == 0 with input as {"manifest": _manifest("MDR"), "documents": [_matrix(_entries(sections))]}
}

test_success_justified_not_applicable if {
	count(rule.report) == 0 with input as {"manifest": _manifest("MDR"), "documents": [_matrix(array.concat(
		_entries(["17.2", "14.2(d)", "14.5", "17.1", "18.8", "23.4(ab)"]),
		[{
			"gspr": "17.4", "applicable": false, "evidence": [],
			"justification": "runs only on the supplied closed hardware",
		}],
	))]}
}

# MDCG 2019-16 section 1.3 counts interoperability (MDR 14.5, IVDR 13.5) among the cybersecurity requirements.
test_fail_interoperability_missing if {
	findings := rule.report with input as {"manifest": _manifest("MDR"), "documents": [_matrix(_entries([
		"14.2(d)", "17.1", "17.2", "17.4", "18.8", "23.4(ab)",
	]))]}
	{f.message | some f in findings} == {concat("", [
		"the GSPR evidence matrix has no entry for MDR Annex I 14.5; add one for each, listing the documents ",
		"that show conformity (or why it does not apply)",
	])}
}

test_success_cra_product_needs_no_matrix if {
	count(rule.report) == 0 with input as {"manifest": _manifest("CRA"), "documents": []}
}

test_evidence_names_matrix_entries if {
	inp := {"manifest": _manifest("MDR"), "documents": [_matrix(_entries(["17.2", "17.4"]))]}
	rule.evidence == {{"path": "gspr.yaml", "pointer": "/entries/0"}, {"path": "gspr.yaml", "pointer": "/entries/1"}} with input as inp
}

test_no_evidence_without_matrix_entries if {
	# both are findings already (no matrix; no entry for the required sections), so the evidence is just empty
	none := {"manifest": _manifest("MDR"), "documents": []}
	count(rule.evidence) == 0 with input as none
	count(rule.report) == 1 with input as none
	empty := {"manifest": _manifest("IVDR"), "documents": [_matrix([])]}
	count(rule.evidence) == 0 with input as empty
	count(rule.report) == 1 with input as empty
}
