package annexlint.rules.vex["investigation-bounded_test"]

import data.annexlint.rules.vex["investigation-bounded"] as rule

_vex(status) := {"type": "vex", "path": "vex/fw.openvex.json", "content": {
	"timestamp": "2026-11-21T10:15:00Z",
	"statements": [{"vulnerability": "CVE-2024-8798", "aliases": [], "status": status, "timestamp": "2026-11-01T09:00:00Z", "products": []}],
}}

_plan(monitoring) := {"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {
	"remediation_timelines": {"critical": 30, "high": 60, "medium": 90, "low": 180},
	"monitoring": monitoring,
}}

_scan := {"type": "vulnerability-scan", "path": "scans/fw.grype.json", "content": {
	"timestamp": "2026-10-20T05:00:00Z",
	"matches": [{"vulnerability": "CVE-2024-8798", "aliases": [], "name": "zephyr", "severity": "critical"}],
}}

test_fail_triage_time_exceeded if {
	findings := rule.report with input as {"as_of": "2026-11-25", "documents": [_vex("under_investigation"), _plan({"triage_days": 10})]}
	findings == {{
		"path": "vex/fw.openvex.json",
		"pointer": "/statements/0",
		"message": concat("", [
			"CVE-2024-8798 has been under investigation since 2026-11-01; under the update plan's triage time of 10 days ",
			"(monitoring.triage_days) a result was due by 2026-11-11, and on 2026-11-25 there is none; ",
			"finish the analysis and record it in the VEX (not_affected with a justification, affected with the action ",
			"and planned update, or fixed)",
		]),
	}}
}

test_fail_severity_timeline_from_first_scan if {
	findings := rule.report with input as {"as_of": "2026-11-25", "documents": [_scan, _vex("under_investigation"), _plan({})]}
	some f in findings
	contains(f.message, "since 2026-10-20; under the update plan's critical timeline of 30 days a result was due by 2026-11-19")
}

test_fail_default_without_plan if {
	findings := rule.report with input as {"as_of": "2026-12-02", "documents": [_vex("under_investigation")]}
	some f in findings
	contains(f.message, "under annexlint's default of 30 days (no update plan gives a triage time or remediation timelines) a result was due by 2026-12-01")
}

test_success_within_bound if {
	bundle := {"as_of": "2026-11-25", "documents": [_vex("under_investigation"), _plan({"triage_days": 30})]}
	count(rule.report) == 0 with input as bundle
	rule.evidence == {
		{"path": "vex/fw.openvex.json", "pointer": "/statements/0"},
		{"path": "vex/fw.openvex.json", "pointer": "/statements"},
	} with input as bundle
}

test_success_decided if {
	count(rule.report) == 0 with input as {"as_of": "2028-01-01", "documents": [_vex("not_affected"), _plan({"triage_days": 1})]}
}

test_insufficient_undated if {
	vex := {"type": "vex", "path": "vex/fw.openvex.json", "content": {"statements": [{"vulnerability": "CVE-1", "status": "under_investigation"}]}}
	count(rule.report) == 0 with input as {"as_of": "2028-01-01", "documents": [vex]}
	count(rule.insufficient) == 1 with input as {"as_of": "2028-01-01", "documents": [vex]}
}
