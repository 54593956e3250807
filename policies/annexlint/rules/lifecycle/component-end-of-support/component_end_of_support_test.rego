package annexlint.rules.lifecycle["component-end-of-support_test"]

import data.annexlint.rules.lifecycle["component-end-of-support"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {"support_period_end": "2033-03-01"}}}

_sbom(components) := {"type": "sbom", "path": "sbom/fw.cdx.json", "content": {"components": components}}

test_fail_component_support_ends_first if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [_sbom([
		{"ref": "py", "name": "python", "end_of_support": "2031-10-31", "loc": {"pointer": "/components/0"}},
		{"ref": "os", "name": "debian", "end_of_support": "2030-06-30T00:00:00Z", "loc": {"pointer": "/components/1"}},
		{"ref": "z", "name": "zlib", "end_of_support": "", "loc": {"pointer": "/components/2"}},
		{"ref": "k", "name": "kernel", "end_of_support": "2034-12-31", "loc": {"pointer": "/components/3"}},
	])]}
	findings == {
		{
			"path": "sbom/fw.cdx.json",
			"pointer": "/components/0",
			"message": concat("", [
				"component \"python\" (ref \"py\") reaches end of support on 2031-10-31, before the product's ",
				"support period ends on 2033-03-01; plan how its vulnerabilities will be handled until then ",
				"(upgrade, replacement, extended support)",
			]),
		},
		{
			"path": "sbom/fw.cdx.json",
			"pointer": "/components/1",
			"message": concat("", [
				"component \"debian\" (ref \"os\") reaches end of support on 2030-06-30, before the product's ",
				"support period ends on 2033-03-01; plan how its vulnerabilities will be handled until then ",
				"(upgrade, replacement, extended support)",
			]),
		},
	}
}

test_success_components_supported_long_enough if {
	count(rule.report) == 0 with input as {"manifest": _manifest, "documents": [_sbom([
		{"ref": "k", "name": "kernel", "end_of_support": "2033-03-01", "loc": {"pointer": "/components/0"}},
		{"ref": "x", "name": "libx", "end_of_support": "unknown", "loc": {"pointer": "/components/1"}},
	])]}
}

test_fail_future_end_still_reported_with_as_of if {
	findings := rule.report with input as {"as_of": "2030-07-01", "manifest": _manifest, "documents": [_sbom([
		{"ref": "py", "name": "python", "end_of_support": "2031-10-31", "loc": {"pointer": "/components/0"}},
		{"ref": "os", "name": "debian", "end_of_support": "2030-06-30", "loc": {"pointer": "/components/1"}},
	])]}

	# debian is already past its end on 2030-07-01: AL-LIFE-003 reports it, not this rule.
	{f.pointer | some f in findings} == {"/components/0"}
}

test_success_past_end_left_to_life_003 if {
	count(rule.report) == 0 with input as {"as_of": "2031-11-01", "manifest": _manifest, "documents": [_sbom([
		{"ref": "py", "name": "python", "end_of_support": "2031-10-31", "loc": {"pointer": "/components/0"}},
	])]}
}

test_evidence_manifest_end_and_dated_components if {
	bundle := {"manifest": _manifest, "documents": [_sbom([{"ref": "k", "name": "kernel", "end_of_support": "2034-12-31"}])]}
	count(rule.report) == 0 with input as bundle
	rule.evidence == {
		{"path": "annexlint.yaml", "pointer": "/product/support_period_end"},
		{"path": "sbom/fw.cdx.json", "pointer": "/components"},
	} with input as bundle
	count(rule.insufficient) == 0 with input as bundle
}

test_insufficient_no_component_records_its_end if {
	bundle := {"manifest": _manifest, "documents": [_sbom([{"ref": "k", "name": "kernel", "end_of_support": ""}])]}
	count(rule.evidence) == 0 with input as bundle
	rule.insufficient == {{
		"path": "sbom/fw.cdx.json",
		"pointer": "",
		"message": concat("", [
			"no component of the SBOM sbom/fw.cdx.json records its end of support, so the end of support of its ",
			"components cannot be checked; record for each component the date its supplier's support ends ",
			"(CycloneDX property end-of-support, SPDX validUntilDate)",
		]),
	}} with input as bundle
}

test_insufficient_no_components_and_no_product_end if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": {}}}, "documents": [_sbom([])]}
	count(rule.evidence) == 0 with input as bundle
	{[f.path, f.pointer] | some f in rule.insufficient} == {["annexlint.yaml", "/product"], ["sbom/fw.cdx.json", ""]} with input as bundle
}

test_insufficient_unknown_end_is_no_end if {
	bundle := {"manifest": _manifest, "documents": [_sbom([{"ref": "k", "name": "kernel", "end_of_support": "unknown"}])]}
	count(rule.evidence) == 0 with input as bundle
	count(rule.insufficient) == 1 with input as bundle
}
