# METADATA
# title: Each kind of security testing the guidance expects is evidenced by a report or justified
# description: |
#   MDCG 2019-16 names testing as the main means of security verification and validation: security feature
#   testing, fuzz testing, vulnerability scanning and penetration testing, supplemented by static code analysis and
#   scans of open-source and third-party components (software composition analysis); FDA's premarket guidance asks
#   for the same reports. Each kind must be evidenced by a report in the bundle: a native `test-report` document of
#   that `test_type`, a report named for it in the risk file's `verification_plan`, or, for vulnerability scanning, a
#   scanner's results listed as a `vulnerability-scan` document. A kind that was deliberately not performed needs its
#   justification in the `verification_plan` instead.
# scope: package
# custom:
#   id: AL-TEST-001
#   severity: error
#   frameworks: [MDR, IVDR]
#   clauses:
#     - id: MDCG-2019-16-3.7
#       cite: MDCG 2019-16 rev.1 section 3.7
#     - id: MDCG-2019-16-3.1-P5
#       cite: MDCG 2019-16 rev.1 section 3.1, Practice 5
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: FDA-CSG-V-C
#       cite: FDA premarket cybersecurity guidance section V.C
#   remediation: |
#     Add the report of each kind of testing named: a `test-report` document with that `test_type`, or any report
#     (JUnit XML, PDF, scanner output) listed under `evidence` of a `verification_plan` entry of that `type` in the
#     risk file. If a kind does not apply, give its `justification` in a `verification_plan` entry instead.
package annexlint.rules.verification["verification-types"]

import data.annexlint.lib

# _types are the kinds of security verification expected (MDCG 2019-16 section 3.7, FDA guidance section V.C).
_types := {
	"security-feature-test": "security feature testing",
	"fuzz-test": "fuzz testing",
	"vulnerability-scan": "vulnerability scanning",
	"penetration-test": "penetration testing",
	"static-analysis": "static code analysis",
	"software-composition-analysis": "software composition analysis",
}

report contains lib.finding(lib.manifest_path, "/documents", msg) if {
	missing := [sprintf("%s (%s)", [_types[t], t]) | some t in object.keys(_types); not _evidenced(t); not _justified(t)]
	count(missing) > 0
	msg := sprintf("the bundle holds no report of %s; %s", [
		concat(", ", missing),
		concat(" ", [
			"add each as a test-report document of that test_type or name it under evidence of a verification_plan",
			"entry of that type in the risk file, or justify there why it was not performed",
		]),
	])
}

report contains lib.finding(riskfile.path, sprintf("/verification_plan/%d/evidence/%d", [i, k]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some i, entry in riskfile.content.verification_plan
	some k, path in entry.evidence
	not lib.file_exists(path)
	msg := sprintf("the verification plan names %q as evidence of %v, but it is not in the bundle; %s", [
		path, entry.type, "add the report or correct the path (relative to the bundle root)",
	])
}

_plan_entries(type) := [entry |
	some riskfile in lib.documents("security-risk-file")
	some entry in riskfile.content.verification_plan
	entry.type == type
]

_evidenced(type) if {
	some testreport in lib.documents("test-report")
	testreport.content.test_type == type
}

# A scanner's results listed as a vulnerability-scan document (Grype, Trivy, OSV-Scanner) evidence vulnerability
# scanning.
_evidenced("vulnerability-scan") if lib.has_document("vulnerability-scan")

_evidenced(type) if {
	some entry in _plan_entries(type)
	some path in entry.evidence
	lib.file_exists(path)
}

_justified(type) if {
	some entry in _plan_entries(type)
	lib.has_text(entry, "justification")
}
