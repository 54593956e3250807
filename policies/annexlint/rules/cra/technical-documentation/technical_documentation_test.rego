package annexlint.rules.cra["technical-documentation_test"]

import data.annexlint.rules.cra["technical-documentation"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}}

_sbom := {"type": "sbom", "path": "sbom/gateway.cdx.json", "content": {}}

_complete := {
	"kind": "technical-description",
	"intended_purpose": "Forwards sensor data from the ward network to the hospital data platform.",
	"software_versions": [{"name": "Acme Gateway", "version": "2.0.0"}],
	"hardware": {"present": false},
	"design": {"architecture": "Three services: receiver, mapper, forwarder; see the architecture drawing."},
	"production_and_monitoring": {
		"production": "Reproducible builds in the release pipeline, signed packages.",
		"monitoring": "Nightly SBOM scans; advisories of the components' suppliers.",
		"validation": "Pipeline validated by procedure VAL-12, re-run on each change of the pipeline.",
	},
	"standards_applied": [{"reference": "EN 18031-1:2024", "kind": "harmonised-standard", "applied": "full"}],
}

_description(content) := {"type": "technical-description", "path": "conformity/technical-description.yaml", "content": content}

test_fail_validation_placeholder if {
	content := json.patch(_complete, [{"op": "replace", "path": "/production_and_monitoring/validation", "value": "TBD"}])
	findings := rule.report with input as {"manifest": _manifest, "documents": [_description(content), _sbom]}
	findings == {{
		"path": "conformity/technical-description.yaml",
		"pointer": "/production_and_monitoring/validation",
		"message": concat("", [
			"the technical description conformity/technical-description.yaml does not state how the production and ",
			"monitoring processes are validated (CRA Annex VII point 2(c), production_and_monitoring.validation); ",
			"describe it as the technical file does",
		]),
	}}
}

test_success_every_point if {
	count(rule.report) == 0 with input as {"manifest": _manifest, "documents": [_description(_complete), _sbom]}
}

test_fail_missing_points if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [_description({"kind": "technical-description"}), _sbom]}
	count(findings) == 8
	every f in findings {
		f.pointer == ""
	}
}

test_fail_hardware_without_illustrations if {
	content := object.union(_complete, {"hardware": {"present": true, "illustrations": []}})
	[f] := [f | some f in rule.report] with input as {"manifest": _manifest, "documents": [_description(content), _sbom]}
	f.pointer == "/hardware"
}

test_fail_standards_in_part_without_other_solutions if {
	content := object.union(_complete, {"standards_applied": [{"reference": "IEC 62443-4-1:2018", "kind": "other-specification", "applied": "part"}]})
	[f] := [f | some f in rule.report] with input as {"manifest": _manifest, "documents": [_description(content), _sbom]}
	contains(f.message, "other_solutions")
	count(rule.report) == 0 with input as {"manifest": _manifest, "documents": [_description(object.union(content, {"other_solutions": "Annex I Part I (2)(a)-(m) met by the controls of the risk file, see the matrix."})), _sbom]}
}

test_fail_no_sbom if {
	[f] := [f | some f in rule.report] with input as {"manifest": _manifest, "documents": [_description(_complete)]}
	f == {
		"path": "annexlint.yaml",
		"pointer": "/documents",
		"message": "the manifest lists no SBOM (type \"sbom\"), which the technical documentation must be able to hand over on a reasoned request of a market surveillance authority (CRA Annex VII point 8); add the product's SBOM to documents",
	}
}

test_evidence_and_insufficient if {
	count(rule.evidence) == 8 with input as {"manifest": _manifest, "documents": [_description(_complete), _sbom]}
	count(rule.evidence) == 0 with input as {"manifest": _manifest, "documents": [_description({"kind": "technical-description"})]}
	[f] := [f | some f in rule.insufficient] with input as {"manifest": _manifest, "documents": []}
	f.pointer == "/documents"
}
