package annexlint.rules.vex["scan-findings-assessed_test"]

import data.annexlint.rules.vex["scan-findings-assessed"] as rule

_sbom := {"type": "sbom", "path": "sbom/fw.cdx.json", "content": {
	"serial_number": "urn:uuid:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10",
	"primary": {"ref": "fw", "name": "vf300-firmware", "version": "3.2.0", "purl": "pkg:generic/vitaflo/vf300-firmware@3.2.0"},
	"components": [
		{"ref": "pkg:github/Mbed-TLS/mbedtls@v3.6.2", "name": "mbedtls", "version": "3.6.2", "purl": "pkg:github/Mbed-TLS/mbedtls@v3.6.2", "cpes": []},
		{"ref": "zephyr", "name": "zephyr", "version": "3.7.0", "purl": "", "cpes": ["cpe:2.3:o:zephyrproject:zephyr:3.7.0:*:*:*:*:*:*:*"]},
	],
}}

_match(vuln, aliases, fields) := object.union({"vulnerability": vuln, "aliases": aliases, "cpes": []}, fields)

_scan(matches) := {"type": "vulnerability-scan", "path": "scans/fw.grype.json", "content": {"matches": matches}}

_vex(statements) := {"type": "vex", "path": "vex/fw.openvex.json", "content": {"kind": "openvex", "statements": statements}}

_statement(vuln, aliases, products) := {"vulnerability": vuln, "aliases": aliases, "products": products, "status": "not_affected"}

_mbedtls_match := _match("CVE-2025-27809", [], {"name": "mbedtls", "version": "3.6.2", "purl": "pkg:github/mbed-tls/mbedtls@v3.6.2?arch=arm"})

test_fail_unassessed_match_in_shipped_component if {
	findings := rule.report with input as {"documents": [_sbom, _scan([_mbedtls_match]), _vex([])]}
	findings == {{
		"path": "scans/fw.grype.json",
		"pointer": "/matches/0",
		"message": concat("", [
			"the scan reports CVE-2025-27809 in mbedtls 3.6.2 (sbom/fw.cdx.json), but no VEX statement in the bundle ",
			"assesses it for that component; assess it and add a VEX statement for the component (or for the product ",
			"as a whole)",
		]),
		"related": [{"path": "sbom/fw.cdx.json", "pointer": "/components/0", "message": "the component the SBOM ships"}],
	}}
}

test_fail_statement_for_another_vulnerability_or_version_does_not_cover if {
	findings := rule.report with input as {"documents": [_sbom, _scan([_mbedtls_match]), _vex([
		_statement("CVE-2025-27810", [], [{"purl": "pkg:github/mbed-tls/mbedtls@v3.6.2", "loc": {"pointer": "/statements/0/products/0"}}]),
		_statement("CVE-2025-27809", [], [{"purl": "pkg:github/mbed-tls/mbedtls@v3.5.0", "version": "v3.5.0", "loc": {"pointer": "/statements/1/products/0"}}]),
	])]}
	count(findings) == 1
}

test_fail_no_vex_document_at_all if {
	findings := rule.report with input as {"documents": [_sbom, _scan([_match("CVE-2024-6135", ["GHSA-xxxx"], {"name": "zephyr", "version": "3.7.0"})])]}
	[f] := [f | some f in findings]
	f.message == concat("", [
		"the scan reports CVE-2024-6135 (also GHSA-xxxx) in zephyr 3.7.0 (sbom/fw.cdx.json), but the bundle has no ",
		"VEX document (type vex) to assess it; assess it and add a VEX statement for the component (or for the ",
		"product as a whole)",
	])
}

