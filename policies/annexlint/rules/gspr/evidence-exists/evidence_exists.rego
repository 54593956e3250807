# METADATA
# title: Every evidence document named in the GSPR matrix is in the bundle
# description: |
#   The GSPR evidence matrix points the reviewer to the documents that show conformity with each requirement.
#   The technical documentation must contain them: a reference to a file that is not in the bundle is evidence
#   that cannot be checked, and a path that leaves the bundle (an absolute path, or one through "..") points at
#   something outside the technical documentation, which annexlint refuses to read.
# scope: package
# custom:
#   id: AL-GSPR-002
#   severity: error
#   clauses:
#     - id: MDCG-2019-16-4.1
#       cite: MDCG 2019-16 rev.1 section 4.1
#     - id: MDCG-2019-16-1.3
#       cite: MDCG 2019-16 rev.1 section 1.3
#   remediation: |
#     Add the document to the bundle, or correct `document` to its path relative to the bundle root (forward
#     slashes, no "..").
package annexlint.rules.gspr["evidence-exists"]

import data.annexlint.lib

report contains lib.finding(matrix.path, sprintf("/entries/%d/evidence/%d/document", [i, j]), msg) if {
	some matrix in lib.documents("gspr-evidence-matrix")
	some i, entry in matrix.content.entries
	some j, evidence in entry.evidence
	is_string(evidence.document)
	not lib.file_exists(evidence.document)
	not _leaves_bundle(evidence.document)
	msg := sprintf("the evidence document %q named for GSPR %s is not in the bundle; %s", [
		evidence.document, entry.gspr, "add the file or correct the path (relative to the bundle root)",
	])
}

report contains lib.finding(matrix.path, sprintf("/entries/%d/evidence/%d/document", [i, j]), msg) if {
	some matrix in lib.documents("gspr-evidence-matrix")
	some i, entry in matrix.content.entries
	some j, evidence in entry.evidence
	_leaves_bundle(evidence.document)
	msg := sprintf("the evidence document %q named for GSPR %s is outside the bundle (%s); %s", [
		evidence.document, entry.gspr, "an absolute path or a path through \"..\"",
		"put the evidence into the bundle and name it by its path relative to the bundle root",
	])
}

# _leaves_bundle is true for absolute paths (POSIX, Windows drive or UNC) and paths with a ".." segment.
_leaves_bundle(path) if {
	is_string(path)
	regex.match(`^([/\\]|[A-Za-z]:)`, path)
}

_leaves_bundle(path) if {
	is_string(path)
	some segment in regex.split(`[/\\]`, path)
	segment == ".."
}

# The rule examines every evidence document the matrix names, and the files it finds in the bundle.
# With no matrix, or no evidence named in it, there is nothing to examine. A missing matrix is AL-GSPR-001's finding;
# here it only leaves the evidence empty.
evidence contains lib.examined(matrix.path, sprintf("/entries/%d/evidence/%d/document", [i, j])) if {
	some matrix in lib.documents("gspr-evidence-matrix")
	some i, entry in matrix.content.entries
	some j, evidence in entry.evidence
	is_string(evidence.document)
}

evidence contains lib.examined(evidence.document, "") if {
	some matrix in lib.documents("gspr-evidence-matrix")
	some entry in matrix.content.entries
	some evidence in entry.evidence
	lib.file_exists(evidence.document)
}

insufficient contains lib.finding(matrix.path, "/entries", msg) if {
	some matrix in lib.documents("gspr-evidence-matrix")
	not _names_evidence(matrix)
	msg := sprintf("the GSPR evidence matrix %s names no evidence document, so no evidence document it names can be checked for presence in the bundle; %s", [
		matrix.path, "list under evidence of each entry the documents (bundle-relative paths) that show conformity",
	])
}

_names_evidence(matrix) if {
	some entry in matrix.content.entries
	some evidence in entry.evidence
	lib.has_text(evidence, "document")
}
