# METADATA
# title: Every risk control is verified, with its evidence in the bundle and a passing result
# description: |
#   A risk control only reduces a risk once it is shown to be implemented and effective. Security verification
#   and validation (feature tests, fuzzing, vulnerability scans, penetration tests, reviews) provides that proof,
#   and the technical documentation must contain the reports. A control without verification, a verification
#   whose evidence file is not in the bundle, and a verification that failed or is still open all leave the
#   control unproven, and so does one that records no result: only `result: pass` shows a verified control. The
#   evidence must be a report of a test or review: a `test-report` or `vulnerability-scan` document, or a report
#   annexlint does not read (a PDF, a Markdown review record) that the manifest does not list as another kind of
#   document. The manifest, an SBOM, a VEX, the risk file itself or the user information are not verification, and
#   an empty file shows nothing. When the evidence is a test report the bundle lists as a `test-report` document
#   (JUnit XML or a native test report), the report itself is read: the test cases the verification names
#   (`test_cases`, or else its `id`) must be in it and must have passed.
# scope: package
# custom:
#   id: AL-RISK-003
#   severity: error
#   clauses:
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: MDCG-2019-16-3.7
#       cite: MDCG 2019-16 rev.1 section 3.7
#     - id: CRA-AVII-6
#       cite: CRA Annex VII point 6
#   remediation: |
#     Give each control a `verification` entry whose `evidence` is the bundle-relative path of the test or review
#     report (a test-report document, or a report file such as a PDF that the manifest lists as no other type), add
#     that report to the bundle, and record `result: pass` once the verification has passed. If it
#     failed, fix the control and verify it again. For a test report listed as a `test-report` document, name the
#     test cases that verify the control under `test_cases` (a JUnit case by name, classname or classname.name).
package annexlint.rules.risk["control-verified"]

import data.annexlint.lib
import data.annexlint.lib.testreport as reports

