# METADATA
# title: Test reports refer only to declared interfaces and to threats of the risk file
# description: |
#   A test report is evidence for the technical documentation only if it can be traced to it: its scope names the
#   product interfaces it tested (as declared in the manifest), and its findings name the threats of the security
#   risk file that assess them. An interface or threat ID that is not defined breaks that trace, so the reviewer
#   cannot tell what was tested or where a finding was assessed. The technical documentation must hold the
#   results and critical analysis of the verification (MDR Annex II section 6) and, for CRA products, the reports
#   of the tests verifying conformity (Annex VII point 6); a report without such references cannot be traced, so a
#   bundle where no report names an interface or a threat is insufficient evidence.
# scope: package
# custom:
#   id: AL-TEST-003
#   severity: error
#   clauses:
#     - id: MDR-AII-6
#       cite: MDR Annex II section 6
#     - id: CRA-AVII-6
#       cite: CRA Annex VII point 6
#     - id: MDCG-2019-16-4.1
#       cite: MDCG 2019-16 rev.1 section 4.1
#     - id: MDCG-2019-16-3.7
#       cite: MDCG 2019-16 rev.1 section 3.7
#   remediation: |
#     Correct the ID, or define what is missing: interfaces under `product.interfaces` in the manifest, threats in
#     the security risk file.
package annexlint.rules.verification["test-report-references"]

import data.annexlint.lib

report contains lib.finding(testreport.path, sprintf("/scope/%d", [k]), msg) if {
	some testreport in lib.documents("test-report")
	defined := {x.id | some x in lib.product.interfaces}
	some k, id in testreport.content.scope
	not id in defined
	msg := sprintf("the test report's scope names interface %q, which is not defined in the manifest's %s", [
		id, "product.interfaces; define it there or correct the ID",
	])
}

report contains lib.finding(testreport.path, sprintf("/findings/%d/risk_file_refs/%d", [n, k]), msg) if {
	some testreport in lib.documents("test-report")
	defined := {t.id | some riskfile in lib.documents("security-risk-file"); some t in riskfile.content.threats}
	some n, f in testreport.content.findings
	some k, id in f.risk_file_refs
	not id in defined
	msg := sprintf("finding %v of the test report names threat %q, which is not in the security risk file; %s", [
		object.get(f, "id", n + 1), id, "correct the ID or add the threat",
	])
}

# Each reference the rule resolved, defined or not, is evidence of the trace it checked.
evidence contains lib.examined(testreport.path, sprintf("/scope/%d", [k])) if {
	some testreport in lib.documents("test-report")
	some k, _ in testreport.content.scope
}

evidence contains lib.examined(testreport.path, sprintf("/findings/%d/risk_file_refs/%d", [n, k])) if {
	some testreport in lib.documents("test-report")
	some n, f in testreport.content.findings
	some k, _ in f.risk_file_refs
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("test-report")
	msg := concat(" ", [
		"the bundle holds no test report (type \"test-report\"), so it cannot be shown that the security testing",
		"can be traced to the product's interfaces and to the threats of the risk file; add the reports and list",
		"them under documents",
	])
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	lib.has_document("test-report")
	count(evidence) == 0
	msg := concat(" ", [
		"no test report names the interfaces it tested (scope) or the threats its findings concern",
		"(risk_file_refs), so the testing cannot be traced to the product's interfaces or to the risk file; add",
		"the interface IDs under scope of each report and the threat IDs under risk_file_refs of its findings",
	])
}
