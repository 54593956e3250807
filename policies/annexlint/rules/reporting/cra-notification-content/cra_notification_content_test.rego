package annexlint.rules.reporting["cra-notification-content_test"]

import data.annexlint.rules.reporting["cra-notification-content"] as rule

_input(register, entry) := {
	"as_of": "2026-11-25",
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}},
	"documents": [{"type": "vulnerability-reports", "path": "r.yaml", "content": object.union(
		{"kind": "vulnerability-reports", "procedure": "SOP-PSIRT-007", "coordinator_csirt": "CERT-Bund (BSI)", "reports": [entry]},
		register,
	)}],
}

_entry(fields) := object.union(
	{
		"id": "VR-1", "type": "actively-exploited-vulnerability", "vulnerability": "CVE-2026-1",
		"aware_at": "2026-10-14T09:20:00Z", "early_warning_at": "2026-10-14T16:05:00Z",
		"notification_at": "2026-10-16T11:00:00Z", "final_report_at": "2026-11-04",
		"users_informed_at": "2026-10-21", "member_states": ["DE", "FR"],
		"references": ["ENISA single reporting platform case SRP-DE-2026-00417"],
	},
	fields,
)

test_success_complete_notification if {
	count(rule.report) == 0 with input as _input({}, _entry({}))
}

test_fail_member_states_missing if {
	findings := rule.report with input as _input({}, object.remove(_entry({}), ["member_states"]))
	findings == {{
		"path": "r.yaml",
		"pointer": "/reports/0",
		"message": concat("", [
			"VR-1: the early warning does not state the Member States where the product is made available ",
			"(CRA Art. 14(2)(a)); record them in member_states (ISO 3166-1 codes) so the coordinator CSIRT can pass ",
			"the notification on",
		]),
	}}
}

test_fail_users_not_informed if {
	findings := rule.report with input as _input({}, object.remove(_entry({}), ["users_informed_at"]))
	[f] := [f | some f in findings]
	contains(f.message, "the impacted users were informed (CRA Art. 14(8))")
}

test_fail_no_coordinator_csirt if {
	findings := rule.report with input as _input({"coordinator_csirt": "n/a"}, _entry({}))
	{f.pointer | some f in findings} == {""}
}

test_success_before_art14_applies if {
	old := object.remove(_entry({"aware_at": "2026-08-01T09:00:00Z", "early_warning_at": "2026-08-01T12:00:00Z"}), ["member_states"])
	count(rule.report) == 0 with input as _input({}, old)
}

test_success_nis2_incident_is_not_a_cra_notification if {
	count(rule.report) == 0 with input as _input({"coordinator_csirt": ""}, {
		"id": "INC-1", "type": "significant-incident", "incident": "INC-1",
		"aware_at": "2026-10-14T09:20:00Z", "early_warning_at": "2026-10-14T16:05:00Z",
	})
}

test_fail_no_platform_reference if {
	findings := rule.report with input as _input({}, _entry({"references": ["n/a"]}))
	findings == {{
		"path": "r.yaml",
		"pointer": "/reports/0",
		"message": concat("", [
			"VR-1: the record gives no reference of the notification (references), so it does not show that it went ",
			"through the single reporting platform (CRA Art. 14(1), (3), Art. 16(1)); record the platform's case reference",
		]),
	}}
}

test_fail_member_state_not_in_the_eu if {
	findings := rule.report with input as _input({}, _entry({"member_states": ["DE", "GB", "EL"]}))
	findings == {{
		"path": "r.yaml",
		"pointer": "/reports/0/member_states/1",
		"message": concat("", [
			"VR-1 (actively-exploited-vulnerability): GB in member_states is not an EU Member State (CRA Art. 14(2)(a)); ",
			"name the Member States where the product is made available (ISO 3166-1 alpha-2, EL or GR for Greece)",
		]),
	}}
}
