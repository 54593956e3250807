# METADATA
# title: CRA notifications name the Member States, reach the coordinator CSIRT and are followed by informing users
# description: |
#   An early warning of an actively exploited vulnerability or a severe incident states the Member States where the
#   product is made available (CRA Art. 14(2)(a), (4)(a)), so that the coordinator CSIRT can pass the notification on
#   to theirs through the single reporting platform (Art. 16(2)); a code that is not an EU Member State's (ISO 3166-1
#   alpha-2, Greece as EL or GR) names none. Notifications go through that platform to the
#   CSIRT designated as coordinator of the Member State of the main establishment (Art. 14(7), Art. 16(1)), which the
#   register names (coordinator_csirt); each record gives the platform's case reference (references). And the impacted users are informed of the vulnerability or incident and of
#   the measures they can take (Art. 14(8)): by the time the final report is submitted at the latest, the record
#   shows when (users_informed_at). Channels whose clock started before 11 September 2026 are not checked.
# scope: package
# custom:
#   id: AL-REPORT-007
#   severity: error
#   frameworks: [CRA]
#   applies_from: "2026-09-11"
#   clauses:
#     - id: CRA-ART14-1
#       cite: CRA Art. 14(1)
#     - id: CRA-ART14-2A
#       cite: CRA Art. 14(2)(a)
#     - id: CRA-ART14-3
#       cite: CRA Art. 14(3)
#     - id: CRA-ART14-4A
#       cite: CRA Art. 14(4)(a)
#     - id: CRA-ART14-7
#       cite: CRA Art. 14(7)
#     - id: CRA-ART14-8
#       cite: CRA Art. 14(8)
#     - id: CRA-ART16-1
#       cite: CRA Art. 16(1)
#     - id: CRA-ART16-2
#       cite: CRA Art. 16(2)
#   remediation: |
#     Record in each CRA notification the Member States where the product is made available (member_states, ISO
#     codes), name the coordinator CSIRT of the main establishment in the register (coordinator_csirt), and inform the
#     impacted users of the vulnerability or incident and the measures they can take, recording when
#     (users_informed_at).
package annexlint.rules.reporting["cra-notification-content"]

import data.annexlint.lib
import data.annexlint.lib.reporting
import data.annexlint.lib.vuln

_cra_types := {"actively-exploited-vulnerability", "severe-incident"}

_clause := {"actively-exploited-vulnerability": "CRA Art. 14(2)(a)", "severe-incident": "CRA Art. 14(4)(a)"}

report contains lib.finding(path, base, msg) if {
	some [path, base, c] in _cra_channels
	reporting.recorded(c, "early_warning_at")
	not _member_states(c)
	msg := sprintf("%v: the early warning does not state the Member States where the product is made available (%s); %s", [
		c.id, _clause[c.type],
		"record them in member_states (ISO 3166-1 codes) so the coordinator CSIRT can pass the notification on",
	])
}

report contains lib.finding(path, sprintf("%s/%d", [reporting.member_states_at(path, base), j]), msg) if {
	some [path, base, c] in _cra_channels
	some [j, code] in reporting.not_member_states(c)
	msg := sprintf("%s: %s in member_states is not an EU Member State (%s); %s", [
		reporting.channel_label(base, c), code, _clause[c.type],
		"name the Member States where the product is made available (ISO 3166-1 alpha-2, EL or GR for Greece)",
	])
}

report contains lib.finding(path, base, msg) if {
	some [path, base, c] in _cra_channels
	reporting.recorded(c, "final_report_at")
	not reporting.recorded(c, "users_informed_at")
	msg := sprintf("%v: the final report was submitted on %s, but the record does not show that %s; %s", [
		c.id, c.final_report_at, "the impacted users were informed (CRA Art. 14(8))",
		"inform them of the vulnerability or incident and the measures they can take, and record when in users_informed_at",
	])
}

# A notification through the single reporting platform has the platform's case reference; a record without any
# reference does not show where the notification went.
report contains lib.finding(path, base, msg) if {
	some [path, base, c] in _cra_channels
	reporting.recorded(c, "early_warning_at")
	not _referenced(c)
	msg := sprintf("%v: the record gives no reference of the notification (references), so %s; %s", [
		c.id, "it does not show that it went through the single reporting platform (CRA Art. 14(1), (3), Art. 16(1))",
		"record the platform's case reference",
	])
}

_referenced(c) if {
	some ref in c.references
	is_string(ref)
	not lib.is_placeholder(ref)
}

report contains lib.finding(doc.path, "", msg) if {
	count(_cra_channels) > 0
	some doc in lib.documents("vulnerability-reports")
	not lib.has_text(doc.content, "coordinator_csirt")
	msg := concat(" ", [
		"the register records CRA notifications but does not name the CSIRT designated as coordinator that receives",
		"them through the single reporting platform (coordinator_csirt; CRA Art. 14(7)); name the CSIRT of the",
		"Member State of the main establishment",
	])
}

_cra_channels := [[path, base, c] |
	some [path, base, c] in reporting.channels
	c.type in _cra_types
	vuln.ns(c.aware_at) >= vuln.cra_art14_from_ns
]

_member_states(c) if {
	some ms in c.member_states
	is_string(ms)
	not lib.is_placeholder(ms)
}

evidence contains lib.examined(path, base) if {
	some [path, base, _] in _cra_channels
}

# A register with no CRA notification (yet) is evidence that there was nothing to state, once it shows its process.
evidence contains lib.examined(doc.path, "/reports") if {
	some doc in lib.documents("vulnerability-reports")
	lib.register_shows_process(doc)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("vulnerability-reports")
	msg := concat(" ", [
		"the manifest lists no register of notifications (type \"vulnerability-reports\"), so it cannot be shown",
		"that CRA notifications named the Member States and reached the coordinator CSIRT, or that users were",
		"informed; add the register, with an empty reports list if nothing has been notified",
	])
}
