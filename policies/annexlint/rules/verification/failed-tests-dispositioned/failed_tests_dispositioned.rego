# METADATA
# title: Every failed security test case is dispositioned
# description: |
#   A security test that fails has found a defect: a control that does not work, or a vulnerability. The technical
#   documentation must hold the results of verification and their critical analysis, so a failure cannot simply sit
#   in a report: either the defect was fixed and the test passes in a later run (then that run is the report to
#   keep), or the failure is tracked and its risk assessed. In a report of the bundle, a test case whose result is
#   `fail` or `error` is dispositioned when a threat of the security risk file lists it under `vulnerabilities` (by
#   its ID, or a JUnit case by name, classname or classname.name), or, in a native report, when the case names a
#   finding of the same report under `finding` (the finding is then tracked like any other, AL-TEST-002) or threats
#   under `risk_file_refs`. Any other failed case is an unanalysed result.
# scope: package
# custom:
#   id: AL-TEST-004
#   severity: error
#   clauses:
#     - id: MDCG-2019-16-3.7
#       cite: MDCG 2019-16 rev.1 section 3.7
#     - id: MDR-AII-6
#       cite: MDR Annex II section 6
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: CRA-AVII-6
#       cite: CRA Annex VII point 6
#     - id: CRA-ART13-7
#       cite: CRA Art. 13(7)
#     - id: FDA-CSG-V-C
#       cite: FDA premarket cybersecurity guidance section V.C
#   remediation: |
#     Fix the defect, run the test again and put the passing report in the bundle. If the failure stays, record it:
#     in a native report as a finding (named under `finding` of the test case) with its severity and status, or in
#     the security risk file under `vulnerabilities` of the threat that assesses it, with its risk and controls.
package annexlint.rules.verification["failed-tests-dispositioned"]

import data.annexlint.lib
import data.annexlint.lib.testreport as reports

report contains lib.finding(testreport.path, sprintf("/test_cases/%d", [n]), msg) if {
	some testreport in lib.documents("test-report")
	some n, c in testreport.content.test_cases
	c.result in {"fail", "error"}
	not _dispositioned(testreport, c)
	msg := sprintf("test case %s of the test report %s has result %q and is not dispositioned: %s; %s", [
		_case_name(c), testreport.path, c.result, _why(testreport, c),
		"fix the defect and add the passing run, or record the failure as a finding of the report or under vulnerabilities of the threat that assesses it",
	])
}

# _why says what was looked for, so the author can see which link is missing or broken.
_why(_, c) := sprintf("it names finding %q, which is not in the report", [c.finding]) if {
	lib.has_text(c, "finding")
} else := "it names no finding of the report and no threat of the risk file lists it under vulnerabilities" if {
	c.id
} else := "no threat of the risk file lists it under vulnerabilities"

_case_name(c) := sprintf("%q", [c.id]) if is_string(c.id)

else := sprintf("%q", [concat(".", [c.classname, c.name])]) if {
	is_string(c.classname)
	is_string(c.name)
} else := sprintf("%q", [object.get(c, "name", "")])

_dispositioned(testreport, c) if {
	lib.has_text(c, "finding")
	some f in testreport.content.findings
	f.id == c.finding
}

_dispositioned(_, c) if {
	some ref in c.risk_file_refs
	ref in _threat_ids
}

_dispositioned(_, c) if {
	some t in _threats
	some ref in t.vulnerabilities
	reports.case_matches(c, ref)
}

_threats := [t | some riskfile in lib.documents("security-risk-file"); some t in riskfile.content.threats]

_threat_ids := {t.id | some t in _threats}

# Every report that records results was examined; its failed cases also through the threats that list them.
evidence contains lib.examined(testreport.path, "") if {
	some testreport in reports.with_results
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count(reports.with_results) == 0
	msg := concat(" ", [
		"the bundle holds no test report that records test cases or findings (type \"test-report\"), so it cannot be",
		"shown that the results of security testing were analysed; add the reports of the security testing with",
		"their test cases and findings and list them under documents",
	])
}
