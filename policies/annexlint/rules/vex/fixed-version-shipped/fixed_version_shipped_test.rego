package annexlint.rules.vex["fixed-version-shipped_test"]

import data.annexlint.rules.vex["fixed-version-shipped"] as rule

_sbom := {"type": "sbom", "path": "sbom/fw.cdx.json", "content": {
	"serial_number": "urn:uuid:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10",
	"primary": {"ref": "fw", "name": "vf300-firmware", "version": "3.2.0", "purl": "pkg:generic/vitaflo/vf300-firmware@3.2.0"},
	"components": [{"ref": "mbedtls", "name": "mbedtls", "version": "3.6.2", "purl": "pkg:github/Mbed-TLS/mbedtls@v3.6.2", "cpes": []}],
}}

_vex(kind, statements) := {"type": "vex", "path": "vex/fw.json", "content": {"kind": kind, "statements": statements}}

_fixed(products) := {"vulnerability": "CVE-2025-27809", "aliases": [], "status": "fixed", "products": products}

test_fail_openvex_fixed_in_later_release if {
	statement := _fixed([{
		"id": "pkg:github/Mbed-TLS/mbedtls@v3.6.3", "purl": "pkg:github/mbed-tls/mbedtls@v3.6.3",
		"name": "mbedtls", "version": "v3.6.3", "loc": {"pointer": "/statements/0/products/0"},
	}])
	findings := rule.report with input as {"documents": [_sbom, _vex("openvex", [statement])]}
	findings == {{
		"path": "vex/fw.json",
		"pointer": "/statements/0",
		"message": concat("", [
			"CVE-2025-27809 is declared fixed in mbedtls v3.6.3, but the SBOMs ship mbedtls 3.6.2 (sbom/fw.cdx.json), ",
			"which is not the fixed version; the shipped version does not contain the fix: correct the status or the ",
			"version, or ship the fix and update the SBOM",
		]),
		"related": [{"path": "sbom/fw.cdx.json", "pointer": "/components/0", "message": "the version the SBOM ships"}],
	}}
}

test_fail_cyclonedx_unaffected_version_through_bom_link if {
	statement := _fixed([
		{
			"id": "urn:cdx:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10/1#mbedtls", "ref": "mbedtls",
			"bom": "urn:uuid:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10", "version": "3.6.1", "version_status": "affected",
			"loc": {"pointer": "/vulnerabilities/0/affects/0/versions/0"},
		},
		{
			"id": "urn:cdx:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10/1#mbedtls", "ref": "mbedtls",
			"bom": "urn:uuid:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10", "version": "3.6.3", "version_status": "unaffected",
			"loc": {"pointer": "/vulnerabilities/0/affects/0/versions/1"},
		},
	])
	findings := rule.report with input as {"documents": [_sbom, _vex("cyclonedx-vex", [statement])]}
	[f] := [f | some f in findings]
	startswith(f.message, "CVE-2025-27809 is declared fixed in urn:cdx:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10/1#mbedtls, but")
}

test_fail_shipped_version_predates_fix_in_ecosystem_order if {
	# 3.6.10 is after 3.6.2 for semantic versions, though "3.6.10" < "3.6.2" as text.
	statement := _fixed([{"purl": "pkg:github/mbed-tls/mbedtls@v3.6.10", "name": "mbedtls", "version": "v3.6.10"}])
	findings := rule.report with input as {
		"documents": [_sbom, _vex("openvex", [statement])],
		"derived": {"version_order": {"v3.6.10": {"3.6.2": -1}}},
	}
	{f.message | some f in findings} == {concat("", [
		"CVE-2025-27809 is declared fixed in mbedtls v3.6.10, but the SBOMs ship mbedtls 3.6.2 (sbom/fw.cdx.json), ",
		"which comes before the fixed version; the shipped version does not contain the fix: correct the status or ",
		"the version, or ship the fix and update the SBOM",
	])}
}

