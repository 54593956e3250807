package annexlint.rules.cvd["disclosure-handling_test"]

import data.annexlint.rules.cvd["disclosure-handling"] as rule

_policy(extra) := {"type": "disclosure-policy", "path": "policies/disclosure.yaml", "content": object.union(
	{"kind": "disclosure-policy", "contact": {"email": "psirt@example.com"}},
	extra,
)}

_complete := {
	"policy_url": "https://www.example.com/security/disclosure",
	"acknowledgement_days": 3,
	"triage_days": 10,
	"disclosure_days": 90,
}

_input(documents) := {"manifest": {"path": "annexlint.yaml", "content": {"documents": []}}, "documents": documents}

_txt(fields) := {"type": "security-txt", "path": ".well-known/security.txt", "content": {"fields": fields, "problems": []}}

test_fail_no_timelines if {
	findings := rule.report with input as _input([_policy({"policy_url": "https://www.example.com/security/disclosure"})])
	findings == {{
		"path": "policies/disclosure.yaml",
		"pointer": "",
		"message": concat("", [
			"the disclosure policy policies/disclosure.yaml does not state when a report is acknowledged ",
			"(acknowledgement_days), nor when it is assessed and the reporter told the outcome (triage_days), nor when ",
			"the vulnerability is disclosed in coordination with the reporter (disclosure_days); state each as a number ",
			"of days from the report, so that reporters know what to expect and the handling can be held to it",
		]),
	}}
}

test_success_timelines_and_published_address if {
	count(rule.report) == 0 with input as _input([_policy(_complete)])
	rule.evidence == {
		{"path": "policies/disclosure.yaml", "pointer": "/acknowledgement_days"},
		{"path": "policies/disclosure.yaml", "pointer": "/triage_days"},
		{"path": "policies/disclosure.yaml", "pointer": "/disclosure_days"},
		{"path": "policies/disclosure.yaml", "pointer": "/policy_url"},
	} with input as _input([_policy(_complete)])
}

test_success_security_txt_policy_agrees if {
	txt := _txt([
		{"name": "Contact", "value": "mailto:psirt@example.com"},
		{"name": "Policy", "value": "https://WWW.example.com/security/disclosure/"},
	])
	count(rule.report) == 0 with input as _input([_policy(_complete), txt])
}

test_success_security_txt_without_policy_field_is_not_judged if {
	txt := _txt([{"name": "Contact", "value": "mailto:psirt@example.com"}])
	count(rule.report) == 0 with input as _input([_policy(_complete), txt])
}

test_fail_one_timeline_missing if {
	findings := rule.report with input as _input([_policy(object.remove(_complete, ["disclosure_days"]))])
	findings == {{
		"path": "policies/disclosure.yaml",
		"pointer": "",
		"message": concat("", [
			"the disclosure policy policies/disclosure.yaml does not state when the vulnerability is disclosed in ",
			"coordination with the reporter (disclosure_days); state each as a number of days from the report, so that ",
			"reporters know what to expect and the handling can be held to it",
		]),
	}}
}

test_fail_disclosure_before_triage if {
	findings := rule.report with input as _input([_policy(object.union(_complete, {"disclosure_days": 7}))])
	findings == {{
		"path": "policies/disclosure.yaml",
		"pointer": "/disclosure_days",
		"message": concat("", [
			"the disclosure policy gives disclosure_days 7 days but triage_days 10 days: a report cannot be taken to the ",
			"next step before the previous one is done; correct the timelines so that each is no shorter than the one before",
		]),
	}}
}

test_fail_no_published_address if {
	findings := rule.report with input as _input([_policy(object.union(_complete, {"policy_url": "TBD"}))])
	findings == {{
		"path": "policies/disclosure.yaml",
		"pointer": "/policy_url",
		"message": concat("", [
			"the disclosure policy does not say where it is published (policy_url), so users and researchers cannot be ",
			"told where to find it; publish it and give its https:// address",
		]),
	}}
	count(rule.report) == 1 with input as _input([_policy(object.remove(_complete, ["policy_url"]))])
}

test_fail_published_over_http if {
	findings := rule.report with input as _input([_policy(object.union(_complete, {"policy_url": "http://www.example.com/cvd"}))])
	findings == {{
		"path": "policies/disclosure.yaml",
		"pointer": "/policy_url",
		"message": concat("", [
			"the disclosure policy is published at \"http://www.example.com/cvd\", which is not an https:// address; ",
			"publish it over https and give that address, so readers can trust it is the manufacturer's",
		]),
	}}
}

test_fail_security_txt_names_another_policy if {
	txt := _txt([
		{"name": "Contact", "value": "mailto:psirt@example.com"},
		{"name": "Policy", "value": "https://www.example.com/old-policy"},
		{"name": "Policy", "value": "https://www.example.com/older-policy"},
	])
	findings := rule.report with input as _input([_policy(_complete), txt])
	findings == {{
		"path": ".well-known/security.txt",
		"pointer": "/fields/1",
		"message": concat("", [
			"the security.txt's Policy field gives https://www.example.com/old-policy, but the disclosure policy ",
			"policies/disclosure.yaml says it is published at https://www.example.com/security/disclosure; give the ",
			"address of the policy in force in both",
		]),
		"related": [{"path": "policies/disclosure.yaml", "pointer": "/policy_url", "message": "where the disclosure policy says it is published"}],
	}}
}

test_fail_malformed_values_raise_no_error if {
	findings := rule.report with input as _input([_policy({"policy_url": 7, "acknowledgement_days": "3", "triage_days": 10, "disclosure_days": 90})])
	{f.pointer | some f in findings} == {""}
}

test_success_no_policy_is_insufficient_evidence if {
	count(rule.report) == 0 with input as _input([])
	count(rule.evidence) == 0 with input as _input([])
	count(rule.insufficient) == 1 with input as _input([])
}
