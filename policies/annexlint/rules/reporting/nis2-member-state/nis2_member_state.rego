# METADATA
# title: NIS2 incident notifications name the Member States whose CSIRT or competent authority was notified
# description: |
#   An essential or important entity notifies significant incidents to its CSIRT or competent authority (NIS2
#   Art. 23(1)): that of the Member State where it is established, or where it provides the services concerned,
#   and it reports the information that lets the authority determine any cross-border impact. A register record
#   that does not name the Member State(s) does not show which authority had to be notified, nor whether it was;
#   a code that is not one of an EU Member State (a third country, or a misspelt code such as UK) names no
#   authority under the Directive. Each channel of type significant-incident, written as a record or under another
#   record's `also`, names them in member_states (ISO 3166-1 alpha-2; Greece as EL or GR); a channel under `also`
#   may inherit the record's. Channels whose clock started before the national transposition applied (see
#   AL-REPORT-003) are not checked.
# scope: package
# custom:
#   id: AL-REPORT-011
#   severity: error
#   applies_from: "2024-10-18"
#   clauses:
#     - id: NIS2-ART23-1
#       cite: NIS2 Art. 23(1)
#   remediation: |
#     Record in each significant incident record the Member State(s) whose CSIRT or competent authority was notified
#     (member_states, ISO 3166-1 alpha-2 codes, EL or GR for Greece): where the entity is established, or where it
#     provides the services the incident affected.
package annexlint.rules.reporting["nis2-member-state"]

import data.annexlint.lib
import data.annexlint.lib.reporting
import data.annexlint.lib.vuln

report contains lib.finding(path, base, msg) if {
	some [path, base, c] in _channels
	not reporting.names_member_state(c)
	msg := sprintf("%s: the record does not name the Member State whose %s (%s); %s", [
		reporting.channel_label(base, c), "CSIRT or competent authority was notified", "NIS2 Art. 23(1)",
		"record in member_states (ISO 3166-1 alpha-2, EL or GR for Greece) where the entity is established or provides the services affected",
	])
}

report contains lib.finding(path, sprintf("%s/%d", [reporting.member_states_at(path, base), j]), msg) if {
	some [path, base, c] in _channels
	some [j, code] in reporting.not_member_states(c)
	msg := sprintf("%s: %s in member_states is not an EU Member State, so no CSIRT or competent authority under %s %s; %s", [
		reporting.channel_label(base, c), code, "NIS2 Art. 23(1)", "was notified there",
		"name the Member States whose authority was notified (ISO 3166-1 alpha-2, EL or GR for Greece)",
	])
}

_channels := [[path, base, c] |
	lib.product.nis2_entity in {"essential", "important"}
	some [path, base, c] in reporting.channels
	c.type == "significant-incident"
	vuln.ns(c.aware_at) >= reporting.nis2_from
]

evidence contains lib.examined(path, base) if {
	some [path, base, _] in _channels
}

# A register with no significant incident (yet) is evidence that there was nothing to name, once it shows its process.
evidence contains lib.examined(doc.path, "/reports") if {
	lib.product.nis2_entity in {"essential", "important"}
	some doc in lib.documents("vulnerability-reports")
	lib.register_shows_process(doc)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	lib.product.nis2_entity in {"essential", "important"}
	not lib.has_document("vulnerability-reports")
	msg := concat(" ", [
		"the manifest lists no register of notifications (type \"vulnerability-reports\"), so it cannot be shown",
		"that significant incidents were notified to the CSIRT or competent authority of the right Member State;",
		"add the register, with an empty reports list if no significant incident has occurred",
	])
}
