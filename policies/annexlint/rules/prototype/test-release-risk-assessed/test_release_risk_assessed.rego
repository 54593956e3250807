# METADATA
# title: Unfinished software made available for testing has a security risk assessment
# description: |
#   Unfinished software made available for testing (CRA Art. 4(3)) need not yet comply, but it is used by real people
#   on real networks. Recital 37 of the CRA, as the reference catalog records for Art. 4(3), expects the manufacturer
#   to assess its cybersecurity risks before making it available and to meet the security and vulnerability handling
#   requirements as far as possible. The bundle of a test release therefore holds a security risk file with at least
#   one threat analysed: no risk file is a finding, a risk file without threats is insufficient evidence. The expectation comes from a recital, not the article itself, so a finding is a warning.
# scope: package
# custom:
#   id: AL-PROTO-003
#   severity: warning
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-ART4-3
#       cite: CRA Art. 4(3)
#   remediation: |
#     Assess the cybersecurity risks of the test build before it is made available: add a security risk file to the
#     bundle (type security-risk-file) that analyses the threats to its interfaces and data, with the controls the
#     test build has.
package annexlint.rules.prototype["test-release-risk-assessed"]

import data.annexlint.lib

_assessed := [[doc.path, i] | some doc in lib.documents("security-risk-file"); some i, _ in doc.content.threats]

evidence contains lib.examined(path, sprintf("/threats/%d", [i])) if some [path, i] in _assessed

report contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-risk-file")
	msg := "the bundle holds no security risk file, so nothing shows that the cybersecurity risks of the unfinished software were assessed before it was made available for testing (CRA Art. 4(3), Recital 37); add one"
}

insufficient contains lib.finding(doc.path, "/threats", msg) if {
	some doc in lib.documents("security-risk-file")
	count(_assessed) == 0
	msg := sprintf("the security risk file %s analyses no threat, so nothing shows that the cybersecurity risks of the unfinished software were assessed before it was made available for testing (CRA Art. 4(3), Recital 37); analyse the threats to its interfaces and data", [doc.path])
}
