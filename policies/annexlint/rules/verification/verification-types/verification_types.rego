# METADATA
# title: Each kind of security testing the guidance expects is evidenced by a report or justified
# description: |
#   MDCG 2019-16 names testing as the main means of security verification and validation: security feature
#   testing, fuzz testing, vulnerability scanning and penetration testing, supplemented by static code analysis and
#   scans of open-source and third-party components (software composition analysis); FDA's premarket guidance asks
#   for the same reports. Each kind must be evidenced by a report in the bundle: a native `test-report` document of
#   that `test_type`, a `test-report` document the risk file's `verification_plan` names for it (a JUnit XML report
#   has no type of its own, so the plan gives it one), or, for vulnerability scanning, a scanner's results listed as
#   a `vulnerability-scan` document. A file that is not such a document does not count, whatever its name: annexlint
#   cannot see what a PDF records, and the manifest or an SBOM is no test report; a report of another kind of testing
#   does not evidence this one. A kind that was deliberately not performed needs its justification in the
#   `verification_plan` instead. A test report that records no test cases and no findings
#   shows nothing#   shows nothing: it is insufficient evidence for its kind, never a pass. The device law asks for this: software
#   verified and validated to the state of the art (MDR Annex I 17.2, IVDR 16.2), with the results in the technical
#   documentation (MDR Annex II section 6). The static code analysis report is also the record MDCG 2019-16
#   Practice 4 (secure implementation) expects.
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
#     - id: MDCG-2019-16-3.1-P4
#       cite: MDCG 2019-16 rev.1 section 3.1, Practice 4
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: MDR-AII-6
#       cite: MDR Annex II section 6
#     - id: FDA-CSG-V-C
#       cite: FDA premarket cybersecurity guidance section V.C
#   remediation: |
#     Add the report of each kind of testing named: a `test-report` document with that `test_type`, or a
#     `test-report` document (a JUnit XML run, a native summary) listed under `evidence` of a `verification_plan`
#     entry of that `type` in the risk file. For a report annexlint cannot read (a PDF), list a native summary as the
#     test-report document: its test cases or findings, and `full_report` naming the PDF. If a kind does not apply,
#     give its `justification` in a `verification_plan` entry instead.
package annexlint.rules.verification["verification-types"]

import data.annexlint.lib
import data.annexlint.lib.testreport as reports

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
	missing := [sprintf("%s (%s)", [_types[t], t]) |
		some t in object.keys(_types)
		not _evidenced(t)
		not _justified(t)
		not _hollow(t)
		not _offered_unfit(t)
	]
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

