# METADATA
# title: Test reports refer only to declared interfaces and to threats of the risk file
# description: |
#   A test report is evidence for the technical documentation only if it can be traced to it: its scope names the
#   product interfaces it tested (as declared in the manifest), and its findings name the threats of the security
#   risk file that assess them. An interface or threat ID that is not defined breaks that trace, so the reviewer
#   cannot tell what was tested or where a finding was assessed.
# scope: package
# custom:
#   id: AL-TEST-003
#   severity: error
#   clauses:
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
