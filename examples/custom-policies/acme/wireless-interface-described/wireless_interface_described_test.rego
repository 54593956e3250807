package annexlint.rules.acme["wireless-interface-described_test"]

import data.annexlint.rules.acme["wireless-interface-described"] as rule

manifest(interfaces) := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"interfaces": interfaces}}}}

test_fail_bluetooth_without_description if {
	findings := rule.report with input as manifest([
		{"id": "IF-USB", "type": "usb"},
		{"id": "IF-BLE", "type": "bluetooth"},
	])
	findings == {{
		"path": "annexlint.yaml",
		"pointer": "/product/interfaces/1",
		"message": "bluetooth interface IF-BLE has no description of how it is secured; describe its pairing or authentication, encryption and when it is on",
	}}
}

test_fail_placeholder_is_no_description if {
	findings := rule.report with input as manifest([{"id": "IF-WIFI", "type": "wireless", "description": "TODO: describe"}])
	count(findings) == 1
}

test_success_described_radio if {
	inp := manifest([{"id": "IF-WIFI", "type": "wireless", "description": "WPA3-Enterprise; TLS 1.3 to the gateway; off until provisioned."}])
	count(rule.report) == 0 with input as inp
	rule.evidence == {{"path": "annexlint.yaml", "pointer": "/product/interfaces/0"}} with input as inp
}

test_success_no_radio_nothing_examined if {
	inp := manifest([{"id": "IF-USB", "type": "usb"}])
	count(rule.report) == 0 with input as inp
	count(rule.evidence) == 0 with input as inp
}
