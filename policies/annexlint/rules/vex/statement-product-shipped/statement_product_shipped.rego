# METADATA
# title: Every VEX statement is about a component or product version the SBOMs ship
# description: |
#   A VEX statement assesses a vulnerability for the products it names. If none of them is in any SBOM of the
#   bundle, at the version named, the statement says nothing about the documented product: it may be about an
#   older release, name the component differently than the SBOM does, or have been copied from another product.
#   Either way the shipped component stays unassessed while the VEX appears to cover it. Statements that declare a
#   fix in a version the product does not ship are reported by AL-VEX-005 instead. For a medical device or IVD, a
#   VEX about what does not ship leaves the software's risk management, information security included, without an
#   assessment of what does (MDR Annex I 17.2, IVDR Annex I 16.2).
# scope: package
# custom:
#   id: AL-VEX-006
#   severity: warning
#   clauses:
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#   remediation: |
#     Name the component as the SBOM does (the same package URL, the CycloneDX bom-ref through a BOM-Link, the CPE,
#     or name and version) and at the version the SBOM lists; re-assess the statement if the shipped version
#     differs. Remove statements about other products or releases from this product's VEX.
package annexlint.rules.vex["statement-product-shipped"]

import data.annexlint.lib
import data.annexlint.lib.sbom as sbom_lib
import data.annexlint.lib.vuln

report contains lib.finding_related(doc.path, concat("", ["/statements/", format_int(i, 10)]), msg, related) if {
	lib.has_document("sbom")
	some doc in lib.documents("vex")
	some i, st in doc.content.statements
	products := vuln.targets(st)
	count(products) > 0
	not vuln.shipped_statement(st)
	not vuln.fixed_judged(st)
	names := concat(", ", sort({vuln.product_label(p) | some p in products}))
	other := {id | some p in products; some id in vuln.resolve_package(p)}
	msg := _message(st, names, other)
	related := [{"path": id[0], "pointer": vuln.pointer(id), "message": "the version the SBOM ships"} |
		some id in other
	]
}

# evidence is the statements of every VEX document, each compared with the components the SBOMs ship; without an
# SBOM that lists components there is nothing to compare with.
evidence contains lib.examined(doc.path, "/statements") if {
	count(sbom_lib.with_components) > 0
	some doc in lib.documents("vex")
	_has_statements(doc)
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
		doc.path, "whether its statements are about what the product ships",
		"assess the known vulnerabilities of the product's components and record each assessment as a statement",
	])
}

_has_statements(doc) if {
	is_array(doc.content.statements)
	count(doc.content.statements) > 0
}

_message(st, names, other) := sprintf("the statement on %s names %s, but the SBOMs ship %s; %s", [
	st.vulnerability, names, concat(", ", sort([vuln.label(id) | some id in other])),
	"it does not assess the shipped version: re-assess it for that version",
]) if {
	count(other) > 0
} else := sprintf("the statement on %s names %s, which no SBOM in the bundle lists; %s", [
	st.vulnerability, names,
	"name the component as the SBOM does, or remove the statement if it is about another product",
])
