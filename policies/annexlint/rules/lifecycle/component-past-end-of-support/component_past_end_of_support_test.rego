package annexlint.rules.lifecycle["component-past-end-of-support_test"]

import data.annexlint.rules.lifecycle["component-past-end-of-support"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {"support_period_end": "2033-12-31"}}}

_components := [
	{"ref": "py", "name": "python", "end_of_support": "2026-10-31", "loc": {"pointer": "/components/0"}},
	{"ref": "os", "name": "debian", "end_of_support": "2026-06-30T00:00:00Z", "loc": {"pointer": "/components/1"}},
	{"ref": "k", "name": "kernel", "end_of_support": "2026-11-25", "loc": {"pointer": "/components/2"}},
	{"ref": "z", "name": "zlib", "end_of_support": "unknown", "loc": {"pointer": "/components/3"}},
	{"ref": "c", "name": "cbor", "loc": {"pointer": "/components/4"}},
]

_input(as_of) := {
	"as_of": as_of, "manifest": _manifest,
	"documents": [{"type": "sbom", "path": "sbom/fw.cdx.json", "content": {"components": _components}}],
}

_tail := "and the product is supported until 2033-12-31; upgrade or replace it, or record the extended support or own maintenance that now covers it"

test_fail_components_already_unsupported if {
	findings := rule.report with input as _input("2026-11-25")
	findings == {
		{
			"path": "sbom/fw.cdx.json",
			"pointer": "/components/0",
			"message": concat("", [
				"component \"python\" (ref \"py\") reached end of support on 2026-10-31, before the date of this ",
				"check (2026-11-25), ", _tail,
			]),
		},
		{
			"path": "sbom/fw.cdx.json",
			"pointer": "/components/1",
			"message": concat("", [
				"component \"debian\" (ref \"os\") reached end of support on 2026-06-30, before the date of this ",
				"check (2026-11-25), ", _tail,
			]),
		},
	}
}

test_success_before_the_components_end if {
	count(rule.report) == 0 with input as _input("2026-06-30")
}

test_success_product_support_over if {
	count(rule.report) == 0 with input as _input("2033-12-31")
}

test_success_without_a_date_to_judge_by if {
	count(rule.report) == 0 with input as object.remove(_input("2026-11-25"), ["as_of"])
	count(rule.report) == 0 with input as _input("25.11.2026")
}

test_evidence_manifest_end_and_dated_components if {
	rule.evidence == {
		{"path": "annexlint.yaml", "pointer": "/product/support_period_end"},
		{"path": "sbom/fw.cdx.json", "pointer": "/components"},
	} with input as _input("2026-01-01")
	count(rule.insufficient) == 0 with input as _input("2026-01-01")
}

test_insufficient_no_component_records_its_end if {
	bundle := {"as_of": "2026-11-25", "manifest": _manifest, "documents": [
		{"type": "sbom", "path": "sbom/fw.cdx.json", "content": {"components": [{"ref": "c", "name": "cbor"}]}},
	]}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	{f.message | some f in rule.insufficient} == {concat("", [
		"no component of the SBOM sbom/fw.cdx.json records its end of support, so whether a component is already ",
		"past its end of support cannot be checked; record for each component the date its supplier's support ends ",
		"(CycloneDX property end-of-support, SPDX validUntilDate)",
	])} with input as bundle
}

# A supported MDR device is held to the same: its software life cycle (MDR Annex I 17.2) covers its components.
test_fail_mdr_device_component_past_end_of_support if {
	bundle := {
		"as_of": "2026-11-25",
		"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR", "support_period_end": "2033-12-31"}}},
		"documents": [{"type": "sbom", "path": "sbom/fw.cdx.json", "content": {"components": [
			{"ref": "pkg:github/mcu-tools/mcuboot@v2.1.0", "name": "mcuboot", "end_of_support": "2026-06-30"},
			{"ref": "pkg:github/Mbed-TLS/mbedtls@v3.6.2", "name": "mbedtls", "end_of_support": "2033-12-31"},
		]}}],
	}
	{f.pointer | some f in rule.report} == {"/components/0"} with input as bundle
}
