package annexlint.rules.sbom["component-support_test"]

import data.annexlint.rules.sbom["component-support"] as rule

_sbom(components) := {"type": "sbom", "path": "sbom/fw.cdx.json", "content": {
	"primary": {"ref": "fw", "name": "pump-fw", "support_level": "", "end_of_support": ""},
	"components": components,
}}

_supported := {"ref": "zlib", "name": "zlib", "support_level": "community, actively maintained", "end_of_support": "2034-12-31"}

_fix := "record the support its supplier provides and the date it ends, as FDA expects of the SBOM of a cyber device"

test_fail_both_missing if {
	findings := rule.report with input as {"documents": [_sbom([_supported, {"ref": "cbor", "name": "tinycbor"}])]}
	findings == {{
		"path": "sbom/fw.cdx.json",
		"pointer": "/components/1",
		"message": concat("", [
			"component \"tinycbor\" (ref \"cbor\") lacks a support level (property support-level) and an ",
			"end-of-support date (property end-of-support, SPDX validUntilDate); ", _fix,
		]),
	}}
}

test_fail_only_date_missing if {
	c := object.union(_supported, {"end_of_support": " "})
	findings := rule.report with input as {"documents": [_sbom([c])]}
	findings == {{
		"path": "sbom/fw.cdx.json",
		"pointer": "/components/0",
		"message": concat("", [
			"component \"zlib\" (ref \"zlib\") lacks an end-of-support date (property end-of-support, ",
			"SPDX validUntilDate); ", _fix,
		]),
	}}
	rule.missing == {["sbom/fw.cdx.json", "/components/0", "end_of_support"]} with input as {
		"documents": [_sbom([c])],
	}
}

test_success_all_components_state_support if {
	# The primary lacks both, but its support period is the manifest's.
	count(rule.report) == 0 with input as {"documents": [_sbom([_supported])]}
}

test_evidence_component_list if {
	bundle := {"documents": [_sbom([_supported])]}
	count(rule.report) == 0 with input as bundle
	rule.evidence == {{"path": "sbom/fw.cdx.json", "pointer": "/components"}} with input as bundle
	count(rule.insufficient) == 0 with input as bundle
}

test_insufficient_sbom_without_components if {
	bundle := {"documents": [_sbom([])]}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	{f.message | some f in rule.insufficient} == {concat("", [
		"the SBOM sbom/fw.cdx.json lists no components, so the support level and end-of-support date of its components ",
		"cannot be checked; generate it from the build of the released software so that it lists the components the ",
		"product contains",
	])} with input as bundle
}

# annexlint check passes the gaps computed in Go (input.derived.sbom_gaps); the rule words them and does not
# re-examine the components (internal/input TestSBOMGapsMatchRego holds both accounts to the same findings).
_derived(gaps) := {"sbom_gaps": {"sbom/fw.cdx.json": {"support": gaps}}}

test_fail_gaps_from_go_are_worded if {
	gap := {
		"pointer": "/components/0", "index": 0, "named": false, "label": "with ref \"zlib\"",
		"missing": ["end_of_support"], "words": "an end-of-support date (property end-of-support, SPDX validUntilDate)",
	}
	findings := rule.report with input as {"documents": [_sbom([_supported])], "derived": _derived([gap])}
	findings == {{
		"path": "sbom/fw.cdx.json",
		"pointer": "/components/0",
		"message": concat("", [
			"component with ref \"zlib\" lacks an end-of-support date (property end-of-support, SPDX validUntilDate); ",
			_fix,
		]),
	}}
}

test_success_no_gaps_from_go if {
	count(rule.report) == 0 with input as {"documents": [_sbom([{"ref": "cbor", "name": "tinycbor"}])], "derived": _derived([])}
}
