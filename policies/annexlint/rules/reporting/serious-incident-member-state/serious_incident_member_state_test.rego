package annexlint.rules.reporting["serious-incident-member-state_test"]

import data.annexlint.rules.reporting["serious-incident-member-state"] as rule

_input(reports) := {"as_of": "2026-11-25", "manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR"}}}, "documents": [{
	"type": "vulnerability-reports", "path": "security/vulnerability-reports.yaml",
	"content": {"kind": "vulnerability-reports", "procedure": "SOP-VIG-002", "reports": reports},
}]}

_incident(fields) := object.union(
	{
		"id": "SI-2026-003", "type": "serious-incident", "incident": "INC-2026-019", "severity": "other",
		"aware_at": "2026-10-02T07:30:00+02:00", "notification_at": "2026-10-10T16:00:00+02:00",
	},
	fields,
)

test_fail_member_state_missing if {
	findings := rule.report with input as _input([_incident({})])
	findings == {{
		"path": "security/vulnerability-reports.yaml",
		"pointer": "/reports/0",
		"message": concat("", [
			"SI-2026-003 (serious-incident): the record does not name the Member State where the serious ",
			"incident occurred, whose competent authority receives the report (MDR Art. 87(1)); record it in ",
			"member_states (ISO 3166-1 alpha-2, EL or GR for Greece)",
		]),
	}}
}

test_success_member_state_named if {
	count(rule.report) == 0 with input as _input([_incident({"member_states": ["DE"]})])
}

test_success_greece_as_el_or_gr if {
	count(rule.report) == 0 with input as _input([_incident({"member_states": ["EL", "GR"]})])
}

test_fail_not_a_member_state if {
	findings := rule.report with input as _input([_incident({"member_states": ["DE", "CH", "UK"]})])
	{f.pointer | some f in findings} == {"/reports/0/member_states/1", "/reports/0/member_states/2"}
	some f in findings
	f.message == concat("", [
		"SI-2026-003 (serious-incident): CH in member_states is not an EU Member State, so no competent authority under ",
		"MDR Art. 87(1) receives the report there; name the Member State where the incident occurred (ISO 3166-1 ",
		"alpha-2, EL or GR for Greece)",
	])
}

test_fail_placeholder_names_no_member_state if {
	findings := rule.report with input as _input([_incident({"member_states": ["TBD"]})])
	{f.pointer | some f in findings} == {"/reports/0"}
}

# A serious-incident channel under another record's `also` inherits the record's Member States, or names its own.
test_fail_channel_under_also if {
	entry := {
		"id": "INC-2026-011", "type": "significant-incident", "incident": "INC-2026-011",
		"aware_at": "2026-10-02T07:30:00+02:00", "member_states": ["DE", "US"],
		"also": [{"type": "serious-incident", "severity": "other"}, {"type": "serious-incident", "severity": "other", "member_states": ["AT"]}],
	}
	findings := rule.report with input as _input([entry])
	findings == {{
		"path": "security/vulnerability-reports.yaml",
		"pointer": "/reports/0/member_states/1",
		"message": concat("", [
			"INC-2026-011, its serious-incident channel (also): US in member_states is not an EU Member State, so no ",
			"competent authority under MDR Art. 87(1) receives the report there; name the Member State where the ",
			"incident occurred (ISO 3166-1 alpha-2, EL or GR for Greece)",
		]),
	}}
}

test_success_other_framework_not_checked if {
	inp := json.patch(_input([_incident({})]), [{"op": "replace", "path": "/manifest/content/product/framework", "value": "CRA"}])
	count(rule.report) == 0 with input as inp
	count(rule.evidence) == 0 with input as inp
}

test_insufficient_without_register if {
	inp := {"as_of": "2026-11-25", "manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "IVDR"}}}, "documents": []}
	{f.pointer | some f in rule.insufficient} == {"/documents"} with input as inp
}
