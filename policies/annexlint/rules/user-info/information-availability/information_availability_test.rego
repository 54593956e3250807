package annexlint.rules["user-info"]["information-availability_test"]

import data.annexlint.rules["user-info"]["information-availability"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {
	"framework": "CRA",
	"placed_on_market": "2028-03-01",
	"support_period_end": "2033-03-31",
}}}

_info(availability) := {"type": "user-security-information", "path": "docs/security-information.yaml", "content": {
	"kind": "user-security-information",
	"availability": availability,
}}

test_fail_available_for_the_support_period_only if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [_info({
		"url": "https://acme.example/docs",
		"available_until": "2033-03-31",
	})]}
	findings == {{
		"path": "docs/security-information.yaml",
		"pointer": "/availability/available_until",
		"message": concat("", [
			"the user security information docs/security-information.yaml stays available until 2033-03-31, but it ",
			"must stay available for ten years after the placing on the market on 2028-03-01; keep it available until ",
			"2038-03-01 at least (CRA Art. 13(18))",
		]),
	}}
}

test_success_ten_years if {
	count(rule.report) == 0 with input as {"manifest": _manifest, "documents": [_info({
		"url": "https://acme.example/docs",
		"available_until": "2038-03-01",
	})]}
}

test_fail_support_period_longer_than_ten_years if {
	manifest := json.patch(_manifest, [{"op": "replace", "path": "/content/product/support_period_end", "value": "2040-12-31"}])
	[f] := [f | some f in rule.report] with input as {"manifest": manifest, "documents": [_info({
		"url": "https://acme.example/docs",
		"available_until": "2038-03-01",
	})]}
	contains(f.message, "the support period ends on 2040-12-31")
}

test_fail_nothing_said if {
	[f] := [f | some f in rule.report] with input as {"manifest": _manifest, "documents": [{"type": "user-security-information", "path": "docs/security-information.yaml", "content": {}}]}
	f.pointer == ""
	contains(f.message, "does not say where and until when the information is kept available (availability.url, availability.available_until)")
}

test_evidence_and_insufficient if {
	count(rule.evidence) == 1 with input as {"manifest": _manifest, "documents": [_info({"url": "https://acme.example/docs", "available_until": "2038-03-01"})]}
	count(rule.evidence) == 0 with input as {"manifest": _manifest, "documents": [_info({"url": "TBD"})]}
	[f] := [f | some f in rule.insufficient] with input as {"manifest": _manifest, "documents": []}
	f.pointer == "/documents"
}
