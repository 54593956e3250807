package annexlint.rules.sbom["primary-component-product_test"]

import data.annexlint.rules.sbom["primary-component-product"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {"name": "VF Service app for Android", "version": "2.4.1"}}}

_sbom(primary) := {"type": "sbom", "path": "sbom/app.cdx.json", "content": {"primary": primary, "components": []}}

test_fail_other_product if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [_sbom({"name": "vf-ward-dashboard", "version": "2.4.1"})]}
	findings == {{
		"path": "sbom/app.cdx.json",
		"pointer": "/primary",
		"message": concat("", [
			"the SBOM sbom/app.cdx.json describes \"vf-ward-dashboard\", but the manifest annexlint.yaml names the product ",
			"\"VF Service app for Android\"; the SBOM documents another product's software: generate it from the build of this product",
		]),
		"related": [{"path": "annexlint.yaml", "pointer": "/product/name", "message": "the product the manifest names"}],
	}}
}

test_fail_other_version if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [_sbom({"name": "vf-service-app", "version": "2.4.0"})]}
	findings == {{
		"path": "sbom/app.cdx.json",
		"pointer": "/primary",
		"message": concat("", [
			"the SBOM sbom/app.cdx.json describes vf-service-app version \"2.4.0\", but the manifest annexlint.yaml is for ",
			"version \"2.4.1\"; the SBOM does not document the version on the market: generate it from the build of this release",
		]),
		"related": [{"path": "annexlint.yaml", "pointer": "/product/version", "message": "the version the manifest covers"}],
	}}
}

test_fail_no_version if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [_sbom({"name": "vf-service-app"})]}
	count(findings) == 1
	some f in findings
	contains(f.message, "describes vf-service-app without a version")
}

test_fail_no_primary if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [_sbom({})]}
	count(findings) == 1
	some f in findings
	f.pointer == ""
	contains(f.message, "does not say which product it describes")
}

test_fail_short_fragment if {
	count(rule.report) == 1 with input as {"manifest": _manifest, "documents": [_sbom({"name": "app", "version": "2.4.1"})]}
}

test_success_software_name_in_product_name if {
	bundle := {"manifest": _manifest, "documents": [_sbom({"name": "vf-service-app", "version": "v2.4.1"})]}
	count(rule.report) == 0 with input as bundle
	rule.evidence == {{"path": "sbom/app.cdx.json", "pointer": "/primary"}, {"path": "annexlint.yaml", "pointer": "/product"}} with input as bundle
}

test_success_product_name_in_software_name if {
	manifest := {"path": "annexlint.yaml", "content": {"product": {"name": "VF-300 Infusion Pump", "version": "3.2.0"}}}
	count(rule.report) == 0 with input as {"manifest": manifest, "documents": [_sbom({"name": "vf300-infusion-pump-firmware", "version": "3.2.0"})]}
}

test_insufficient_product_unnamed if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"name": "x"}}}, "documents": [_sbom({"name": "a", "version": "1"})]}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	count(rule.insufficient) == 1 with input as bundle
}
