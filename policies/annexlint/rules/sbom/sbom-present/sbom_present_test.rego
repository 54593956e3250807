package annexlint.rules.sbom["sbom-present_test"]

import data.annexlint.rules.sbom["sbom-present"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}}

test_fail_no_sbom if {
	findings := rule.report with input as {
		"manifest": _manifest,
		"documents": [{"type": "security-risk-file", "path": "risk.yaml", "content": {}}],
	}
	findings == {{
		"path": "annexlint.yaml",
		"pointer": "/documents",
		"message": concat(" ", [
			"the manifest lists no document of type \"sbom\";",
			"add the software bill of materials of the product (CycloneDX or SPDX, covering at least its top-level",
			"dependencies) to the bundle and list it under documents",
		]),
	}}
}

test_fail_no_documents_at_all if {
	count(rule.report) == 1 with input as {"manifest": _manifest, "documents": []}
}

test_success_sbom_listed if {
	count(rule.report) == 0 with input as {
		"manifest": _manifest,
		"documents": [{"type": "sbom", "path": "sbom/fw.cdx.json", "content": {"components": []}}],
	}
}

test_evidence_sbom_with_components if {
	sbom := {"type": "sbom", "path": "sbom/fw.cdx.json", "content": {"components": [{"ref": "zlib"}]}}
	rule.evidence == {{"path": "sbom/fw.cdx.json", "pointer": ""}} with input as {"manifest": _manifest, "documents": [sbom]}
	count(rule.insufficient) == 0 with input as {"manifest": _manifest, "documents": [sbom]}
}

test_insufficient_sbom_without_components if {
	bundle := {"manifest": _manifest, "documents": [{"type": "sbom", "path": "sbom/fw.cdx.json", "content": {"components": []}}]}
	count(rule.evidence) == 0 with input as bundle
	count(rule.report) == 0 with input as bundle
	rule.insufficient == {{
		"path": "sbom/fw.cdx.json",
		"pointer": "",
		"message": concat("", [
			"the SBOM sbom/fw.cdx.json lists no components, so its coverage of the product's top-level dependencies cannot be checked; ",
			"generate it from the build of the released software so that it lists the components the product contains",
		]),
	}} with input as bundle
}

test_no_evidence_without_sbom if {
	count(rule.evidence) == 0 with input as {"manifest": _manifest, "documents": []}
}
