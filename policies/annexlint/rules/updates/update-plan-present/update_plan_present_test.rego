package annexlint.rules.updates["update-plan-present_test"]

import data.annexlint.rules.updates["update-plan-present"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR"}}}

test_fail_no_update_plan if {
	findings := rule.report with input as {
		"manifest": _manifest,
		"documents": [{"type": "sbom", "path": "sbom/fw.cdx.json", "content": {}}],
	}
	findings == {{
		"path": "annexlint.yaml",
		"pointer": "/documents",
		"message": concat(" ", [
			"the manifest lists no security update plan (type \"security-update-plan\"); add one stating how security",
			"updates are delivered and protected, how fast vulnerabilities are fixed and which sources are monitored,",
			"and list it under documents",
		]),
	}}
}

test_success_update_plan_listed if {
	count(rule.report) == 0 with input as {
		"manifest": _manifest,
		"documents": [{"type": "security-update-plan", "path": "security/updates.yaml", "content": {}}],
	}
}

_plan := {"type": "security-update-plan", "path": "security/updates.yaml", "content": {
	"kind": "security-update-plan",
	"delivery": {"mechanism": "Signed OTA packages via the gateway", "integrity": "ECDSA P-256 signature checked by MCUboot"},
	"remediation_timelines": {"critical": 30, "high": 60},
	"monitoring": {"sources": ["NVD", "CISA KEV"], "frequency": "daily"},
}}

test_evidence_each_part_stated if {
	rule.evidence == {
		{"path": "security/updates.yaml", "pointer": "/delivery"},
		{"path": "security/updates.yaml", "pointer": "/remediation_timelines"},
		{"path": "security/updates.yaml", "pointer": "/monitoring"},
	} with input as {"manifest": _manifest, "documents": [_plan]}
	count(rule.insufficient) == 0 with input as {"manifest": _manifest, "documents": [_plan]}
}

test_insufficient_hollow_plan if {
	inp := {"manifest": _manifest, "documents": [{"type": "security-update-plan", "path": "security/updates.yaml", "content": {}}]}
	count(rule.evidence) == 0 with input as inp
	rule.insufficient == {{
		"path": "security/updates.yaml",
		"pointer": "",
		"message": concat("", [
			"the security update plan does not state how updates are delivered (delivery.mechanism) and protected ",
			"(delivery.integrity); how fast critical and high vulnerabilities are fixed (remediation_timelines); ",
			"which vulnerability sources are monitored and how often (monitoring.sources, monitoring.frequency); ",
			"add it to the plan",
		]),
	}} with input as inp
}

test_insufficient_names_only_the_missing_part if {
	plan := json.patch(_plan, [{"op": "replace", "path": "/content/monitoring/sources", "value": [""]}])
	[f] := [f | some f in rule.insufficient] with input as {"manifest": _manifest, "documents": [plan]}
	f.message == concat("", [
		"the security update plan does not state which vulnerability sources are monitored and how often ",
		"(monitoring.sources, monitoring.frequency); add it to the plan",
	])
	count(rule.evidence) == 2 with input as {"manifest": _manifest, "documents": [plan]}
}
