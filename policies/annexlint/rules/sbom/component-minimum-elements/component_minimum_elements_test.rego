package annexlint.rules.sbom["component-minimum-elements_test"]

import data.annexlint.rules.sbom["component-minimum-elements"] as rule

_primary := {
	"ref": "fw", "name": "pump-fw", "version": "2.1.0", "supplier": "Acme Medical",
	"purl": "pkg:generic/acme/pump-fw@2.1.0", "purl_error": "", "cpes": [], "loc": {"pointer": "/metadata/component"},
}

_complete := {
	"ref": "zlib", "name": "zlib", "version": "1.3.1", "supplier": "zlib project",
	"purl": "pkg:generic/zlib@1.3.1", "purl_error": "", "cpes": [], "loc": {"pointer": "/components/0"},
}

_sbom(primary, components) := {
	"type": "sbom", "path": "sbom/fw.cdx.json",
	"content": {"primary": primary, "components": components},
}

_suffix := "; fill in what is missing so the component can be identified and looked up in vulnerability databases"

test_fail_all_missing_elements_in_one_finding if {
	bare := {
		"ref": "lib-1", "name": "", "version": "", "supplier": "", "purl": "", "purl_error": "", "cpes": [],
		"loc": {"pointer": "/components/1"},
	}
	findings := rule.report with input as {"documents": [_sbom(_primary, [_complete, bare])]}
	findings == {{
		"path": "sbom/fw.cdx.json",
		"pointer": "/components/1",
		"message": concat("", [
			"component with ref \"lib-1\" lacks a supplier name, a name, a version, ",
			"a unique identifier (package URL or CPE)", _suffix,
		]),
	}}
}

test_fail_unparsable_purl_even_with_cpe if {
	broken := object.union(_complete, {
		"purl": "pkg:zlib", "purl_error": "purl is missing type or name",
		"cpes": ["cpe:2.3:a:zlib:zlib:1.3.1:*:*:*:*:*:*:*"],
	})
	findings := rule.report with input as {"documents": [_sbom(_primary, [broken])]}
	findings == {{
		"path": "sbom/fw.cdx.json",
		"pointer": "/components/0",
		"message": concat("", [
			"component \"zlib\" (ref \"zlib\") lacks a package URL that parses ",
			"(\"pkg:zlib\": purl is missing type or name)", _suffix,
		]),
	}}
}

test_fail_primary_component_checked_too if {
	findings := rule.report with input as {"documents": [_sbom(object.union(_primary, {"supplier": " "}), [])]}
	findings == {{
		"path": "sbom/fw.cdx.json",
		"pointer": "/primary",
		"message": concat("", ["component \"pump-fw\" (ref \"fw\") lacks a supplier name", _suffix]),
	}}
}

test_fail_xml_component_points_into_the_model if {
	noversion := object.union(object.remove(_complete, ["loc"]), {"version": "", "loc": {"line": 12, "column": 5}})
	findings := rule.report with input as {"documents": [_sbom(null, [noversion])]}
	findings == {{
		"path": "sbom/fw.cdx.json",
		"pointer": "/components/0",
		"message": concat("", ["component \"zlib\" (ref \"zlib\") lacks a version", _suffix]),
	}}
}

test_success_cpe_without_purl if {
	cpe_only := object.union(_complete, {"purl": "", "cpes": ["cpe:2.3:a:zlib:zlib:1.3.1:*:*:*:*:*:*:*"]})
	count(rule.report) == 0 with input as {"documents": [_sbom(_primary, [cpe_only])]}
}

test_success_complete_components if {
	count(rule.report) == 0 with input as {"documents": [_sbom(_primary, [_complete])]}
}

test_fail_missing_lists_each_element_for_the_corpus_table if {
	bare := {"ref": "lib-1", "name": "libz", "version": "", "supplier": "", "purl": "pkg:x", "purl_error": "bad", "cpes": []}
	rule.missing == {
		["sbom/fw.cdx.json", "/components/0", "supplier"],
		["sbom/fw.cdx.json", "/components/0", "version"],
		["sbom/fw.cdx.json", "/components/0", "identifier"],
	} with input as {"documents": [_sbom(_primary, [bare])]}
}

test_evidence_component_list_and_primary if {
	rule.evidence == {
		{"path": "sbom/fw.cdx.json", "pointer": "/components"},
		{"path": "sbom/fw.cdx.json", "pointer": "/primary"},
	} with input as {"documents": [_sbom(_primary, [_complete])]}
	count(rule.insufficient) == 0 with input as {"documents": [_sbom(_primary, [_complete])]}
}

test_insufficient_sbom_without_components if {
	bundle := {"documents": [_sbom(_primary, [])]}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	{f.message | some f in rule.insufficient} == {concat("", [
		"the SBOM sbom/fw.cdx.json lists no components, so the supplier, name, version and identifier of its components ",
		"cannot be checked; generate it from the build of the released software so that it lists the components the ",
		"product contains",
	])} with input as bundle
}

# annexlint check passes the gaps computed in Go (input.derived.sbom_gaps); the rule words them and does not
# re-examine the components (internal/input TestSBOMGapsMatchRego holds both accounts to the same findings).
_derived(gaps) := {"sbom_gaps": {"sbom/fw.cdx.json": {"minimum_elements": gaps}}}

test_fail_gaps_from_go_are_worded if {
	gap := {
		"pointer": "/components/0", "index": 0, "named": true, "label": "\"zlib\" (ref \"zlib\")",
		"missing": ["supplier", "identifier"], "words": "a supplier name, a unique identifier (package URL or CPE)",
	}
	findings := rule.report with input as {"documents": [_sbom(_primary, [_complete])], "derived": _derived([gap])}
	findings == {{
		"path": "sbom/fw.cdx.json",
		"pointer": "/components/0",
		"message": concat("", [
			"component \"zlib\" (ref \"zlib\") lacks a supplier name, a unique identifier (package URL or CPE)",
			_suffix,
		]),
	}}
}

test_success_no_gaps_from_go if {
	bare := {"ref": "lib-1", "name": "", "version": "", "supplier": "", "purl": "", "purl_error": "", "cpes": []}
	count(rule.report) == 0 with input as {"documents": [_sbom(_primary, [bare])], "derived": _derived([])}
}
