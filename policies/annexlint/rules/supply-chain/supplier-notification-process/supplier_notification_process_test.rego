package annexlint.rules["supply-chain"]["supplier-notification-process_test"]

import data.annexlint.rules["supply-chain"]["supplier-notification-process"] as rule

_process := {
	"procedure": "policies/supplier-notifications.md",
	"in_effect_from": "2026-08-01",
	"intake": "psirt@vitaflo-medical.example, named in every supply contract's security annex",
	"assessment_days": 5,
	"post_market_surveillance": "assessed notices are PMS input under PMS plan PMS-VF300 section 4.2",
	"supplier_evaluation": "critical suppliers assessed yearly under PUR-SOP-014",
}

_device(process) := {
	"as_of": "2026-11-25",
	"regime": {"instrument_role": {"MDR post-market surveillance and vigilance": "legal-basis", "NIS2 the manufacturer as an entity": "legal-basis"}},
	"manifest": {"path": "annexlint.yaml", "content": {"supply_chain": {"vulnerability_notifications": process}}},
	"documents": [{"id": "cvd", "type": "disclosure-policy", "path": "security/cvd.yaml", "content": {"triage_days": 5}}],
	"files": {"policies/supplier-notifications.md": {"size": 800}},
}

test_fail_no_link_to_post_market_surveillance if {
	rule.report == {{
		"path": "annexlint.yaml",
		"pointer": "/supply_chain/vulnerability_notifications",
		"message": "the process does not state how assessed notifications feed post-market surveillance (MDR Art. 83(2), IVDR Art. 78(2)) (vulnerability_notifications.post_market_surveillance); describe it",
	}} with input as _device(object.remove(_process, ["post_market_surveillance"]))
}

test_success_device_maker_process if {
	count(rule.report) == 0 with input as _device(_process)
	rule.evidence == {
		{"path": "annexlint.yaml", "pointer": "/supply_chain/vulnerability_notifications"},
		{"path": "policies/supplier-notifications.md", "pointer": ""},
	} with input as _device(_process)
}

test_fail_assessment_slower_than_triage if {
	{f.pointer | some f in rule.report} == {"/supply_chain/vulnerability_notifications/assessment_days"} with input as _device(object.union(_process, {"assessment_days": 10}))
}

test_fail_no_timeline if {
	{f.message | some f in rule.report} == {"the process does not say within how many days a supplier's notification is assessed for the product (vulnerability_notifications.assessment_days); state the timeline"} with input as _device(object.remove(_process, ["assessment_days"]))
}

test_fail_not_yet_in_effect if {
	{f.pointer | some f in rule.report} == {"/supply_chain/vulnerability_notifications/in_effect_from"} with input as _device(object.union(_process, {"in_effect_from": "2027-01-01"}))
}

test_fail_nis2_entity_without_supplier_evaluation if {
	{f.message | some f in rule.report} == {"the process does not state how each direct supplier's vulnerabilities, product quality and secure development practices are weighed (NIS2 Art. 21(3)) (vulnerability_notifications.supplier_evaluation); describe it"} with input as _device(object.union(_process, {"supplier_evaluation": "TBD"}))
}

test_fail_cra_product_without_upstream_reporting if {
	cra := json.patch(_device(_process), [{"op": "replace", "path": "/regime/instrument_role", "value": {"CRA product requirements": "legal-basis"}}])
	{f.message | some f in rule.report} == {"the process does not state how vulnerabilities found in a component are reported to its maker or maintainer (CRA Art. 13(6)) (vulnerability_notifications.upstream_reporting); describe it"} with input as cra
}

test_fail_procedure_not_in_bundle if {
	{f.pointer | some f in rule.report} == {"/supply_chain/vulnerability_notifications/procedure"} with input as _device(object.union(_process, {"procedure": "x.md"}))
}

test_insufficient_without_process if {
	bundle := {"as_of": "2026-11-25", "regime": {"instrument_role": {}}, "manifest": {"path": "annexlint.yaml", "content": {}}}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	{f.pointer | some f in rule.insufficient} == {""} with input as bundle
}
