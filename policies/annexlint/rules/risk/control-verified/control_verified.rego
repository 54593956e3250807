# METADATA
# title: Every risk control is verified, with its evidence in the bundle and a passing result
# description: |
#   A risk control only reduces a risk once it is shown to be implemented and effective. Security verification
#   and validation (feature tests, fuzzing, vulnerability scans, penetration tests, reviews) provides that proof,
#   and the technical documentation must contain the reports. A control without verification, a verification
#   whose evidence file is not in the bundle, and a verification that failed or is still open all leave the
#   control unproven.
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
#     report, add that report to the bundle, and record `result: pass` once the verification has passed. If it
#     failed, fix the control and verify it again.
package annexlint.rules.risk["control-verified"]

import data.annexlint.lib

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

report contains lib.finding(riskfile.path, sprintf("/controls/%d/verification/%d/result", [j, k]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some j, control in riskfile.content.controls
	some k, check in control.verification
	check.result in {"fail", "open"}
	msg := sprintf("verification %s of control %q has result %q, so the control is not shown to work; %s", [
		_name(check, k), control.id, check.result,
		"complete the verification or fix the control, verify it again and record result: pass",
	])
}

_has_verification(control) if {
	some check in control.verification
	is_object(check)
}

# _name is the verification's id, or its position (from 1) when it has none.
_name(check, k) := sprintf("%q", [check.id]) if {
	lib.has_text(check, "id")
} else := sprintf("no. %d", [k + 1])
