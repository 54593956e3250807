# METADATA
# title: NIS2 notifications of significant incidents met their deadlines
# description: |
#   A manufacturer that is an essential or important entity under NIS2 (most medium and large medical device
#   manufacturers are, under Annex II point 5(a)) notifies its CSIRT or competent authority of every significant
#   incident: an early warning within 24 hours of becoming aware, an incident notification within 72 hours, and a
#   final report no later than one month after the notification. This applies to the entity whatever framework
#   its product falls under, so the rule runs when the manifest's product.nis2_entity is essential or important,
#   and checks each significant-incident entry of the bundle's vulnerability-reports documents as of the --as-of
#   date: a stage submitted late is a finding, a stage not recorded is one once its deadline has passed. An incident
#   still being handled when the final report is due needs a progress report then, and the final report one month
#   after it was handled (resolved_at); an incident with neither a final report nor resolved_at is taken to be
#   ongoing. NIS2 binds through national law: clocks are checked from the date the register's nis2_national_law
#   says the transposition applies in the manifest's nis2_member_states, or else from 18 October 2024 (Art. 41(1);
#   AL-REPORT-006 warns when the law is not named). A register entry that also triggers NIS2 lists the NIS2 channel
#   under `also`, with its own submission times. A bundle
#   without the register shows no notification process at all: that is insufficient evidence, not a pass; a
#   register with no entries states that nothing was notified.
# scope: package
# custom:
#   id: AL-REPORT-003
#   severity: error
#   applies_from: "2024-10-18"
#   clauses:
#     - id: NIS2-ART23-1
#       cite: NIS2 Art. 23(1)
#     - id: NIS2-ART23-4A
#       cite: NIS2 Art. 23(4)(a)
#     - id: NIS2-ART23-4B
#       cite: NIS2 Art. 23(4)(b)
#     - id: NIS2-ART23-4D
#       cite: NIS2 Art. 23(4)(d)
#     - id: NIS2-ART23-4E
#       cite: NIS2 Art. 23(4)(e)
#     - id: NIS2-ART41-1
#       cite: NIS2 Art. 41(1)
#   remediation: |
#     Submit the missing early warning, incident notification or final report to the CSIRT or competent authority
#     now and record when it was submitted; if the incident is still being handled when the final report is due,
#     submit a progress report and record it in the notes (NIS2 Art. 23(4)(e)). For stages submitted late, record
#     the reason and review the incident procedure so that the next clock is met.
package annexlint.rules.reporting["nis2-incident-deadlines"]

import data.annexlint.lib
import data.annexlint.lib.reporting
import data.annexlint.lib.vuln

report contains lib.finding(path, pointer, sprintf("%v: %s", [r.id, text])) if {
	lib.product.nis2_entity in {"essential", "important"}
	some [path, base, r] in reporting.channels
	r.type == "significant-incident"
	aware := vuln.ns(r.aware_at)
	aware >= reporting.nis2_from
	some stage in array.concat(
		[
			_stage("early_warning_at", "early warning", aware + (24 * vuln.hour_ns), _after_awareness(r, 24), "NIS2 Art. 23(4)(a)"),
			_stage("notification_at", "incident notification", aware + (72 * vuln.hour_ns), _after_awareness(r, 72), "NIS2 Art. 23(4)(b)"),
		],
		_closing_stages(r, vuln.final_due_after_notification(r, aware)),
	)
	[pointer, text] := reporting.stage_problem(base, r, stage)
}

# _closing_stages are the last reports due. An incident handled by the time the final report is due closes with
# the final report one month after the notification (Art. 23(4)(d)). One still being handled then needs a progress
# report by that date and the final report one month after it was handled (Art. 23(4)(e)); an incident with
# neither a final report nor the date it was handled (resolved_at) is taken to be ongoing.
_closing_stages(r, due) := [
	_stage(
		"progress_report_at", "progress report", due,
		sprintf("one month after the incident notification, the incident still being handled until %s", [r.resolved_at]),
		"NIS2 Art. 23(4)(e)",
	),
	_stage(
		"final_report_at", "final report", reporting.add_month(vuln.ns(r.resolved_at)),
		sprintf("one month after the incident was handled on %s", [r.resolved_at]), "NIS2 Art. 23(4)(e)",
	),
] if {
	vuln.ns(r.resolved_at) > due
} else := [_stage(
	"progress_report_at", "progress report", due,
	"one month after the incident notification, with the incident not recorded as handled (resolved_at)",
	"NIS2 Art. 23(4)(e)",
)] if {
	not reporting.recorded(r, "final_report_at")
	not reporting.recorded(r, "resolved_at")
} else := [_stage(
	"final_report_at", "final report", due,
	"one month after the incident notification", "NIS2 Art. 23(4)(d)",
)]

_stage(field, what, due, basis, clause) := {"field": field, "what": what, "due": due, "basis": basis, "clause": clause}

_after_awareness(r, n) := sprintf("%d hours after awareness at %s", [n, r.aware_at])

# The register itself is evidence of the notification process, also when it records no incident yet; each
# significant incident whose clocks the rule checked is evidence too.
evidence contains lib.examined(doc.path, "/reports") if {
	lib.product.nis2_entity in {"essential", "important"}
	some doc in lib.documents("vulnerability-reports")
	lib.register_shows_process(doc)
}

evidence contains lib.examined(path, base) if {
	lib.product.nis2_entity in {"essential", "important"}
	some [path, base, r] in reporting.channels
	r.type == "significant-incident"
	vuln.ns(r.aware_at)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	lib.product.nis2_entity in {"essential", "important"}
	not lib.has_document("vulnerability-reports")
	msg := concat(" ", [
		"the manifest lists no register of notifications (type \"vulnerability-reports\"), so it cannot be shown",
		"that significant incidents were notified to the CSIRT or competent authority within the NIS2 Art. 23",
		"deadlines; add the register, with an empty reports list if no significant incident has occurred, and",
		"list it under documents",
	])
}

# A register that does not name the procedure under which notifications are made shows no reporting process:
# with no entries it says nothing at all.
insufficient contains lib.finding(doc.path, "", msg) if {
	some doc in lib.documents("vulnerability-reports")
	not lib.register_shows_process(doc)
	msg := sprintf(
		concat(" ", [
			"the register of notifications %s does not name the procedure under which notifications are made",
			"(procedure), so it does not show a reporting process; name the procedure (e.g. the PSIRT SOP) and keep",
			"the register current",
		]),
		[doc.path],
	)
}
