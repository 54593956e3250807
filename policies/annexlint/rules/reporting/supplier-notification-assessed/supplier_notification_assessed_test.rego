package annexlint.rules.reporting["supplier-notification-assessed_test"]

import data.annexlint.rules.reporting["supplier-notification-assessed"] as rule

_input(triage, entry) := {
	"as_of": "2026-11-25",
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR"}}},
	"documents": [
		{"type": "disclosure-policy", "path": "cvd.yaml", "content": object.union({"kind": "disclosure-policy"}, triage)},
		{"type": "vulnerability-reports", "path": "r.yaml", "content": {
			"kind": "vulnerability-reports", "procedure": "SOP-PSIRT-007", "reports": [entry],
		}},
	],
}

_notice(fields) := object.union(
	{
		"id": "SN-2026-03", "type": "supplier-vulnerability-notification", "vulnerability": "CVE-2026-1234",
		"supplier": "Arm Ltd (Mbed TLS)", "component": "mbedtls 3.6.2",
		"aware_at": "2026-10-01T08:00:00Z", "assessed_at": "2026-10-08T16:00:00Z",
	},
	fields,
)

test_success_assessed_within_triage_time if {
	count(rule.report) == 0 with input as _input({"triage_days": 10}, _notice({}))
	rule.evidence == {{"path": "r.yaml", "pointer": "/reports/0"}, {"path": "r.yaml", "pointer": "/reports"}} with input as _input({"triage_days": 10}, _notice({}))
}

test_fail_assessed_late if {
	findings := rule.report with input as _input({"triage_days": 5}, _notice({}))
	findings == {{
		"path": "r.yaml",
		"pointer": "/reports/0/assessed_at",
		"message": concat("", [
			"SN-2026-03: the assessment of the supplier's notice was completed 2026-10-08T16:00:00Z, after its deadline ",
			"2026-10-06T08:00:00Z (5 days after it was received at 2026-10-01T08:00:00Z) under the triage time of the ",
			"manufacturer's disclosure policy",
		]),
	}}
}

test_fail_not_assessed_after_triage_time if {
	findings := rule.report with input as _input({"triage_days": 10}, object.remove(_notice({}), ["assessed_at"]))
	{f.pointer | some f in findings} == {"/reports/0"}
}

test_insufficient_no_triage_time if {
	bundle := _input({}, _notice({}))
	count(rule.report) == 0 with input as bundle
	{f.pointer | some f in rule.insufficient} == {"/reports/0"} with input as bundle
}
