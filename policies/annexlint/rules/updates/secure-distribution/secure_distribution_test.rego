package annexlint.rules.updates["secure-distribution_test"]

import data.annexlint.rules.updates["secure-distribution"] as rule

_plan(delivery) := {"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {
	"kind": "security-update-plan",
	"delivery": object.union({"mechanism": "signed packages from the update service"}, delivery),
}}

_riskfile := {"type": "security-risk-file", "path": "security/risk-file.yaml", "content": {"controls": [
	{"id": "SC-LOG", "title": "audit log", "type": "design"},
	{"id": "SC-UPDSIG", "title": "signed updates", "type": "design", "verification": [
		{"id": "ST-401", "evidence": "verification/tests.yaml", "result": "pass"},
	]},
	{"id": "SC-ROLLBACK", "title": "no downgrade", "type": "design", "verification": [
		{"id": "ST-402", "evidence": "verification/tests.yaml", "result": "open"},
	]},
]}}

_input(documents) := {
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}},
	"documents": documents,
	"files": {"verification/tests.yaml": {"size": 10}},
}

_protected := {
	"integrity": "Packages and release metadata signed with cosign; the key is held in an HSM by release engineering.",
	"authenticity_check": "The updater verifies the signature against the pinned key before install and refuses unsigned or older packages.",
	"channel": "HTTPS with TLS 1.3 to the update service, server certificate checked against the pinned CA.",
}

test_fail_placeholder_integrity if {
	findings := rule.report with input as _input([_plan(object.union(_protected, {"integrity": "TBD"}))])
	findings == {{
		"path": "security/update-plan.yaml",
		"pointer": "/delivery/integrity",
		"message": concat("", [
			"the security update plan does not describe how updates are protected against tampering and forgery ",
			"(delivery.integrity), so it cannot be shown that updates are distributed securely; describe each in words ",
			"the product can be held to",
		]),
	}}
}

test_success_protection_described_and_control_verified if {
	inp := _input([_plan(object.union(_protected, {"risk_controls": ["SC-UPDSIG"]})), _riskfile])
	count(rule.report) == 0 with input as inp
	rule.evidence == {
		{"path": "security/update-plan.yaml", "pointer": "/delivery"},
		{"path": "security/update-plan.yaml", "pointer": "/delivery/risk_controls/0"},
	} with input as inp
}

test_fail_check_and_channel_missing if {
	findings := rule.report with input as _input([_plan({"integrity": _protected.integrity})])
	findings == {{
		"path": "security/update-plan.yaml",
		"pointer": "/delivery",
		"message": concat("", [
			"the security update plan does not describe where and how the protection is checked before an update is ",
			"installed (delivery.authenticity_check), nor the channel that protects updates in transit ",
			"(delivery.channel), so it cannot be shown that updates are distributed securely; describe each in words ",
			"the product can be held to",
		]),
	}}
}

test_fail_control_not_in_risk_file if {
	findings := rule.report with input as _input([_plan(object.union(_protected, {"risk_controls": ["SC-UPDSIG", "SC-SIGN"]})), _riskfile])
	findings == {{
		"path": "security/update-plan.yaml",
		"pointer": "/delivery/risk_controls/1",
		"message": concat("", [
			"the security update plan says control \"SC-SIGN\" protects updates, but no security risk file defines it; ",
			"name the risk file's control, or add it to the risk file with its verification",
		]),
	}}
}

test_fail_control_not_verified if {
	inp := _input([_plan(object.union(_protected, {"risk_controls": ["SC-ROLLBACK", "SC-LOG"]})), _riskfile])
	findings := rule.report with input as inp
	findings == {
		{
			"path": "security/update-plan.yaml",
			"pointer": "/delivery/risk_controls/0",
			"message": concat("", [
				"the security update plan says control \"SC-ROLLBACK\" protects updates, but the risk file does not show ",
				"it verified; record a verification whose evidence is in the bundle and whose result is pass",
			]),
			"related": [{"path": "security/risk-file.yaml", "pointer": "/controls/2", "message": "the control"}],
		},
		{
			"path": "security/update-plan.yaml",
			"pointer": "/delivery/risk_controls/1",
			"message": concat("", [
				"the security update plan says control \"SC-LOG\" protects updates, but the risk file does not show ",
				"it verified; record a verification whose evidence is in the bundle and whose result is pass",
			]),
			"related": [{"path": "security/risk-file.yaml", "pointer": "/controls/0", "message": "the control"}],
		},
	}
}

test_fail_no_delivery_section if {
	inp := _input([{"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {"kind": "security-update-plan", "delivery": "signed"}}])
	{f.pointer | some f in rule.report} == {""} with input as inp
	count(rule.evidence) == 0 with input as inp
}

test_success_no_plan_is_insufficient_evidence if {
	inp := _input([])
	count(rule.report) == 0 with input as inp
	count(rule.evidence) == 0 with input as inp
	count(rule.insufficient) == 1 with input as inp
}
