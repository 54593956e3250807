package annexlint.rules.reporting["nis2-member-state_test"]

import data.annexlint.rules.reporting["nis2-member-state"] as rule

_input(reports) := {"as_of": "2026-11-25", "manifest": {"path": "annexlint.yaml", "content": {"product": {"nis2_entity": "important"}}}, "documents": [{
	"type": "vulnerability-reports", "path": "security/vulnerability-reports.yaml",
	"content": {"kind": "vulnerability-reports", "procedure": "SOP-IR-003", "reports": reports},
}]}

_incident(fields) := object.union(
	{
		"id": "INC-2026-011", "type": "significant-incident", "incident": "INC-2026-011",
		"aware_at": "2026-09-28T21:10:00Z", "early_warning_at": "2026-09-29T08:00:00Z",
	},
	fields,
)

test_fail_member_state_missing if {
	findings := rule.report with input as _input([_incident({})])
	findings == {{
		"path": "security/vulnerability-reports.yaml",
		"pointer": "/reports/0",
		"message": concat("", [
			"INC-2026-011 (significant-incident): the record does not name the Member State whose ",
			"CSIRT or competent authority was notified (NIS2 Art. 23(1)); record in member_states (ISO 3166-1 alpha-2, ",
			"EL or GR for Greece) where the entity is established or provides the services affected",
		]),
	}}
}

test_success_member_states_named if {
	count(rule.report) == 0 with input as _input([_incident({"member_states": ["AT", "DE", "EL"]})])
}

test_fail_not_a_member_state if {
	findings := rule.report with input as _input([_incident({"member_states": ["DE", "NO"]})])
	findings == {{
		"path": "security/vulnerability-reports.yaml",
		"pointer": "/reports/0/member_states/1",
		"message": concat("", [
			"INC-2026-011 (significant-incident): NO in member_states is not an EU Member State, so no CSIRT or ",
			"competent authority under NIS2 Art. 23(1) was notified there; name the Member States whose authority was ",
			"notified (ISO 3166-1 alpha-2, EL or GR for Greece)",
		]),
	}}
}

# The NIS2 channel of a serious incident record inherits the record's Member States; its own list wins.
test_fail_channel_under_also_own_list if {
	entry := {
		"id": "SI-2026-003", "type": "serious-incident", "incident": "INC-2026-019", "severity": "other",
		"aware_at": "2026-10-02T07:30:00+02:00", "member_states": ["DE"],
		"also": [{"type": "significant-incident", "member_states": ["CH"]}],
	}
	findings := rule.report with input as _input([entry])
	{[f.pointer, startswith(f.message, "SI-2026-003, its significant-incident channel (also): CH")] | some f in findings} == {
		["/reports/0/also/0/member_states/0", true],
	}
}

test_success_channel_under_also_inherits if {
	entry := {
		"id": "SI-2026-003", "type": "serious-incident", "incident": "INC-2026-019", "severity": "other",
		"aware_at": "2026-10-02T07:30:00+02:00", "member_states": ["DE"],
		"also": [{"type": "significant-incident"}],
	}
	count(rule.report) == 0 with input as _input([entry])
}

test_success_not_an_nis2_entity if {
	inp := json.patch(_input([_incident({})]), [{"op": "replace", "path": "/manifest/content/product/nis2_entity", "value": "none"}])
	count(rule.report) == 0 with input as inp
}

test_success_clock_before_transposition_not_checked if {
	count(rule.report) == 0 with input as _input([_incident({"aware_at": "2024-09-01T10:00:00Z"})])
}
