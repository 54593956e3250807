# METADATA
# title: The GSPR evidence matrix covers the cybersecurity requirements of Annex I
# description: |
#   A notified body checks conformity with the general safety and performance requirements (GSPR) of Annex I
#   through the GSPR checklist: for each requirement, whether it applies and which documents show conformity.
#   For software, the cybersecurity-relevant requirements are the state-of-the-art lifecycle with information
#   security risk management and verification (MDR 17.2, IVDR 16.2) and the minimum hardware, network and IT
#   security requirements (MDR 17.4, IVDR 16.4). Each needs an entry with evidence, and an entry marked not
#   applicable needs a justification.
# scope: package
# custom:
#   id: AL-GSPR-001
#   severity: error
#   frameworks: [MDR, IVDR]
#   clauses:
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: MDR-AI-17.4
#       cite: MDR Annex I 17.4
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: IVDR-AI-16.4
#       cite: IVDR Annex I 16.4
#     - id: MDCG-2019-16-1.3
#       cite: MDCG 2019-16 rev.1 section 1.3
#   remediation: |
#     Add a `gspr-evidence-matrix` document with an entry per requirement named (`gspr: "17.2"`), each listing under
#     `evidence` the documents that show conformity; for an entry with `applicable: false`, give a `justification`.
package annexlint.rules.gspr["matrix-coverage"]

import data.annexlint.lib

# _required are the Annex I sections each framework's matrix must cover, spelled as _section normalises them
# (lower case, no spaces, e.g. "23.4(ab)"); extend a set to require more.
_required := {
	"MDR": {"17.2", "17.4"},
	"IVDR": {"16.2", "16.4"},
}

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
	some gspr in _required[lib.product.framework]
	not _has_entry(matrix, gspr)
	msg := sprintf("the GSPR evidence matrix has no entry for %s Annex I %s; add one listing the documents %s", [
		lib.product.framework, gspr, "that show conformity",
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
_section(entry) := replace(lower(trim_space(entry.gspr)), " ", "") if is_string(entry.gspr)

_has_entry(matrix, gspr) if {
	some entry in matrix.content.entries
	_section(entry) == gspr
}

_has_evidence(entry) if {
	some evidence in entry.evidence
	lib.has_text(evidence, "document")
}