test_success_statement_by_purl_alias_cpe_or_product if {
	input_docs := [
		_sbom,
		_scan([
			_mbedtls_match,
			_match("GHSA-aaaa-bbbb-cccc", ["CVE-2025-1111"], {"name": "zephyr", "version": "3.7.0", "cpes": ["cpe:2.3:o:zephyrproject:zephyr:3.7.0:*:*:*:*:*:*:*"]}),
			_match("CVE-2025-2222", [], {"name": "zephyr", "version": "v3.7.0"}),
		]),
		_vex([
			_statement("CVE-2025-27809", [], [{"purl": "pkg:github/Mbed-TLS/mbedtls@v3.6.2", "loc": {"pointer": "/statements/0/products/0"}}]),
			_statement("CVE-2025-1111", [], [{"cpe": "cpe:2.3:o:zephyrproject:zephyr:3.7.0:*:*:*:*:*:*:*", "loc": {"pointer": "/statements/1/products/0"}}]),
			_statement("CVE-2025-2222", [], [{"purl": "pkg:generic/vitaflo/vf300-firmware@3.2.0", "loc": {"pointer": "/statements/2/products/0"}}]),
		]),
	]
	count(rule.report) == 0 with input as {"documents": input_docs}
}

test_success_match_in_shipped_package_at_another_version if {
	other := _match("CVE-2024-0001", [], {"name": "mbedtls", "version": "3.5.0", "purl": "pkg:github/mbed-tls/mbedtls@v3.5.0"})
	count(rule.report) == 0 with input as {"documents": [_sbom, _scan([other])]}
}

test_fail_subcomponent_statement_covers_only_the_subcomponent if {
	findings := rule.report with input as {"documents": [
		_sbom,
		_scan([_mbedtls_match, _match("CVE-2025-27809", [], {"name": "zephyr", "version": "3.7.0"})]),
		_vex([_statement("CVE-2025-27809", [], [
			{"purl": "pkg:generic/vitaflo/vf300-firmware@3.2.0", "container": true},
			{
				"purl": "pkg:github/mbed-tls/mbedtls@v3.6.2",
				"parent": {"purl": "pkg:generic/vitaflo/vf300-firmware@3.2.0"},
			},
		])]),
	]}
	{f.pointer | some f in findings} == {"/matches/1"}
}

test_fail_subcomponent_of_another_product_does_not_cover if {
	# Two SBOMs ship mbedtls 3.6.2; a statement about the app's mbedtls says nothing of the firmware's.
	app := {"type": "sbom", "path": "sbom/app.cdx.json", "content": {
		"primary": {"ref": "app", "name": "vf300-app", "version": "1.4.0", "purl": "pkg:generic/vitaflo/vf300-app@1.4.0"},
		"components": [{"ref": "mbedtls", "name": "mbedtls", "version": "3.6.2", "purl": "pkg:github/Mbed-TLS/mbedtls@v3.6.2"}],
	}}
	statement := _statement("CVE-2025-27809", [], [
		{"purl": "pkg:generic/vitaflo/vf300-app@1.4.0", "container": true},
		{"purl": "pkg:github/mbed-tls/mbedtls@v3.6.2", "parent": {"purl": "pkg:generic/vitaflo/vf300-app@1.4.0"}},
	])
	findings := rule.report with input as {"documents": [_sbom, app, _scan([_mbedtls_match]), _vex([statement])]}
	[f] := [f | some f in findings]
	f.related == [{"path": "sbom/fw.cdx.json", "pointer": "/components/0", "message": "the component the SBOM ships"}]
}

test_success_subcomponent_covers_its_product_component if {
	statement := _statement("CVE-2025-27809", [], [
		{"purl": "pkg:generic/vitaflo/vf300-firmware@3.2.0", "container": true},
		{"name": "mbedtls", "parent": {"purl": "pkg:generic/vitaflo/vf300-firmware@3.2.0"}},
	])
	count(rule.report) == 0 with input as {"documents": [_sbom, _scan([_mbedtls_match]), _vex([statement])]}
}

