package annexlint.rules.pms["field-safety-action_test"]

import data.annexlint.rules.pms["field-safety-action"] as rule

_fsca := {
	"id": "FSCA-2026-01",
	"description": "firmware 3.2.1 rolled out to every VF-300 to enforce signed drug libraries",
	"incident": "SI-2026-004",
	"reported_at": "2026-11-14",
	"started_on": "2026-11-18",
	"field_safety_notice": {
		"document": "vigilance/fsn-2026-01.pdf",
		"draft_sent_at": "2026-11-14",
		"issued_on": "2026-11-18",
		"devices": "VF-300, UDI-DI 04260123450017, firmware 3.0.0 to 3.2.0",
		"user_actions": "install firmware 3.2.1 through the gateway; until then load drug libraries only from the gateway",
	},
}

# _with_notice replaces the notice whole (object.union would merge the removed keys back).
_with_notice(fsn) := object.union(object.remove(_fsca, ["field_safety_notice"]), {"field_safety_notice": fsn})

_input(fscas) := {
	"as_of": "2026-11-25",
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR"}}},
	"files": {"vigilance/fsn-2026-01.pdf": {"size": 1000}},
	"documents": [{"type": "post-market-surveillance", "path": "security/pms.yaml", "content": {
		"kind": "post-market-surveillance", "plan": {"reference": "PMS-PLAN rev. A"}, "fscas": fscas,
	}}],
}

test_fail_fsca_reported_after_it_started if {
	findings := rule.report with input as _input([object.union(_fsca, {"reported_at": "2026-11-20"})])
	findings == {{
		"path": "security/pms.yaml", "pointer": "/fscas/0/reported_at",
		"message": concat("", [
			"the FSCA FSCA-2026-01 was reported to the competent authority on 2026-11-20, after it was undertaken on ",
			"2026-11-18; except in urgent cases an FSCA is reported before it is undertaken (MDR Art. 87(8)): if it was ",
			"urgent, record why (urgent, urgency_rationale), and review the FSCA procedure",
		]),
	}}
}

test_success_fsca_reported_and_notified if {
	bundle := _input([_fsca])
	count(rule.report) == 0 with input as bundle
	count(rule.insufficient) == 0 with input as bundle
	rule.evidence == {{"path": "security/pms.yaml", "pointer": "/fscas/0"}} with input as bundle
}

test_success_no_fsca_taken if {
	bundle := _input([])
	count(rule.report) == 0 with input as bundle
	rule.evidence == {{"path": "security/pms.yaml", "pointer": "/fscas"}} with input as bundle
}

test_success_urgent_fsca_with_rationale if {
	f := object.union(_with_notice(object.remove(_fsca.field_safety_notice, ["draft_sent_at"])), {
		"urgent": true, "urgency_rationale": "active exploitation in two hospitals", "reported_at": "2026-11-19",
	})
	count(rule.report) == 0 with input as _input([f])
}

test_fail_urgent_without_rationale if {
	findings := rule.report with input as _input([object.union(_fsca, {"urgent": true})])
	{f.pointer | some f in findings} == {"/fscas/0"}
}

test_fail_not_reported if {
	findings := rule.report with input as _input([object.remove(_fsca, ["reported_at"])])
	{f.pointer | some f in findings} == {"/fscas/0"}
}

test_fail_no_field_safety_notice if {
	findings := rule.report with input as _input([object.remove(_fsca, ["field_safety_notice"])])
	{f.pointer | some f in findings} == {"/fscas/0"}
	some f in findings
	contains(f.message, "no field safety notice")
}

test_fail_notice_without_devices_or_draft if {
	fsn := object.remove(_fsca.field_safety_notice, ["devices", "draft_sent_at"])
	findings := rule.report with input as _input([_with_notice(fsn)])
	count(findings) == 2
	every f in findings {
		f.pointer == "/fscas/0/field_safety_notice"
	}
}

test_fail_notice_file_missing if {
	fsn := object.union(_fsca.field_safety_notice, {"document": "vigilance/missing.pdf"})
	findings := rule.report with input as _input([object.union(_fsca, {"field_safety_notice": fsn})])
	{f.pointer | some f in findings} == {"/fscas/0/field_safety_notice/document"}
}

test_success_planned_fsca_not_started if {
	f := object.remove(object.union(_fsca, {"started_on": "2026-12-10"}), ["field_safety_notice"])
	count(rule.report) == 0 with input as _input([f])
}

test_insufficient_fscas_not_recorded if {
	bundle := {
		"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR"}}},
		"documents": [{"type": "post-market-surveillance", "path": "security/pms.yaml", "content": {"kind": "post-market-surveillance"}}],
	}
	{f.pointer | some f in rule.insufficient} == {""} with input as bundle
	count(rule.evidence) == 0 with input as bundle
}
