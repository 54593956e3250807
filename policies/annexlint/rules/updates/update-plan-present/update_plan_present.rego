# METADATA
# title: The bundle contains a security update plan
# description: |
#   Vulnerabilities will be found after release, so the manufacturer must be able to deliver security updates
#   securely and in time: how updates reach the product and are protected, how fast critical and high severity
#   vulnerabilities are fixed, and which sources are monitored. MDCG 2019-16 asks for security update management
#   and post-market handling of vulnerabilities; the CRA requires secure distribution of updates and their prompt,
#   free dissemination with advisory messages.
# scope: package
# custom:
#   id: AL-UPD-001
#   severity: error
#   clauses:
#     - id: MDCG-2019-16-3.1-P7
#       cite: MDCG 2019-16 rev.1 section 3.1, Practice 7
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#     - id: CRA-AI-P2-7
#       cite: CRA Annex I Part II (7)
#     - id: CRA-AI-P2-8
#       cite: CRA Annex I Part II (8)
#   remediation: |
#     Add a `security-update-plan` document to the bundle (listed in the manifest) stating the update delivery
#     mechanism and its integrity protection, remediation timelines per severity, and the vulnerability sources
#     monitored and how often.
package annexlint.rules.updates["update-plan-present"]

import data.annexlint.lib

report contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-update-plan")
	msg := concat(" ", [
		"the manifest lists no security update plan (type \"security-update-plan\"); add one stating how security",
		"updates are delivered and protected, how fast vulnerabilities are fixed and which sources are monitored,",
		"and list it under documents",
	])
}
