# METADATA
# title: The user information gives the single point of contact and the disclosure policy the policy itself gives
# description: |
#   A CRA manufacturer designates a single point of contact through which users report vulnerabilities (Art.
#   13(17)), and tells users what it is and where its coordinated vulnerability disclosure policy is found (Annex II
#   point 2). The contact and the address of the policy users are given must therefore be those of the
#   `disclosure-policy` document: a reporting contact that is neither the policy's e-mail address nor its contact
#   page, or a policy address other than the policy's own, sends reporters somewhere the manufacturer does not
#   watch. E-mail addresses and URLs are compared ignoring case, a `mailto:` prefix and a trailing slash.
# scope: package
# custom:
#   id: AL-USER-005
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-AII-2
#       cite: CRA Annex II point 2
#     - id: CRA-ART13-17
#       cite: CRA Art. 13(17)
#   remediation: |
#     Give users the contact and the policy address the disclosure policy gives: `reporting_contact` one of its
#     `contact.email` or `contact.url`, and `disclosure_policy_url` its `policy_url`; correct whichever is out of date.
package annexlint.rules["user-info"]["contact-agrees"]

import data.annexlint.lib

_infos := lib.documents("user-security-information")

_policies := lib.documents("disclosure-policy")

report contains lib.finding_related(info.path, "/reporting_contact", msg, related) if {
	some info in _infos
	lib.has_text(info.content, "reporting_contact")
	some policy in _policies
	contacts := _policy_contacts(policy)
	count(contacts) > 0
	not _address(info.content.reporting_contact) in contacts
	msg := sprintf("the user security information %s names %q as the contact for reporting vulnerabilities, but the disclosure policy %s names %s; %s", [
		info.path, info.content.reporting_contact, policy.path, concat(" and ", sort(contacts)),
		"users must be given the single point of contact the policy names (Art. 13(17)): correct whichever is out of date",
	])
	related := [{"path": policy.path, "pointer": "/contact", "message": "the policy's contact"}]
}

report contains lib.finding_related(info.path, "/disclosure_policy_url", msg, related) if {
	some info in _infos
	lib.has_text(info.content, "disclosure_policy_url")
	some policy in _policies
	lib.has_text(policy.content, "policy_url")
	_address(info.content.disclosure_policy_url) != _address(policy.content.policy_url)
	msg := sprintf("the user security information %s says the coordinated vulnerability disclosure policy is at %s, but the policy %s is published at %s; %s", [
		info.path, info.content.disclosure_policy_url, policy.path, policy.content.policy_url,
		"give users the address where the policy is published (CRA Annex II point 2)",
	])
	related := [{"path": policy.path, "pointer": "/policy_url", "message": "where the policy is published"}]
}

_policy_contacts(policy) := {_address(policy.content.contact[key]) |
	some key in ["email", "url"]
	lib.has_text(policy.content.contact, key)
}

_address(s) := trim_suffix(trim_prefix(lower(trim_space(s)), "mailto:"), "/")

evidence contains lib.examined(info.path, concat("", ["/", key])) if {
	some info in _infos
	some [key, policy_has] in [["reporting_contact", "contact"], ["disclosure_policy_url", "policy_url"]]
	lib.has_text(info.content, key)
	some policy in _policies
	policy.content[policy_has]
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count(_infos) == 0
	msg := "the manifest lists no user security information (type \"user-security-information\"), so the single point of contact users are given cannot be compared with the disclosure policy; add it to documents"
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count(_infos) > 0
	count(_policies) == 0
	msg := "the manifest lists no disclosure policy (type \"disclosure-policy\"), so the single point of contact users are given cannot be compared with it; add the coordinated vulnerability disclosure policy to documents"
}

insufficient contains lib.finding(info.path, "", msg) if {
	some info in _infos
	count(_policies) > 0
	count(evidence) == 0
	msg := sprintf("the user security information %s gives no reporting contact and no address of the disclosure policy that could be compared with the policy (reporting_contact, disclosure_policy_url); AL-USER-001 and AL-USER-003 ask for them", [info.path])
}
