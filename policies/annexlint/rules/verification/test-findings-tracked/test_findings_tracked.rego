# METADATA
# title: Open or accepted high and critical test findings are assessed in the security risk file
# description: |
#   A penetration test, fuzzing campaign or vulnerability scan that finds a serious weakness has found a
#   vulnerability of the device. Unless it is fixed (or shown to be a false positive), it must be assessed in the
#   security risk management like any other foreseeable exploitation: a threat entry with its risk, controls and
#   residual risk. A high or critical finding left open, or accepted, without a threat that assesses it is a known
#   vulnerability outside the risk file. A threat assesses a finding when it lists the finding's ID under
#   `vulnerabilities`, or when the finding names the threat under `risk_file_refs`. For a CRA product the same
#   follows from the duty to document the vulnerabilities the manufacturer learns of and update the risk
#   assessment (Art. 13(7)). Without a test report that records test cases or findings, the rule cannot judge.
# scope: package
# custom:
#   id: AL-TEST-002
#   severity: error
#   clauses:
#     - id: MDCG-2019-16-3.4
#       cite: MDCG 2019-16 rev.1 section 3.4
#     - id: MDCG-2019-16-3.2
#       cite: MDCG 2019-16 rev.1 section 3.2
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: CRA-ART13-7
#       cite: CRA Art. 13(7)
#     - id: FDA-CSG-V-C
#       cite: FDA premarket cybersecurity guidance section V.C
#     - id: FDA-CSG-V-A-5
#       cite: FDA premarket cybersecurity guidance section V.A.5
#   remediation: |
#     Fix the weakness and record the finding as `fixed`, or assess it in the security risk file: add a threat (or
#     extend one) that lists the finding ID under `vulnerabilities`, rates its risk and names its controls, and name
#     that threat under `risk_file_refs` of the finding.
package annexlint.rules.verification["test-findings-tracked"]

import data.annexlint.lib
import data.annexlint.lib.testreport as reports

_kinds := {
	"security-feature-test": "security feature test",
	"fuzz-test": "fuzz test",
	"vulnerability-scan": "vulnerability scan",
	"penetration-test": "penetration test",
	"static-analysis": "static analysis",
	"software-composition-analysis": "software composition analysis",
}

report contains lib.finding(testreport.path, sprintf("/findings/%d", [n]), msg) if {
	some testreport in lib.documents("test-report")
	some n, f in testreport.content.findings
	f.severity in {"high", "critical"}
	f.status in {"open", "accepted"}
	not _assessed(f)
	msg := sprintf("%s finding %q (%v) of the %s report is %s, but no threat of the security risk file assesses it; %s", [
		f.severity, f.id, object.get(f, "title", ""), _kind(testreport), f.status,
		"fix it, or add a threat listing it under vulnerabilities with its risk and controls",
	])
}

_kind(testreport) := kind if {
	kind := _kinds[testreport.content.test_type]
} else := "test"

_threats := [t | some riskfile in lib.documents("security-risk-file"); some t in riskfile.content.threats]

_assessed(f) if {
	some t in _threats
	f.id in t.vulnerabilities
}

_assessed(f) if {
	some t in _threats
	t.id in f.risk_file_refs
}

# Each finding of a report was examined; a report with test cases and no findings was examined whole.
evidence contains lib.examined(testreport.path, sprintf("/findings/%d", [n])) if {
	some testreport in lib.documents("test-report")
	some n, _ in testreport.content.findings
}

evidence contains lib.examined(testreport.path, "") if {
	some testreport in lib.documents("test-report")
	reports.records_results(testreport)
	count(object.get(testreport.content, "findings", [])) == 0
}

# The threats that assess a serious finding are evidence that it is tracked.
evidence contains lib.examined(riskfile.path, sprintf("/threats/%d", [j])) if {
	some testreport in lib.documents("test-report")
	some f in testreport.content.findings
	f.severity in {"high", "critical"}
	f.status in {"open", "accepted"}
	some riskfile in lib.documents("security-risk-file")
	some j, t in riskfile.content.threats
	_assesses(t, f)
}

_assesses(t, f) if f.id in t.vulnerabilities

_assesses(t, f) if t.id in f.risk_file_refs

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count(reports.with_results) == 0
	msg := concat(" ", [
		"the bundle holds no test report that records test cases or findings (type \"test-report\"), so it",
		"cannot be shown that serious findings of security testing are assessed in the security risk file; add",
		"the reports of the security testing with their findings and list them under documents",
	])
}
