package annexlint.rules.prototype["investigation-gspr-statement_test"]

import data.annexlint.rules.prototype["investigation-gspr-statement"] as rule

_ci := {
	"id": "CIV-25-03-048123",
	"aspects_under_investigation": ["closed-loop dosing algorithm"],
	"gspr_statement": {"document": "investigation/gspr-statement.pdf", "signed_by": "Dr. M. Roth, PRRC", "signed_on": "2026-09-30"},
}

_input(ci) := {
	"as_of": "2026-11-25",
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"qualification": "investigational-device", "clinical_investigation": ci}}},
	"files": {"investigation/gspr-statement.pdf": {"size": 5000}},
}

test_fail_statement_unsigned if {
	rule.report == {{
		"path": "annexlint.yaml",
		"pointer": "/product/clinical_investigation/gspr_statement",
		"message": "the GSPR statement does not say who signed it (gspr_statement.signed_by); Annex XV Chapter II 4.1 asks for the signature of the natural or legal person responsible for manufacturing the device: name the signatory and function",
	}} with input as _input(json.patch(_ci, [{"op": "replace", "path": "/gspr_statement/signed_by", "value": "TBD"}]))
}

test_success_signed_statement if {
	count(rule.report) == 0 with input as _input(_ci)
	rule.evidence == {
		{"path": "annexlint.yaml", "pointer": "/product/clinical_investigation/gspr_statement"},
		{"path": "investigation/gspr-statement.pdf", "pointer": ""},
	} with input as _input(_ci)
}

test_fail_no_statement if {
	{f.pointer | some f in rule.report} == {"/product/clinical_investigation"} with input as _input(object.remove(_ci, ["gspr_statement"]))
}

test_fail_statement_not_in_bundle if {
	{f.pointer | some f in rule.report} == {"/product/clinical_investigation/gspr_statement/document"} with input as _input(json.patch(_ci, [{"op": "replace", "path": "/gspr_statement/document", "value": "x.pdf"}]))
}

test_fail_signed_after_the_check if {
	{f.pointer | some f in rule.report} == {"/product/clinical_investigation/gspr_statement/signed_on"} with input as _input(json.patch(_ci, [{"op": "replace", "path": "/gspr_statement/signed_on", "value": "2027-01-10"}]))
}

test_fail_undated if {
	{f.message | some f in rule.report} == {"the GSPR statement is not dated (gspr_statement.signed_on); give the date of signature (YYYY-MM-DD)"} with input as _input(json.patch(_ci, [{"op": "remove", "path": "/gspr_statement/signed_on"}]))
}

test_fail_no_aspects_under_investigation if {
	{f.pointer | some f in rule.report} == {"/product/clinical_investigation"} with input as _input(object.union(_ci, {"aspects_under_investigation": ["TODO"]}))
}

test_insufficient_without_investigation if {
	bundle := {"as_of": "2026-11-25", "manifest": {"path": "annexlint.yaml", "content": {"product": {"qualification": "investigational-device"}}}}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	{f.pointer | some f in rule.insufficient} == {"/product"} with input as bundle
}
