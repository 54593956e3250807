# METADATA
# title: Evidence in the GSPR matrix records the SHA-256 of the version reviewed
# description: |
#   A GSPR evidence entry that names a document without its hash does not say which version of the document was
#   reviewed, so a later change to the evidence goes unnoticed. Neither the MDR nor MDCG 2019-16 asks for hashes,
#   but they do ask that the technical documentation show conformity and be kept up to date; the hash is how
#   annexlint can tell (rule AL-GSPR-003) that evidence changed after its review. A missing hash is therefore a
#   warning, not an error.
# scope: package
# custom:
#   id: AL-GSPR-004
#   severity: warning
#   clauses:
#     - id: MDCG-2019-16-4.1
#       cite: MDCG 2019-16 rev.1 section 4.1
#   remediation: |
#     After reviewing the evidence document against the requirement, record the SHA-256 of the reviewed file as
#     `sha256` of the evidence entry (`sha256sum FILE`).
package annexlint.rules.gspr["evidence-hash-recorded"]

import data.annexlint.lib

report contains lib.finding(matrix.path, sprintf("/entries/%d/evidence/%d", [i, j]), msg) if {
	some matrix in lib.documents("gspr-evidence-matrix")
	some i, entry in matrix.content.entries
	some j, evidence in entry.evidence
	actual := input.files[evidence.document].sha256
	not lib.has_text(evidence, "sha256")
	msg := sprintf("the evidence %s named for GSPR %v records no SHA-256 of the version reviewed; %s %s", [
		evidence.document, entry.gspr, "once this version is reviewed, record it as sha256:", actual,
	])
}

# The rule examines every evidence entry whose document is in the bundle, for the hash of the version reviewed.
# With no matrix, or no evidence named in it, there is nothing to examine. A missing matrix is AL-GSPR-001's finding;
# here it only leaves the evidence empty.
evidence contains lib.examined(matrix.path, sprintf("/entries/%d/evidence/%d", [i, j])) if {
	some matrix in lib.documents("gspr-evidence-matrix")
	some i, entry in matrix.content.entries
	some j, evidence in entry.evidence
	input.files[evidence.document].sha256
}

evidence contains lib.examined(evidence.document, "") if {
	some matrix in lib.documents("gspr-evidence-matrix")
	some entry in matrix.content.entries
	some evidence in entry.evidence
	input.files[evidence.document].sha256
}

insufficient contains lib.finding(matrix.path, "/entries", msg) if {
	some matrix in lib.documents("gspr-evidence-matrix")
	not _names_evidence(matrix)
	msg := sprintf("the GSPR evidence matrix %s names no evidence document, so no evidence entry can be checked for the hash of the version reviewed; %s", [
		matrix.path, "list under evidence of each entry the documents (bundle-relative paths) that show conformity",
	])
}

_names_evidence(matrix) if {
	some entry in matrix.content.entries
	some evidence in entry.evidence
	lib.has_text(evidence, "document")
}
