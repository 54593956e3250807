# METADATA
# title: The security.txt names the disclosure policy's contact and is current
# description: |
#   The CRA requires the manufacturer to make it easy to report vulnerabilities, including by giving a contact
#   address for reports (Annex I Part II (6)), under a coordinated vulnerability disclosure policy (Part II (5)),
#   and to tell users the single point of contact for vulnerability reports (Annex II point 2). A security.txt
#   (RFC 9116) at /.well-known/security.txt is where researchers and tools look for that contact. When the bundle
#   holds one (a `security-txt` document), annexlint reads it as RFC 9116 requires: at least one Contact and
#   exactly one Expires, an RFC 3339 date-time that has not passed at the --as-of date and, as the RFC recommends,
#   is less than a year ahead of it; URIs valid, and web URIs over https. Its Contact must also be the contact the
#   disclosure policy names (contact.email as mailto:, or contact.url): two different addresses send reports to
#   two places, and one of them is not the single point of contact. A bundle without a security.txt publishes its
#   contact through the disclosure policy alone, which AL-CVD-001 checks; this rule then examines only that contact,
#   and without it has nothing to examine.
# scope: package
# custom:
#   id: AL-PDE-002
#   severity: error
#   clauses:
#     - id: CRA-AI-P2-6
#       cite: CRA Annex I Part II (6)
#     - id: CRA-AI-P2-5
#       cite: CRA Annex I Part II (5)
#     - id: CRA-AII-2
#       cite: CRA Annex II point 2
#   remediation: |
#     Keep the security.txt listed in the manifest (type `security-txt`) as published: a `Contact:` line with the
#     disclosure policy's address (`mailto:` and its contact.email, or its contact.url), one `Expires:` line less
#     than a year ahead (e.g. `Expires: 2027-11-30T23:00:00Z`), renewed before it passes, and https:// for every web
#     address.
package annexlint.rules.cra["security-txt"]

import data.annexlint.lib

# RFC 9116 violations that leave the file invalid or its contact unusable, as internal/securitytxt codes them.
_blocking := {
	"contact_missing": "add a Contact line with the address for vulnerability reports",
	"expires_missing": "add one Expires line, an RFC 3339 date-time less than a year ahead",
	"expires_duplicate": "keep exactly one Expires line",
	"expires_invalid": "write Expires as an RFC 3339 date-time such as 2027-11-30T23:00:00Z",
	"invalid_uri": "write the value as a URI with its scheme (mailto:, https:, tel:)",
	"insecure_uri": "publish the address over https://",
}

report contains lib.finding(txt.path, sprintf("/problems/%d", [i]), msg) if {
	some txt in lib.documents("security-txt")
	some i, problem in _problems(txt)
	fix := _blocking[problem.code]
	msg := sprintf("the security.txt breaks RFC 9116: %s; %s", [problem.message, fix])
}

report contains lib.finding(txt.path, sprintf("/fields/%d", [i]), msg) if {
	some txt in lib.documents("security-txt")
	some i, field in _fields(txt)
	field.name == "Expires"
	is_string(field.utc)
	lib.is_date(input.as_of)
	field.utc < concat("", [input.as_of, "T00:00:00Z"])
	msg := sprintf("the security.txt expired on %s, before %s: readers must treat it as stale; %s", [
		field.value, input.as_of, "publish it again with an Expires date less than a year ahead",
	])
}

report contains lib.finding(txt.path, sprintf("/fields/%d", [i]), msg) if {
	some txt in lib.documents("security-txt")
	some i, field in _fields(txt)
	field.name == "Expires"
	is_string(field.utc)
	lib.is_date(input.as_of)
	limit := lib.add_years(input.as_of, 1)
	field.utc > concat("", [limit, "T00:00:00Z"])
	msg := sprintf("the security.txt expires on %s, more than a year after %s; %s", [
		field.value, input.as_of, "RFC 9116 recommends less than a year, so that a stale contact is noticed: set an earlier Expires and renew it",
	])
}

report contains lib.finding_related(txt.path, _contact_pointer(txt), msg, related) if {
	some txt in lib.documents("security-txt")
	some policy in lib.documents("disclosure-policy")
	wanted := _policy_contacts(policy)
	count(wanted) > 0
	published := {_norm(v) | some v in _contacts(txt)}
	count(published) > 0
	count(wanted & published) == 0
	msg := sprintf("the security.txt gives the contact %s, but the disclosure policy %s gives %s; %s", [
		concat(", ", sort([v | some v in _contacts(txt)])), policy.path, concat(", ", sort(wanted)),
		"publish the policy's single point of contact in the security.txt, or correct the policy",
	])
	related := [{"path": policy.path, "pointer": "/contact", "message": "the disclosure policy's contact"}]
}

_fields(txt) := txt.content.fields if is_array(txt.content.fields)

else := []

_problems(txt) := txt.content.problems if is_array(txt.content.problems)

else := []

_contacts(txt) := [field.value |
	some field in _fields(txt)
	field.name == "Contact"
	is_string(field.value)
]

_contact_pointer(txt) := sprintf("/fields/%d", [i]) if {
	some i, field in _fields(txt)
	field.name == "Contact"
	not _earlier_contact(txt, i)
} else := ""

_earlier_contact(txt, i) if {
	some j, field in _fields(txt)
	field.name == "Contact"
	j < i
}

_policy_contacts(policy) := {c |
	some key in ["email", "url"]
	lib.has_text(policy.content.contact, key)
	c := _policy_contact(key, policy.content.contact[key])
}

_policy_contact("email", v) := _norm(concat("", ["mailto:", trim_prefix(trim_space(v), "mailto:")]))

_policy_contact("url", v) := _norm(v)

# _norm compares addresses without case, surrounding space or a trailing slash.
_norm(v) := trim_suffix(lower(trim_space(v)), "/")

# The rule examines every field of each security.txt. Without one, the bundle publishes where to report
# vulnerabilities through the disclosure policy alone: the rule examines that policy's contact (AL-CVD-001 judges
# the policy itself). A policy without a contact leaves nothing published to examine.
evidence contains lib.examined(txt.path, sprintf("/fields/%d", [i])) if {
	some txt in lib.documents("security-txt")
	some i, _ in _fields(txt)
}

evidence contains lib.examined(policy.path, "/contact") if {
	not lib.has_document("security-txt")
	some policy in lib.documents("disclosure-policy")
	count(_policy_contacts(policy)) > 0
}

insufficient contains lib.finding(policy.path, "/contact", msg) if {
	not lib.has_document("security-txt")
	some policy in lib.documents("disclosure-policy")
	count(_policy_contacts(policy)) == 0
	msg := concat("", [
		"the bundle holds no security.txt and the disclosure policy gives no contact, so no published address for ",
		"vulnerability reports can be checked; add the contact to the policy, and the published security.txt as a security-txt document",
	])
}
