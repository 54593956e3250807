# METADATA
# title: The disclosure policy says how reports are handled, when, and where the policy is published
# description: |
#   A coordinated vulnerability disclosure policy is put in place and enforced (CRA Annex I Part II (5)) only if a
#   reporter can read it and knows what will happen to a report: when it is acknowledged, when it is assessed, and
#   when the vulnerability is disclosed in coordination with the reporter. The users must also be told where the
#   policy can be found (Annex II point 2). A contact alone (AL-CVD-001) is not a policy. annexlint reads the
#   disclosure policy's timelines (acknowledgement_days, triage_days, disclosure_days), which must be stated and in
#   that order (a report cannot be disclosed before it is assessed), and the address where it is published
#   (policy_url, an https:// address). When the bundle holds the published security.txt and it has a Policy field,
#   that field must give the same address: two addresses mean one of them is not the policy in force.
# scope: package
# custom:
#   id: AL-CVD-002
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-AI-P2-5
#       cite: CRA Annex I Part II (5)
#     - id: CRA-AII-2
#       cite: CRA Annex II point 2
#   remediation: |
#     In the disclosure policy, state `acknowledgement_days`, `triage_days` and `disclosure_days` (in days from the
#     report, each no shorter than the one before) and `policy_url`, the https:// address where the policy is
#     published. Give the same address in the security.txt's `Policy:` field.
package annexlint.rules.cvd["disclosure-handling"]

import data.annexlint.lib

# _timelines are the policy's handling steps, in the order they happen, with how an auditor would name each.
_timelines := [
	["acknowledgement_days", "when a report is acknowledged (acknowledgement_days)"],
	["triage_days", "when it is assessed and the reporter told the outcome (triage_days)"],
	["disclosure_days", "when the vulnerability is disclosed in coordination with the reporter (disclosure_days)"],
]

report contains lib.finding(policy.path, "", msg) if {
	some policy in lib.documents("disclosure-policy")
	missing := [name | some [key, name] in _timelines; not _days(policy, key)]
	count(missing) > 0
	msg := sprintf("the disclosure policy %s does not state %s; %s", [
		policy.path, concat(", nor ", missing),
		"state each as a number of days from the report, so that reporters know what to expect and the handling can be held to it",
	])
}

report contains lib.finding(policy.path, sprintf("/%s", [later]), msg) if {
	some policy in lib.documents("disclosure-policy")
	some i in numbers.range(1, count(_timelines) - 1)
	earlier := _timelines[i - 1][0]
	later := _timelines[i][0]
	_days(policy, later) < _days(policy, earlier)
	msg := sprintf("the disclosure policy gives %s %d days but %s %d days: %s; %s", [
		later, _days(policy, later), earlier, _days(policy, earlier),
		"a report cannot be taken to the next step before the previous one is done",
		"correct the timelines so that each is no shorter than the one before",
	])
}

report contains lib.finding(policy.path, _url_pointer(policy), msg) if {
	some policy in lib.documents("disclosure-policy")
	not lib.has_text(policy.content, "policy_url")
	msg := concat(" ", [
		"the disclosure policy does not say where it is published (policy_url), so users and researchers cannot be",
		"told where to find it; publish it and give its https:// address",
	])
}

report contains lib.finding(policy.path, "/policy_url", msg) if {
	some policy in lib.documents("disclosure-policy")
	lib.has_text(policy.content, "policy_url")
	not startswith(lower(trim_space(policy.content.policy_url)), "https://")
	msg := sprintf("the disclosure policy is published at %q, which is not an https:// address; %s", [
		policy.content.policy_url, "publish it over https and give that address, so readers can trust it is the manufacturer's",
	])
}

report contains lib.finding_related(txt.path, sprintf("/fields/%d", [i]), msg, related) if {
	some txt in lib.documents("security-txt")
	some policy in lib.documents("disclosure-policy")
	lib.has_text(policy.content, "policy_url")
	policies := {_norm(field.value) | some field in _fields(txt); field.name == "Policy"; is_string(field.value)}
	count(policies) > 0
	not _norm(policy.content.policy_url) in policies
	some i, field in _fields(txt)
	field.name == "Policy"
	not _earlier_policy(txt, i)
	msg := sprintf("the security.txt's Policy field gives %s, but the disclosure policy %s says it is published at %s; %s", [
		field.value, policy.path, policy.content.policy_url,
		"give the address of the policy in force in both",
	])
	related := [{"path": policy.path, "pointer": "/policy_url", "message": "where the disclosure policy says it is published"}]
}

# _days is the number of days the policy states for a step; undefined when it is missing or not a number.
_days(policy, key) := policy.content[key] if is_number(policy.content[key])

_url_pointer(policy) := "/policy_url" if is_string(policy.content.policy_url)

else := ""

_fields(txt) := txt.content.fields if is_array(txt.content.fields)

else := []

_earlier_policy(txt, i) if {
	some j, field in _fields(txt)
	field.name == "Policy"
	j < i
}

# _norm compares addresses without case, surrounding space or a trailing slash.
_norm(v) := trim_suffix(lower(trim_space(v)), "/")

# The evidence is each policy's timelines and published address, where stated; what is missing is a finding above.
evidence contains lib.examined(policy.path, sprintf("/%s", [key])) if {
	some policy in lib.documents("disclosure-policy")
	some [key, _] in _timelines
	_days(policy, key)
}

evidence contains lib.examined(policy.path, "/policy_url") if {
	some policy in lib.documents("disclosure-policy")
	lib.has_text(policy.content, "policy_url")
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("disclosure-policy")
	msg := concat(" ", [
		"the manifest lists no coordinated vulnerability disclosure policy (type \"disclosure-policy\"), so it cannot",
		"be shown how vulnerability reports are handled or where the policy is published; add the policy",
	])
}
