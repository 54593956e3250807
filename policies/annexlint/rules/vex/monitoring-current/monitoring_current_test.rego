package annexlint.rules.vex["monitoring-current_test"]

import data.annexlint.rules.vex["monitoring-current"] as rule

_plan(frequency) := {"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {"monitoring": {"sources": ["NVD"], "frequency": frequency}}}

_scan := {"type": "vulnerability-scan", "path": "scans/app.grype.json", "content": {"timestamp": "2026-11-18T07:30:04Z", "matches": []}}

_vex := {"type": "vex", "path": "vex/app.openvex.json", "content": {"timestamp": "2026-10-01T08:00:00Z", "statements": []}}

test_fail_older_than_the_plan_says if {
	findings := rule.report with input as {"as_of": "2026-11-25", "documents": [_plan("daily automated SBOM matching, weekly triage board"), _scan, _vex]}
	findings == {{
		"path": "vex/app.openvex.json",
		"pointer": "",
		"message": concat("", [
			"the VEX document was issued on 2026-10-01, 54 days before 2026-11-25, though the components are to be checked ",
			"daily (the update plan's monitoring frequency: \"daily automated SBOM matching, weekly triage board\"); ",
			"scan the current SBOM again, review the VEX against the results and add both to the bundle",
		]),
	}}
}

test_fail_every_n_days if {
	findings := rule.report with input as {"as_of": "2026-11-30", "documents": [_plan("every 3 days"), _scan]}
	some f in findings
	contains(f.message, "though the components are to be checked every 3 days (the update plan's monitoring frequency: \"every 3 days\")")
}

test_fail_default_monthly if {
	findings := rule.report with input as {"as_of": "2027-01-01", "documents": [_plan("when time allows"), _scan]}
	some f in findings
	contains(f.message, "monthly (annexlint's default, as the update plan states no frequency it can read)")
}

test_success_within_interval_and_grace if {
	bundle := {"as_of": "2026-11-25", "documents": [_plan("P7D"), _scan]}
	count(rule.report) == 0 with input as bundle
	rule.evidence == {
		{"path": "scans/app.grype.json", "pointer": ""},
		{"path": "security/update-plan.yaml", "pointer": "/monitoring"},
	} with input as bundle
}

test_success_quarterly if {
	count(rule.report) == 0 with input as {"as_of": "2026-12-01", "documents": [_plan("Quarterly review"), _vex]}
}

test_insufficient_undated if {
	vex := {"type": "vex", "path": "vex/app.openvex.json", "content": {"statements": []}}
	count(rule.insufficient) == 1 with input as {"as_of": "2026-12-01", "documents": [_plan("daily"), vex]}
}
