package annexlint.rules.sbom["scan-packages-listed_test"]

import data.annexlint.rules.sbom["scan-packages-listed"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {"name": "VF Service app", "version": "2.4.1"}}}

_sbom := {"type": "sbom", "path": "sbom/app.cdx.json", "content": {
	"primary": {"name": "vf-service-app", "version": "2.4.1"},
	"components": [{"ref": "ft", "name": "freetype", "version": "2.13.0", "purl": "pkg:generic/freetype@2.13.0"}],
}}

_scan(matches) := {"type": "vulnerability-scan", "path": "vulnerabilities/app.grype.json", "content": {"matches": matches}}

test_fail_package_not_in_sbom if {
	scan := _scan([
		{"vulnerability": "CVE-2025-27363", "name": "freetype", "version": "2.13.0", "purl": "pkg:generic/freetype@2.13.0"},
		{"vulnerability": "CVE-2024-5535", "name": "openssl", "version": "3.0.13", "purl": "pkg:generic/openssl@3.0.13"},
		{"vulnerability": "CVE-2024-2511", "name": "openssl", "version": "3.0.13", "purl": "pkg:generic/openssl@3.0.13"},
	])
	findings := rule.report with input as {"manifest": _manifest, "documents": [_sbom, scan]}
	findings == {{
		"path": "vulnerabilities/app.grype.json",
		"pointer": "/matches/1",
		"message": concat("", [
			"the scan vulnerabilities/app.grype.json reports CVE-2024-2511, CVE-2024-5535 in pkg:generic/openssl@3.0.13, ",
			"but no SBOM of the bundle lists that package; the SBOM is incomplete: generate it from the build the scanner ",
			"examined so that it lists every component the product ships (or scan only what ships)",
		]),
	}}
}

test_success_package_listed_at_another_version if {
	scan := _scan([{"vulnerability": "CVE-2025-27363", "name": "freetype", "version": "2.12.1", "purl": "pkg:generic/freetype@2.12.1"}])
	bundle := {"manifest": _manifest, "documents": [_sbom, scan]}
	count(rule.report) == 0 with input as bundle
	rule.evidence == {
		{"path": "vulnerabilities/app.grype.json", "pointer": "/matches"},
		{"path": "sbom/app.cdx.json", "pointer": "/components"},
	} with input as bundle
}

test_success_listed_by_name if {
	scan := _scan([{"vulnerability": "CVE-2025-27363", "name": "FreeType", "version": "2.13.0"}])
	count(rule.report) == 0 with input as {"manifest": _manifest, "documents": [_sbom, scan]}
}

test_evidence_scan_without_findings if {
	rule.evidence == {
		{"path": "vulnerabilities/app.grype.json", "pointer": ""},
		{"path": "sbom/app.cdx.json", "pointer": "/components"},
	} with input as {"manifest": _manifest, "documents": [_sbom, _scan([])]}
}

test_insufficient_sbom_without_components if {
	sbom := {"type": "sbom", "path": "sbom/app.cdx.json", "content": {"components": []}}
	bundle := {"manifest": _manifest, "documents": [sbom, _scan([{"vulnerability": "CVE-1", "name": "x"}])]}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	count(rule.insufficient) == 1 with input as bundle
}
