# METADATA
# title: Each hashed GSPR evidence entry is signed off with the reviewer and the date of the review
# description: |
#   A SHA-256 in the GSPR evidence matrix pins the version of a document that was reviewed against the requirement,
#   but not who reviewed it or when. The technical documentation names the exact controlled documents that give the
#   evidence (MDR Annex II section 4); a controlled document records its reviewer and the date of the review. Each
#   evidence entry that records a hash therefore records reviewed_by (a person, not a placeholder) and reviewed_on
#   (YYYY-MM-DD, not after the date of the check). Neither the MDR nor MDCG 2019-16 asks for hashes, so a missing
#   sign-off is a warning; evidence without a hash is AL-GSPR-004's finding. The rule runs for MDR devices: the
#   reference catalog has no entry yet for the IVDR's Annex II, on which the same check would rest for IVDs.
# scope: package
# custom:
#   id: AL-GSPR-006
#   severity: warning
#   frameworks: [MDR]
#   clauses:
#     - id: MDR-AII-4
#       cite: MDR Annex II section 4
#     - id: MDCG-2019-16-4.1
#       cite: MDCG 2019-16 rev.1 section 4.1
#   remediation: |
#     When a reviewer has checked the evidence document against the requirement, record their name and role as
#     `reviewed_by` and the date as `reviewed_on` (YYYY-MM-DD) beside the `sha256` of the version reviewed
#     (`annexlint evidence --write` fills in the hash).
package annexlint.rules.gspr["evidence-signed-off"]

import data.annexlint.lib

report contains lib.finding(matrix.path, pointer, msg) if {
	some matrix in lib.documents("gspr-evidence-matrix")
	some i, entry in matrix.content.entries
	some j, evidence in entry.evidence
	lib.has_text(evidence, "sha256")
	missing := [field | some field in ["reviewed_by", "reviewed_on"]; not _signed(evidence, field)]
	count(missing) > 0
	pointer := sprintf("/entries/%d/evidence/%d", [i, j])
	msg := sprintf("the evidence %v for GSPR %v records the hash of a reviewed version but not %s; %s", [
		evidence.document, entry.gspr, _names(missing),
		"record who reviewed it (reviewed_by) and when (reviewed_on, YYYY-MM-DD)",
	])
}

report contains lib.finding(matrix.path, sprintf("/entries/%d/evidence/%d/reviewed_on", [i, j]), msg) if {
	some matrix in lib.documents("gspr-evidence-matrix")
	some i, entry in matrix.content.entries
	some j, evidence in entry.evidence
	lib.is_date(evidence.reviewed_on)
	lib.is_date(input.as_of)
	evidence.reviewed_on > input.as_of
	msg := sprintf("the evidence %v for GSPR %v is dated as reviewed on %s, after the date of this check (%s); %s", [
		evidence.document, entry.gspr, evidence.reviewed_on, input.as_of,
		"a review cannot sign off a version in advance: record the date the review took place",
	])
}

_signed(evidence, "reviewed_by") if lib.has_text(evidence, "reviewed_by")

_signed(evidence, "reviewed_on") if lib.is_date(evidence.reviewed_on)

_names(missing) := concat(" or ", [_what[field] | some field in missing])

_what := {"reviewed_by": "who reviewed it", "reviewed_on": "when (as a date)"}

evidence contains lib.examined(matrix.path, sprintf("/entries/%d/evidence/%d", [i, j])) if {
	some matrix in lib.documents("gspr-evidence-matrix")
	some i, entry in matrix.content.entries
	some j, evidence in entry.evidence
	lib.has_text(evidence, "sha256")
}

insufficient contains lib.finding(matrix.path, "/entries", msg) if {
	some matrix in lib.documents("gspr-evidence-matrix")
	not _hashes_evidence(matrix)
	msg := sprintf("no evidence entry of the GSPR evidence matrix %s records the hash of a reviewed version, so %s; %s", [
		matrix.path, "no review of the evidence can be shown signed off",
		"after reviewing each evidence document, record its sha256, reviewed_by and reviewed_on",
	])
}

_hashes_evidence(matrix) if {
	some entry in matrix.content.entries
	some evidence in entry.evidence
	lib.has_text(evidence, "sha256")
}
