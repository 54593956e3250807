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
