package annexlint.rules["user-info"]["support-and-reporting_test"]

import data.annexlint.rules["user-info"]["support-and-reporting"] as rule

_info(content) := {"type": "user-security-information", "path": "ifu/security.yaml", "content": object.union(
	{"kind": "user-security-information"},
	content,
)}

test_fail_nothing_stated if {
	findings := rule.report with input as {"documents": [_info({"end_of_support": ""})]}
	findings == {{
		"path": "ifu/security.yaml",
		"pointer": "",
		"message": concat("", [
			"the user security information does not state until when security updates are provided ",
			"(end_of_support) or where to report vulnerabilities and security incidents (reporting_contact); ",
			"add it to the information given to users",
		]),
	}}
}

test_success_both_stated if {
	count(rule.report) == 0 with input as {"documents": [_info({
		"end_of_support": "Security updates until 31 December 2033.",
		"reporting_contact": "psirt@example.com",
	})]}
}

test_evidence_statements_made if {
	rule.evidence == {{"path": "ifu/security.yaml", "pointer": "/reporting_contact"}} with input as {"documents": [_info({
		"end_of_support": " ",
		"reporting_contact": "psirt@example.com",
	})]}
}

test_insufficient_without_user_information if {
	inp := {"manifest": {"path": "annexlint.yaml", "content": {}}, "documents": []}
	count(rule.evidence) == 0 with input as inp
	[f] := [f | some f in rule.insufficient] with input as inp
	f.pointer == "/documents"
	startswith(f.message, "the manifest lists no user security information (type \"user-security-information\"), so")
}
