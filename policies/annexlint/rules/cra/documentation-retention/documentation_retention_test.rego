package annexlint.rules.cra["documentation-retention_test"]

import data.annexlint.rules.cra["documentation-retention"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {
	"framework": "CRA",
	"placed_on_market": "2028-03-01",
	"support_period_end": "2033-03-31",
}}}

_description(retention) := {"type": "technical-description", "path": "conformity/technical-description.yaml", "content": {
	"kind": "technical-description",
	"retention": retention,
}}

test_fail_kept_for_the_support_period_only if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [_description({
		"kept_by": "Regulatory affairs, SOP-DOC-02",
		"until": "2033-03-31",
	})]}
	findings == {{
		"path": "conformity/technical-description.yaml",
		"pointer": "/retention/until",
		"message": concat("", [
			"the technical description conformity/technical-description.yaml keeps the technical documentation and the ",
			"declaration until 2033-03-31, but they must be kept for ten years after the placing on the market on ",
			"2028-03-01; keep them until 2038-03-01 at least (CRA Art. 13(13))",
		]),
	}}
}

test_success_ten_years if {
	count(rule.report) == 0 with input as {"manifest": _manifest, "documents": [_description({
		"kept_by": "Regulatory affairs, SOP-DOC-02",
		"until": "2038-03-01",
	})]}
}

test_fail_support_period_longer if {
	manifest := json.patch(_manifest, [{"op": "replace", "path": "/content/product/support_period_end", "value": "2040-12-31"}])
	[f] := [f | some f in rule.report] with input as {"manifest": manifest, "documents": [_description({"kept_by": "RA", "until": "2038-03-01"})]}
	contains(f.message, "the support period ends on 2040-12-31")
}

test_fail_nothing_said if {
	[f] := [f | some f in rule.report] with input as {"manifest": _manifest, "documents": [{"type": "technical-description", "path": "conformity/technical-description.yaml", "content": {}}]}
	f.pointer == ""
	contains(f.message, "(retention.kept_by, retention.until)")
}

test_evidence_and_insufficient if {
	count(rule.evidence) == 1 with input as {"manifest": _manifest, "documents": [_description({"kept_by": "RA", "until": "2038-03-01"})]}
	count(rule.evidence) == 0 with input as {"manifest": _manifest, "documents": [_description({"kept_by": "TBD", "until": "2038-03-01"})]}
	[f] := [f | some f in rule.insufficient] with input as {"manifest": _manifest, "documents": []}
	f.pointer == "/documents"
}