report contains lib.finding(riskfile.path, sprintf("/verification_plan/%d/evidence/%d", [i, k]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some i, entry in riskfile.content.verification_plan
	some k, path in entry.evidence
	lib.file_exists(path)
	what := _unfit(path, entry.type)
	msg := sprintf("the verification plan names %q as evidence of %v, but it is %s; %s", [
		path, entry.type, what, concat(" ", [
			"list the report as a test-report document of that test_type (for a report annexlint cannot read, such",
			"as a PDF, a native summary with its test cases or findings and full_report naming the file)",
		]),
	])
}

_plan_entries(type) := [entry |
	some riskfile in lib.documents("security-risk-file")
	some entry in riskfile.content.verification_plan
	entry.type == type
]

_evidenced(type) if {
	some testreport in _reports(type)
	reports.records_results(testreport)
}

# A scanner's results listed as a vulnerability-scan document (Grype, Trivy, OSV-Scanner) evidence vulnerability
# scanning.
_evidenced("vulnerability-scan") if lib.has_document("vulnerability-scan")

_evidenced(type) if {
	some entry in _plan_entries(type)
	some path in entry.evidence
	_plan_evidence(path, type)
}

_reports(type) := [r | some r in lib.documents("test-report"); r.content.test_type == type]

# _fitting is true when the file at path is a report of the kind: a test-report document of that test_type, or one
# without a type of its own (JUnit XML), whose kind the plan entry gives; for vulnerability scanning also a
# vulnerability-scan document.
_fitting(path, type) if {
	some testreport in lib.documents("test-report")
	testreport.path == path
	_of_type(testreport, type)
}

_fitting(path, "vulnerability-scan") if {
	some scan in lib.documents("vulnerability-scan")
	scan.path == path
}

_of_type(testreport, type) if testreport.content.test_type == type

_of_type(testreport, _) if not _typed(testreport)

_typed(testreport) if is_string(testreport.content.test_type)

# _unfit says what a bundle file named as evidence of a kind is when it cannot evidence it, undefined when it can.
_unfit(path, type) := sprintf("a report of %v (test_type %v)", [_type_name(r.content.test_type), r.content.test_type]) if {
	not _fitting(path, type)
	some r in lib.documents("test-report")
	r.path == path
} else := "the bundle manifest" if {
	path == lib.manifest_path
} else := sprintf("a document of type %q, not a test report", [doc.type]) if {
	not _fitting(path, type)
	some doc in input.documents
	doc.path == path
} else := "not listed in the manifest as a test-report document, so what it records cannot be read" if {
	not _fitting(path, type)
}

_type_name(t) := object.get(_types, t, "another kind of testing")

_offered_unfit(type) if {
	some entry in _plan_entries(type)
	some path in entry.evidence
	lib.file_exists(path)
	_unfit(path, type)
}

# A plan's report counts when it fits the kind and records something.
_plan_evidence(path, type) if {
	_fitting(path, type)
	not _hollow_document(path)
}

_hollow_document(path) if {
	some testreport in lib.documents("test-report")
	testreport.path == path
	not reports.records_results(testreport)
}

# _hollow(type) is true when the bundle offers a report for the kind, but every one records nothing.
_hollow(type) if {
	not _evidenced(type)
	some testreport in _reports(type)
	not reports.records_results(testreport)
}

_hollow(type) if {
	not _evidenced(type)
	some entry in _plan_entries(type)
	some path in entry.evidence
	_fitting(path, type)
	_hollow_document(path)
}

evidence contains lib.examined(testreport.path, "") if {
	some type, _ in _types
	some testreport in _reports(type)
	reports.records_results(testreport)
}

evidence contains lib.examined(scan.path, "") if {
	some scan in lib.documents("vulnerability-scan")
}

evidence contains lib.examined(riskfile.path, sprintf("/verification_plan/%d/evidence/%d", [i, k])) if {
	some riskfile in lib.documents("security-risk-file")
	some i, entry in riskfile.content.verification_plan
	entry.type in object.keys(_types)
	some k, path in entry.evidence
	_plan_evidence(path, entry.type)
}

evidence contains lib.examined(path, "") if {
	some riskfile in lib.documents("security-risk-file")
	some entry in riskfile.content.verification_plan
	entry.type in object.keys(_types)
	some path in entry.evidence
	_plan_evidence(path, entry.type)
}

evidence contains lib.examined(riskfile.path, sprintf("/verification_plan/%d/justification", [i])) if {
	some riskfile in lib.documents("security-risk-file")
	some i, entry in riskfile.content.verification_plan
	entry.type in object.keys(_types)
	lib.has_text(entry, "justification")
}

# A kind offered only through reports that record nothing is not missing but not shown either.
insufficient contains lib.finding(testreport.path, "", msg) if {
	some type, name in _types
	_hollow(type)
	some testreport in lib.documents("test-report")
	_offered(testreport, type)
	not reports.records_results(testreport)
	msg := sprintf("this report of %s (%s) records no test cases and no findings, so it does not show that %s", [
		name, type, "the testing was performed; add its results: test_cases or findings, or the run's test cases for JUnit XML",
	])
}

_offered(testreport, type) if testreport.content.test_type == type

_offered(testreport, type) if {
	some entry in _plan_entries(type)
	testreport.path in entry.evidence
}

_justified(type) if {
	some entry in _plan_entries(type)
	lib.has_text(entry, "justification")
}
