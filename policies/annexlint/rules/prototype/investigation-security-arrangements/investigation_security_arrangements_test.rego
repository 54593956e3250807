package annexlint.rules.prototype["investigation-security-arrangements_test"]

import data.annexlint.rules.prototype["investigation-security-arrangements"] as rule

_arrangements := {
	"document": "investigation/data-security.pdf",
	"unauthorised_access": "Study data pseudonymised on the pump; TLS 1.3 to the study server; role-based access with MFA; audit log.",
	"confidentiality": "Subject identification log kept only at the site; the sponsor sees subject numbers only.",
	"breach_response": "Breach procedure SOP-CI-09: containment, notification of sites and supervisory authority within 72 hours.",
}

_input(arr) := {
	"as_of": "2026-11-25",
	"manifest": {"path": "annexlint.yaml", "content": {"product": {
		"qualification": "investigational-device",
		"clinical_investigation": {"id": "CIV-25-03-048123", "security_arrangements": arr},
	}}},
	"files": {"investigation/data-security.pdf": {"size": 5000}},
}

test_fail_no_breach_measures if {
	rule.report == {{
		"path": "annexlint.yaml",
		"pointer": "/product/clinical_investigation/security_arrangements",
		"message": "the security arrangements do not state the measures that limit the possible adverse effects of a data security breach (security_arrangements.breach_response, MDR Annex XV Chapter II 4.5); describe them",
	}} with input as _input(object.remove(_arrangements, ["breach_response"]))
}

test_success_arrangements_described if {
	count(rule.report) == 0 with input as _input(_arrangements)
	count(rule.evidence) == 4 with input as _input(_arrangements)
}

test_fail_no_arrangements if {
	bundle := {"as_of": "2026-11-25", "manifest": {"path": "annexlint.yaml", "content": {"product": {"clinical_investigation": {"id": "CIV-1"}}}}}
	{f.pointer | some f in rule.report} == {"/product/clinical_investigation"} with input as bundle
}

test_fail_document_not_in_bundle if {
	{f.pointer | some f in rule.report} == {"/product/clinical_investigation/security_arrangements/document"} with input as _input(object.union(_arrangements, {"document": "x.pdf"}))
}

test_fail_placeholders if {
	count(rule.report) == 3 with input as _input(object.union(_arrangements, {"unauthorised_access": "TBD", "confidentiality": "n/a", "breach_response": "-"}))
}

test_insufficient_without_investigation if {
	bundle := {"as_of": "2026-11-25", "manifest": {"path": "annexlint.yaml", "content": {"product": {"qualification": "investigational-device"}}}}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	{f.pointer | some f in rule.insufficient} == {"/product"} with input as bundle
}
