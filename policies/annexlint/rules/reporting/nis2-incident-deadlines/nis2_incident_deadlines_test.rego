package annexlint.rules.reporting["nis2-incident-deadlines_test"]

import data.annexlint.rules.reporting["nis2-incident-deadlines"] as rule

_input(entity, entries) := {
	"as_of": "2026-11-25",
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"nis2_entity": entity}}},
	"documents": [{
		"type": "vulnerability-reports", "path": "security/vulnerability-reports.yaml",
		"content": {"kind": "vulnerability-reports", "procedure": "SOP-PSIRT-007", "reports": entries},
	}],
}

_incident(fields) := object.union(
	{
		"id": "INC-2026-04", "type": "significant-incident", "incident": "INC-2026-04",
		"aware_at": "2026-01-31T08:00:00Z", "early_warning_at": "2026-01-31T17:30:00Z",
		"notification_at": "2026-02-02T15:00:00Z", "final_report_at": "2026-03-02T15:00:00Z",
	},
	fields,
)

test_fail_final_report_later_than_one_month if {
	findings := rule.report with input as _input("important", [_incident({"final_report_at": "2026-03-02T15:00:01Z"})])
	findings == {{
		"path": "security/vulnerability-reports.yaml",
		"pointer": "/reports/0/final_report_at",
		"message": concat("", [
			"INC-2026-04: the final report was submitted 2026-03-02T15:00:01Z, after its deadline ",
			"2026-03-02T15:00:00Z (one month after the incident notification) under NIS2 Art. 23(4)(d)",
		]),
	}}
}

test_fail_early_warning_missing_and_notification_late if {
	entry := object.remove(_incident({"notification_at": "2026-02-04T09:00:00Z"}), ["early_warning_at"])
	findings := rule.report with input as _input("essential", [entry])
	{f.message | some f in findings} == {
		concat("", [
			"INC-2026-04: no early warning is recorded (early_warning_at), though it was due by 2026-02-01T08:00:00Z ",
			"(24 hours after awareness at 2026-01-31T08:00:00Z) under NIS2 Art. 23(4)(a)",
		]),
		concat("", [
			"INC-2026-04: the incident notification was submitted 2026-02-04T09:00:00Z, after its deadline ",
			"2026-02-03T08:00:00Z (72 hours after awareness at 2026-01-31T08:00:00Z) under NIS2 Art. 23(4)(b)",
		]),
	}
}

test_success_on_time if {
	count(rule.report) == 0 with input as _input("important", [_incident({})])
}

test_success_not_an_nis2_entity_or_other_entry_types if {
	count(rule.report) == 0 with input as _input("none", [_incident({"final_report_at": "2026-06-01"})])
	count(rule.report) == 0 with input as _input("important", [_incident({"type": "severe-incident", "final_report_at": "2026-06-01"})])
}

test_evidence_register_and_incidents if {
	rule.evidence == {
		{"path": "security/vulnerability-reports.yaml", "pointer": "/reports"},
		{"path": "security/vulnerability-reports.yaml", "pointer": "/reports/1"},
	} with input as _input("important", [{"id": "VR-1", "type": "actively-exploited-vulnerability"}, _incident({})])
	count(rule.insufficient) == 0 with input as _input("important", [])
}

test_insufficient_without_register if {
	inp := {
		"as_of": "2026-11-25", "documents": [],
		"manifest": {"path": "annexlint.yaml", "content": {"product": {"nis2_entity": "essential"}}},
	}
	count(rule.evidence) == 0 with input as inp
	[f] := [f | some f in rule.insufficient] with input as inp
	f.pointer == "/documents"
	contains(f.message, "significant incidents were notified to the CSIRT or competent authority within the NIS2 Art. 23")
}

test_nothing_for_entities_outside_nis2 if {
	inp := {"as_of": "2026-11-25", "documents": [], "manifest": {"path": "annexlint.yaml", "content": {"product": {"nis2_entity": "none"}}}}
	count(rule.insufficient) == 0 with input as inp
	count(rule.evidence) == 0 with input as _input("none", [_incident({})])
}

# NIS2 Art. 23(4)(e): an incident still being handled when the final report is due needs a progress report then.
test_fail_ongoing_incident_without_progress_report if {
	findings := rule.report with input as _input("essential", [_incident({"final_report_at": null})])
	findings == {{
		"path": "security/vulnerability-reports.yaml",
		"pointer": "/reports/0",
		"message": concat("", [
			"INC-2026-04: no progress report is recorded (progress_report_at), though it was due by ",
			"2026-03-02T15:00:00Z (one month after the incident notification, with the incident not recorded as ",
			"handled (resolved_at)) under NIS2 Art. 23(4)(e)",
		]),
	}}
}

test_fail_final_report_late_after_long_incident if {
	findings := rule.report with input as _input("important", [_incident({
		"resolved_at": "2026-04-10T12:00:00Z",
		"progress_report_at": "2026-03-02T10:00:00Z",
		"final_report_at": "2026-05-11T09:00:00Z",
	})])
	findings == {{
		"path": "security/vulnerability-reports.yaml",
		"pointer": "/reports/0/final_report_at",
		"message": concat("", [
			"INC-2026-04: the final report was submitted 2026-05-11T09:00:00Z, after its deadline 2026-05-10T12:00:00Z ",
			"(one month after the incident was handled on 2026-04-10T12:00:00Z) under NIS2 Art. 23(4)(e)",
		]),
	}}
}

test_success_long_incident_with_progress_and_final_report if {
	count(rule.report) == 0 with input as _input("important", [_incident({
		"resolved_at": "2026-04-10T12:00:00Z",
		"progress_report_at": "2026-03-02T10:00:00Z",
		"final_report_at": "2026-05-08T09:00:00Z",
	})])
}

# One triage record feeds several channels: the NIS2 channel of a CRA severe incident is checked on its own times.
test_fail_nis2_channel_of_a_cra_incident if {
	entry := {
		"id": "INC-2026-09", "type": "severe-incident", "incident": "INC-2026-09",
		"aware_at": "2026-10-01T06:00:00Z", "early_warning_at": "2026-10-01T20:00:00Z",
		"notification_at": "2026-10-03T18:00:00Z", "final_report_at": "2026-11-03T12:00:00Z",
		"also": [{
			"type": "significant-incident", "early_warning_at": "2026-10-02T09:00:00Z",
			"notification_at": "2026-10-03T18:00:00Z", "final_report_at": "2026-11-03T12:00:00Z",
		}],
	}
	findings := rule.report with input as _input("important", [entry])
	{f.pointer | some f in findings} == {"/reports/0/also/0/early_warning_at"}
}

# NIS2 binds through national law: before the transposition the register names applied, no clock is checked.
test_success_incident_before_national_law_applied if {
	bundle := json.patch(_input("important", [_incident({"early_warning_at": "2026-02-03T08:00:00Z"})]), [{
		"op": "add", "path": "/documents/0/content/nis2_national_law",
		"value": [{"member_state": "DE", "law": "NIS2UmsuCG", "applies_from": "2026-03-01"}],
	}])
	count(rule.report) == 0 with input as bundle
}

test_fail_incident_after_national_law_applied if {
	bundle := json.patch(_input("important", [_incident({"early_warning_at": "2026-02-03T08:00:00Z"})]), [{
		"op": "add", "path": "/documents/0/content/nis2_national_law",
		"value": [{"member_state": "DE", "law": "NIS2UmsuCG", "applies_from": "2025-12-06"}],
	}])
	{f.pointer | some f in rule.report} == {"/reports/0/early_warning_at"} with input as bundle
}
