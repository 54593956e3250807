# METADATA
# title: A not_affected statement says why, in its format's vocabulary or as an impact statement
# description: |
#   "Not affected" closes a known vulnerability without a fix, so it must say why: the component is not present,
#   the vulnerable code is not present or not in the execute path, an adversary cannot control it, or mitigations
#   already exist. Each VEX format has a closed vocabulary for this (OpenVEX and CSAF share the five labels; CSAF
#   carries them as flags; CycloneDX has nine analysis justifications, and a false_positive state is its own
#   reason). OpenVEX requires a justification or an impact statement, CSAF (test 6.1.27.9) a flag or an impact
#   threat, and CISA's minimum requirements for VEX accept an impact statement for every format, so a CycloneDX
#   analysis detail counts too. A label outside the vocabulary is no reason a tool can process. For a medical
#   device or IVD, closing a known vulnerability without a fix is a risk decision of the software's risk
#   management, information security included, and needs its reason (MDR Annex I 17.2, IVDR Annex I 16.2).
# scope: package
# custom:
#   id: AL-VEX-004
#   severity: error
#   clauses:
#     - id: CRA-AI-P1-2A
#       cite: CRA Annex I Part I (2)(a)
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#     - id: FDA-CSG-V-A-4-b
#       cite: FDA premarket cybersecurity guidance section V.A.4(b)
#   remediation: |
#     Give the statement a justification from its format's vocabulary (OpenVEX `justification`, a CSAF flag label
#     naming the product, CycloneDX `analysis.justification`), or an impact statement explaining why the product is
#     not affected (OpenVEX `impact_statement`, a CSAF threat of category impact, CycloneDX `analysis.detail`).
package annexlint.rules.vex["not-affected-justified"]

import data.annexlint.lib
import data.annexlint.lib.vuln

_vex_labels := {
	"component_not_present",
	"vulnerable_code_not_present",
	"vulnerable_code_not_in_execute_path",
	"vulnerable_code_cannot_be_controlled_by_adversary",
	"inline_mitigations_already_exist",
}

_cyclonedx := {
	"code_not_present", "code_not_reachable", "requires_configuration", "requires_dependency", "requires_environment",
	"protected_by_compiler", "protected_at_runtime", "protected_at_perimeter", "protected_by_mitigating_control",
	"false_positive",
}

# _vocabulary is per VEX format: [its justifications, how it names them].
_vocabulary := {
	"openvex": [_vex_labels, "an OpenVEX justification"],
	"csaf-vex": [_vex_labels, "a CSAF flag label"],
	"cyclonedx-vex": [_cyclonedx, "a CycloneDX analysis justification"],
}

report contains lib.finding(doc.path, concat("", ["/statements/", format_int(i, 10)]), msg) if {
	some doc in lib.documents("vex")
	[labels, what] := _vocabulary[doc.content.kind]
	some i, st in doc.content.statements
	st.status == "not_affected"
	not st.justification in labels
	not lib.has_text(st, "impact_statement")
	msg := sprintf("%s: %s is declared not affected %s; give %s (%s) or an impact statement", [
		st.vulnerability, _products(st), _why(st), what, concat(", ", sort(labels)),
	])
}

# evidence is the statements of every VEX document of a known format, read for the not_affected ones, and each
# not_affected statement judged.
evidence contains lib.examined(doc.path, "/statements") if {
	some doc in lib.documents("vex")
	_vocabulary[doc.content.kind]
	_has_statements(doc)
}

evidence contains lib.examined(doc.path, concat("", ["/statements/", format_int(i, 10)])) if {
	some doc in lib.documents("vex")
	_vocabulary[doc.content.kind]
	some i, st in doc.content.statements
	st.status == "not_affected"
}

# A VEX document without statements assesses nothing: insufficient evidence, not a pass.
insufficient contains lib.finding(doc.path, "", msg) if {
	some doc in lib.documents("vex")
	not _has_statements(doc)
	msg := sprintf("the VEX document %s holds no statements, so %s cannot be checked; %s", [
		doc.path, "whether its not_affected statements say why",
		"assess the known vulnerabilities of the product's components and record each assessment as a statement",
	])
}

_has_statements(doc) if {
	is_array(doc.content.statements)
	count(doc.content.statements) > 0
}

_why(st) := sprintf("with justification %q, which is not in the format's vocabulary", [st.justification]) if {
	lib.has_text(st, "justification")
} else := "without saying why"

_products(st) := concat(", ", sort({vuln.product_label(p) | some p in vuln.targets(st)})) if {
	count(vuln.targets(st)) > 0
} else := "the product"
