package annexlint.rules["user-info"]["contact-agrees_test"]

import data.annexlint.rules["user-info"]["contact-agrees"] as rule

_policy := {"type": "disclosure-policy", "path": "policies/disclosure.yaml", "content": {
	"kind": "disclosure-policy",
	"policy_url": "https://acme.example/security/disclosure",
	"contact": {"email": "psirt@acme.example", "url": "https://acme.example/security"},
}}

_info(content) := {"type": "user-security-information", "path": "docs/security-information.yaml", "content": object.union(
	{"kind": "user-security-information"},
	content,
)}

test_fail_policy_moved if {
	findings := rule.report with input as {"documents": [_policy, _info({
		"reporting_contact": "psirt@acme.example",
		"disclosure_policy_url": "https://acme.example/cvd-policy",
	})]}
	findings == {{
		"path": "docs/security-information.yaml",
		"pointer": "/disclosure_policy_url",
		"message": concat("", [
			"the user security information docs/security-information.yaml says the coordinated vulnerability ",
			"disclosure policy is at https://acme.example/cvd-policy, but the policy policies/disclosure.yaml is ",
			"published at https://acme.example/security/disclosure; give users the address where the policy is ",
			"published (CRA Annex II point 2)",
		]),
		"related": [{"path": "policies/disclosure.yaml", "pointer": "/policy_url", "message": "where the policy is published"}],
	}}
}

test_success_same_contact_and_policy if {
	count(rule.report) == 0 with input as {"documents": [_policy, _info({
		"reporting_contact": "mailto:PSIRT@acme.example",
		"disclosure_policy_url": "https://acme.example/security/disclosure/",
	})]}
}

test_fail_other_contact if {
	[f] := [f | some f in rule.report] with input as {"documents": [_policy, _info({"reporting_contact": "helpdesk@acme.example"})]}
	f.pointer == "/reporting_contact"
	contains(f.message, "names https://acme.example/security and psirt@acme.example")
}

test_evidence_and_insufficient if {
	count(rule.evidence) == 2 with input as {"documents": [_policy, _info({
		"reporting_contact": "psirt@acme.example",
		"disclosure_policy_url": "https://acme.example/security/disclosure",
	})]}
	[f] := [f | some f in rule.insufficient] with input as {"manifest": {"path": "annexlint.yaml"}, "documents": [_info({})]}
	contains(f.message, "no disclosure policy")
}
