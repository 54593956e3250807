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
