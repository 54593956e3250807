package annexlint.rules.reporting["cra-notification-deadlines_test"]

import data.annexlint.rules.reporting["cra-notification-deadlines"] as rule

_input(entry) := {"as_of": "2026-11-25", "documents": [{
	"type": "vulnerability-reports", "path": "security/vulnerability-reports.yaml",
	"content": {"kind": "vulnerability-reports", "procedure": "SOP-PSIRT-007", "reports": [{"id": "VR-2026-001", "type": "cra-other"}, entry]},
}]}

_vulnerability(fields) := object.union(
	{
		"id": "VR-2026-002", "type": "actively-exploited-vulnerability", "vulnerability": "CVE-2023-4863",
		"aware_at": "2026-10-14T09:20:00Z", "early_warning_at": "2026-10-14T16:05:00Z",
		"notification_at": "2026-10-16T11:00:00+02:00", "corrective_measure_available": "2026-10-21",
		"final_report_at": "2026-11-04",
	},
	fields,
)

_incident(fields) := object.union(
	{
		"id": "INC-2026-07", "type": "severe-incident", "incident": "INC-2026-07",
		"aware_at": "2026-10-01T06:00:00Z", "early_warning_at": "2026-10-01T20:00:00Z",
		"notification_at": "2026-10-03T18:00:00Z", "final_report_at": "2026-11-03T12:00:00Z",
	},
	fields,
)

test_fail_early_warning_late if {
	findings := rule.report with input as _input(_vulnerability({"early_warning_at": "2026-10-15T10:00:00Z"}))
	findings == {{
		"path": "security/vulnerability-reports.yaml",
		"pointer": "/reports/1/early_warning_at",
		"message": concat("", [
			"VR-2026-002: the early warning was submitted 2026-10-15T10:00:00Z, after its deadline ",
			"2026-10-15T09:20:00Z (24 hours after awareness at 2026-10-14T09:20:00Z) under CRA Art. 14(2)(a)",
		]),
	}}
}

test_fail_notification_late_in_another_time_zone if {
	findings := rule.report with input as _input(_vulnerability({"notification_at": "2026-10-17T12:00:00+02:00"}))
	{f.pointer | some f in findings} == {"/reports/1/notification_at"}
}

test_fail_final_report_missing_after_deadline if {
	findings := rule.report with input as _input(object.remove(_vulnerability({}), ["final_report_at"]))
	findings == {{
		"path": "security/vulnerability-reports.yaml",
		"pointer": "/reports/1",
		"message": concat("", [
			"VR-2026-002: no final report is recorded (final_report_at), though it was due by 2026-11-04 (14 ",
			"days after the corrective measure of 2026-10-21) under CRA Art. 14(2)(c)",
		]),
	}}
}

test_fail_final_report_one_day_late if {
	findings := rule.report with input as _input(_vulnerability({"final_report_at": "2026-11-05"}))
	{f.pointer | some f in findings} == {"/reports/1/final_report_at"}
}

test_fail_incident_final_report_after_one_month if {
	findings := rule.report with input as _input(_incident({"final_report_at": "2026-11-04T12:00:00Z"}))
	findings == {{
		"path": "security/vulnerability-reports.yaml",
		"pointer": "/reports/1/final_report_at",
		"message": concat("", [
			"INC-2026-07: the final report was submitted 2026-11-04T12:00:00Z, after its deadline 2026-11-03T18:00:00Z ",
			"(one month after the incident notification) under CRA Art. 14(4)(c)",
		]),
	}}
}

test_fail_incident_nothing_sent if {
	findings := rule.report with input as _input(object.remove(_incident({}), ["early_warning_at", "notification_at", "final_report_at"]))
	{f.message | some f in findings} == {
		concat("", [
			"INC-2026-07: no early warning is recorded (early_warning_at), though it was due by 2026-10-02T06:00:00Z ",
			"(24 hours after awareness at 2026-10-01T06:00:00Z) under CRA Art. 14(4)(a)",
		]),
		concat("", [
			"INC-2026-07: no incident notification is recorded (notification_at), though it was due by ",
			"2026-10-04T06:00:00Z (72 hours after awareness at 2026-10-01T06:00:00Z) under CRA Art. 14(4)(b)",
		]),
		concat("", [
			"INC-2026-07: no final report is recorded (final_report_at), though it was due by 2026-11-04T06:00:00Z ",
			"(one month after the incident notification) under CRA Art. 14(4)(c)",
		]),
	}
}

