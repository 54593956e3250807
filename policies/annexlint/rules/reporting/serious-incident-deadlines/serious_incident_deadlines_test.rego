package annexlint.rules.reporting["serious-incident-deadlines_test"]

import data.annexlint.rules.reporting["serious-incident-deadlines"] as rule

_input(framework, entries) := {
	"as_of": "2026-11-25",
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": framework}}},
	"documents": [{
		"type": "vulnerability-reports", "path": "security/vulnerability-reports.yaml",
		"content": {"kind": "vulnerability-reports", "procedure": "SOP-VIG-002", "reports": entries},
	}],
}

_incident(fields) := object.union(
	{
		"id": "SI-2026-01", "type": "serious-incident", "incident": "SI-2026-01", "severity": "death-or-serious-deterioration",
		"aware_at": "2026-10-01T08:00:00Z", "notification_at": "2026-10-09T15:00:00Z",
	},
	fields,
)

test_success_reported_within_ten_days if {
	count(rule.report) == 0 with input as _input("MDR", [_incident({})])
	count(rule.insufficient) == 0 with input as _input("MDR", [_incident({})])
}

test_fail_public_health_threat_after_two_days if {
	findings := rule.report with input as _input("MDR", [_incident({"severity": "public-health-threat"})])
	findings == {{
		"path": "security/vulnerability-reports.yaml",
		"pointer": "/reports/0/notification_at",
		"message": concat("", [
			"SI-2026-01: the serious incident report was submitted 2026-10-09T15:00:00Z, after its deadline ",
			"2026-10-03T08:00:00Z (2 days after awareness at 2026-10-01T08:00:00Z of a serious public health threat) ",
			"under MDR Art. 87(4)",
		]),
	}}
}

test_fail_ivdr_not_reported_after_fifteen_days if {
	findings := rule.report with input as _input("IVDR", [_incident({"severity": "other", "notification_at": null})])
	findings == {{
		"path": "security/vulnerability-reports.yaml",
		"pointer": "/reports/0",
		"message": concat("", [
			"SI-2026-01: no serious incident report is recorded (notification_at), though it was due by ",
			"2026-10-16T08:00:00Z (15 days after awareness at 2026-10-01T08:00:00Z of a serious incident) under ",
			"IVDR Art. 82(3)",
		]),
	}}
}

# One triage record feeds several channels: a CRA severe incident that also harmed a patient.
test_fail_serious_incident_channel_under_also if {
	entry := {
		"id": "INC-2026-09", "type": "severe-incident", "incident": "INC-2026-09",
		"aware_at": "2026-10-01T06:00:00Z", "early_warning_at": "2026-10-01T20:00:00Z",
		"also": [{"type": "serious-incident", "severity": "death-or-serious-deterioration", "notification_at": "2026-10-12T09:00:00Z"}],
	}
	{f.pointer | some f in rule.report} == {"/reports/0/also/0/notification_at"} with input as _input("MDR", [entry])
}

test_success_cra_product_not_judged if {
	count(rule.report) == 0 with input as _input("CRA", [_incident({"severity": "public-health-threat"})])
}

test_insufficient_severity_unknown if {
	bundle := _input("MDR", [object.remove(_incident({}), ["severity"])])
	count(rule.report) == 0 with input as bundle
	[f] := [f | some f in rule.insufficient] with input as bundle
	f.pointer == "/reports/0"
}

test_insufficient_no_register if {
	bundle := {"as_of": "2026-11-25", "manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR"}}}, "documents": []}
	count(rule.evidence) == 0 with input as bundle
	{f.pointer | some f in rule.insufficient} == {"/documents"} with input as bundle
}
