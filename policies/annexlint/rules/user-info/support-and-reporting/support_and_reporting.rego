# METADATA
# title: Device users are told until when security updates come and where to report security problems
# description: |
#   Operators of a medical device keep it secure only while the manufacturer supports it, and they are expected to
#   notify the manufacturer promptly of suspected security events (MDCG 2019-16 section 2.6.2). The security
#   information for users should therefore state the end of security support and the contact for reporting
#   vulnerabilities and incidents; FDA's labeling recommendations ask for both. The MDR and IVDR do not name either
#   item as such, so a gap is a warning. Without user security information in the bundle the rule cannot judge
#   (AL-USER-001 reports the missing document).
# scope: package
# custom:
#   id: AL-USER-002
#   severity: warning
#   frameworks: [MDR, IVDR]
#   clauses:
#     - id: MDCG-2019-16-2.6.2
#       cite: MDCG 2019-16 rev.1 section 2.6.2
#     - id: MDCG-2019-16-4.2
#       cite: MDCG 2019-16 rev.1 section 4.2
#     - id: FDA-CSG-VI-A
#       cite: FDA premarket cybersecurity guidance section VI.A
#   remediation: |
#     State in the user security information until when security updates are provided (`end_of_support`) and where
#     users report suspected vulnerabilities and security incidents (`reporting_contact`).
package annexlint.rules["user-info"]["support-and-reporting"]

import data.annexlint.lib

_statements := [
	["end_of_support", "until when security updates are provided (end_of_support)"],
	["reporting_contact", "where to report vulnerabilities and security incidents (reporting_contact)"],
]

report contains lib.finding(info.path, "", msg) if {
	some info in lib.documents("user-security-information")
	missing := [name | some [field, name] in _statements; not lib.has_text(info.content, field)]
	count(missing) > 0
	msg := sprintf("the user security information does not state %s; add it to the information given to users", [
		concat(" or ", missing),
	])
}

evidence contains lib.examined(info.path, concat("", ["/", field])) if {
	some info in lib.documents("user-security-information")
	some [field, _] in _statements
	lib.has_text(info.content, field)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("user-security-information")
	msg := concat(" ", [
		"the manifest lists no user security information (type \"user-security-information\"), so it cannot be",
		"shown that users are told until when security updates are provided and where to report vulnerabilities",
		"and security incidents; add the summary of the information given to users and list it under documents",
	])
}