test_success_all_on_time if {
	count(rule.report) == 0 with input as _input(_vulnerability({}))
	count(rule.report) == 0 with input as _input(_incident({}))
}

test_success_deadlines_not_yet_passed if {
	recent := _vulnerability({"aware_at": "2026-11-24T10:00:00Z", "early_warning_at": "2026-11-24T18:00:00Z"})
	count(rule.report) == 0 with input as _input(object.remove(recent, ["notification_at", "corrective_measure_available", "final_report_at"]))
}

test_success_no_final_report_due_without_corrective_measure if {
	count(rule.report) == 0 with input as _input(object.remove(_vulnerability({}), ["corrective_measure_available", "final_report_at"]))
}

test_success_clock_started_before_article_14_applied if {
	count(rule.report) == 0 with input as _input(_vulnerability({"aware_at": "2026-09-10T23:00:00Z", "early_warning_at": "2026-09-14T08:00:00Z"}))
}

test_success_malformed_timestamps_stay_silent if {
	count(rule.report) == 0 with input as _input(_vulnerability({"aware_at": "2026-02-30T10:00:00Z"}))
	count(rule.report) == 0 with input as _input(_vulnerability({"early_warning_at": "yesterday", "notification_at": 42}))
}

test_success_malformed_documents_raise_no_error if {
	count(rule.report) == 0 with input as {"as_of": "2026-11-25", "documents": [
		{"type": "vulnerability-reports", "path": "a.yaml", "content": {"reports": "none"}},
		{"type": "vulnerability-reports", "path": "b.yaml", "content": ["x"]},
		{"type": "vulnerability-reports", "path": "c.yaml", "content": {"reports": [5, null, {"type": 3, "aware_at": []}]}},
	]}
	count(rule.report) == 0 with input as {"as_of": "soon", "documents": [
		{"type": "vulnerability-reports", "path": "d.yaml", "content": {"reports": [_vulnerability({"final_report_at": null})]}},
	]}
}

test_evidence_register_and_checked_entries if {
	rule.evidence == {
		{"path": "security/vulnerability-reports.yaml", "pointer": "/reports"},
		{"path": "security/vulnerability-reports.yaml", "pointer": "/reports/1"},
	} with input as _input(_vulnerability({}))
	count(rule.insufficient) == 0 with input as _input(_vulnerability({}))
}

# A clock that started before 11 September 2026 is not checked, so the entry is no evidence; the register is.
test_evidence_skips_entries_before_article_14 if {
	rule.evidence == {{"path": "security/vulnerability-reports.yaml", "pointer": "/reports"}} with input as _input(_incident({"aware_at": "2026-08-01T06:00:00Z"}))
}

test_insufficient_without_register if {
	inp := {"as_of": "2026-11-25", "manifest": {"path": "annexlint.yaml", "content": {}}, "documents": []}
	count(rule.evidence) == 0 with input as inp
	rule.insufficient == {{
		"path": "annexlint.yaml",
		"pointer": "/documents",
		"message": concat("", [
			"the manifest lists no register of notifications (type \"vulnerability-reports\"), so it cannot be shown ",
			"that actively exploited vulnerabilities and severe incidents were notified to the coordinator CSIRT and ",
			"ENISA within the CRA Art. 14 deadlines; add the register, with an empty reports list if nothing has been ",
			"notified yet, and list it under documents",
		]),
	}} with input as inp
}

# Where the record omits the corrective measure, the first VEX statement declaring the vulnerability fixed dates it.
test_fail_final_report_due_from_vex_fix if {
	bundle := json.patch(_input(_vulnerability({"corrective_measure_available": null, "final_report_at": null})), [{
		"op": "add", "path": "/documents/-",
		"value": {"type": "vex", "path": "vex.json", "content": {"statements": [
			{"vulnerability": "CVE-2023-4863", "status": "fixed", "timestamp": "2026-10-30T12:00:00Z"},
			{"vulnerability": "CVE-2023-4863", "status": "fixed", "timestamp": "2026-11-20T12:00:00Z"},
			{"vulnerability": "CVE-2024-0001", "status": "fixed", "timestamp": "2026-10-01T12:00:00Z"},
		]}},
	}])
	findings := rule.report with input as bundle
	findings == {{
		"path": "security/vulnerability-reports.yaml",
		"pointer": "/reports/1",
		"message": concat("", [
			"VR-2026-002: no final report is recorded (final_report_at), though it was due by 2026-11-13T12:00:00Z ",
			"(14 days after the corrective measure of 2026-10-30T12:00:00Z, the first VEX statement that declares the ",
			"vulnerability fixed) under CRA Art. 14(2)(c)",
		]),
	}}
}

