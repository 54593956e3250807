# METADATA
# title: A vulnerability declared fixed is fixed in a version the product ships
# description: |
#   A "fixed" statement tells users and authorities that the product no longer contains the vulnerability. When the
#   statement names the version that contains the fix (an OpenVEX or CSAF product version, a CycloneDX affects
#   version marked unaffected), the SBOMs must ship that version or a later one: a fix in a release the documented
#   product does not yet ship leaves the shipped component vulnerable while the VEX says otherwise. Versions are
#   compared as the package's ecosystem orders them (1.2.9 comes before 1.2.10; Maven, PyPI, npm, Debian, Go, ...),
#   and where they cannot be ordered the shipped version must be the one named. A statement that lists the shipped
#   version itself as affected (a CycloneDX affects version or range with status affected) is never read as fixed.
#   For a medical device or IVD, a VEX that misstates what ships misleads the software's risk management,
#   information security included (MDR Annex I 17.2, IVDR Annex I 16.2).
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
	unfixed := vuln.unfixed_ids(st)
	count(unfixed) > 0
	fixes := {_version_label(t) | some t in vuln.fix_targets(st); count(vuln.resolve_package(t) & unfixed) > 0}
	msg := sprintf("%s is declared fixed in %s, but the SBOMs ship %s, %s; %s", [
		st.vulnerability, concat(", ", sort(fixes)), concat(", ", sort([vuln.label(id) | some id in unfixed])),
		_which(st, unfixed),
		"the shipped version does not contain the fix: correct the status or the version, or ship the fix and update the SBOM",
	])
	related := [{"path": id[0], "pointer": vuln.pointer(id), "message": "the version the SBOM ships"} | some id in unfixed]
}

report contains lib.finding_related(doc.path, concat("", ["/statements/", format_int(i, 10)]), msg, related) if {
	some doc in lib.documents("vex")
	some i, st in doc.content.statements
	affected := vuln.listed_affected(st)
	count(affected) > 0
	msg := sprintf("%s is declared fixed, but the statement lists the shipped %s as affected; %s", [
		st.vulnerability, concat(", ", sort([vuln.label(id) | some id in affected])),
		"a statement that lists the shipped version as affected does not show it fixed: state it affected, with an action statement, until the fixed version ships",
	])
	related := [{"path": id[0], "pointer": vuln.pointer(id), "message": "the version the SBOM ships"} | some id in affected]
}

# _which says how the shipped versions miss the fix: before it in the ecosystem's order, or simply other versions.
_which(st, unfixed) := concat(" ", [_verb(unfixed, "comes", "come"), "before the fixed version"]) if {
	every id in unfixed {
		_predates(st, id)
	}
} else := concat(" ", [_verb(unfixed, "is", "are"), "not the fixed version"])

_verb(ids, one, many) := concat(" ", ["which", one]) if count(ids) == 1

else := concat(" ", ["which", many])

_predates(st, id) if {
	some t in vuln.fix_targets(st)
	id in vuln.resolve_package(t)
	input.derived.version_order[t.version][vuln.component(id).version] < 0
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
