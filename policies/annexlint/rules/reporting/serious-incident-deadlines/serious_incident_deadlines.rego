# METADATA
# title: Serious incidents were reported to the competent authority within the MDR/IVDR periods
# description: |
#   A manufacturer of a device made available in the Union reports every serious incident to the competent
#   authority, immediately and at the latest 2 days after becoming aware of a serious public health threat, 10 days
#   after becoming aware of a death or an unanticipated serious deterioration in a person's state of health, and 15
#   days after becoming aware of any other serious incident (MDR Art. 87(3)-(5), IVDR Art. 82(3)-(5)). A
#   cybersecurity incident that harms patients is one of them, and it may trigger NIS2 or CRA notifications too: the
#   register entry (or its `also` list) of type serious-incident, with its severity, records when the report was
#   submitted (notification_at). This rule checks each against its period as of the --as-of date. A device bundle
#   without the register shows no vigilance reporting at all: that is insufficient evidence, not a pass; a register
#   with no entries states that nothing had to be reported.
# scope: package
# custom:
#   id: AL-REPORT-004
#   severity: error
#   frameworks: [MDR, IVDR]
#   clauses:
#     - id: MDR-ART87-1
#       cite: MDR Art. 87(1)
#     - id: MDR-ART87-3
#       cite: MDR Art. 87(3)
#     - id: MDR-ART87-4
#       cite: MDR Art. 87(4)
#     - id: MDR-ART87-5
#       cite: MDR Art. 87(5)
#     - id: IVDR-ART82-1
#       cite: IVDR Art. 82(1)
#     - id: IVDR-ART82-3
#       cite: IVDR Art. 82(3)
#     - id: IVDR-ART82-4
#       cite: IVDR Art. 82(4)
#     - id: IVDR-ART82-5
#       cite: IVDR Art. 82(5)
#   remediation: |
#     Report the serious incident to the competent authority now (an incomplete initial report is allowed to meet the
#     period, MDR Art. 87(6) / IVDR Art. 82(6)) and record when it was submitted in notification_at; record the
#     severity that sets the period. For reports submitted late, record the reason and review the vigilance
#     procedure so that the next period is met.
package annexlint.rules.reporting["serious-incident-deadlines"]

import data.annexlint.lib
import data.annexlint.lib.reporting
import data.annexlint.lib.vuln

# _periods are the days from awareness to the report, by severity, with the paragraph that sets them.
_periods := {
	"public-health-threat": [2, "(4)", "a serious public health threat"],
	"death-or-serious-deterioration": [10, "(5)", "a death or unanticipated serious deterioration of health"],
	"other": [15, "(3)", "a serious incident"],
}

_article := {"MDR": "MDR Art. 87", "IVDR": "IVDR Art. 82"}

report contains lib.finding(path, pointer, sprintf("%v: %s", [r.id, text])) if {
	article := _article[lib.product.framework]
	some [path, base, r] in reporting.channels
	r.type == "serious-incident"
	aware := vuln.ns(r.aware_at)
	[days, paragraph, what] := _periods[r.severity]
	stage := {
		"field": "notification_at", "what": "serious incident report", "due": aware + (days * vuln.day_ns),
		"basis": sprintf("%d days after awareness at %s of %s", [days, r.aware_at, what]),
		"clause": concat("", [article, paragraph]),
	}
	[pointer, text] := reporting.stage_problem(base, r, stage)
}

# The register shows the vigilance reporting process; each serious incident whose period was checked is evidence.
evidence contains lib.examined(doc.path, "/reports") if {
	_article[lib.product.framework]
	some doc in lib.documents("vulnerability-reports")
	lib.register_shows_process(doc)
}

evidence contains lib.examined(path, base) if {
	_article[lib.product.framework]
	some [path, base, r] in reporting.channels
	r.type == "serious-incident"
	vuln.ns(r.aware_at)
	_periods[r.severity]
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	_article[lib.product.framework]
	not lib.has_document("vulnerability-reports")
	msg := concat(" ", [
		"the manifest lists no register of notifications (type \"vulnerability-reports\"), so it cannot be shown",
		"that serious incidents, including those caused by a cybersecurity incident, were reported to the competent",
		"authority within the MDR Art. 87 / IVDR Art. 82 periods; add the register, with an empty reports list if no",
		"serious incident has occurred, and list it under documents",
	])
}

insufficient contains lib.finding(path, base, msg) if {
	_article[lib.product.framework]
	some [path, base, r] in reporting.channels
	r.type == "serious-incident"
	not _periods[object.get(r, "severity", "")]
	msg := sprintf("%v: the serious incident does not state its severity (%s), so the reporting period cannot be told; %s", [
		r.id, "public-health-threat, death-or-serious-deterioration or other",
		"record it: it sets a period of 2, 10 or 15 days",
	])
}

# A register that does not name the procedure under which reports are made shows no reporting process.
insufficient contains lib.finding(doc.path, "", msg) if {
	_article[lib.product.framework]
	some doc in lib.documents("vulnerability-reports")
	not lib.register_shows_process(doc)
	msg := sprintf(
		concat(" ", [
			"the register of notifications %s does not name the procedure under which reports are made (procedure),",
			"so it does not show a vigilance reporting process; name the procedure (e.g. the vigilance SOP) and keep",
			"the register current",
		]),
		[doc.path],
	)
}
