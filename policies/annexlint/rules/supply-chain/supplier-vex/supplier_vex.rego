# METADATA
# title: A supplier's VEX covers its component, is current, and counts as the maker's assessment only once adopted
# description: |
#   A component's maker may deliver VEX statements with its component (marked in the manifest with
#   `supplied_by: {name, component}`): which vulnerabilities affect the component and which do not. It is checked as
#   that supplier's delivery: it makes statements about the component it is marked for and is not older than the
#   supplier's SBOM of that component (Annex I Part II (1)). It is the supplier's assessment of its component, not
#   the manufacturer's assessment of its product: a vulnerability the module is "not affected" by in the supplier's
#   configuration may affect the device in its own. So a supplier's VEX counts for the product only when the maker
#   reviewed it and adopted it (`supplied_by.adopted: {by, date}`; then the VEX rules read it as the maker's own).
#   Until then, a "not_affected" statement of the supplier on a vulnerability the maker has not assessed itself is a
#   finding: the maker's risk management (MDR Annex I 17.2, IVDR Annex I 16.2) and its vulnerability handling (CRA
#   Annex I Part II (2)) need its own assessment.
# scope: package
# custom:
#   id: AL-SUPPLY-002
#   severity: error
#   clauses:
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: CRA-AI-P2-2
#       cite: CRA Annex I Part II (2)
#   remediation: |
#     Review the supplier's statements for your product (is the vulnerable code present, reachable and exploitable in
#     your configuration?) and either assess each vulnerability in your own VEX, or record in the manifest that you
#     adopted the supplier's assessments: `supplied_by.adopted: {by, date, record}`. Ask the supplier for a VEX that
#     names the component and is issued for its current SBOM.
package annexlint.rules["supply-chain"]["supplier-vex"]

import data.annexlint.lib
import data.annexlint.lib.supply
import data.annexlint.lib.vuln

report contains lib.finding(doc.path, "", msg) if {
	some doc in lib.supplied_documents("vex")
	ref := supply.ref(doc)
	count(doc.content.statements) > 0
	not _about_component(doc, ref)
	msg := sprintf("the VEX %s from %s makes no statement about the component %s it is marked for; ask the supplier for the VEX of that component, or correct supplied_by.component", [doc.path, _supplier(doc), ref])
}

report contains lib.finding(doc.path, "", msg) if {
	some doc in lib.supplied_documents("vex")
	not _dated(doc)
	msg := sprintf("the VEX %s from %s states no time of issue, so it cannot be told whether it is current; ask the supplier for a dated VEX", [doc.path, _supplier(doc)])
}

report contains lib.finding_related(doc.path, "", msg, [{"path": sbom.path, "pointer": "", "message": "the supplier's newer SBOM"}]) if {
	some doc in lib.supplied_documents("vex")
	some sbom in lib.supplied_documents("sbom")
	supply.ref(sbom) == supply.ref(doc)
	vuln.ns(doc.content.timestamp) < vuln.ns(sbom.content.timestamp)
	msg := sprintf("the VEX %s from %s was issued %s, before the supplier's SBOM %s of the same component (%s); it does not assess the component as delivered: ask the supplier for a current VEX", [
		doc.path, _supplier(doc), doc.content.timestamp, sbom.path, sbom.content.timestamp,
	])
}

report contains lib.finding(doc.path, sprintf("/statements/%d", [i]), msg) if {
	some doc in lib.supplied_documents("vex")
	not lib.adopted(doc)
	some i, st in doc.content.statements
	st.status == "not_affected"
	not _own_assessment(st)
	msg := sprintf("%s: %s states that %s is not affected; that is the supplier's assessment of its component, not yours of the product; assess %s for the product in your own VEX, or review the supplier's statements and record that you adopt them (supplied_by.adopted with by and date)", [
		st.vulnerability, _supplier(doc), supply.ref(doc), st.vulnerability,
	])
}

report contains lib.finding(lib.manifest_path, sprintf("/documents/%d/supplied_by/adopted", [i]), msg) if {
	some i, entry in input.manifest.content.documents
	is_object(entry.supplied_by.adopted)
	not _adoption_recorded(entry.supplied_by.adopted)
	msg := sprintf("the adoption of the supplier's document %s does not say who reviewed it and when (adopted.by, adopted.date as YYYY-MM-DD); until it does, its statements are not your assessment", [entry.path])
}

_adoption_recorded(a) if {
	lib.has_text(a, "by")
	lib.is_date(a.date)
}

_dated(doc) if vuln.ns(doc.content.timestamp)

_about_component(doc, ref) if {
	some st in doc.content.statements
	some p in st.products
	supply.matches(p, ref)
}

_about_component(doc, ref) if {
	some st in doc.content.statements
	some p in st.products
	supply.matches(p.parent, ref)
}

# _own_assessment is true when a VEX that is the maker's own (or adopted) makes a statement on the vulnerability of
# the supplier's statement, under its ID or an alias of either (vuln.ids: trimmed, upper case).
_own_assessment(supplier_st) if {
	some doc in lib.documents("vex")
	some own in doc.content.statements
	some id in vuln.ids(supplier_st)
	id in vuln.ids(own)
}

_supplier(doc) := sprintf("%q", [doc.supplied_by.name]) if lib.has_text(doc.supplied_by, "name")

else := "a supplier it does not name"

evidence contains lib.examined(doc.path, sprintf("/statements/%d", [i])) if {
	some doc in lib.supplied_documents("vex")
	some i, _ in doc.content.statements
}

# Without a supplier's VEX, the product's own VEX documents were examined: none of them is a supplier's delivery.
evidence contains lib.examined(doc.path, "") if {
	count(lib.supplied_documents("vex")) == 0
	some doc in lib.documents("vex")
	count(doc.content.statements) > 0
}

insufficient contains lib.finding(doc.path, "/statements", msg) if {
	some doc in lib.supplied_documents("vex")
	count(doc.content.statements) == 0
	msg := sprintf("the VEX %s from %s makes no statement, so it says nothing about the vulnerabilities of %s; ask the supplier for its assessments", [doc.path, _supplier(doc), object.get(doc.supplied_by, "component", "its component")])
}