test_fail_malformed_model_values_raise_no_error if {
	odd := [
		null, "CVE-2025-0001",
		{"vulnerability": 7, "aliases": "x", "purl": 5, "cpes": [1, null], "name": ["mbedtls"], "version": {}},
		{"vulnerability": "CVE-2025-0002", "aliases": [], "bom": 1, "ref": 2, "cpe": 3, "name": "", "range": 4},
	]

	# only the finding that names CVE-2025-0002 in no package no SBOM lists, and that no statement names, is open
	findings := rule.report with input as {"documents": [
		_sbom, _scan(odd),
		_vex([null, {"vulnerability": "CVE-2025-0002", "products": [null, 5, {"parent": "x", "loc": 1}]}]),
	]}
	{f.pointer | some f in findings} == {"/matches/3"}
}

test_evidence_scan_findings if {
	bundle := {"documents": [_sbom, _scan([_mbedtls_match]), _vex([_statement("CVE-2025-27809", [], [])])]}
	rule.evidence == {
		{"path": "scans/fw.grype.json", "pointer": "/matches"},
		{"path": "sbom/fw.cdx.json", "pointer": "/components"},
	} with input as bundle
	count(rule.insufficient) == 0 with input as bundle
}

test_evidence_dated_scan_without_findings if {
	scan := {"type": "vulnerability-scan", "path": "scans/fw.grype.json", "content": {"matches": [], "timestamp": "2026-10-01T10:00:00Z"}}
	rule.evidence == {
		{"path": "scans/fw.grype.json", "pointer": ""},
		{"path": "sbom/fw.cdx.json", "pointer": "/components"},
	} with input as {"documents": [_sbom, scan]}
}

test_insufficient_undated_empty_scan if {
	bundle := {"documents": [_sbom, _scan([])]}
	rule.evidence == {{"path": "sbom/fw.cdx.json", "pointer": "/components"}} with input as bundle
	{f.message | some f in rule.insufficient} == {concat("", [
		"the scan scans/fw.grype.json reports no findings and does not say when it ran, so it does not show that the ",
		"shipped components were scanned; add the report as the scanner wrote it, with its run time, or scan the ",
		"current SBOM again",
	])} with input as bundle
}

test_insufficient_no_scan if {
	bundle := {"manifest": {"path": "annexlint.yaml"}, "documents": [_sbom, _vex([])]}
	count(rule.evidence) == 0 with input as bundle
	{[f.path, f.pointer] | some f in rule.insufficient} == {["annexlint.yaml", "/documents"]} with input as bundle
}

test_insufficient_sbom_without_components if {
	empty := json.patch(_sbom, [{"op": "replace", "path": "/content/components", "value": []}])
	bundle := {"documents": [empty, _scan([_mbedtls_match])]}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	{f.message | some f in rule.insufficient} == {concat("", [
		"the SBOM sbom/fw.cdx.json lists no components, so whether the scan findings in its components are assessed ",
		"cannot be checked; generate it from the build of the released software so that it lists the components the ",
		"product contains",
	])} with input as bundle
}

_openssl_match := _match("CVE-2024-5535", [], {"name": "openssl", "version": "3.0.13", "purl": "pkg:generic/openssl@3.0.13"})

test_fail_match_in_package_no_sbom_lists if {
	findings := rule.report with input as {"documents": [_sbom, _scan([_openssl_match]), _vex([])]}
	findings == {{
		"path": "scans/fw.grype.json",
		"pointer": "/matches/0",
		"message": concat("", [
			"the scan reports CVE-2024-5535 in pkg:generic/openssl@3.0.13, a package no SBOM of the bundle lists, and ",
			"no VEX statement assesses it for that package; the vulnerability is unassessed: add the package to the SBOM, ",
			"assess it and add a VEX statement for it",
		]),
	}}
}

test_success_unlisted_package_assessed_in_vex if {
	vex := _vex([_statement("CVE-2024-5535", [], [{"purl": "pkg:generic/openssl@3.0.13?arch=arm", "loc": {}}])])
	count(rule.report) == 0 with input as {"documents": [_sbom, _scan([_openssl_match]), vex]}
}
