# METADATA
# title: Evidence named in the GSPR matrix is the version that was reviewed
# description: |
#   The GSPR evidence matrix records, for each evidence document, the SHA-256 of the file as it was reviewed
#   against the requirement. When the file's hash no longer matches, the evidence changed after that review: the
#   matrix claims conformity on the strength of a document nobody has checked in its current form. Technical
#   documentation must be kept up to date, so either the new version is reviewed and its hash recorded, or the
#   reviewed version is restored.
# scope: package
# custom:
#   id: AL-GSPR-003
#   severity: error
#   clauses:
#     - id: MDCG-2019-16-4.1
#       cite: MDCG 2019-16 rev.1 section 4.1
#     - id: MDCG-2019-16-1.3
#       cite: MDCG 2019-16 rev.1 section 1.3
#   remediation: |
#     Review the changed document against the requirement and record the SHA-256 of the version you reviewed
#     (`sha256sum FILE`), or restore the version that was reviewed.
package annexlint.rules.gspr["evidence-hash"]

import data.annexlint.lib

report contains lib.finding(matrix.path, sprintf("/entries/%d/evidence/%d/sha256", [i, j]), msg) if {
	some matrix in lib.documents("gspr-evidence-matrix")
	some i, entry in matrix.content.entries
	some j, evidence in entry.evidence
	is_string(evidence.sha256)
	actual := input.files[evidence.document].sha256
	lower(evidence.sha256) != actual
	msg := sprintf("the evidence %s named for GSPR %v changed since it was reviewed: %s %s, the file now has %s; %s", [
		evidence.document, entry.gspr, "the matrix records SHA-256", evidence.sha256, actual,
		"review the new version and record its hash, or restore the reviewed version",
	])
}

# The rule examines every evidence entry that records a hash and whose document is in the bundle, comparing the two.
# Entries without a hash cannot be compared (AL-GSPR-004 reports them), so they are not evidence here.
# With no matrix, or no evidence named in it, there is nothing to examine. A missing matrix is AL-GSPR-001's finding;
# here it only leaves the evidence empty.
evidence contains lib.examined(matrix.path, sprintf("/entries/%d/evidence/%d", [i, j])) if {
	some matrix in lib.documents("gspr-evidence-matrix")
	some i, entry in matrix.content.entries
	some j, evidence in entry.evidence
	is_string(evidence.sha256)
	input.files[evidence.document].sha256
}

evidence contains lib.examined(evidence.document, "") if {
	some matrix in lib.documents("gspr-evidence-matrix")
	some entry in matrix.content.entries
	some evidence in entry.evidence
	is_string(evidence.sha256)
	input.files[evidence.document].sha256
}

insufficient contains lib.finding(matrix.path, "/entries", msg) if {
	some matrix in lib.documents("gspr-evidence-matrix")
	not _names_evidence(matrix)
	msg := sprintf("the GSPR evidence matrix %s names no evidence document, so no evidence document's recorded hash can be compared with the file; %s", [
		matrix.path, "list under evidence of each entry the documents (bundle-relative paths) that show conformity",
	])
}

_names_evidence(matrix) if {
	some entry in matrix.content.entries
	some evidence in entry.evidence
	lib.has_text(evidence, "document")
}
