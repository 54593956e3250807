package annexlint.rules["supply-chain"]["supplier-vex_test"]

import data.annexlint.rules["supply-chain"]["supplier-vex"] as rule

_module := "pkg:generic/nordwind/nw-ble-module@4.2.1"

_supplied_by := {"name": "Nordwind Radio GmbH", "component": _module}

_supplier_vex := {
	"id": "vex-ble", "type": "vex", "path": "vulnerabilities/nw-ble-module.openvex.json",
	"supplied_by": _supplied_by,
	"content": {"timestamp": "2026-10-03T08:00:00Z", "statements": [{
		"vulnerability": "CVE-2024-3077", "aliases": [], "status": "not_affected",
		"justification": "vulnerable_code_not_in_execute_path",
		"products": [{"purl": "pkg:generic/nordwind/nw-ble-module@4.2.1", "name": "nw-ble-module"}],
	}]},
}

_own_vex := {
	"id": "vex", "type": "vex", "path": "vulnerabilities/pump.openvex.json",
	"content": {"timestamp": "2026-10-05T08:00:00Z", "statements": [{
		"vulnerability": "CVE-2024-3077", "aliases": [], "status": "not_affected",
		"justification": "vulnerable_code_not_in_execute_path",
		"products": [{"purl": "pkg:generic/nordwind/nw-ble-module@4.2.1"}],
	}]},
}

_input(docs) := {
	"manifest": {"path": "annexlint.yaml", "content": {"documents": [{"type": "vex", "path": "vulnerabilities/nw-ble-module.openvex.json", "supplied_by": _supplied_by}]}},
	"documents": docs,
}

test_fail_suppliers_not_affected_not_adopted if {
	rule.report == {{
		"path": "vulnerabilities/nw-ble-module.openvex.json",
		"pointer": "/statements/0",
		"message": "CVE-2024-3077: \"Nordwind Radio GmbH\" states that pkg:generic/nordwind/nw-ble-module@4.2.1 is not affected; that is the supplier's assessment of its component, not yours of the product; assess CVE-2024-3077 for the product in your own VEX, or review the supplier's statements and record that you adopt them (supplied_by.adopted with by and date)",
	}} with input as _input([_supplier_vex])
}

test_success_maker_assessed_it_too if {
	count(rule.report) == 0 with input as _input([_own_vex, _supplier_vex])
	rule.evidence == {{"path": "vulnerabilities/nw-ble-module.openvex.json", "pointer": "/statements/0"}} with input as _input([_own_vex, _supplier_vex])
}

test_success_maker_adopted_it if {
	adopted := json.patch(_supplier_vex, [{"op": "add", "path": "/supplied_by/adopted", "value": {"by": "J. Doe, product security", "date": "2026-10-06"}}])
	count(rule.report) == 0 with input as _input([adopted])
}

test_success_no_supplier_vex if {
	rule.evidence == {{"path": "vulnerabilities/pump.openvex.json", "pointer": ""}} with input as _input([_own_vex])
	count(rule.report) == 0 with input as _input([_own_vex])
}

test_fail_adoption_not_recorded if {
	bundle := json.patch(_input([_own_vex, _supplier_vex]), [{"op": "add", "path": "/manifest/content/documents/0/supplied_by/adopted", "value": {"by": "TBD"}}])
	{f.pointer | some f in rule.report} == {"/documents/0/supplied_by/adopted"} with input as bundle
}

test_fail_vex_of_another_component if {
	other := json.patch(_supplier_vex, [{"op": "replace", "path": "/content/statements/0/products", "value": [{"purl": "pkg:generic/nordwind/nw-wifi-module@2.0"}]}])
	{[f.pointer, f.message] | some f in rule.report; f.pointer == ""} == {["", "the VEX vulnerabilities/nw-ble-module.openvex.json from \"Nordwind Radio GmbH\" makes no statement about the component pkg:generic/nordwind/nw-ble-module@4.2.1 it is marked for; ask the supplier for the VEX of that component, or correct supplied_by.component"]} with input as _input([_own_vex, other])
}

test_fail_older_than_suppliers_sbom if {
	sbom := {"id": "sbom-ble", "type": "sbom", "path": "sbom/nw-ble-module.cdx.json", "supplied_by": _supplied_by, "content": {"timestamp": "2026-11-01T00:00:00Z"}}
	{f.pointer | some f in rule.report} == {""} with input as _input([_own_vex, _supplier_vex, sbom])
}

test_fail_undated if {
	undated := json.patch(_supplier_vex, [{"op": "remove", "path": "/content/timestamp"}])
	{f.pointer | some f in rule.report} == {""} with input as _input([_own_vex, undated])
}

test_insufficient_no_statements if {
	empty := json.patch(_supplier_vex, [{"op": "replace", "path": "/content/statements", "value": []}])
	{f.pointer | some f in rule.insufficient} == {"/statements"} with input as _input([empty])
}

test_success_maker_assessed_it_under_another_spelling_or_alias if {
	spaced := json.patch(_own_vex, [{"op": "replace", "path": "/content/statements/0/vulnerability", "value": " cve-2024-3077 "}])
	count(rule.report) == 0 with input as _input([spaced, _supplier_vex])
	aliased := json.patch(_own_vex, [{"op": "replace", "path": "/content/statements/0/vulnerability", "value": "GHSA-xxxx-yyyy-zzzz"}])
	supplier_alias := json.patch(_supplier_vex, [{"op": "replace", "path": "/content/statements/0/aliases", "value": ["GHSA-xxxx-yyyy-zzzz"]}])
	count(rule.report) == 0 with input as _input([aliased, supplier_alias])
}

test_fail_maker_assessed_another_vulnerability if {
	other := json.patch(_own_vex, [{"op": "replace", "path": "/content/statements/0/vulnerability", "value": "CVE-2024-9999"}])
	{f.pointer | some f in rule.report} == {"/statements/0"} with input as _input([other, _supplier_vex])
}
