package annexlint.rules.vex["assessment-current_test"]

import data.annexlint.rules.vex["assessment-current"] as rule

_sbom(path, timestamp, name) := {"type": "sbom", "path": path, "content": {
	"timestamp": timestamp,
	"primary": {"ref": name, "name": name, "version": "1.0", "purl": sprintf("pkg:generic/%s@1.0", [name])},
	"components": [],
}}

_vex(timestamp, product) := {"type": "vex", "path": "vex/app.openvex.json", "content": {
	"kind": "openvex", "timestamp": timestamp,
	"timestamp_source": {"field": "timestamp", "loc": {"pointer": "/timestamp"}},
	"statements": [{"vulnerability": "CVE-2023-4863", "products": [{"purl": product, "loc": {"pointer": "/statements/0/products/0"}}]}],
	"matches": [],
}}

_scan(timestamp) := {"type": "vulnerability-scan", "path": "scans/app.trivy.json", "content": {
	"kind": "trivy", "timestamp": timestamp, "statements": [], "matches": [],
}}

test_fail_vex_older_than_the_sbom_it_names if {
	findings := rule.report with input as {"documents": [
		_sbom("sbom/app.cdx.json", "2026-10-20T07:00:00Z", "app"),
		_sbom("sbom/fw.cdx.json", "2026-01-01T00:00:00Z", "fw"),
		_vex("2026-10-19T16:30:00+02:00", "pkg:generic/app@1.0"),
	]}
	findings == {{
		"path": "vex/app.openvex.json",
		"pointer": "/timestamp_source",
		"message": concat("", [
			"the VEX document was issued 2026-10-19T16:30:00+02:00, before the SBOM sbom/app.cdx.json it assesses ",
			"(2026-10-20T07:00:00Z); components added or changed since were not assessed: scan and assess the current ",
			"SBOM and issue it again",
		]),
		"related": [{"path": "sbom/app.cdx.json", "pointer": "", "message": "the newer SBOM"}],
	}}
}

test_fail_clean_scan_of_the_only_sbom if {
	findings := rule.report with input as {"documents": [_sbom("sbom/app.cdx.json", "2026-10-20", "app"), _scan("2026-10-19T23:59:59Z")]}
	{[f.path, f.pointer] | some f in findings} == {["scans/app.trivy.json", ""]}
}

test_success_newer_or_unrelated_or_undated if {
	count(rule.report) == 0 with input as {"documents": [
		_sbom("sbom/app.cdx.json", "2026-10-20T07:00:00Z", "app"),
		_sbom("sbom/fw.cdx.json", "2026-11-01T00:00:00Z", "fw"),
		_vex("2026-10-20T07:00:01Z", "pkg:generic/app@1.0"),
		_scan("2026-02-30T00:00:00Z"),
	]}
}

test_evidence_dated_documents_and_sboms if {
	bundle := {"documents": [
		_sbom("sbom/app.cdx.json", "2026-10-20T07:00:00Z", "app"),
		_vex("2026-10-21T07:00:00Z", "pkg:generic/app@1.0"),
		_scan("2026-10-22T07:00:00Z"),
	]}
	count(rule.report) == 0 with input as bundle
	rule.evidence == {
		{"path": "sbom/app.cdx.json", "pointer": ""},
		{"path": "vex/app.openvex.json", "pointer": "/timestamp_source"},
		{"path": "scans/app.trivy.json", "pointer": ""},
	} with input as bundle
	count(rule.insufficient) == 0 with input as bundle
}

test_insufficient_undated_scan if {
	bundle := {"documents": [_sbom("sbom/app.cdx.json", "2026-10-20T07:00:00Z", "app"), _scan("last week")]}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	rule.insufficient == {{
		"path": "scans/app.trivy.json",
		"pointer": "",
		"message": concat("", [
			"the scan states no date and time of issue that can be read (timestamp \"last week\"), so it cannot be told ",
			"whether it assesses the current SBOM; record when it was issued as an RFC 3339 date-time (OpenVEX ",
			"timestamp, CSAF current_release_date, CycloneDX metadata.timestamp, the scanner's run time)",
		]),
	}} with input as bundle
}

test_insufficient_undated_sbom if {
	bundle := {"documents": [_sbom("sbom/app.cdx.json", "", "app"), _scan("2026-10-22T07:00:00Z")]}
	count(rule.evidence) == 0 with input as bundle
	rule.insufficient == {{
		"path": "sbom/app.cdx.json",
		"pointer": "",
		"message": concat("", [
			"the SBOM sbom/app.cdx.json states no date and time of assembly that can be read, so it cannot be told ",
			"whether the VEX documents and scans were issued after it and assess it as it is; record when it was ",
			"assembled as an RFC 3339 date-time (CycloneDX metadata.timestamp, SPDX creationInfo created)",
		]),
	}} with input as bundle
}

test_insufficient_vex_without_timestamp_field if {
	vex := json.patch(_vex("", "pkg:generic/app@1.0"), [{"op": "remove", "path": "/content/timestamp"}])
	bundle := {"documents": [_sbom("sbom/app.cdx.json", "2026-10-20T07:00:00Z", "app"), vex]}
	{f.pointer | some f in rule.insufficient} == {"/timestamp_source"} with input as bundle
}
