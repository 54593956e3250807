package annexlint.rules.sbom["top-level-dependencies_test"]

import data.annexlint.rules.sbom["top-level-dependencies"] as rule

_primary := {"ref": "pkg:generic/acme/pump-fw@2.1.0", "name": "pump-fw", "loc": {"pointer": "/metadata/component"}}

_openssl := {"ref": "openssl", "name": "openssl", "loc": {"pointer": "/components/0"}}

_base := {"primary": _primary, "components": [_openssl], "dependencies": [], "known_unknowns": []}

# _sbom replaces top-level fields of a minimal SBOM (a shallow merge: object.union would merge nested objects).
_sbom(content) := {"type": "sbom", "path": "sbom/fw.cdx.json", "content": object.union(
	object.remove(_base, object.keys(content)),
	content,
)}

_no_deps_message := concat(" ", [
	"the primary component \"pump-fw\" (ref \"pkg:generic/acme/pump-fw@2.1.0\") has no dependency entry naming",
	"any component of the SBOM and no known unknowns are declared for it; record the components it directly",
	"includes (its top-level dependencies), or declare them as incomplete or unknown (CycloneDX compositions,",
	"SPDX NOASSERTION)",
])

test_fail_no_primary_component if {
	findings := rule.report with input as {"documents": [_sbom({"primary": null})]}
	findings == {{
		"path": "sbom/fw.cdx.json",
		"pointer": "",
		"message": concat(" ", [
			"the SBOM does not say which product it describes (no CycloneDX metadata.component, no SPDX DESCRIBES",
			"relationship), so its top-level dependencies cannot be identified; name the product as the primary",
			"component and record the components it directly includes",
		]),
	}}
}

test_fail_primary_without_dependency_entry if {
	findings := rule.report with input as {"documents": [_sbom({})]}
	findings == {{"path": "sbom/fw.cdx.json", "pointer": "/primary", "message": _no_deps_message}}
}

test_fail_dependency_entry_names_no_known_component if {
	# pl-dicom style: the entry names a ref that is not a component, and another entry is not the primary's.
	findings := rule.report with input as {"documents": [_sbom({"dependencies": [
		{"ref": "pkg:generic/acme/pump-fw@2.1.0", "depends_on": ["pip==24.0"], "contains": []},
		{"ref": "openssl", "depends_on": [], "contains": []},
	]})]}
	findings == {{"path": "sbom/fw.cdx.json", "pointer": "/primary", "message": _no_deps_message}}
}

test_fail_xml_sbom_points_at_primary if {
	xml_primary := {"ref": "fw", "name": "fw", "loc": {"line": 7, "column": 3}}
	findings := rule.report with input as {"documents": [_sbom({"primary": xml_primary})]}
	{f.pointer | some f in findings} == {"/primary"}
}

test_fail_primary_key_absent if {
	findings := rule.report with input as {"documents": [{"type": "sbom", "path": "sbom/x.spdx", "content": {}}]}
	{f.path | some f in findings} == {"sbom/x.spdx"}
}

test_success_depends_on if {
	count(rule.report) == 0 with input as {"documents": [_sbom({"dependencies": [
		{"ref": "pkg:generic/acme/pump-fw@2.1.0", "depends_on": ["openssl"], "contains": []},
	]})]}
}

test_success_spdx_contains if {
	count(rule.report) == 0 with input as {"documents": [_sbom({"dependencies": [
		{"ref": "pkg:generic/acme/pump-fw@2.1.0", "depends_on": [], "contains": ["openssl"]},
	]})]}
}

test_success_known_unknowns_declared if {
	count(rule.report) == 0 with input as {"documents": [_sbom({"known_unknowns": [
		{"aggregate": "incomplete", "refs": ["pkg:generic/acme/pump-fw@2.1.0"]},
	]})]}
}

test_success_no_sbom if {
	count(rule.report) == 0 with input as {"documents": []}
}

test_success_components_nested_in_the_product if {
	nested := {"ref": "part", "name": "part", "nested_in": "primary"}
	count(rule.report) == 0 with input as {"documents": [_sbom({"components": [nested]})]}
}

test_fail_missing_lists_both_gaps_for_the_corpus_table if {
	rule.missing == {["sbom/fw.cdx.json", "/primary", "dependency"]} with input as {"documents": [_sbom({})]}
	rule.missing == {["sbom/fw.cdx.json", "", "primary"]} with input as {"documents": [_sbom({"primary": null})]}
}

test_evidence_primary_of_an_sbom_with_components if {
	bundle := {"documents": [_sbom({"dependencies": [
		{"ref": "pkg:generic/acme/pump-fw@2.1.0", "depends_on": ["openssl"], "contains": []},
	]})]}
	rule.evidence == {{"path": "sbom/fw.cdx.json", "pointer": "/primary"}} with input as bundle
	count(rule.insufficient) == 0 with input as bundle
}

test_insufficient_no_components_but_unknowns_declared if {
	bundle := {"documents": [_sbom({"components": [], "known_unknowns": [
		{"aggregate": "unknown", "refs": ["pkg:generic/acme/pump-fw@2.1.0"]},
	]})]}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	{f.message | some f in rule.insufficient} == {concat("", [
		"the SBOM sbom/fw.cdx.json lists no components, so the product's top-level dependencies cannot be checked; ",
		"generate it from the build of the released software so that it lists the components the product contains",
	])} with input as bundle
}

test_no_evidence_and_no_insufficient_when_reported if {
	bundle := {"documents": [_sbom({"components": []})]}
	count(rule.report) == 1 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	count(rule.insufficient) == 0 with input as bundle
}
