# METADATA
# title: A coordinated vulnerability disclosure policy with a reporting contact exists
# description: |
#   Researchers, users and suppliers who find a vulnerability need to know where to report it and what happens
#   next. The CRA requires a coordinated vulnerability disclosure policy and a contact address for reporting
#   vulnerabilities; for medical devices MDCG 2019-16 expects a process for managing security-related issues, and
#   the FDA requires a plan that includes coordinated vulnerability disclosure. The policy must therefore name
#   an e-mail address or web address that reports can be sent to.
# scope: package
# custom:
#   id: AL-CVD-001
#   severity: error
#   clauses:
#     - id: CRA-AI-P2-5
#       cite: CRA Annex I Part II (5)
#     - id: CRA-AI-P2-6
#       cite: CRA Annex I Part II (6)
#     - id: MDCG-2019-16-3.1-P6
#       cite: MDCG 2019-16 rev.1 section 3.1, Practice 6
#     - id: FDA-524B-B1
#       cite: FD&C Act 524B(b)(1)
#   remediation: |
#     Add a `disclosure-policy` document to the bundle (listed in the manifest) describing how vulnerability reports
#     are received and handled, with `contact.email` or `contact.url` of the single point of contact for reports.
package annexlint.rules.cvd["disclosure-contact"]

import data.annexlint.lib

report contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("disclosure-policy")
	msg := concat(" ", [
		"the manifest lists no coordinated vulnerability disclosure policy (type \"disclosure-policy\");",
		"add the policy, with the contact where vulnerabilities can be reported, and list it under documents",
	])
}

report contains lib.finding(policy.path, "/contact", msg) if {
	some policy in lib.documents("disclosure-policy")
	not _has_contact(policy)
	msg := concat(" ", [
		"the disclosure policy gives no e-mail address (contact.email) or web address (contact.url) where",
		"vulnerabilities can be reported; add the single point of contact for vulnerability reports",
	])
}

_has_contact(policy) if lib.has_text(policy.content.contact, "email")

_has_contact(policy) if lib.has_text(policy.content.contact, "url")