report contains lib.finding(riskfile.path, sprintf("/controls/%d", [j]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some j, control in riskfile.content.controls
	not _has_verification(control)
	msg := sprintf("control %q has no verification; %s", [
		control.id,
		"add a verification entry naming the test or review report that shows it is implemented and effective",
	])
}

report contains lib.finding(riskfile.path, sprintf("/controls/%d/verification/%d/evidence", [j, k]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some j, control in riskfile.content.controls
	some k, check in control.verification
	not lib.file_exists(check.evidence)
	msg := sprintf("the evidence %q of verification %s of control %q is not in the bundle; %s", [
		check.evidence, _name(check, k), control.id, "add the file or correct the path (relative to the bundle root)",
	])
}

report contains lib.finding(riskfile.path, sprintf("/controls/%d/verification/%d", [j, k]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some j, control in riskfile.content.controls
	some k, check in control.verification
	is_object(check)
	not _has_result(check)
	msg := sprintf("verification %s of control %q records no result, so nothing shows that it passed; %s", [
		_name(check, k), control.id, "record result: pass once the verification has passed (fail or open until then)",
	])
}

# The evidence must be a report of a test or review. The manifest and documents of other kinds (SBOM, VEX, risk file,
# user information...) describe the product; they do not show that a control works.
report contains lib.finding(riskfile.path, sprintf("/controls/%d/verification/%d/evidence", [j, k]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some j, control in riskfile.content.controls
	some k, check in control.verification
	lib.file_exists(check.evidence)
	what := _not_verification(check.evidence)
	msg := sprintf("the evidence %q of verification %s of control %q is %s, not a report of a test or review; %s", [
		check.evidence, _name(check, k), control.id, what,
		"name the test or review report that shows the control works (a test-report document or the report file)",
	])
}

report contains lib.finding(riskfile.path, sprintf("/controls/%d/verification/%d/result", [j, k]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some j, control in riskfile.content.controls
	some k, check in control.verification
	_has_result(check)
	check.result != "pass"
	msg := sprintf("verification %s of control %q has result %q, so the control is not shown to work; %s", [
		_name(check, k), control.id, check.result,
		"complete the verification or fix the control, verify it again and record result: pass",
	])
}

# A verification whose evidence is a test-report document (JUnit XML or a native report) is checked against the
# report itself: the test cases it names (test_cases, or else its id) must be in the report and must have passed.

report contains lib.finding(riskfile.path, sprintf("/controls/%d/verification/%d", [j, k]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some j, control in riskfile.content.controls
	some k, check in control.verification
	some testreport in _reports(check)
	count(_refs(check)) == 0
	msg := sprintf("verification %s of control %q points at the test report %s but names none of its test cases; %s", [
		_name(check, k), control.id, testreport.path, "list under test_cases the IDs of the test cases that verify it",
	])
}

report contains lib.finding(riskfile.path, sprintf("/controls/%d/verification/%d%s", [j, k, at]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some j, control in riskfile.content.controls
	some k, check in control.verification
	some testreport in _reports(check)
	some [ref, at] in _refs(check)
	not _has_case(testreport, ref)
	msg := sprintf("test case %q of verification %s of control %q is not in the test report %s; %s", [
		ref, _name(check, k), control.id, testreport.path, "correct the test case ID or add the report that contains it",
	])
}

report contains lib.finding_related(riskfile.path, _at(j, k, at), msg, related) if {
	some riskfile in lib.documents("security-risk-file")
	some j, control in riskfile.content.controls
	some k, check in control.verification
	some testreport in _reports(check)
	some [ref, at] in _refs(check)
	failed := [n | some n, c in testreport.content.test_cases; reports.case_matches(c, ref); c.result != "pass"]
	count(failed) > 0
	results := {sprintf("%v", [testreport.content.test_cases[n].result]) | some n in failed}
	msg := sprintf("test case %q of verification %s of control %q did not pass in the test report %s (%s); %s", [
		ref, _name(check, k), control.id, testreport.path, concat(", ", results),
		"fix the control, run the test again and add the passing report",
	])
	related := [{"path": testreport.path, "pointer": sprintf("/test_cases/%d", [n]), "message": "the test case"} |
		some n in failed
	]
}

_has_result(check) if check.result != null

# _not_verification says what a bundle file is when it cannot be verification evidence, undefined when it can be.
_not_verification(path) := "the bundle manifest" if path == lib.manifest_path

else := sprintf("a document of type %q", [doc.type]) if {
	some doc in input.documents
	doc.path == path
	not doc.type in _verification_types
} else := "an empty file" if {
	input.files[path].size == 0
}

# _verification_types are the document types that report verification: test reports and vulnerability scans.
_verification_types := {"test-report", "vulnerability-scan"}

_at(j, k, suffix) := sprintf("/controls/%d/verification/%d%s", [j, k, suffix])

_reports(check) := [r | some r in lib.documents("test-report"); r.path == check.evidence]

# _refs lists the test cases a verification names, each with the pointer suffix where it names it.
_refs(check) := [[ref, sprintf("/test_cases/%d", [n])] | some n, ref in check.test_cases; is_string(ref)] if {
	is_array(check.test_cases)
} else := [[check.id, "/id"]] if {
	lib.has_text(check, "id")
} else := []

_has_case(testreport, ref) if {
	some c in testreport.content.test_cases
	reports.case_matches(c, ref)
}

_has_verification(control) if {
	some check in control.verification
	is_object(check)
}

# _name is the verification's id, or its position (from 1) when it has none.
_name(check, k) := sprintf("%q", [check.id]) if {
	lib.has_text(check, "id")
} else := sprintf("no. %d", [k + 1])

# The rule examines every risk control, the evidence files its verifications name and the test reports it reads.
# With no control there is nothing whose verification it could check.
evidence contains lib.examined(riskfile.path, sprintf("/controls/%d", [j])) if {
	some riskfile in lib.documents("security-risk-file")
	some j, _ in _controls(riskfile)
}

evidence contains lib.examined(check.evidence, "") if {
	some riskfile in lib.documents("security-risk-file")
	some control in _controls(riskfile)
	some check in control.verification
	lib.file_exists(check.evidence)
	not _not_verification(check.evidence)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-risk-file")
	msg := concat("", [
		"the manifest lists no security risk file (type \"security-risk-file\"), so no risk control's verification can be checked; ",
		"add the risk file with its controls and their verification to documents",
	])
}

insufficient contains lib.finding(riskfile.path, "/controls", msg) if {
	some riskfile in lib.documents("security-risk-file")
	count(_controls(riskfile)) == 0
	msg := sprintf("the security risk file %s lists no controls, so nothing shows that a risk control was implemented and verified; %s", [
		riskfile.path, "list under controls the risk controls that reduce the threats, each with the verification that shows it works",
	])
}

# _controls is the risk file's controls, or none when the file has no list of them (the schema reports that).
_controls(riskfile) := riskfile.content.controls if is_array(riskfile.content.controls)

else := []
