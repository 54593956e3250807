package annexlint.rules.reporting["record-chronology_test"]

import data.annexlint.rules.reporting["record-chronology"] as rule

_input(entries) := {
	"as_of": "2026-11-25",
	"documents": [{
		"type": "vulnerability-reports", "path": "r.yaml",
		"content": {"kind": "vulnerability-reports", "procedure": "SOP-PSIRT-007", "reports": entries},
	}],
}

_entry(fields) := object.union(
	{
		"id": "VR-1", "type": "actively-exploited-vulnerability", "vulnerability": "CVE-2026-1",
		"aware_at": "2026-10-14T09:20:00Z", "early_warning_at": "2026-10-14T16:05:00Z",
		"notification_at": "2026-10-16T11:00:00+02:00", "final_report_at": "2026-11-04",
		"users_informed_at": "2026-11-25",
	},
	fields,
)

test_success_in_order_and_not_after_the_check if {
	count(rule.report) == 0 with input as _input([_entry({})])
}

test_fail_notification_before_early_warning if {
	findings := rule.report with input as _input([_entry({"notification_at": "2026-10-14T12:00:00Z"})])
	findings == {{
		"path": "r.yaml",
		"pointer": "/reports/0/notification_at",
		"message": concat("", [
			"VR-1: notification_at is dated 2026-10-14T12:00:00Z, before early_warning_at (2026-10-14T16:05:00Z); ",
			"correct the dates from the submission receipts",
		]),
	}}
}

test_fail_stage_before_awareness if {
	findings := rule.report with input as _input([_entry({"aware_at": "2026-10-14T17:00:00Z"})])
	{f.pointer | some f in findings} == {"/reports/0/early_warning_at"}
}

test_fail_final_report_after_the_check if {
	findings := rule.report with input as _input([_entry({"final_report_at": "2026-11-26"})])
	findings == {{
		"path": "r.yaml",
		"pointer": "/reports/0/final_report_at",
		"message": concat("", [
			"VR-1: final_report_at is dated 2026-11-26, after the date of this check (2026-11-25); record a ",
			"submission only once it has been made, with its real date",
		]),
	}}
}

test_fail_channel_under_also_out_of_order if {
	entry := _entry({"also": [{"type": "significant-incident", "early_warning_at": "2026-10-14T08:00:00Z"}]})
	{f.pointer | some f in rule.report} == {"/reports/0/also/0/early_warning_at"} with input as _input([entry])
}

test_insufficient_no_register if {
	bundle := {"as_of": "2026-11-25", "manifest": {"path": "annexlint.yaml", "content": {}}, "documents": []}
	count(rule.evidence) == 0 with input as bundle
	{f.pointer | some f in rule.insufficient} == {"/documents"} with input as bundle
}
