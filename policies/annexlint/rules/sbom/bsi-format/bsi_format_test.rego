package annexlint.rules.sbom["bsi-format_test"]

import data.annexlint.rules.sbom["bsi-format"] as rule

_sbom(format, version) := {"type": "sbom", "path": "sbom/fw.bom", "content": {"format": format, "spec_version": version}}

_fix := concat("", [
	"regenerate it as CycloneDX 1.6 or later in JSON or XML ",
	"(SPDX 3.0.1 or later also qualifies, but annexlint cannot read it yet)",
])

test_fail_cyclonedx_1_5 if {
	findings := rule.report with input as {"documents": [_sbom("cyclonedx-json", "1.5")]}
	findings == {{
		"path": "sbom/fw.bom",
		"pointer": "",
		"message": concat("", [
			"the SBOM is CycloneDX 1.5 (JSON), but BSI TR-03183-2 v2.1.0 accepts CycloneDX only from version 1.6 on; ",
			_fix,
		]),
	}}
}

test_fail_spdx_tag_value_has_both_problems if {
	findings := rule.report with input as {"documents": [_sbom("spdx-tag-value", "2.3")]}
	findings == {{
		"path": "sbom/fw.bom",
		"pointer": "",
		"message": concat("", [
			"the SBOM is SPDX 2.3 (tag-value), but BSI TR-03183-2 v2.1.0 accepts SPDX only from version 3.0.1 on ",
			"and accepts only JSON or XML; ", _fix,
		]),
	}}
}

test_fail_spdx_json_2_3 if {
	rule.missing == {["sbom/fw.bom", "", "format"]} with input as {"documents": [_sbom("spdx-json", "2.3")]}
}

test_fail_versions_compare_as_numbers if {
	count(rule.report) == 1 with input as {"documents": [_sbom("cyclonedx-xml", "1.2")]}
	count(rule.report) == 0 with input as {"documents": [_sbom("cyclonedx-xml", "1.10")]}
}

test_success_cyclonedx_1_6_and_1_7 if {
	count(rule.report) == 0 with input as {"documents": [
		_sbom("cyclonedx-json", "1.6"),
		_sbom("cyclonedx-xml", "1.7"),
	]}
}

test_success_unreadable_version_is_left_alone if {
	count(rule.report) == 0 with input as {"documents": [_sbom("cyclonedx-json", "v1")]}
	count(rule.report) == 0 with input as {"documents": [{"type": "sbom", "path": "x", "content": {}}]}
}

test_evidence_each_sbom_of_a_known_format if {
	rule.evidence == {{"path": "sbom/fw.bom", "pointer": ""}} with input as {"documents": [
		_with_component(_sbom("cyclonedx-json", "1.6")),
		{"type": "vex", "path": "v.json", "content": {"format": "cyclonedx-json"}},
	]}
}

test_no_evidence_without_sbom if {
	count(rule.evidence) == 0 with input as {"documents": [{"type": "sbom", "path": "x", "content": {"format": "swid"}}]}
}

_with_component(doc) := object.union(doc, {"content": object.union(doc.content, {"components": [{"ref": "zlib", "name": "zlib"}]})})

test_insufficient_sbom_without_components if {
	doc := _sbom("cyclonedx-json", "1.6")
	count(rule.evidence) == 0 with input as {"documents": [doc]}
	[f] := [f | some f in rule.insufficient] with input as {"documents": [doc]}
	contains(f.message, "lists no components")
}
