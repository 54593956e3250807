package annexlint.rules.cvd["disclosure-contact_test"]

import data.annexlint.rules.cvd["disclosure-contact"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR"}}}

_policy(contact) := {"type": "disclosure-policy", "path": "security/cvd.yaml", "content": {
	"kind": "disclosure-policy",
	"contact": contact,
}}

test_fail_no_policy if {
	findings := rule.report with input as {"manifest": _manifest, "documents": []}
	findings == {{
		"path": "annexlint.yaml",
		"pointer": "/documents",
		"message": concat(" ", [
			"the manifest lists no coordinated vulnerability disclosure policy (type \"disclosure-policy\");",
			"add the policy, with the contact where vulnerabilities can be reported, and list it under documents",
		]),
	}}
}

test_fail_contact_without_email_or_url if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [_policy({
		"email": "",
		"security_txt": "https://acme.example/.well-known/security.txt",
	})]}
	findings == {{
		"path": "security/cvd.yaml",
		"pointer": "/contact",
		"message": concat(" ", [
			"the disclosure policy gives no e-mail address (contact.email) or web address (contact.url) where",
			"vulnerabilities can be reported; add the single point of contact for vulnerability reports",
		]),
	}}
}

test_fail_contact_absent if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [
		{"type": "disclosure-policy", "path": "security/cvd.yaml", "content": {"kind": "disclosure-policy"}},
	]}
	{f.pointer | some f in findings} == {"/contact"}
}

test_success_email if {
	count(rule.report) == 0 with input as {
		"manifest": _manifest,
		"documents": [_policy({"email": "psirt@acme.example"})],
	}
}

test_success_url if {
	count(rule.report) == 0 with input as {
		"manifest": _manifest,
		"documents": [_policy({"url": "https://acme.example/security/report"})],
	}
}

test_evidence_contact_of_the_policy if {
	rule.evidence == {{"path": "security/cvd.yaml", "pointer": "/contact"}} with input as {
		"manifest": _manifest,
		"documents": [_policy({"email": "psirt@example.com"})],
	}
}

test_no_evidence_without_a_contact if {
	count(rule.evidence) == 0 with input as {"manifest": _manifest, "documents": []}
	count(rule.evidence) == 0 with input as {"manifest": _manifest, "documents": [_policy({"email": " ", "url": ""})]}
}