test_fail_statement_lists_shipped_version_as_affected if {
	# CycloneDX "resolved", but its affects versions list the shipped 3.6.2 as affected.
	statement := _fixed([
		{
			"id": "urn:cdx:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10/1#mbedtls", "ref": "mbedtls",
			"bom": "urn:uuid:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10", "version": "3.6.2", "version_status": "affected",
		},
		{
			"id": "urn:cdx:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10/1#mbedtls", "ref": "mbedtls",
			"bom": "urn:uuid:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10", "version": "3.6.0", "version_status": "unaffected",
		},
	])
	findings := rule.report with input as {
		"documents": [_sbom, _vex("cyclonedx-vex", [statement])],
		"derived": {"version_order": {"3.6.0": {"3.6.2": 1}}},
	}
	findings == {{
		"path": "vex/fw.json",
		"pointer": "/statements/0",
		"message": concat("", [
			"CVE-2025-27809 is declared fixed, but the statement lists the shipped mbedtls 3.6.2 (sbom/fw.cdx.json) as ",
			"affected; a statement that lists the shipped version as affected does not show it fixed: state it ",
			"affected, with an action statement, until the fixed version ships",
		]),
		"related": [{"path": "sbom/fw.cdx.json", "pointer": "/components/0", "message": "the version the SBOM ships"}],
	}}
}

test_success_shipped_version_after_fix if {
	# The fix came in 3.6.1; the SBOM ships the later 3.6.2, which contains it.
	statement := _fixed([{"purl": "pkg:github/mbed-tls/mbedtls@v3.6.1", "name": "mbedtls", "version": "v3.6.1"}])
	count(rule.report) == 0 with input as {
		"documents": [_sbom, _vex("openvex", [statement])],
		"derived": {"version_order": {"v3.6.1": {"3.6.2": 1}}},
	}
}

test_success_fixed_version_is_shipped if {
	statement := _fixed([{"purl": "pkg:github/mbed-tls/mbedtls@v3.6.2", "name": "mbedtls", "version": "v3.6.2", "loc": {"pointer": "/statements/0/products/0"}}])
	count(rule.report) == 0 with input as {"documents": [_sbom, _vex("openvex", [statement])]}
}

test_success_no_version_given_or_component_not_shipped if {
	count(rule.report) == 0 with input as {"documents": [_sbom, _vex("csaf-vex", [
		_fixed([{"id": "CSAFPID-0001", "name": "mbedtls", "loc": {"pointer": "/vulnerabilities/0/product_status/fixed/0"}}]),
		_fixed([{"purl": "pkg:generic/openssl@3.0.13", "name": "openssl", "version": "3.0.13", "loc": {"pointer": "/vulnerabilities/1/product_status/fixed/0"}}]),
	])]}
}

test_evidence_fixed_statement_and_sbom if {
	statement := _fixed([{"purl": "pkg:github/mbed-tls/mbedtls@v3.6.2", "name": "mbedtls", "version": "3.6.2"}])
	bundle := {"documents": [_sbom, _vex("openvex", [statement])]}
	count(rule.report) == 0 with input as bundle
	rule.evidence == {
		{"path": "vex/fw.json", "pointer": "/statements"},
		{"path": "vex/fw.json", "pointer": "/statements/0"},
		{"path": "sbom/fw.cdx.json", "pointer": "/components"},
	} with input as bundle
}

test_no_evidence_without_sbom_components if {
	statement := _fixed([{"purl": "pkg:github/mbed-tls/mbedtls@v3.6.2", "name": "mbedtls", "version": "3.6.2"}])
	empty := json.patch(_sbom, [{"op": "replace", "path": "/content/components", "value": []}])
	count(rule.evidence) == 0 with input as {"documents": [empty, _vex("openvex", [statement])]}
	count(rule.evidence) == 0 with input as {"documents": [_vex("openvex", [statement])]}
}

test_insufficient_vex_without_statements if {
	bundle := {"documents": [_sbom, _vex("openvex", [])]}
	count(rule.evidence) == 0 with input as bundle
	{f.message | some f in rule.insufficient} == {concat("", [
		"the VEX document vex/fw.json holds no statements, so whether the versions it declares fixed are the ones ",
		"shipped cannot be checked; assess the known vulnerabilities of the product's components and record each ",
		"assessment as a statement",
	])} with input as bundle
}
