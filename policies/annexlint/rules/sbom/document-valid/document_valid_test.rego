package annexlint.rules.sbom["document-valid_test"]

import data.annexlint.rules.sbom["document-valid"] as rule

_sbom(path, format, version, problems) := {"type": "sbom", "path": path, "content": {
	"format": format, "spec_version": version, "components": [], "problems": problems,
}}

_fix := "correct it here, or fix the tool that generated it and regenerate"

test_fail_each_problem_at_its_place if {
	findings := rule.report with input as {"documents": [_sbom("sbom/fw.cdx.json", "cyclonedx-json", "1.6", [
		{"loc": {"pointer": "/metadata/timestamp"}, "msg": "metadata.timestamp \"2020-04-13\" is not an RFC 3339 date-time"},
		{"loc": {"pointer": "/dependencies/1/ref"}, "msg": "dependency entry is about \"gone\", but no component has that bom-ref"},
	])]}
	findings == {
		{
			"path": "sbom/fw.cdx.json",
			"pointer": "/problems/0",
			"message": concat("", [
				"the SBOM is not valid CycloneDX 1.6: metadata.timestamp \"2020-04-13\" is not an RFC 3339 date-time; ",
				_fix,
			]),
		},
		{
			"path": "sbom/fw.cdx.json",
			"pointer": "/problems/1",
			"message": concat("", [
				"the SBOM is not valid CycloneDX 1.6: dependency entry is about \"gone\", but no component has that ",
				"bom-ref; ", _fix,
			]),
		},
	}
}

test_fail_spdx_tag_value if {
	findings := rule.report with input as {"documents": [_sbom("sbom/fw.spdx", "spdx-tag-value", "2.2", [
		{"loc": {"line": 9, "column": 1}, "msg": "package \"zlib\" (SPDXRef-zlib) has no PackageCopyrightText, which SPDX 2.2 requires"},
	])]}
	findings == {{
		"path": "sbom/fw.spdx",
		"pointer": "/problems/0",
		"message": concat("", [
			"the SBOM is not valid SPDX 2.2: package \"zlib\" (SPDXRef-zlib) has no PackageCopyrightText, which SPDX 2.2 ",
			"requires; ", _fix,
		]),
	}}
}

test_fail_without_spec_version if {
	findings := rule.report with input as {"documents": [_sbom("a.json", "spdx-json", "", [{"loc": {}, "msg": "no spdxVersion"}])]}
	{f.message | some f in findings} == {concat("", ["the SBOM is not valid SPDX: no spdxVersion; ", _fix])}
}

test_success_purl_left_to_component_minimum_elements if {
	count(rule.report) == 0 with input as {"documents": [_sbom("sbom/fw.cdx.json", "cyclonedx-json", "1.6", [{
		"loc": {"pointer": "/components/0/purl"},
		"code": "purl-unparsable",
		"msg": "package URL (purl) of component \"rxjs\" does not parse: \"not a purl\": purl scheme is not \"pkg\"",
	}])]}
}

test_success_valid_sbom_and_other_documents if {
	count(rule.report) == 0 with input as {"documents": [
		_sbom("sbom/fw.cdx.json", "cyclonedx-json", "1.6", []),
		{"type": "sbom", "path": "old.json", "content": {"format": "cyclonedx-json"}},
		{"type": "vex", "path": "v.json", "content": {"problems": [{"loc": {}, "msg": "not an SBOM problem"}]}},
	]}
}

test_success_malformed_model_raises_no_error if {
	count(rule.report) == 0 with input as {"documents": [
		{"type": "sbom", "path": "a.json", "content": {"problems": {"0": {"msg": "x"}}}},
		{"type": "sbom", "path": "b.json", "content": {"problems": [{"msg": 3}, "text", null]}},
	]}
}

test_evidence_each_sbom_read if {
	rule.evidence == {{"path": "sbom/fw.cdx.json", "pointer": ""}} with input as {"documents": [
		_with_component(_sbom("sbom/fw.cdx.json", "cyclonedx-json", "1.6", [])),
		{"type": "vex", "path": "v.json", "content": {"problems": []}},
	]}
}

test_no_evidence_without_a_read_sbom if {
	count(rule.evidence) == 0 with input as {"documents": [{"type": "sbom", "path": "a.json", "content": {}}]}
}

_with_component(doc) := object.union(doc, {"content": object.union(doc.content, {"components": [{"ref": "zlib", "name": "zlib"}]})})

test_insufficient_sbom_without_components if {
	doc := _sbom("sbom/fw.cdx.json", "cyclonedx-json", "1.6", [])
	count(rule.evidence) == 0 with input as {"documents": [doc]}
	[f] := [f | some f in rule.insufficient] with input as {"documents": [doc]}
	contains(f.message, "lists no components")
}
