package annexlint.rules.cra["technical-description-agrees_test"]

import data.annexlint.rules.cra["technical-description-agrees"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA", "version": "2.0.0"}}}

_description(content) := {"type": "technical-description", "path": "conformity/technical-description.yaml", "content": object.union(
	{"kind": "technical-description", "software_versions": [{"name": "Acme Gateway", "version": "2.0.0"}]},
	content,
)}

test_fail_drawing_not_in_bundle if {
	findings := rule.report with input as {
		"manifest": _manifest,
		"documents": [_description({"design": {"drawings": ["design/architecture.svg"]}})],
		"files": {"conformity/technical-description.yaml": {}},
	}
	findings == {{
		"path": "conformity/technical-description.yaml",
		"pointer": "/design/drawings/0",
		"message": concat("", [
			"the technical description conformity/technical-description.yaml names design/architecture.svg ",
			"(CRA Annex VII point 2(a)), but the bundle holds no such file; add it, or correct the path ",
			"(relative to the bundle folder)",
		]),
	}}
}

test_success_release_listed_and_files_present if {
	count(rule.report) == 0 with input as {
		"manifest": _manifest,
		"documents": [_description({
			"design": {"drawings": ["design/architecture.svg"]},
			"hardware": {"present": true, "illustrations": [{"path": "design/enclosure.png"}]},
		})],
		"files": {"design/architecture.svg": {}, "design/enclosure.png": {}},
	}
}

test_fail_release_not_listed if {
	[f] := [f | some f in rule.report] with input as {"manifest": _manifest, "documents": [_description({"software_versions": [{"name": "Acme Gateway", "version": "1.9.0"}]})]}
	f.pointer == "/software_versions"
	contains(f.message, "does not list the product's release 2.0.0")
}

test_fail_component_version_not_in_sbom if {
	sbom := {"type": "sbom", "path": "sbom/gateway.cdx.json", "content": {
		"primary": {"name": "Acme Gateway", "version": "2.0.0"},
		"components": [{"name": "openssl", "version": "3.0.15"}],
	}}
	content := {"software_versions": [{"name": "Acme Gateway", "version": "2.0.0"}, {"name": "OpenSSL", "version": "3.0.14"}]}
	findings := rule.report with input as {"manifest": _manifest, "documents": [_description(content), sbom]}
	findings == {{
		"path": "conformity/technical-description.yaml",
		"pointer": "/software_versions/1/version",
		"message": concat("", [
			"the technical description conformity/technical-description.yaml gives OpenSSL version 3.0.14, but the ",
			"SBOM lists 3.0.15; describe the versions the product ships, or regenerate the SBOM from the release build",
		]),
		"related": [{"path": "sbom/gateway.cdx.json", "pointer": "/components/0", "message": "in the SBOM"}],
	}}
}

test_evidence_and_insufficient if {
	rule.evidence == {
		{"path": "conformity/technical-description.yaml", "pointer": "/software_versions"},
		{"path": "conformity/technical-description.yaml", "pointer": "/design/drawings/0"},
	} with input as {"manifest": _manifest, "documents": [_description({"design": {"drawings": ["a.svg"]}})], "files": {"a.svg": {}}}
	[f] := [f | some f in rule.insufficient] with input as {"manifest": _manifest, "documents": []}
	f.pointer == "/documents"
}
