package annexlint.rules.vex["statement-product-shipped_test"]

import data.annexlint.rules.vex["statement-product-shipped"] as rule

_sbom := {"type": "sbom", "path": "sbom/fw.cdx.json", "content": {
	"serial_number": "urn:uuid:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10",
	"primary": {"ref": "fw", "name": "vf300-firmware", "version": "3.2.0", "purl": "pkg:generic/vitaflo/vf300-firmware@3.2.0"},
	"components": [{"ref": "mbedtls", "name": "mbedtls", "version": "3.6.2", "purl": "pkg:github/Mbed-TLS/mbedtls@v3.6.2", "cpes": []}],
}}

_vex(statements) := {"type": "vex", "path": "vex/fw.openvex.json", "content": {"kind": "openvex", "statements": statements}}

_statement(status, products) := {"vulnerability": "CVE-2025-27809", "aliases": [], "status": status, "products": products}

_product(purl, version, i) := {"id": purl, "purl": purl, "version": version, "loc": {"pointer": sprintf("/statements/%d/products/0", [i])}}

test_fail_product_unknown_to_every_sbom if {
	findings := rule.report with input as {"documents": [_sbom, _vex([_statement("not_affected", [_product("pkg:generic/openssl@3.0.13", "3.0.13", 0)])])]}
	findings == {{
		"path": "vex/fw.openvex.json",
		"pointer": "/statements/0",
		"message": concat("", [
			"the statement on CVE-2025-27809 names pkg:generic/openssl@3.0.13, which no SBOM in the bundle lists; ",
			"name the component as the SBOM does, or remove the statement if it is about another product",
		]),
		"related": [],
	}}
}

test_fail_other_version_of_a_shipped_component if {
	findings := rule.report with input as {"documents": [_sbom, _vex([_statement("not_affected", [_product("pkg:github/mbed-tls/mbedtls@v3.5.0", "v3.5.0", 0)])])]}
	findings == {{
		"path": "vex/fw.openvex.json",
		"pointer": "/statements/0",
		"message": concat("", [
			"the statement on CVE-2025-27809 names pkg:github/mbed-tls/mbedtls@v3.5.0, but the SBOMs ship mbedtls ",
			"3.6.2 (sbom/fw.cdx.json); it does not assess the shipped version: re-assess it for that version",
		]),
		"related": [{"path": "sbom/fw.cdx.json", "pointer": "/components/0", "message": "the version the SBOM ships"}],
	}}
}

test_success_shipped_component_product_or_fixed_elsewhere if {
	count(rule.report) == 0 with input as {"documents": [_sbom, _vex([
		_statement("not_affected", [_product("pkg:github/mbed-tls/mbedtls@v3.6.2", "v3.6.2", 0)]),
		_statement("affected", [_product("pkg:generic/vitaflo/vf300-firmware@3.2.0", "3.2.0", 1)]),
		_statement("fixed", [_product("pkg:github/mbed-tls/mbedtls@v3.6.3", "v3.6.3", 2)]),
		_statement("not_affected", [{"name": "mbedtls", "range": "vers:generic/>=3.6.0|<3.6.3", "loc": {"pointer": "/statements/3/products/0"}}]),
	])]}
}

test_success_no_sbom_to_compare_with if {
	count(rule.report) == 0 with input as {"documents": [_vex([_statement("not_affected", [_product("pkg:generic/openssl@3.0.13", "3.0.13", 0)])])]}
}

test_evidence_statements_and_sbom if {
	bundle := {"documents": [_sbom, _vex([_statement("not_affected", [_product("pkg:github/mbed-tls/mbedtls@v3.6.2", "3.6.2", 0)])])]}
	count(rule.report) == 0 with input as bundle
	rule.evidence == {
		{"path": "vex/fw.openvex.json", "pointer": "/statements"},
		{"path": "sbom/fw.cdx.json", "pointer": "/components"},
	} with input as bundle
	count(rule.insufficient) == 0 with input as bundle
}

test_no_evidence_without_sbom_or_statements if {
	count(rule.evidence) == 0 with input as {"documents": [_vex([_statement("fixed", [])])]}
	bundle := {"documents": [_sbom, _vex([])]}
	count(rule.evidence) == 0 with input as bundle
	{f.message | some f in rule.insufficient} == {concat("", [
		"the VEX document vex/fw.openvex.json holds no statements, so whether its statements are about what the ",
		"product ships cannot be checked; assess the known vulnerabilities of the product's components and record ",
		"each assessment as a statement",
	])} with input as bundle
}

test_success_fixed_statement_with_later_version_shipped if {
	# A fix in 3.6.1 is contained in the shipped 3.6.2: AL-VEX-005 compares fixed versions, this rule stays quiet.
	statement := {"vulnerability": "CVE-2025-27809", "aliases": [], "status": "fixed", "products": [
		{"purl": "pkg:github/mbed-tls/mbedtls@v3.6.1", "name": "mbedtls", "version": "v3.6.1"},
	]}
	count(rule.report) == 0 with input as {
		"documents": [_sbom, {"type": "vex", "path": "vex/fw.json", "content": {"kind": "openvex", "statements": [statement]}}],
		"derived": {"version_order": {"v3.6.1": {"3.6.2": 1}}},
	}
}
