package annexlint.rules.gspr["design-and-manufacturing_test"]

import data.annexlint.rules.gspr["design-and-manufacturing"] as rule

_section := {
	"design_stages": "requirements, architecture, detailed design, implementation and verification, each closed by a design review (SOP-DEV-002)",
	"build_and_release": "reproducible CI build from a tagged commit, signed by the release manager; the pipeline is validated (VAL-CI-004) and monitored",
	"release_testing": "the full system test suite and the security regression tests on three production units before release",
	"sites": [
		{"name": "VitaFlo Medical GmbH", "address": "Hamburg, Germany", "role": "design, software build and release"},
		{"name": "Zephyr Project", "address": "San Francisco, USA", "role": "software supplier: real-time operating system"},
	],
}

_input(section, documents) := {"manifest": {"path": "annexlint.yaml", "content": {
	"product": {"framework": "MDR"},
	"design_and_manufacturing": section,
	"documents": documents,
}}}

_zephyr_sbom := {"id": "sbom-zephyr", "type": "sbom", "path": "sbom/zephyr.cdx.json", "supplied_by": {"name": "Zephyr Project", "component": "zephyr"}}

test_fail_supplier_not_among_sites if {
	section := object.union(_section, {"sites": [{"name": "VitaFlo Medical GmbH", "address": "Hamburg, Germany", "role": "design, software build and release"}]})
	findings := rule.report with input as _input(section, [_zephyr_sbom])
	findings == {{
		"path": "annexlint.yaml",
		"pointer": "/design_and_manufacturing/sites",
		"message": "Zephyr Project supplied sbom/zephyr.cdx.json, but the design and manufacturing sites do not list it; add the supplier, with its address and role, to design_and_manufacturing.sites",
		"related": [{"path": "annexlint.yaml", "pointer": "/documents/0/supplied_by", "message": "sbom/zephyr.cdx.json, supplied by Zephyr Project"}],
	}}
}

test_success_complete_with_supplier_listed if {
	count(rule.report) == 0 with input as _input(_section, [_zephyr_sbom])
	rule.evidence == {{"path": "annexlint.yaml", "pointer": "/design_and_manufacturing"}} with input as _input(_section, [_zephyr_sbom])
}

test_fail_section_missing if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR"}}}}
	[f] := [f | some f in rule.report] with input as bundle
	f.pointer == ""
	count(rule.evidence) == 0 with input as bundle
}

test_fail_placeholders_describe_nothing if {
	section := object.union(_section, {"design_stages": "TBD", "release_testing": "n/a"})
	findings := rule.report with input as _input(section, [])
	findings == {{
		"path": "annexlint.yaml",
		"pointer": "/design_and_manufacturing",
		"message": "the manifest's design and manufacturing information does not describe the design stages and their reviews (design_stages), nor the final tests a release passes before it ships (release_testing); describe it",
	}}
}

test_fail_site_without_address if {
	section := object.union(_section, {"sites": [{"name": "VitaFlo Medical GmbH", "address": "", "role": "design"}]})
	findings := rule.report with input as _input(section, [])
	findings == {{
		"path": "annexlint.yaml",
		"pointer": "/design_and_manufacturing/sites/0",
		"message": "design and manufacturing site 1 gives no address; name the site, its address and its role",
	}}
}

test_fail_no_sites_and_no_evidence if {
	section := object.remove(_section, ["sites"])
	findings := rule.report with input as _input(section, [])
	{f.pointer | some f in findings} == {"/design_and_manufacturing/sites"}
	count(rule.evidence) == 0 with input as _input(section, [])
}

test_fail_one_finding_per_supplier if {
	section := object.union(_section, {"sites": [{"name": "VitaFlo Medical GmbH", "address": "Hamburg, Germany", "role": "design"}]})
	vex := {"id": "vex-zephyr", "type": "vex", "path": "vex/zephyr.json", "supplied_by": {"name": "Zephyr Project"}}
	findings := rule.report with input as _input(section, [vex, _zephyr_sbom])
	[f] := [f | some f in findings]
	f.pointer == "/design_and_manufacturing/sites"
	count(f.related) == 2
	startswith(f.message, "Zephyr Project supplied sbom/zephyr.cdx.json and vex/zephyr.json, but")
}

test_success_supplier_name_matched_ignoring_case if {
	doc := object.union(_zephyr_sbom, {"supplied_by": {"name": "zephyr project "}})
	count(rule.report) == 0 with input as _input(_section, [doc])
}

test_success_malformed_section_raises_no_error if {
	findings := rule.report with input as _input("see design file", [_zephyr_sbom])
	{f.pointer | some f in findings} == {""}
}
