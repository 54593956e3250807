package annexlint.rules.vex["document-valid_test"]

import data.annexlint.rules.vex["document-valid"] as rule

_doc(type, kind, problems) := {"type": type, "path": "vex/product.openvex.json", "content": {
	"kind": kind, "statements": [], "matches": [], "kev": [], "problems": problems,
}}

test_fail_each_problem_at_its_place if {
	findings := rule.report with input as {"documents": [_doc("vex", "openvex", [
		{"loc": {"pointer": ""}, "msg": "missing required \"author\""},
		{"loc": {"pointer": "/statements/1/justification"}, "msg": "justification \"not_reachable\" is not one of ..."},
	])]}
	findings == {
		{
			"path": "vex/product.openvex.json",
			"pointer": "/problems/0",
			"message": "the OpenVEX document does not follow its specification: missing required \"author\"; correct it here",
		},
		{
			"path": "vex/product.openvex.json",
			"pointer": "/problems/1",
			"message": concat("", [
				"the OpenVEX document does not follow its specification: justification \"not_reachable\" is not one ",
				"of ...; correct it here",
			]),
		},
	}
}

test_fail_scans_and_kev_catalogs_too if {
	findings := rule.report with input as {"documents": [
		_doc("vulnerability-scan", "grype", [{"loc": {"pointer": "/matches/0/artifact/purl"}, "msg": "invalid package URL"}]),
		object.union(_doc("kev-catalog", "kev", [{"loc": {"pointer": "/count"}, "msg": "count 3 does not match"}]), {"path": "kev.json"}),
	]}
	{f.message | some f in findings} == {
		"the Grype report does not follow its specification: invalid package URL; correct it here",
		"the KEV catalog does not follow its specification: count 3 does not match; correct it here",
	}
}

test_success_status_reasons_are_left_to_their_rules if {
	count(rule.report) == 0 with input as {"documents": [
		_doc("vex", "openvex", [
			{"loc": {"pointer": "/statements/0"}, "code": "not-affected-unjustified", "msg": "not_affected statement needs a justification or an impact_statement"},
			{"loc": {"pointer": "/statements/1"}, "code": "affected-no-action", "msg": "affected statement needs an action_statement"},
		]),
		_doc("vex", "csaf-vex", [
			{
				"loc": {"pointer": "/vulnerabilities/0/product_status/known_not_affected/0"},
				"code": "csaf-6.1.27.9", "msg": "CSAF 6.1.27.9: no impact",
			},
			{
				"loc": {"pointer": "/vulnerabilities/0/product_status/known_affected/0"},
				"code": "csaf-6.1.27.10", "msg": "CSAF 6.1.27.10: no action",
			},
		]),
	]}
}

test_success_valid_documents_and_other_types if {
	count(rule.report) == 0 with input as {"documents": [
		_doc("vex", "cyclonedx-vex", []),
		{"type": "security-risk-file", "path": "risk.yaml", "content": {"problems": [{"msg": "not a model"}]}},
	]}
}

test_evidence_each_document_read if {
	bundle := {"documents": [
		_doc("vex", "openvex", []),
		{"type": "vulnerability-scan", "path": "scans/fw.grype.json", "content": {"kind": "grype", "problems": []}},
		{"type": "sbom", "path": "sbom/fw.cdx.json", "content": {"problems": []}},
	]}
	rule.evidence == {
		{"path": "vex/product.openvex.json", "pointer": ""},
		{"path": "scans/fw.grype.json", "pointer": ""},
	} with input as bundle
}

test_no_evidence_without_such_documents if {
	count(rule.evidence) == 0 with input as {"documents": [{"type": "sbom", "path": "a.json", "content": {"problems": []}}]}
}