test_success_no_fix_anywhere_no_final_report_due if {
	count(rule.report) == 0 with input as _input(_vulnerability({"corrective_measure_available": null, "final_report_at": null}))
}

# One triage record feeds several channels: the CRA channel of an MDR serious incident is checked on its own times.
test_fail_cra_channel_listed_under_also if {
	entry := {
		"id": "SI-2026-02", "type": "serious-incident", "incident": "SI-2026-02", "severity": "other",
		"aware_at": "2026-10-01T06:00:00Z", "notification_at": "2026-10-05T06:00:00Z",
		"also": [{
			"type": "severe-incident", "early_warning_at": "2026-10-02T07:00:00Z",
			"notification_at": "2026-10-03T18:00:00Z", "final_report_at": "2026-11-03T12:00:00Z",
		}],
	}
	findings := rule.report with input as _input(entry)
	{f.pointer | some f in findings} == {"/reports/1/also/0/early_warning_at"}
}

# The earliest measure the bundle dates wins: here the release of the update plan that fixes the vulnerability,
# shipped before the VEX declared it fixed; a release scheduled after the --as-of date is not a measure yet.
test_fail_final_report_due_from_shipped_release if {
	bundle := json.patch(_input(_vulnerability({"corrective_measure_available": null, "final_report_at": null})), [
		{
			"op": "add", "path": "/documents/-",
			"value": {"type": "vex", "path": "vex.json", "content": {"statements": [
				{"vulnerability": "CVE-2023-4863", "status": "fixed", "timestamp": "2026-10-30T12:00:00Z"},
			]}},
		},
		{
			"op": "add", "path": "/documents/-",
			"value": {"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {"releases": [
				{"version": "2.4.1", "date": "2026-10-24", "fixes": ["CVE-2023-4863"]},
				{"version": "2.5.0", "date": "2026-12-20", "fixes": ["CVE-2023-4863"]},
			]}},
		},
	])
	findings := rule.report with input as bundle
	findings == {{
		"path": "security/vulnerability-reports.yaml",
		"pointer": "/reports/1",
		"message": concat("", [
			"VR-2026-002: no final report is recorded (final_report_at), though it was due by 2026-11-07 ",
			"(14 days after the corrective measure of 2026-10-24, the release of version 2.4.1 that fixes it ",
			"(security/update-plan.yaml)) under CRA Art. 14(2)(c)",
		]),
	}}
}

# A dated CSAF mitigation is a mitigating measure (Art. 14(2)(c)); a workaround's date is not read.
test_fail_final_report_due_from_csaf_mitigation if {
	bundle := json.patch(_input(_vulnerability({"corrective_measure_available": null, "final_report_at": null})), [{
		"op": "add", "path": "/documents/-",
		"value": {"type": "vex", "path": "vex.csaf.json", "content": {"statements": [{
			"vulnerability": "CVE-2023-4863", "status": "affected", "remediations": [
				{"category": "workaround", "date": "2026-10-15T00:00:00Z"},
				{"category": "mitigation", "date": "2026-10-20T08:00:00Z"},
			],
		}]}},
	}])
	findings := rule.report with input as bundle
	some f in findings
	contains(f.message, "14 days after the corrective measure of 2026-10-20T08:00:00Z, the date of the CSAF remediation (mitigation) in vex.csaf.json")
}

test_success_release_after_as_of_is_no_measure_yet if {
	bundle := json.patch(_input(_vulnerability({"corrective_measure_available": null, "final_report_at": null})), [{
		"op": "add", "path": "/documents/-",
		"value": {"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {"releases": [
			{"version": "2.5.0", "date": "2026-11-26", "fixes": ["CVE-2023-4863"]},
		]}},
	}])
	count(rule.report) == 0 with input as bundle
}
