package annexlint.rules.updates["remediation-on-time_test"]

import data.annexlint.rules.updates["remediation-on-time"] as rule

_sbom := {"type": "sbom", "path": "sbom/app.cdx.json", "content": {
	"primary": {"name": "vf-service-app", "version": "2.4.1"},
	"components": [{"ref": "ft", "name": "freetype", "version": "2.13.0", "purl": "pkg:generic/freetype@2.13.0"}],
}}

_plan(planned) := {"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {
	"remediation_timelines": {"critical": 14, "high": 30, "medium": 60, "low": 120},
	"planned_updates": planned,
}}

_scan(severity) := {"type": "vulnerability-scan", "path": "scans/app.grype.json", "content": {
	"timestamp": "2026-11-10T07:30:00Z",
	"matches": [{"vulnerability": "CVE-2025-27363", "aliases": [], "name": "freetype", "version": "2.13.0", "purl": "pkg:generic/freetype@2.13.0", "severity": severity}],
}}

_vex(status) := {"type": "vex", "path": "vex/app.vex.cdx.json", "content": {
	"timestamp": "2026-11-20T08:00:00Z",
	"statements": [{
		"vulnerability": "CVE-2025-27363", "aliases": [], "status": status, "severity": "unknown",
		"first_issued": "2026-11-18T10:05:00Z", "timestamp": "2026-11-20T08:00:00Z",
		"products": [{"purl": "pkg:generic/freetype@2.13.0", "name": "freetype", "version": "2.13.0"}],
	}],
}}

_tail := "ship the fix and record it in the VEX, or record why the timeline cannot be met and the measures taken meanwhile, and plan the update within the timeline"

test_fail_deadline_passed if {
	findings := rule.report with input as {"as_of": "2026-12-11", "documents": [_sbom, _scan("critical"), _vex("affected"), _plan([])]}
	findings == {{
		"path": "vex/app.vex.cdx.json",
		"pointer": "/statements/0",
		"message": concat("", [
			"CVE-2025-27363 in pkg:generic/freetype@2.13.0: affected since 2026-11-10 (severity critical); the update plan's ",
			"critical timeline of 14 days put its fix due by 2026-11-24, and on 2026-12-11 the VEX still says affected; ", _tail,
		]),
		"related": [],
	}}
}

test_fail_unrated_gets_shortest_timeline if {
	findings := rule.report with input as {"as_of": "2026-12-03", "documents": [_sbom, _vex("affected"), _plan([])]}
	some f in findings
	contains(f.message, "affected since 2026-11-18 (severity unknown); the update plan's shortest timeline of 14 days (no scan or VEX statement rates its severity) put its fix due by 2026-12-02")
}

test_fail_planned_update_past_due if {
	planned := [{"id": "VFS-2.4.2", "vulnerabilities": ["cve-2025-27363"], "due": "2026-11-30"}]
	findings := rule.report with input as {"as_of": "2026-12-01", "documents": [_sbom, _scan("high"), _vex("affected"), _plan(planned)]}
	findings == {{
		"path": "vex/app.vex.cdx.json",
		"pointer": "/statements/0",
		"message": concat("", [
			"CVE-2025-27363 in pkg:generic/freetype@2.13.0: the planned update VFS-2.4.2 was due on 2026-11-30, and on ",
			"2026-12-01 the VEX still says affected; ", _tail,
		]),
		"related": [{"path": "security/update-plan.yaml", "pointer": "/planned_updates/0", "message": "the planned update"}],
	}}
}

test_fail_planned_after_deadline if {
	planned := [{"id": "VFS-2.5.0", "vulnerabilities": ["CVE-2025-27363"], "due": "2027-03-01"}]
	findings := rule.report with input as {"as_of": "2026-11-25", "documents": [_sbom, _scan("high"), _vex("affected"), _plan(planned)]}
	some f in findings
	contains(f.message, "the planned update VFS-2.5.0 is due on 2027-03-01, after the fix deadline of the update plan's high timeline of 30 days (severity high), 2026-12-10")
}

test_success_on_time if {
	planned := [{"id": "VFS-2.4.2", "vulnerabilities": ["CVE-2025-27363"], "due": "2026-12-04"}]
	bundle := {"as_of": "2026-11-25", "documents": [_sbom, _scan("high"), _vex("affected"), _plan(planned)]}
	count(rule.report) == 0 with input as bundle
	rule.evidence == {
		{"path": "vex/app.vex.cdx.json", "pointer": "/statements/0"},
		{"path": "security/update-plan.yaml", "pointer": "/remediation_timelines"},
	} with input as bundle
}

test_success_fixed_is_not_late if {
	bundle := {"as_of": "2027-06-01", "documents": [_sbom, _scan("critical"), _vex("fixed"), _plan([])]}
	count(rule.report) == 0 with input as bundle
	rule.evidence == {
		{"path": "vex/app.vex.cdx.json", "pointer": "/statements"},
		{"path": "security/update-plan.yaml", "pointer": "/remediation_timelines"},
	} with input as bundle
}

test_insufficient_no_timelines if {
	bundle := {"as_of": "2027-06-01", "manifest": {"path": "annexlint.yaml"}, "documents": [_sbom, _vex("affected")]}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	{f.path | some f in rule.insufficient} == {"annexlint.yaml"} with input as bundle
}
