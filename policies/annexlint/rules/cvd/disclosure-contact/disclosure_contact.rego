# METADATA
# title: A coordinated vulnerability disclosure policy with a reporting contact exists
# description: |
#   Researchers, users and suppliers who find a vulnerability need to know where to report it and what happens
#   next. The CRA requires a coordinated vulnerability disclosure policy and a contact address for reporting
#   vulnerabilities, and both in the technical documentation (Annex VII point 2(b)). For medical devices and IVDs
#   the device law requires software developed to the state of the art of the life cycle including information
#   security (MDR Annex I 17.2, IVDR 16.2), which MDCG 2019-16 reads as including a process for managing
#   security-related issues, and a post-market surveillance system that actively gathers safety data, of which
#   vulnerability reports are part (MDR Art. 83(2), IVDR Art. 78(2)); for the US market the FDA requires a plan
#   that includes coordinated vulnerability disclosure. The policy must therefore name an e-mail address or web
#   address that reports can be sent to.
# scope: package
# custom:
#   id: AL-CVD-001
#   severity: error
#   clauses:
#     - id: CRA-AI-P2-5
#       cite: CRA Annex I Part II (5)
#     - id: CRA-AI-P2-6
#       cite: CRA Annex I Part II (6)
#     - id: CRA-AVII-2B
#       cite: CRA Annex VII point 2(b)
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
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

# The evidence is the contact of each policy that names one; a policy without it is a finding above.
evidence contains lib.examined(policy.path, "/contact") if {
	some policy in lib.documents("disclosure-policy")
	_has_contact(policy)
}
