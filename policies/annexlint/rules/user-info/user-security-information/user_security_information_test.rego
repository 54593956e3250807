package annexlint.rules["user-info"]["user-security-information_test"]

import data.annexlint.rules["user-info"]["user-security-information"] as rule

_manifest(framework) := {"path": "annexlint.yaml", "content": {"product": {"framework": framework}}}

_info(content) := {"type": "user-security-information", "path": "ifu/security.yaml", "content": object.union(
	{"kind": "user-security-information"},
	content,
)}

test_fail_no_user_information if {
	findings := rule.report with input as {"manifest": _manifest("MDR"), "documents": []}
	findings == {{
		"path": "annexlint.yaml",
		"pointer": "/documents",
		"message": concat(" ", [
			"the manifest lists no user security information (type \"user-security-information\"); add a summary of",
			"the security information given to users (instructions for use, customer security documentation) and list",
			"it under documents",
		]),
	}}
}

test_fail_mdr_minimum_requirements_incomplete if {
	findings := rule.report with input as {"manifest": _manifest("MDR"), "documents": [_info({
		"minimum_requirements": {"hardware": "Windows 11 PC, 8 GB RAM", "it_security": ""},
		"secure_configuration": "IFU 11.3",
		"update_instructions": "IFU 11.6",
	})]}
	findings == {{
		"path": "ifu/security.yaml",
		"pointer": "",
		"message": concat("", [
			"the user security information does not state IT network characteristics ",
			"(minimum_requirements.network); IT security measures (minimum_requirements.it_security); ",
			"add what is missing to the information given to users",
		]),
	}}
}

test_fail_placeholder_statements_state_nothing if {
	findings := rule.report with input as {"manifest": _manifest("MDR"), "documents": [_info({
		"minimum_requirements": {"hardware": "analyser PC", "network": "TODO: describe the network", "it_security": "n/a"},
		"secure_configuration": "IFU 11.3",
		"update_instructions": "TBD",
	})]}
	findings == {{
		"path": "ifu/security.yaml",
		"pointer": "",
		"message": concat("", [
			"the user security information does not state IT network characteristics ",
			"(minimum_requirements.network); IT security measures (minimum_requirements.it_security); ",
			"how to install security updates (update_instructions); ",
			"add what is missing to the information given to users",
		]),
	}}
}

test_fail_mdr_secure_configuration_and_updates if {
	findings := rule.report with input as {"manifest": _manifest("MDR"), "documents": [_info({
		"minimum_requirements": {"hardware": "analyser PC", "network": "isolated LAN", "it_security": "firewall"},
	})]}
	findings == {{
		"path": "ifu/security.yaml",
		"pointer": "",
		"message": concat("", [
			"the user security information does not state how to install and configure the device securely ",
			"(secure_configuration); how to install security updates (update_instructions); ",
			"add what is missing to the information given to users",
		]),
	}}
}

test_fail_cra_annex_ii_points if {
	findings := rule.report with input as {"manifest": _manifest("CRA"), "documents": [_info({
		"minimum_requirements": {"hardware": "any", "network": "any", "it_security": "any"},
		"reporting_contact": "psirt@acme.example",
		"end_of_support": "2033-03",
	})]}
	findings == {{
		"path": "ifu/security.yaml",
		"pointer": "",
		"message": concat("", [
			"the user security information does not state how to commission and use the product securely ",
			"(secure_configuration); how to install security updates (update_instructions); ",
			"add what is missing to the information given to users",
		]),
	}}
}

test_success_ivdr_complete if {
	count(rule.report) == 0 with input as {"manifest": _manifest("IVDR"), "documents": [_info({
		"minimum_requirements": {"hardware": "analyser PC", "network": "isolated LAN", "it_security": "firewall"},
		"secure_configuration": "Administrator guide chapter 4",
		"update_instructions": "Administrator guide chapter 6",
	})]}
}

test_success_cra_complete if {
	count(rule.report) == 0 with input as {"manifest": _manifest("CRA"), "documents": [_info({
		"reporting_contact": "psirt@acme.example",
		"end_of_support": "2033-03",
		"secure_configuration": "see chapter 5",
		"update_instructions": "see chapter 6",
	})]}
}

test_evidence_statements_of_the_framework if {
	inp := {"manifest": _manifest("CRA"), "documents": [_info({
		"reporting_contact": "psirt@example.com",
		"end_of_support": "2031-12-31",
		"minimum_requirements": {"hardware": "Android 12 tablet"},
	})]}
	rule.evidence == {
		{"path": "ifu/security.yaml", "pointer": "/reporting_contact"},
		{"path": "ifu/security.yaml", "pointer": "/end_of_support"},
	} with input as inp
}

test_evidence_nested_device_statements if {
	inp := {"manifest": _manifest("MDR"), "documents": [_info({"minimum_requirements": {"network": "802.11ac"}})]}
	rule.evidence == {{"path": "ifu/security.yaml", "pointer": "/minimum_requirements/network"}} with input as inp
}

test_no_evidence_for_an_empty_document if {
	count(rule.evidence) == 0 with input as {"manifest": _manifest("MDR"), "documents": [_info({})]}
	count(rule.evidence) == 0 with input as {"manifest": _manifest("MDR"), "documents": []}
}
