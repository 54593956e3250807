# METADATA
# title: Serious incident reports name the Member State where the incident occurred
# description: |
#   A serious incident is reported to the relevant competent authority (MDR Art. 87(1), IVDR Art. 82(1)): through
#   the electronic system of Art. 92 (IVDR Art. 87) the report reaches the competent authority of the Member State
#   where the incident occurred. A register record that does not name that Member State does not show which
#   authority had to receive the report, nor whether it went there; a code that is not one of an EU Member State (a
#   third country such as CH, GB or US, or a misspelt code such as UK) names no competent authority under the
#   Regulation. Each channel of type serious-incident, written as a record or under another record's `also`, names
#   it in member_states (ISO 3166-1 alpha-2; Greece as EL or GR); a channel under `also` may inherit the record's.
# scope: package
# custom:
#   id: AL-REPORT-010
#   severity: error
#   frameworks: [MDR, IVDR]
#   clauses:
#     - id: MDR-ART87-1
#       cite: MDR Art. 87(1)
#     - id: IVDR-ART82-1
#       cite: IVDR Art. 82(1)
#   remediation: |
#     Record in each serious incident record the Member State where the incident occurred (member_states, ISO
#     3166-1 alpha-2 code, EL or GR for Greece), and check that the report went to that Member State's competent
#     authority. An incident outside the Union is not reported under this channel: record it where its own law
#     requires and, if it leads to a field safety corrective action for devices in the Union, report that.
package annexlint.rules.reporting["serious-incident-member-state"]

import data.annexlint.lib
import data.annexlint.lib.reporting

_article := {"MDR": "MDR Art. 87(1)", "IVDR": "IVDR Art. 82(1)"}

report contains lib.finding(path, base, msg) if {
	article := _article[lib.product.framework]
	some [path, base, c] in _channels
	not reporting.names_member_state(c)
	msg := sprintf("%s: the record does not name the Member State where the serious incident occurred, %s (%s); %s", [
		reporting.channel_label(base, c), "whose competent authority receives the report", article,
		"record it in member_states (ISO 3166-1 alpha-2, EL or GR for Greece)",
	])
}

report contains lib.finding(path, sprintf("%s/%d", [reporting.member_states_at(path, base), j]), msg) if {
	article := _article[lib.product.framework]
	some [path, base, c] in _channels
	some [j, code] in reporting.not_member_states(c)
	msg := sprintf("%s: %s in member_states is not an EU Member State, so no competent authority under %s %s; %s", [
		reporting.channel_label(base, c), code, article, "receives the report there",
		"name the Member State where the incident occurred (ISO 3166-1 alpha-2, EL or GR for Greece)",
	])
}

_channels := [[path, base, c] |
	some [path, base, c] in reporting.channels
	c.type == "serious-incident"
]

evidence contains lib.examined(path, base) if {
	_article[lib.product.framework]
	some [path, base, _] in _channels
}

# A register with no serious incident (yet) is evidence that there was nothing to name, once it shows its process.
evidence contains lib.examined(doc.path, "/reports") if {
	_article[lib.product.framework]
	some doc in lib.documents("vulnerability-reports")
	lib.register_shows_process(doc)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	_article[lib.product.framework]
	not lib.has_document("vulnerability-reports")
	msg := concat(" ", [
		"the manifest lists no register of notifications (type \"vulnerability-reports\"), so it cannot be shown",
		"that serious incidents were reported to the competent authority of the Member State where they occurred;",
		"add the register, with an empty reports list if no serious incident has occurred",
	])
}
