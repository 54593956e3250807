# METADATA
# title: CRA notifications of exploited vulnerabilities and severe incidents met their deadlines
# description: |
#   From 11 September 2026 a manufacturer notifies every actively exploited vulnerability in its product and every
#   severe incident affecting the product's security, through the single reporting platform, to the CSIRT
#   designated as coordinator and to ENISA: an early warning within 24 hours of becoming aware, a notification
#   within 72 hours, and a final report no later than 14 days after a corrective or mitigating measure is
#   available (vulnerability) or within one month of the incident notification (incident). This rule checks each
#   entry of the bundle's vulnerability-reports documents against those clocks, as of the --as-of date: a stage
#   submitted late is a finding, a stage not recorded is one once its deadline has passed. A register entry that
#   triggers CRA reporting as well as another channel lists the CRA channel under `also`, with its own submission
#   times. Where the entry does not say when the corrective measure became available, the earliest the bundle shows
#   dates it: a VEX statement that declares the vulnerability fixed, a dated CSAF remediation (vendor_fix or
#   mitigation) or a release of the update plan that fixes it, made available by the --as-of date; so an omitted
#   date does not stop the final report's clock. Clocks that started before 11 September 2026 are not checked. A
#   bundle without the register shows no reporting process at all: that is insufficient evidence, not a pass; a
#   register with no entries states that nothing was notified.
# scope: package
# custom:
#   id: AL-REPORT-002
#   severity: error
#   frameworks: [CRA]
#   applies_from: "2026-09-11"
#   clauses:
#     - id: CRA-ART14-2A
#       cite: CRA Art. 14(2)(a)
#     - id: CRA-ART14-2B
#       cite: CRA Art. 14(2)(b)
#     - id: CRA-ART14-2C
#       cite: CRA Art. 14(2)(c)
#     - id: CRA-ART14-4A
#       cite: CRA Art. 14(4)(a)
#     - id: CRA-ART14-4B
#       cite: CRA Art. 14(4)(b)
#     - id: CRA-ART14-4C
#       cite: CRA Art. 14(4)(c)
#   remediation: |
#     Submit the missing early warning, notification or final report through the single reporting platform now and
#     record when it was submitted; for stages submitted late, record the reason in the entry's notes and review
#     the reporting procedure (awareness triggers, on-call cover, templates) so that the next clock is met.
package annexlint.rules.reporting["cra-notification-deadlines"]

import data.annexlint.lib
import data.annexlint.lib.reporting
import data.annexlint.lib.vuln

report contains lib.finding(path, pointer, sprintf("%v: %s", [r.id, text])) if {
	some [path, base, r] in reporting.channels
	aware := vuln.ns(r.aware_at)
	aware >= vuln.cra_art14_from_ns
	some stage in _stages(r, aware)
	[pointer, text] := reporting.stage_problem(base, r, stage)
}

_stages(r, aware) := [
	_stage("early_warning_at", "early warning", aware + (24 * vuln.hour_ns), _after_awareness(r, 24), "CRA Art. 14(2)(a)"),
	_stage("notification_at", "vulnerability notification", aware + (72 * vuln.hour_ns), _after_awareness(r, 72), "CRA Art. 14(2)(b)"),
	object.union(
		_stage(
			"final_report_at", "final report", final_due[0],
			sprintf("14 days after the corrective measure of %s%s", [measure[0], measure[1]]), "CRA Art. 14(2)(c)",
		),
		{"due_text": final_due[1]},
	),
] if {
	r.type == "actively-exploited-vulnerability"
	measure := reporting.corrective_measure(r)
	final_due := vuln.final_due_after_measure(measure[0])
} else := [
	_stage("early_warning_at", "early warning", aware + (24 * vuln.hour_ns), _after_awareness(r, 24), "CRA Art. 14(2)(a)"),
	_stage("notification_at", "vulnerability notification", aware + (72 * vuln.hour_ns), _after_awareness(r, 72), "CRA Art. 14(2)(b)"),
] if {
	r.type == "actively-exploited-vulnerability"
} else := [
	_stage("early_warning_at", "early warning", aware + (24 * vuln.hour_ns), _after_awareness(r, 24), "CRA Art. 14(4)(a)"),
	_stage("notification_at", "incident notification", aware + (72 * vuln.hour_ns), _after_awareness(r, 72), "CRA Art. 14(4)(b)"),
	_stage(
		"final_report_at", "final report", vuln.final_due_after_notification(r, aware),
		"one month after the incident notification", "CRA Art. 14(4)(c)",
	),
] if {
	r.type == "severe-incident"
}

_stage(field, what, due, basis, clause) := {"field": field, "what": what, "due": due, "basis": basis, "clause": clause}

_after_awareness(r, n) := sprintf("%d hours after awareness at %s", [n, r.aware_at])

# The register itself is evidence of the reporting process, also when it records nothing yet; each entry whose
# clocks the rule checked is evidence too.
evidence contains lib.examined(doc.path, "/reports") if {
	some doc in lib.documents("vulnerability-reports")
	lib.register_shows_process(doc)
}

evidence contains lib.examined(path, base) if {
	some [path, base, r] in reporting.channels
	r.type in {"actively-exploited-vulnerability", "severe-incident"}
	vuln.ns(r.aware_at) >= vuln.cra_art14_from_ns
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("vulnerability-reports")
	msg := concat(" ", [
		"the manifest lists no register of notifications (type \"vulnerability-reports\"), so it cannot be shown",
		"that actively exploited vulnerabilities and severe incidents were notified to the coordinator CSIRT and",
		"ENISA within the CRA Art. 14 deadlines; add the register, with an empty reports list if nothing has been",
		"notified yet, and list it under documents",
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
