package annexlint.lib.supply_test

import data.annexlint.lib.supply

test_ref_reads_the_marked_component if {
	supply.ref({"supplied_by": {"component": " pkg:github/zephyrproject-rtos/zephyr@v3.7.0 "}}) == "pkg:github/zephyrproject-rtos/zephyr@v3.7.0"
}

test_ref_undefined_for_a_placeholder if {
	not supply.ref({"supplied_by": {"component": "TBD"}})
	not supply.ref({"supplied_by": {"name": "Zephyr Project"}})
}

test_matches_purl_without_version_and_case if {
	supply.matches({"purl": "pkg:GitHub/ZephyrProject-RTOS/Zephyr@v3.6.0?arch=arm"}, "pkg:github/zephyrproject-rtos/zephyr@v3.7.0")
}

test_matches_refuses_another_package if {
	not supply.matches({"purl": "pkg:github/zephyrproject-rtos/mcuboot@v2.1.0"}, "pkg:github/zephyrproject-rtos/zephyr@v3.7.0")
	not supply.matches({"name": "Zephyr"}, "pkg:github/zephyrproject-rtos/zephyr@v3.7.0")
}

test_matches_names_as_letters_and_digits if {
	supply.matches({"name": "Zephyr RTOS"}, "zephyr-rtos")
	not supply.matches({"name": "Zephyr"}, "zephyr-rtos")
}

test_version_of_a_purl if {
	supply.version("pkg:github/zephyrproject-rtos/zephyr@v3.7.0?arch=arm#sub") == "v3.7.0"
	not supply.version("pkg:github/zephyrproject-rtos/zephyr")
	not supply.version("zephyr 3.7.0")
}

test_in_product_sbom_finds_the_component_in_own_sboms_only if {
	doc := {"supplied_by": {"component": "pkg:github/zephyrproject-rtos/zephyr@v3.7.0"}}
	found := supply.in_product_sbom(doc) with input as {"documents": [
		{"type": "sbom", "path": "sbom/own.cdx.json", "content": {"components": [
			{"name": "mbedtls", "purl": "pkg:github/mbed-tls/mbedtls@3.6.0"},
			{"name": "zephyr", "purl": "pkg:github/zephyrproject-rtos/zephyr@v3.7.0"},
		]}},
		{"type": "sbom", "path": "sbom/supplier.cdx.json", "supplied_by": {"name": "Zephyr Project"}, "content": {"components": [{"name": "zephyr", "purl": "pkg:github/zephyrproject-rtos/zephyr@v3.7.0"}]}},
	]}
	found == [["sbom/own.cdx.json", 1, {"name": "zephyr", "purl": "pkg:github/zephyrproject-rtos/zephyr@v3.7.0"}]]
}

test_in_product_sbom_empty_without_the_component if {
	doc := {"supplied_by": {"component": "pkg:github/zephyrproject-rtos/zephyr@v3.7.0"}}
	found := supply.in_product_sbom(doc) with input as {"documents": [{"type": "sbom", "path": "sbom/own.cdx.json", "content": {"components": [{"name": "mbedtls", "purl": "pkg:github/mbed-tls/mbedtls@3.6.0"}]}}]}
	found == []
}

# annexlint check gives in_product_sbom from Go (input.derived.supplied_components); the helper reads it when it is
# there and computes it otherwise (TestVulnIndexMatchesRego holds the two to the same result).
test_in_product_sbom_reads_the_go_fact if {
	doc := {"path": "sbom/supplier.cdx.json", "supplied_by": {"component": "pkg:github/zephyrproject-rtos/zephyr@v3.7.0"}}
	found := supply.in_product_sbom(doc) with input as {
		"documents": [{"type": "sbom", "path": "sbom/own.cdx.json", "content": {"components": [{"name": "zephyr", "purl": "pkg:github/zephyrproject-rtos/zephyr@v3.7.0"}]}}],
		"derived": {"supplied_components": {"sbom/supplier.cdx.json": [["sbom/own.cdx.json", 7, {"name": "from Go"}]]}},
	}
	found == [["sbom/own.cdx.json", 7, {"name": "from Go"}]]
}

test_in_product_sbom_computes_a_document_the_go_fact_lacks if {
	doc := {"path": "sbom/other.cdx.json", "supplied_by": {"component": "pkg:github/zephyrproject-rtos/zephyr@v3.7.0"}}
	found := supply.in_product_sbom(doc) with input as {
		"documents": [{"type": "sbom", "path": "sbom/own.cdx.json", "content": {"components": [{"name": "zephyr", "purl": "pkg:github/zephyrproject-rtos/zephyr@v3.7.0"}]}}],
		"derived": {"supplied_components": {"sbom/supplier.cdx.json": []}},
	}
	found == [["sbom/own.cdx.json", 0, {"name": "zephyr", "purl": "pkg:github/zephyrproject-rtos/zephyr@v3.7.0"}]]
}
