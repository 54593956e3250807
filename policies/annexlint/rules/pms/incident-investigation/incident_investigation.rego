# METADATA
# title: Every serious incident is investigated with a risk assessment, and a concluded investigation has its final report
# description: |
#   After reporting a serious incident the manufacturer investigates it without delay, including a risk assessment of
#   the incident (MDR Art. 89(1), IVDR Art. 84(1)), and gives the competent authority a final report of its findings
#   and conclusions (MDR Art. 89(5), IVDR Art. 84(5)); an incomplete initial report, allowed to meet the reporting
#   period, is followed by the complete one (MDR Art. 87(6), IVDR Art. 82(6)). A cybersecurity incident that harmed a
#   patient is investigated like any other: which vulnerability was exploited, which devices and versions are
#   exposed, whether the controls of the risk file held. Each serious-incident entry of the register of
#   notifications (vulnerability-reports) must have an investigation in the PMS documentation (investigations, by
#   the entry's ID) with its risk assessment; once the investigation is concluded (concluded_on) the register entry
#   records when the final report was submitted (final_report_at), not before the conclusion.
# scope: package
# custom:
#   id: AL-PMS-004
#   severity: error
#   frameworks: [MDR, IVDR]
#   clauses:
#     - id: MDR-ART89-1
#       cite: MDR Art. 89(1)
#     - id: MDR-ART89-5
#       cite: MDR Art. 89(5)
#     - id: MDR-ART87-6
#       cite: MDR Art. 87(6)
#     - id: IVDR-ART84-1
#       cite: IVDR Art. 84(1)
#     - id: IVDR-ART84-5
#       cite: IVDR Art. 84(5)
#     - id: IVDR-ART82-6
#       cite: IVDR Art. 82(6)
#     - id: MDCG-2019-16-5.2
#       cite: MDCG 2019-16 rev.1 section 5.2
#   remediation: |
#     Record the investigation of each serious incident under investigations in the post-market-surveillance
#     document, by the register entry's ID, with the start date and the risk assessment of the incident; when it
#     concludes, record concluded_on and the conclusions, submit the final report to the competent authority and
#     record its date in the register entry (final_report_at).
package annexlint.rules.pms["incident-investigation"]

import data.annexlint.lib
import data.annexlint.lib.reporting

_device if lib.product.framework in {"MDR", "IVDR"}

# _incidents are [path, pointer, channel] for every serious-incident channel of the register.
_incidents contains [path, base, c] if {
	_device
	some [path, base, c] in reporting.channels
	c.type == "serious-incident"
	lib.has_text(c, "id")
}

# _investigations are [path, index, investigation] for every investigation of the PMS documentation.
_investigations contains [doc.path, i, inv] if {
	_device
	some doc in lib.documents("post-market-surveillance")
	some i, inv in doc.content.investigations
	is_object(inv)
}

_investigated(id) if {
	some [_, _, inv] in _investigations
	inv.incident == id
}

report contains lib.finding(path, base, msg) if {
	lib.has_document("post-market-surveillance")
	some [path, base, c] in _incidents
	not _investigated(c.id)
	msg := sprintf("%v: no investigation of the serious incident is recorded in the PMS documentation (investigations, incident %q); investigate it without delay, with a risk assessment of the incident (%s), and record it", [
		c.id, c.id, _article89(1),
	])
}

report contains lib.finding(path, lib.pointer("/investigations", i), msg) if {
	some [path, i, inv] in _investigations
	not lib.has_text(inv, "risk_assessment")
	msg := sprintf("the investigation of %v records no risk assessment of the incident (risk_assessment); assess the risk (%s): which vulnerability was exploited, which devices and versions are exposed, whether the controls held", [
		inv.incident, _article89(1),
	])
}

report contains lib.finding(path, lib.pointer(lib.pointer("/investigations", i), "concluded_on"), msg) if {
	some [path, i, inv] in _investigations
	lib.is_date(inv.concluded_on)
	inv.concluded_on <= input.as_of
	some [_, _, c] in _incidents
	c.id == inv.incident
	not reporting.recorded(c, "final_report_at")
	msg := sprintf("the investigation of %v concluded on %s, but the register entry records no final report to the competent authority (final_report_at); submit the final report with the findings and conclusions (%s) and record its date", [
		inv.incident, inv.concluded_on, _article89(5),
	])
}

report contains lib.finding(path, lib.pointer(lib.pointer("/investigations", i), "concluded_on"), msg) if {
	some [path, i, inv] in _investigations
	lib.is_date(inv.concluded_on)
	some [_, _, c] in _incidents
	c.id == inv.incident
	is_string(c.final_report_at)
	substring(c.final_report_at, 0, 10) < inv.concluded_on
	msg := sprintf("the final report on %v was submitted on %s, before the investigation concluded on %s; a final report gives the investigation's findings (%s): correct the dates, or submit the final report now", [
		inv.incident, c.final_report_at, inv.concluded_on, _article89(5),
	])
}

# An investigation must name a serious incident of the register, or the incident it answers cannot be told.
report contains lib.finding(path, lib.pointer(lib.pointer("/investigations", i), "incident"), msg) if {
	lib.has_document("vulnerability-reports")
	some [path, i, inv] in _investigations
	not _registered(inv.incident)
	msg := sprintf("the investigation names the incident %v, which is no serious-incident entry of the register of notifications; name the ID of the serious incident it investigates", [inv.incident])
}

_registered(id) if {
	some [_, _, c] in _incidents
	c.id == id
}

_article89(n) := sprintf("MDR Art. 89(%d)", [n]) if lib.product.framework == "MDR"

else := sprintf("IVDR Art. 84(%d)", [n])

evidence contains lib.examined(path, lib.pointer("/investigations", i)) if {
	some [path, i, inv] in _investigations
	lib.has_text(inv, "risk_assessment")
}

# A register that shows the vigilance process and lists no serious incident: nothing had to be investigated.
evidence contains lib.examined(doc.path, "/reports") if {
	_device
	some doc in lib.documents("vulnerability-reports")
	lib.register_shows_process(doc)
	count(_incidents) == 0
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	_device
	not lib.has_document("vulnerability-reports")
	msg := "the manifest lists no register of notifications (type \"vulnerability-reports\"), so it cannot be shown which serious incidents occurred and that each was investigated; add the register, with an empty reports list if none occurred"
}

insufficient contains lib.finding(path, base, msg) if {
	not lib.has_document("post-market-surveillance")
	some [path, base, c] in _incidents
	msg := sprintf("%v: the manifest lists no post-market surveillance documentation (type \"post-market-surveillance\"), so the investigation of this serious incident cannot be shown; add the document with the investigation", [c.id])
}
