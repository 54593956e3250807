package annexlint.rules["user-info"]["provider-security-information_test"]

import data.annexlint.rules["user-info"]["provider-security-information"] as rule

_provider := {
	"interfaces": [
		{"interface": "IF-WIFI", "description": "outbound TLS 1.3 to the gateway on TCP 8443; no listening port"},
		{"interface": "IF-USB", "description": "USB-C service port behind the sealed cover; mass storage only"},
	],
	"security_logs": "authentication failures and rejected images, forwarded to the gateway as syslog",
	"backup_restore": "configuration restored from the gateway; the pump keeps no patient data",
	"incident_response": "isolate the pump VLAN and call the Vitaflo PSIRT hotline",
}

_input(provider) := {
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR", "interfaces": [
		{"id": "IF-WIFI", "type": "wireless"},
		{"id": "IF-USB", "type": "usb"},
	]}}},
	"documents": [{"type": "user-security-information", "path": "ifu/security-information.yaml", "content": {
		"kind": "user-security-information", "provider_information": provider,
	}}],
}

test_fail_interface_not_described if {
	findings := rule.report with input as _input(object.union(_provider, {"interfaces": [_provider.interfaces[0]]}))
	findings == {{
		"path": "ifu/security-information.yaml", "pointer": "/provider_information",
		"message": concat("", [
			"the information for the healthcare provider does not describe the interface(s) IF-USB declared in the ",
			"manifest; list each under provider_information.interfaces with its ports, protocols and direction, and ",
			"whether it can be disabled",
		]),
	}}
}

test_success_provider_information_complete if {
	count(rule.report) == 0 with input as _input(_provider)
	count(rule.insufficient) == 0 with input as _input(_provider)
	count(rule.evidence) == 1 with input as _input(_provider)
}

test_fail_logs_and_backup_missing if {
	findings := rule.report with input as _input(object.remove(_provider, ["security_logs", "backup_restore"]))
	count(findings) == 1
	some f in findings
	contains(f.message, "(security_logs); nor how configuration")
}

test_fail_no_provider_information if {
	findings := rule.report with input as {
		"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "IVDR"}}},
		"documents": [{"type": "user-security-information", "path": "ifu/s.yaml", "content": {"kind": "user-security-information"}}],
	}
	{f.pointer | some f in findings} == {""}
}

test_success_not_a_device if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}}, "documents": []}
	count(rule.report) == 0 with input as bundle
	count(rule.insufficient) == 0 with input as bundle
}

test_insufficient_no_user_information if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR"}}}, "documents": []}
	{f.pointer | some f in rule.insufficient} == {"/documents"} with input as bundle
}
