# METADATA
# title: The GSPR evidence matrix covers the cybersecurity requirements of Annex I
# description: |
#   A notified body checks conformity with the general safety and performance requirements (GSPR) of Annex I
#   through the GSPR checklist: for each requirement, whether it applies and which documents show conformity.
#   MDCG 2019-16 (section 1.3) names the cybersecurity-relevant requirements: reliable and safe interoperability
#   and compatibility with the devices and products the device works with (MDR 14.5, IVDR 13.5), risks from the
#   interaction of software
#   with its IT environment (MDR 14.2(d), IVDR 13.2(d)), repeatability, reliability and performance (MDR 17.1,
#   IVDR 16.1), the state-of-the-art lifecycle with information security risk management and verification (MDR
#   17.2, IVDR 16.2), the minimum hardware, network and IT security requirements (MDR 17.4, IVDR 16.4), protection
#   against unauthorised access (MDR 18.8, which has no IVDR counterpart) and the minimum IT requirements in the
#   instructions for use (MDR 23.4(ab), IVDR 20.4.1(ah)). Each needs an entry with evidence, and an entry marked not
#   applicable needs a justification.
# scope: package
# custom:
#   id: AL-GSPR-001
#   severity: error
#   frameworks: [MDR, IVDR]
#   clauses:
#     - id: MDCG-2019-16-1.3
#       cite: MDCG 2019-16 rev.1 section 1.3
#     - id: MDR-AI-14.2D
#       cite: MDR Annex I 14.2(d)
#     - id: MDR-AI-14.5
#       cite: MDR Annex I 14.5
#     - id: MDR-AI-17.1
#       cite: MDR Annex I 17.1
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: MDR-AI-17.4
#       cite: MDR Annex I 17.4
#     - id: MDR-AI-18.8
#       cite: MDR Annex I 18.8
#     - id: MDR-AI-23.4AB
#       cite: MDR Annex I 23.4(ab)
#     - id: IVDR-AI-13.2D
#       cite: IVDR Annex I 13.2(d)
#     - id: IVDR-AI-13.5
#       cite: IVDR Annex I 13.5
#     - id: IVDR-AI-16.1
#       cite: IVDR Annex I 16.1
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: IVDR-AI-16.4
#       cite: IVDR Annex I 16.4
#     - id: IVDR-AI-20.4.1AH
#       cite: IVDR Annex I 20.4.1(ah)
#     - id: MDR-AII-4
#       cite: MDR Annex II section 4
#   remediation: |
#     Add a `gspr-evidence-matrix` document with an entry per requirement named (`gspr: "17.2"`), each listing under
#     `evidence` the documents that show conformity; for an entry with `applicable: false`, give a `justification`.
package annexlint.rules.gspr["matrix-coverage"]

import data.annexlint.lib

# _required are the Annex I sections each framework's matrix must cover, spelled as _section normalises them
# (lower case, no spaces, e.g. "23.4(ab)"); extend a set to require more. MDCG 2019-16 section 1.3 lists them.
_required := {
	"MDR": {"14.2(d)", "14.5", "17.1", "17.2", "17.4", "18.8", "23.4(ab)"},
	"IVDR": {"13.2(d)", "13.5", "16.1", "16.2", "16.4", "20.4.1(ah)"},
}

# _aliases are other spellings of a section found in the guidance: MDCG 2019-16 writes both 20.4(ah) and 20.4.1(ah).
_aliases := {"20.4(ah)": "20.4.1(ah)"}

report contains lib.finding(lib.manifest_path, "/documents", msg) if {
	required := _required[lib.product.framework]
	not lib.has_document("gspr-evidence-matrix")
	msg := sprintf("the manifest lists no GSPR evidence matrix (type \"gspr-evidence-matrix\"); %s (%s Annex I %s)", [
		"add one naming the documents that show conformity with each cybersecurity requirement",
		lib.product.framework, concat(", ", sort(required)),
	])
}

report contains lib.finding(matrix.path, "/entries", msg) if {
	some matrix in lib.documents("gspr-evidence-matrix")
	missing := [gspr | some gspr in _required[lib.product.framework]; not _has_entry(matrix, gspr)]
	count(missing) > 0
	msg := sprintf("the GSPR evidence matrix has no entry for %s Annex I %s; add one for each, listing the documents %s", [
		lib.product.framework, concat(", ", missing), "that show conformity (or why it does not apply)",
	])
}

report contains lib.finding(matrix.path, sprintf("/entries/%d/evidence", [i]), msg) if {
	some matrix in lib.documents("gspr-evidence-matrix")
	some i, entry in matrix.content.entries
	_section(entry) in _required[lib.product.framework]
	not entry.applicable == false
	not _has_evidence(entry)
	msg := sprintf("the entry for %s Annex I %s lists no evidence; name the documents that show conformity (%s)", [
		lib.product.framework, entry.gspr, "risk file, test reports, IFU sections",
	])
}

report contains lib.finding(matrix.path, sprintf("/entries/%d", [i]), msg) if {
	some matrix in lib.documents("gspr-evidence-matrix")
	some i, entry in matrix.content.entries
	entry.applicable == false
	not lib.has_text(entry, "justification")
	msg := sprintf("the entry for GSPR %s is marked not applicable without a justification; %s", [
		entry.gspr, "state why the requirement does not apply to the device",
	])
}

# _section normalises "17.2", " 23.4 (ab) " and "23.4(AB)" to one spelling.
_section(entry) := object.get(_aliases, s, s) if {
	is_string(entry.gspr)
	s := replace(lower(trim_space(entry.gspr)), " ", "")
}

_has_entry(matrix, gspr) if {
	some entry in matrix.content.entries
	_section(entry) == gspr
}

_has_evidence(entry) if {
	some evidence in entry.evidence
	lib.has_text(evidence, "document")
}

# The rule examines every entry of the matrix. A missing matrix is already a finding above, and a matrix without
# entries is one too (no entry for the required sections), so neither needs an insufficient-evidence entry.
evidence contains lib.examined(matrix.path, sprintf("/entries/%d", [i])) if {
	_required[lib.product.framework]
	some matrix in lib.documents("gspr-evidence-matrix")
	some i, _ in matrix.content.entries
}
