# METADATA
# title: A vulnerability declared fixed is fixed in a version the product ships
# description: |
#   A "fixed" statement tells users and authorities that the product no longer contains the vulnerability. When the
#   statement names the version that contains the fix (an OpenVEX or CSAF product version, a CycloneDX affects
#   version marked unaffected), that version must be the one the SBOMs list: a fix in a later release that the
#   documented product does not ship, or in an older one, leaves the shipped component vulnerable while the VEX
#   says otherwise. For a medical device or IVD, a VEX that misstates what ships misleads the software's risk
#   management, information security included (MDR Annex I 17.2, IVDR Annex I 16.2).
# scope: package
# custom:
#   id: AL-VEX-005
#   severity: error
#   clauses:
#     - id: CRA-AI-P2-2
#       cite: CRA Annex I Part II (2)
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#   remediation: |
#     If the product still ships the vulnerable version, change the statement's status to affected (with an action
#     statement) until the fixed version ships. If it ships the fix, update the SBOM to the version actually built
#     in, or correct the version the statement names.
package annexlint.rules.vex["fixed-version-shipped"]

import data.annexlint.lib
import data.annexlint.lib.sbom as sbom_lib
import data.annexlint.lib.vuln

report contains lib.finding_related(doc.path, concat("", ["/statements/", format_int(i, 10)]), msg, related) if {
	some doc in lib.documents("vex")
	some i, st in doc.content.statements
	products := vuln.fixed_unshipped(st)
	shipped := {id | some p in products; some id in vuln.resolve_package(p)}
	msg := sprintf("%s is declared fixed in %s, but the SBOMs ship %s; %s", [
		st.vulnerability, concat(", ", sort({_version_label(p) | some p in products})),
		concat(", ", sort([vuln.label(id) | some id in shipped])),
		"the shipped version is not the fixed one: correct the status or the version, or ship the fix and update the SBOM",
	])
	related := [{"path": id[0], "pointer": vuln.pointer(id), "message": "the version the SBOM ships"} |
		some id in shipped
	]
}

# evidence is each fixed statement compared with the components the SBOMs ship; without an SBOM that lists
# components there is nothing to compare with. A VEX with statements but none fixed was examined all the same.
evidence contains lib.examined(doc.path, "/statements") if {
	count(sbom_lib.with_components) > 0
	some doc in lib.documents("vex")
	_has_statements(doc)
}

evidence contains lib.examined(doc.path, concat("", ["/statements/", format_int(i, 10)])) if {
	count(sbom_lib.with_components) > 0
	some doc in lib.documents("vex")
	some i, st in doc.content.statements
	st.status == "fixed"
}

evidence contains sbom_lib.components_examined(sbom) if {
	some doc in lib.documents("vex")
	_has_statements(doc)
	some sbom in sbom_lib.with_components
}

# A VEX document without statements assesses nothing: insufficient evidence, not a pass.
insufficient contains lib.finding(doc.path, "", msg) if {
	some doc in lib.documents("vex")
	not _has_statements(doc)
	msg := sprintf("the VEX document %s holds no statements, so %s cannot be checked; %s", [
		doc.path, "whether the versions it declares fixed are the ones shipped",
		"assess the known vulnerabilities of the product's components and record each assessment as a statement",
	])
}

_has_statements(doc) if {
	is_array(doc.content.statements)
	count(doc.content.statements) > 0
}

_version_label(p) := sprintf("%s %s", [p.name, p.version]) if {
	lib.has_text(p, "name")
	lib.has_text(p, "version")
} else := vuln.product_label(p)
