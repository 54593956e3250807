# METADATA
# title: Security updates reach users with advisory messages that say what is fixed and what to do
# description: |
#   An update users do not hear of, or do not understand, does not protect them. The CRA requires available
#   security updates to be disseminated without delay, free of charge, and accompanied by advisory messages giving
#   users the relevant information, including on what they must do (Annex I Part II (8)). The security update plan
#   states how: `advisory_messages.channels`, where each security update's advisory reaches users (e-mail to the
#   registered administrators, a notice in the product, a CSAF feed), and `advisory_messages.contents`, what every
#   advisory states, which must include what the update fixes (`fixed-vulnerabilities`) and the action users must
#   take (`user-action`). That security updates are free is AL-UPD-010's check; that each fixed vulnerability has a
#   published advisory is AL-VEX-011's.
# scope: package
# custom:
#   id: AL-UPD-013
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-AI-P2-8
#       cite: CRA Annex I Part II (8)
#   remediation: |
#     In the security update plan, add `advisory_messages` with `channels` (how users learn of each security update)
#     and `contents` listing at least `fixed-vulnerabilities` and `user-action` (also, as they apply,
#     `affected-versions`, `severity`, `workarounds`); write the advisories that way.
package annexlint.rules.updates["advisory-messages"]

import data.annexlint.lib

# _required are the contents every advisory message must have, with how an auditor names each.
_required := [
	["fixed-vulnerabilities", "what the update fixes"],
	["user-action", "what users must do"],
]

report contains lib.finding(plan.path, _pointer(plan, missing), msg) if {
	some plan in lib.documents("security-update-plan")
	missing := [m | some m in _missing(plan)]
	count(missing) > 0
	msg := sprintf("the security update plan does not state %s, so it cannot be shown that security updates reach users with the information they need; %s", [
		concat(", nor ", [name | some [_, name] in missing]),
		"state how users are told of each security update and what every advisory says",
	])
}

# _missing lists [key, name] of what the plan leaves out, key being where it belongs in advisory_messages.
_missing(plan) := array.concat(
	[["channels", "where users receive the advisory of each security update (advisory_messages.channels)"] |
		count(_channels(plan)) == 0
	],
	[["contents", sprintf("that every advisory says %s (advisory_messages.contents: %s)", [name, value])] |
		some [value, name] in _required
		not value in _contents(plan)
	],
)

_messages(plan) := m if {
	m := plan.content.advisory_messages
	is_object(m)
} else := {}

_channels(plan) := [c |
	some c in _messages(plan).channels
	is_string(c)
	not lib.is_placeholder(c)
]

_contents(plan) := {c | some c in _messages(plan).contents}

_pointer(plan, missing) := sprintf("/advisory_messages/%s", [missing[0][0]]) if {
	_messages(plan)[missing[0][0]]
} else := "/advisory_messages" if {
	is_object(plan.content.advisory_messages)
} else := ""

evidence contains lib.examined(plan.path, "/advisory_messages") if {
	some plan in lib.documents("security-update-plan")
	count(_missing(plan)) == 0
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-update-plan")
	msg := concat(" ", [
		"the manifest lists no security update plan (type \"security-update-plan\"), so it cannot be shown how users",
		"are told of security updates and what to do; add the plan",
	])
}
