package annexlint.rules.reporting["nis2-national-law_test"]

import data.annexlint.rules.reporting["nis2-national-law"] as rule

_input(product, register) := {
	"manifest": {"path": "annexlint.yaml", "content": {"product": product}},
	"documents": [{"type": "vulnerability-reports", "path": "r.yaml", "content": object.union(
		{"kind": "vulnerability-reports", "procedure": "SOP-PSIRT-007", "reports": []},
		register,
	)}],
}

_de := {"member_state": "DE", "law": "NIS2UmsuCG", "applies_from": "2025-12-06"}

test_success_law_named_for_each_member_state if {
	bundle := _input({"nis2_entity": "important", "nis2_member_states": ["DE"]}, {"nis2_national_law": [_de]})
	count(rule.report) == 0 with input as bundle
	rule.evidence == {{"path": "r.yaml", "pointer": "/nis2_national_law"}} with input as bundle
}

test_fail_member_state_without_law if {
	bundle := _input({"nis2_entity": "essential", "nis2_member_states": ["DE", "AT"]}, {"nis2_national_law": [_de]})
	rule.report == {{
		"path": "r.yaml",
		"pointer": "",
		"message": concat("", [
			"the register of notifications names no national law transposing NIS2 for AT, with the date it applies ",
			"from (nis2_national_law); name each, so the notification clocks start when the law bound the entity and ",
			"not from 18 October 2024",
		]),
	}} with input as bundle
}

test_fail_placeholder_law if {
	bundle := _input({"nis2_entity": "important"}, {"nis2_national_law": [object.union(_de, {"law": "TBD"})]})
	count(rule.report) == 1 with input as bundle
}

test_success_not_an_entity if {
	count(rule.report) == 0 with input as _input({"nis2_entity": "none"}, {})
}
