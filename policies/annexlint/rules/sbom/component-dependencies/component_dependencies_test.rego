package annexlint.rules.sbom["component-dependencies_test"]

import data.annexlint.rules.sbom["component-dependencies"] as rule

_primary := {"ref": "fw", "name": "pump-fw", "loc": {"pointer": "/metadata/component"}}

_zlib := {"ref": "zlib", "name": "zlib", "loc": {"pointer": "/components/0"}}

_cbor := {"ref": "cbor", "name": "tinycbor", "loc": {"pointer": "/components/1"}}

_sbom(components, dependencies, known_unknowns) := {"type": "sbom", "path": "sbom/fw.cdx.json", "content": {
	"primary": _primary, "components": components,
	"dependencies": dependencies, "known_unknowns": known_unknowns,
}}

_message(label) := concat("", [
	"component ", label, " is named in no dependency entry and no known unknowns are declared for it, so nothing ",
	"says what includes it; record the component that includes it (CycloneDX dependencies or nesting, SPDX ",
	"DEPENDS_ON or CONTAINS), or declare it as a known unknown (CycloneDX compositions with aggregate unknown or ",
	"incomplete, SPDX relationship to NOASSERTION)",
])

test_fail_component_outside_the_graph if {
	deps := [{"ref": "fw", "depends_on": ["zlib"], "contains": []}]
	findings := rule.report with input as {"documents": [_sbom([_zlib, _cbor], deps, [])]}
	findings == {{
		"path": "sbom/fw.cdx.json",
		"pointer": "/components/1",
		"message": _message(`"tinycbor" (ref "cbor")`),
	}}
}

test_fail_no_graph_at_all_and_unnamed_component if {
	bare := {"ref": "lib-7", "name": "", "loc": {"line": 40, "column": 5}}
	findings := rule.report with input as {"documents": [_sbom([_zlib, bare], [], [])]}
	findings == {
		{"path": "sbom/fw.cdx.json", "pointer": "/components/0", "message": _message(`"zlib" (ref "zlib")`)},
		{"path": "sbom/fw.cdx.json", "pointer": "/components/1", "message": _message(`with ref "lib-7"`)},
	}
}

test_fail_unknowns_declared_for_another_component_do_not_count if {
	unknowns := [{"aggregate": "incomplete", "refs": ["fw"]}]
	findings := rule.report with input as {"documents": [_sbom([_zlib], [], unknowns)]}
	{f.pointer | some f in findings} == {"/components/0"}
}

test_fail_xml_nesting_is_not_seen if {
	# An XML component carries a line, not a pointer, so nesting cannot be told from the model.
	nested := {"ref": "inner", "name": "inner", "loc": {"line": 12, "column": 9}}
	findings := rule.report with input as {"documents": [_sbom([nested], [], [])]}
	{f.pointer | some f in findings} == {"/components/0"}
}

test_fail_missing_lists_the_gap_for_the_corpus_table if {
	rule.missing == {["sbom/fw.cdx.json", "/components/0", "dependency"]} with input as {
		"documents": [_sbom([_zlib], [], [])],
	}
}

test_success_named_as_dependency_or_as_own_entry if {
	deps := [
		{"ref": "fw", "depends_on": ["zlib"], "contains": []},
		{"ref": "cbor", "depends_on": [], "contains": []},
	]
	count(rule.report) == 0 with input as {"documents": [_sbom([_zlib, _cbor], deps, [])]}
}

test_success_spdx_contains if {
	deps := [{"ref": "fw", "depends_on": [], "contains": ["zlib", "cbor"]}]
	count(rule.report) == 0 with input as {"documents": [_sbom([_zlib, _cbor], deps, [])]}
}

test_success_declared_unknown if {
	unknowns := [{"aggregate": "unknown", "refs": ["zlib"], "relationship": "DEPENDS_ON"}]
	count(rule.report) == 0 with input as {"documents": [_sbom([_zlib], [], unknowns)]}
}

test_success_cyclonedx_nested_component if {
	nested := {"ref": "inner", "name": "inner", "nested_in": "component"}
	in_primary := {"ref": "part", "name": "part", "nested_in": "primary"}
	count(rule.report) == 0 with input as {"documents": [_sbom([nested, in_primary], [], [])]}
}

test_success_malformed_entries_raise_no_error if {
	deps := [{"depends_on": "zlib"}, "fw", {"ref": "fw", "depends_on": null, "contains": ["zlib"]}]
	count(rule.report) == 0 with input as {"documents": [_sbom([_zlib, "not a component"], deps, [])]}
}

test_evidence_component_list if {
	bundle := {"documents": [_sbom([_zlib], [{"ref": "fw", "depends_on": ["zlib"]}], [])]}
	count(rule.report) == 0 with input as bundle
	rule.evidence == {{"path": "sbom/fw.cdx.json", "pointer": "/components"}} with input as bundle
	count(rule.insufficient) == 0 with input as bundle
}

test_insufficient_sbom_without_components if {
	bundle := {"documents": [_sbom([], [], [])]}
	count(rule.evidence) == 0 with input as bundle
	{f.message | some f in rule.insufficient} == {concat("", [
		"the SBOM sbom/fw.cdx.json lists no components, so the place of its components in the dependency graph cannot ",
		"be checked; generate it from the build of the released software so that it lists the components the product ",
		"contains",
	])} with input as bundle
}
