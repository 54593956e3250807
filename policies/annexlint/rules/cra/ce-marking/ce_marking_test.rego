package annexlint.rules.cra["ce-marking_test"]

import data.annexlint.rules.cra["ce-marking"] as rule

_marking := {"location": "website", "affixed_on": "2028-01-25", "evidence": "conformity/ce-marking.png"}

_input(marking, route) := {
	"manifest": {"path": "annexlint.yaml", "content": {"product": {
		"framework": "CRA",
		"placed_on_market": "2028-02-01",
		"ce_marking": marking,
		"conformity_assessment": {"route": route, "notified_body": {"name": "Example Cert GmbH", "number": "0123"}},
	}}},
	"files": {"conformity/ce-marking.png": {"size": 100}},
}

test_success_marking_with_evidence if {
	count(rule.report) == 0 with input as _input(_marking, "internal-control")
	rule.evidence == {
		{"path": "annexlint.yaml", "pointer": "/product/ce_marking"},
		{"path": "conformity/ce-marking.png", "pointer": ""},
	} with input as _input(_marking, "internal-control")
}

test_success_module_h_with_the_number if {
	count(rule.report) == 0 with input as _input(object.union(_marking, {"notified_body_number": "0123"}), "full-quality-assurance")
}

test_fail_affixed_after_placing if {
	rule.report == {{
		"path": "annexlint.yaml",
		"pointer": "/product/ce_marking/affixed_on",
		"message": "the CE marking was affixed on 2028-02-02, after the product was placed on the market on 2028-02-01; the marking is affixed before the placing on the market (Art. 30(3))",
	}} with input as _input(object.union(_marking, {"affixed_on": "2028-02-02"}), "internal-control")
}

test_fail_evidence_not_in_bundle if {
	{f.pointer | some f in rule.report} == {"/product/ce_marking/evidence"} with input as _input(object.union(_marking, {"evidence": "conformity/missing.png"}), "internal-control")
}

test_fail_fields_missing if {
	findings := rule.report with input as _input({"evidence": "TODO"}, "internal-control")
	count(findings) == 3
	{f.pointer | some f in findings} == {"/product/ce_marking"}
}

test_fail_module_h_without_the_number if {
	{f.message | some f in rule.report} == {"a notified body took part under full quality assurance (module H), so its number follows the CE marking (Art. 30(4)); add ce_marking.notified_body_number as it appears beside the marking"} with input as _input(_marking, "full-quality-assurance")
}

test_fail_other_notified_body_number if {
	{f.pointer | some f in rule.report} == {"/product/ce_marking/notified_body_number"} with input as _input(object.union(_marking, {"notified_body_number": "0999"}), "full-quality-assurance")
}

test_insufficient_without_marking if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}}}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	{f.pointer | some f in rule.insufficient} == {"/product"} with input as bundle
}
