package annexlint.rules["supply-chain"]["supplier-sbom_test"]

import data.annexlint.rules["supply-chain"]["supplier-sbom"] as rule

_module := "pkg:generic/nordwind/nw-ble-module@4.2.1"

_supplier_sbom := {
	"id": "sbom-ble", "type": "sbom", "path": "sbom/nw-ble-module.cdx.json",
	"supplied_by": {"name": "Nordwind Radio GmbH", "component": _module},
	"content": {
		"timestamp": "2026-10-01T08:00:00Z", "authors": ["Nordwind Radio GmbH PSIRT"],
		"primary": {"name": "nw-ble-module", "version": "4.2.1", "supplier": "Nordwind Radio GmbH", "purl": _module},
		"components": [{"name": "zephyr", "version": "3.7.0", "purl": "pkg:github/zephyrproject-rtos/zephyr@v3.7.0"}],
	},
}

_product_sbom := {
	"id": "sbom", "type": "sbom", "path": "sbom/pump.cdx.json",
	"content": {
		"timestamp": "2026-10-02T08:00:00Z",
		"primary": {"name": "VF-300", "version": "3.2.0"},
		"components": [{"name": "nw-ble-module", "version": "4.2.1", "purl": _module}],
	},
}

_input(docs) := {
	"manifest": {"path": "annexlint.yaml", "content": {"documents": [
		{"id": "sbom", "type": "sbom", "path": "sbom/pump.cdx.json"},
		{"id": "sbom-ble", "type": "sbom", "path": "sbom/nw-ble-module.cdx.json", "supplied_by": _supplier_sbom.supplied_by},
	]}},
	"documents": docs,
}

test_fail_sbom_of_another_version if {
	old := json.patch(_supplier_sbom, [{"op": "replace", "path": "/content/primary/version", "value": "4.1.0"}])
	rule.report == {{
		"path": "sbom/nw-ble-module.cdx.json",
		"pointer": "/primary",
		"message": "the SBOM sbom/nw-ble-module.cdx.json from \"Nordwind Radio GmbH\" documents version 4.1.0 of nw-ble-module, but the product ships version 4.2.1; ask the supplier for the SBOM of the version you integrate",
	}} with input as _input([_product_sbom, old])
}

test_success_suppliers_sbom_of_the_component if {
	count(rule.report) == 0 with input as _input([_product_sbom, _supplier_sbom])
	rule.evidence == {
		{"path": "sbom/nw-ble-module.cdx.json", "pointer": "/primary"},
		{"path": "sbom/pump.cdx.json", "pointer": "/components/0"},
	} with input as _input([_product_sbom, _supplier_sbom])
}

test_success_no_supplier_sbom if {
	count(rule.report) == 0 with input as _input([_product_sbom])
	rule.evidence == {{"path": "sbom/pump.cdx.json", "pointer": "/components"}} with input as _input([_product_sbom])
}

test_success_tag_and_release_name_one_version if {
	tagged := json.patch(_supplier_sbom, [{"op": "replace", "path": "/content/primary/version", "value": "v4.2.1"}])
	count(rule.report) == 0 with input as _input([_product_sbom, tagged])
}

test_fail_sbom_of_another_component if {
	other := json.patch(_supplier_sbom, [{"op": "replace", "path": "/content/primary", "value": {"name": "nw-wifi-module", "purl": "pkg:generic/nordwind/nw-wifi-module@2.0"}}])
	{f.message | some f in rule.report} == {"the SBOM sbom/nw-ble-module.cdx.json from \"Nordwind Radio GmbH\" describes \"nw-wifi-module\", not the component pkg:generic/nordwind/nw-ble-module@4.2.1 it is marked for; ask the supplier for the SBOM of that component, or correct supplied_by.component"} with input as _input([_product_sbom, other])
}

test_fail_supplier_not_named_and_undated if {
	anonymous := json.patch(_supplier_sbom, [
		{"op": "remove", "path": "/content/primary/supplier"},
		{"op": "replace", "path": "/content/authors", "value": ["build bot"]},
		{"op": "remove", "path": "/content/timestamp"},
	])
	{[f.path, f.pointer] | some f in rule.report} == {["sbom/nw-ble-module.cdx.json", "/primary"], ["sbom/nw-ble-module.cdx.json", ""]} with input as _input([_product_sbom, anonymous])
}

test_fail_component_not_in_product_sbom if {
	bare := json.patch(_product_sbom, [{"op": "replace", "path": "/content/components", "value": [{"name": "openssl", "purl": "pkg:generic/openssl@3.0.15"}]}])
	{[f.path, f.pointer] | some f in rule.report} == {["annexlint.yaml", "/documents/1/supplied_by/component"]} with input as _input([bare, _supplier_sbom])
}

test_insufficient_supplier_sbom_without_components if {
	empty := json.patch(_supplier_sbom, [{"op": "replace", "path": "/content/components", "value": []}])
	{f.pointer | some f in rule.insufficient} == {"/components"} with input as _input([_product_sbom, empty])
}

test_fail_product_ships_another_version_than_marked if {
	newer := json.patch(_product_sbom, [{"op": "replace", "path": "/content/components/0/version", "value": "4.3.0"}])
	rule.report == {{
		"path": "sbom/nw-ble-module.cdx.json",
		"pointer": "/primary",
		"message": "the SBOM sbom/nw-ble-module.cdx.json from \"Nordwind Radio GmbH\" documents version 4.2.1 of nw-ble-module, but the product ships version 4.3.0; ask the supplier for the SBOM of the version you integrate",
	}} with input as _input([newer, _supplier_sbom])
}

test_fail_supplier_sbom_without_version if {
	bare := json.patch(_supplier_sbom, [{"op": "remove", "path": "/content/primary/version"}])
	rule.report == {{
		"path": "sbom/nw-ble-module.cdx.json",
		"pointer": "/primary",
		"message": "the SBOM sbom/nw-ble-module.cdx.json from \"Nordwind Radio GmbH\" states no version of its primary component nw-ble-module, so it cannot be told that it documents the version the product ships; ask the supplier for an SBOM that names the version",
	}} with input as _input([_product_sbom, bare])
}

# A placeholder version is no version: one finding says so, none claims "version TBD" differs from what ships.
test_fail_supplier_sbom_with_placeholder_version if {
	tbd := json.patch(_supplier_sbom, [{"op": "replace", "path": "/content/primary/version", "value": "TBD"}])
	rule.report == {{
		"path": "sbom/nw-ble-module.cdx.json",
		"pointer": "/primary",
		"message": "the SBOM sbom/nw-ble-module.cdx.json from \"Nordwind Radio GmbH\" states no version of its primary component nw-ble-module, so it cannot be told that it documents the version the product ships; ask the supplier for an SBOM that names the version",
	}} with input as _input([_product_sbom, tbd])
}

test_success_marking_by_name_and_product_sbom_version_agree if {
	by_name := json.patch(_supplier_sbom, [{"op": "replace", "path": "/supplied_by/component", "value": "nw-ble-module"}])
	count(rule.report) == 0 with input as _input([_product_sbom, by_name])
}
