package annexlint.rules.pms["incident-investigation_test"]

import data.annexlint.rules.pms["incident-investigation"] as rule

_incident := {
	"id": "SI-2026-003", "type": "serious-incident", "severity": "other",
	"aware_at": "2026-10-02T07:30:00+02:00", "notification_at": "2026-10-10T16:00:00+02:00",
}

_investigation := {
	"incident": "SI-2026-003", "started_on": "2026-10-02",
	"risk_assessment": "RA-2026-019: gateway relay encrypted; pumps stop safely; residual risk acceptable after patch 3.2.1",
}

_input(incidents, investigations) := {
	"as_of": "2026-11-25",
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR"}}},
	"documents": [
		{"type": "vulnerability-reports", "path": "security/reports.yaml", "content": {
			"kind": "vulnerability-reports", "procedure": "SOP-VIG-002", "reports": incidents,
		}},
		{"type": "post-market-surveillance", "path": "security/pms.yaml", "content": {
			"kind": "post-market-surveillance", "plan": {"reference": "PMS-PLAN rev. A"}, "investigations": investigations,
		}},
	],
}

test_fail_incident_not_investigated if {
	findings := rule.report with input as _input([_incident], [])
	findings == {{
		"path": "security/reports.yaml", "pointer": "/reports/0",
		"message": concat("", [
			"SI-2026-003: no investigation of the serious incident is recorded in the PMS documentation (investigations, ",
			"incident \"SI-2026-003\"); investigate it without delay, with a risk assessment of the incident ",
			"(MDR Art. 89(1)), and record it",
		]),
	}}
}

test_success_incident_investigated if {
	bundle := _input([_incident], [_investigation])
	count(rule.report) == 0 with input as bundle
	count(rule.insufficient) == 0 with input as bundle
	rule.evidence == {{"path": "security/pms.yaml", "pointer": "/investigations/0"}} with input as bundle
}

test_success_no_serious_incident if {
	bundle := _input([], [])
	count(rule.report) == 0 with input as bundle
	rule.evidence == {{"path": "security/reports.yaml", "pointer": "/reports"}} with input as bundle
}

test_fail_placeholder_risk_assessment if {
	findings := rule.report with input as _input([_incident], [object.union(_investigation, {"risk_assessment": "TBD"})])
	{f.pointer | some f in findings} == {"/investigations/0"}
}

test_fail_concluded_without_final_report if {
	inv := object.union(_investigation, {"concluded_on": "2026-11-20", "conclusions": "root cause: unpatched relay"})
	findings := rule.report with input as _input([_incident], [inv])
	{f.pointer | some f in findings} == {"/investigations/0/concluded_on"}
	some f in findings
	contains(f.message, "records no final report")
}

test_success_concluded_with_final_report if {
	inv := object.union(_investigation, {"concluded_on": "2026-11-20"})
	count(rule.report) == 0 with input as _input([object.union(_incident, {"final_report_at": "2026-11-23"})], [inv])
}

test_fail_final_report_before_conclusion if {
	inv := object.union(_investigation, {"concluded_on": "2026-11-20"})
	findings := rule.report with input as _input([object.union(_incident, {"final_report_at": "2026-11-01"})], [inv])
	{f.pointer | some f in findings} == {"/investigations/0/concluded_on"}
	some f in findings
	contains(f.message, "before the investigation concluded")
}

test_fail_serious_incident_in_also_channel if {
	cra := {
		"id": "AEV-2026-001", "type": "actively-exploited-vulnerability", "aware_at": "2026-10-02T07:30:00Z",
		"also": [{"type": "serious-incident", "severity": "other"}],
	}
	findings := rule.report with input as _input([cra], [])
	{f.pointer | some f in findings} == {"/reports/0/also/0"}
}

test_insufficient_no_pms_document if {
	bundle := {
		"as_of": "2026-11-25",
		"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "IVDR"}}},
		"documents": [{"type": "vulnerability-reports", "path": "security/reports.yaml", "content": {
			"kind": "vulnerability-reports", "procedure": "SOP-VIG-002", "reports": [_incident],
		}}],
	}
	{f.pointer | some f in rule.insufficient} == {"/reports/0"} with input as bundle
	count(rule.report) == 0 with input as bundle
}

test_insufficient_no_register if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR"}}}, "documents": []}
	{f.pointer | some f in rule.insufficient} == {"/documents"} with input as bundle
}

test_fail_investigation_of_unknown_incident if {
	inv := object.union(_investigation, {"incident": "SI-2026-030"})
	findings := rule.report with input as _input([_incident], [inv])
	{f.pointer | some f in findings} == {"/reports/0", "/investigations/0/incident"}
}
