package annexlint.rules.updates["advisory-messages_test"]

import data.annexlint.rules.updates["advisory-messages"] as rule

_input(messages) := {
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}},
	"documents": [{"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {
		"kind": "security-update-plan",
		"advisory_messages": messages,
	}}],
}

test_fail_advisories_do_not_say_what_to_do if {
	findings := rule.report with input as _input({
		"channels": ["e-mail to the registered administrators"],
		"contents": ["fixed-vulnerabilities", "severity"],
	})
	findings == {{
		"path": "security/update-plan.yaml",
		"pointer": "/advisory_messages/contents",
		"message": concat("", [
			"the security update plan does not state that every advisory says what users must do ",
			"(advisory_messages.contents: user-action), so it cannot be shown that security updates reach users with ",
			"the information they need; state how users are told of each security update and what every advisory says",
		]),
	}}
}

test_success_channels_and_contents if {
	messages := {
		"channels": ["e-mail to the registered administrators", "notice in the administration console"],
		"contents": ["fixed-vulnerabilities", "affected-versions", "severity", "user-action"],
	}
	count(rule.report) == 0 with input as _input(messages)
	rule.evidence == {{"path": "security/update-plan.yaml", "pointer": "/advisory_messages"}} with input as _input(messages)
}

test_fail_placeholder_channel if {
	findings := rule.report with input as _input({"channels": ["TBD"], "contents": ["fixed-vulnerabilities", "user-action"]})
	findings == {{
		"path": "security/update-plan.yaml",
		"pointer": "/advisory_messages/channels",
		"message": concat("", [
			"the security update plan does not state where users receive the advisory of each security update ",
			"(advisory_messages.channels), so it cannot be shown that security updates reach users with the ",
			"information they need; state how users are told of each security update and what every advisory says",
		]),
	}}
}

test_fail_nothing_stated if {
	inp := {
		"manifest": {"path": "annexlint.yaml", "content": {}},
		"documents": [{"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {"kind": "security-update-plan"}}],
	}
	findings := rule.report with input as inp
	{f.pointer | some f in findings} == {""}
	count(rule.evidence) == 0 with input as inp
	{f.pointer | some f in rule.report} == {"/advisory_messages/channels"} with input as _input({"channels": "e-mail"})
	{f.pointer | some f in rule.report} == {"/advisory_messages"} with input as _input({"contents": ["user-action"]})
}

test_success_no_plan_is_insufficient_evidence if {
	inp := {"manifest": {"path": "annexlint.yaml", "content": {}}, "documents": []}
	count(rule.report) == 0 with input as inp
	count(rule.insufficient) == 1 with input as inp
}
