# METADATA
# title: The register names the national law that transposes NIS2 for the entity
# description: |
#   NIS2 is a directive: its notification duties bind an essential or important entity through the law of each
#   Member State that transposed it, from the date that law applies. Member States had to apply their transposing
#   measures from 18 October 2024 (Art. 41(1)), but many did so later, and the reference catalog holds no table of
#   national dates. The register of notifications therefore names, for each Member State in the manifest's
#   nis2_member_states (or at least one), the transposing law and the date it applies from (nis2_national_law);
#   AL-REPORT-003 starts the notification clocks there. Without it the clocks run from 18 October 2024, which may be
#   before the law bound the entity, so this is a warning.
# scope: package
# custom:
#   id: AL-REPORT-006
#   severity: warning
#   applies_from: "2024-10-18"
#   clauses:
#     - id: NIS2-ART41-1
#       cite: NIS2 Art. 41(1)
#     - id: NIS2-ART23-1
#       cite: NIS2 Art. 23(1)
#   remediation: |
#     Add nis2_national_law to the register of notifications: for each Member State whose NIS2 transposition binds the
#     entity, the law as cited in its official journal and the date it applies from.
package annexlint.rules.reporting["nis2-national-law"]

import data.annexlint.lib

report contains lib.finding(doc.path, "", msg) if {
	_entity
	some doc in lib.documents("vulnerability-reports")
	missing := [ms | some ms in _states; not _named(doc, ms)]
	count(missing) > 0
	msg := sprintf("the register of notifications names no national law transposing NIS2 for %s, with the date it %s; %s", [
		concat(", ", missing), "applies from (nis2_national_law)",
		"name each, so the notification clocks start when the law bound the entity and not from 18 October 2024",
	])
}

_entity if lib.product.nis2_entity in {"essential", "important"}

# _states are the Member States the manifest names for NIS2, or "any Member State" when it names none.
_states := sort(lib.product.nis2_member_states) if {
	is_array(lib.product.nis2_member_states)
	count(lib.product.nis2_member_states) > 0
} else := ["any Member State"]

_named(doc, ms) if {
	some law in doc.content.nis2_national_law
	_law_stated(law)
	ms in {law.member_state, "any Member State"}
}

_law_stated(law) if {
	lib.has_text(law, "law")
	lib.is_date(law.applies_from)
}

evidence contains lib.examined(doc.path, "/nis2_national_law") if {
	_entity
	some doc in lib.documents("vulnerability-reports")
	some law in doc.content.nis2_national_law
	_law_stated(law)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	_entity
	not lib.has_document("vulnerability-reports")
	msg := concat(" ", [
		"the manifest lists no register of notifications (type \"vulnerability-reports\"), so the national law under",
		"which NIS2 notifications are due cannot be shown; add the register and name the law in nis2_national_law",
	])
}
