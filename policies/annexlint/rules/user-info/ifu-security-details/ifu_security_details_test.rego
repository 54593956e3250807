package annexlint.rules["user-info"]["ifu-security-details_test"]

import data.annexlint.rules["user-info"]["ifu-security-details"] as rule

_info := {
	"kind": "user-security-information",
	"residual_risks": "An attacker on the hospital network can delay event-log upload; dosing is never affected.",
	"it_specifications": "Zephyr RTOS 3.7 firmware; updates signed (ECDSA P-256) and verified by MCUboot before install.",
	"user_qualification": "Biomedical engineers trained on the VF-300 service course install and configure the pump.",
	"compatibility": "Vitaflo Gateway 2.x on Windows Server 2022 or RHEL 9; no other host software is supported.",
}

_input(content) := {
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR"}}},
	"documents": [{"type": "user-security-information", "path": "ifu/security-information.yaml", "content": content}],
}

test_fail_compatibility_missing if {
	findings := rule.report with input as _input(object.remove(_info, ["compatibility"]))
	findings == {{
		"path": "ifu/security-information.yaml", "pointer": "",
		"message": concat("", [
			"the user security information ifu/security-information.yaml does not state the compatible systems and ",
			"restrictions of the operating environment (23.4(q)); add what the instructions for use tell users ",
			"(MDCG 2019-16 section 4.2)",
		]),
	}}
}

test_success_every_point_stated if {
	count(rule.report) == 0 with input as _input(_info)
	count(rule.insufficient) == 0 with input as _input(_info)
	count(rule.evidence) == 1 with input as _input(_info)
}

test_fail_placeholders_count_as_missing if {
	findings := rule.report with input as _input(object.union(_info, {"residual_risks": "TBD", "user_qualification": "n/a"}))
	count(findings) == 1
	some f in findings
	contains(f.message, "(23.4(g)); nor the training")
}

test_fail_empty_information if {
	findings := rule.report with input as _input({"kind": "user-security-information"})
	count(findings) == 1
	count(rule.evidence) == 0 with input as _input({"kind": "user-security-information"})
}

test_success_not_a_device if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}}, "documents": []}
	count(rule.report) == 0 with input as bundle
	count(rule.insufficient) == 0 with input as bundle
}

test_insufficient_no_user_information if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "IVDR"}}}, "documents": []}
	{f.pointer | some f in rule.insufficient} == {"/documents"} with input as bundle
}
