package annexlint.rules.sbom["document-author-timestamp_test"]

import data.annexlint.rules.sbom["document-author-timestamp"] as rule

_sbom(authors, timestamp) := {"type": "sbom", "path": "sbom/fw.spdx.json", "content": {
	"authors": authors, "tools": ["syft-1.0"], "timestamp": timestamp,
}}

_fix := concat("", [
	"record in its metadata the person or organisation that produced it and when it was assembled ",
	"(CycloneDX metadata.authors, metadata.timestamp; SPDX creationInfo creators Person or Organization, created)",
])

test_fail_author_and_timestamp_missing if {
	findings := rule.report with input as {"documents": [_sbom([], "")]}
	findings == {{
		"path": "sbom/fw.spdx.json",
		"pointer": "",
		"message": concat("", ["the SBOM states no author and no timestamp; ", _fix]),
	}}
}

test_fail_only_timestamp_missing if {
	findings := rule.report with input as {"documents": [_sbom(["Organization: Acme Medical"], "")]}
	findings == {{
		"path": "sbom/fw.spdx.json",
		"pointer": "",
		"message": concat("", ["the SBOM states no timestamp; ", _fix]),
	}}
}

test_fail_blank_author_is_no_author if {
	findings := rule.report with input as {"documents": [_sbom([" "], "2026-10-01T12:00:00Z")]}
	{f.message | some f in findings} == {concat("", ["the SBOM states no author; ", _fix])}
}

test_success_author_and_timestamp if {
	count(rule.report) == 0 with input as {"documents": [_sbom(["Acme Medical"], "2026-10-01T12:00:00Z")]}
}

test_fail_placeholder_timestamp if {
	findings := rule.report with input as {"documents": [_sbom(["Acme Medical"], "${BUILD_TIME}")]}
	findings == {{
		"path": "sbom/fw.spdx.json",
		"pointer": "",
		"message": concat("", [
			"the SBOM timestamp \"${BUILD_TIME}\" is not a date and time; record when the SBOM was assembled in ",
			"ISO 8601 form, e.g. 2026-10-01T12:00:00Z (CycloneDX metadata.timestamp, SPDX creationInfo created)",
		]),
	}}
	rule.missing == {["sbom/fw.spdx.json", "", "timestamp"]} with input as {
		"documents": [_sbom(["Acme Medical"], "${BUILD_TIME}")],
	}
}

test_fail_date_without_time if {
	{f.message | some f in rule.report} == {concat("", [
		"the SBOM timestamp \"2020-04-13\" is not a date and time; record when the SBOM was assembled in ",
		"ISO 8601 form, e.g. 2026-10-01T12:00:00Z (CycloneDX metadata.timestamp, SPDX creationInfo created)",
	])} with input as {"documents": [_sbom(["Acme Medical"], "2020-04-13")]}
}

test_success_space_separated_and_fractional_timestamps if {
	count(rule.report) == 0 with input as {"documents": [_sbom(["Acme Medical"], "2025-01-01 00:00:00")]}
	count(rule.report) == 0 with input as {"documents": [_sbom(["Acme Medical"], "2022-11-17T10:26:31.274708288Z")]}
}

test_evidence_each_sbom_read if {
	rule.evidence == {{"path": "sbom/fw.spdx.json", "pointer": ""}} with input as {"documents": [
		_with_component(_sbom(["Organization: Acme Medical"], "2026-10-01T12:00:00Z")),
		{"type": "vex", "path": "v.json", "content": {}},
	]}
}

test_no_evidence_without_sbom if {
	count(rule.evidence) == 0 with input as {"documents": [{"type": "vex", "path": "v.json", "content": {}}]}
}

_with_component(doc) := object.union(doc, {"content": object.union(doc.content, {"components": [{"ref": "zlib", "name": "zlib"}]})})

test_insufficient_sbom_without_components if {
	doc := _sbom(["Organization: Acme Medical"], "2026-10-01T12:00:00Z")
	count(rule.evidence) == 0 with input as {"documents": [doc]}
	[f] := [f | some f in rule.insufficient] with input as {"documents": [doc]}
	contains(f.message, "lists no components")
}
