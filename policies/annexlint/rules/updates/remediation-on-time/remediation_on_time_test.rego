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

# A CSAF VEX keeps the remediations naming the product, with their dates, on the statement.
_csaf_vex(remediations) := {"type": "vex", "path": "vex/app.csaf.json", "content": {
	"timestamp": "2026-11-20T08:00:00Z",
	"statements": [{
		"vulnerability": "CVE-2025-27363", "aliases": [], "status": "affected", "severity": "unknown",
		"source_status": "known_affected", "timestamp": "2026-11-18T10:05:00Z",
		"products": [{"id": "FT-2.13.0", "purl": "pkg:generic/freetype@2.13.0", "name": "freetype", "version": "2.13.0"}],
		"remediations": remediations,
	}],
}}

_plan_releases(planned, releases) := object.union(_plan(planned), {"content": object.union(_plan(planned).content, {"releases": releases})})

test_fail_csaf_vendor_fix_after_deadline if {
	remediations := [{"category": "vendor_fix", "details": "Update to 2.5.0.", "date": "2027-01-15T00:00:00Z"}]
	findings := rule.report with input as {"as_of": "2026-11-25", "documents": [_sbom, _scan("high"), _csaf_vex(remediations), _plan([])]}
	findings == {{
		"path": "vex/app.csaf.json",
		"pointer": "/statements/0",
		"message": concat("", [
			"CVE-2025-27363 in FT-2.13.0: the CSAF remediation (vendor_fix) dates it 2027-01-15T00:00:00Z, after the fix ",
			"deadline of the update plan's high timeline of 30 days (severity high), 2026-12-10; ", _tail,
		]),
		"related": [{"path": "vex/app.csaf.json", "pointer": "/statements/0/remediations/0", "message": "the CSAF remediation"}],
	}}
}

test_fail_csaf_mitigation_or_none_available_after_deadline if {
	remediations := [
		{"category": "workaround", "details": "Disable font upload.", "date": "2027-02-01T00:00:00Z"},
		{"category": "mitigation", "details": "Filter fonts at the proxy.", "date": "2027-01-10T00:00:00Z"},
		{"category": "none_available", "details": "No fix yet.", "date": "2027-01-20T00:00:00Z"},
	]
	findings := rule.report with input as {"as_of": "2026-11-25", "documents": [_sbom, _scan("high"), _csaf_vex(remediations), _plan([])]}
	{f.related[0].pointer | some f in findings} == {"/statements/0/remediations/1", "/statements/0/remediations/2"}
	some f in findings
	contains(f.message, "the CSAF remediation (mitigation) dates it 2027-01-10T00:00:00Z, after the fix deadline")
}

test_fail_deadline_passed_vendor_fix_late if {
	remediations := [{"category": "vendor_fix", "details": "Update to 2.5.0.", "date": "2026-12-05T00:00:00Z"}]
	findings := rule.report with input as {"as_of": "2026-12-11", "documents": [_sbom, _scan("critical"), _csaf_vex(remediations), _plan([])]}
	findings == {{
		"path": "vex/app.csaf.json",
		"pointer": "/statements/0",
		"message": concat("", [
			"CVE-2025-27363 in FT-2.13.0: affected since 2026-11-10 (severity critical); the update plan's critical ",
			"timeline of 14 days put its fix due by 2026-11-24, and on 2026-12-11 the VEX still says affected; the vendor ",
			"fix the CSAF remediation dates 2026-12-05T00:00:00Z, after that deadline; ", _tail,
		]),
		"related": [{"path": "vex/app.csaf.json", "pointer": "/statements/0/remediations/0", "message": "the CSAF remediation"}],
	}}
}

# A vendor_fix dated by the deadline is the fix: the statement stays known_affected for the version shipped before.
test_success_csaf_vendor_fix_on_time if {
	remediations := [{"category": "vendor_fix", "details": "Update to 2.5.0.", "date": "2026-11-20T00:00:00Z"}]
	planned := [{"id": "VFS-2.5.0", "vulnerabilities": ["CVE-2025-27363"], "due": "2026-11-30"}]
	count(rule.report) == 0 with input as {"as_of": "2026-12-11", "documents": [_sbom, _scan("critical"), _csaf_vex(remediations), _plan(planned)]}
}

# A mitigation dated in time is not the fix: the deadline still passes.
test_fail_csaf_mitigation_is_not_a_fix if {
	remediations := [{"category": "mitigation", "details": "Filter fonts at the proxy.", "date": "2026-11-20T00:00:00Z"}]
	findings := rule.report with input as {"as_of": "2026-12-11", "documents": [_sbom, _scan("critical"), _csaf_vex(remediations), _plan([])]}
	some f in findings
	contains(f.message, "put its fix due by 2026-11-24, and on 2026-12-11 the VEX still says affected; ship the fix")
}

test_success_release_fixes_on_time if {
	releases := [{"version": "2.4.2", "date": "2026-11-22", "fixes": ["cve-2025-27363"]}]
	count(rule.report) == 0 with input as {"as_of": "2026-12-11", "documents": [_sbom, _scan("critical"), _vex("affected"), _plan_releases([], releases)]}
}

test_fail_release_after_deadline if {
	releases := [{"version": "2.5.0", "date": "2027-01-10", "fixes": ["CVE-2025-27363"]}]
	findings := rule.report with input as {"as_of": "2026-11-25", "documents": [_sbom, _scan("high"), _vex("affected"), _plan_releases([], releases)]}
	findings == {{
		"path": "vex/app.vex.cdx.json",
		"pointer": "/statements/0",
		"message": concat("", [
			"CVE-2025-27363 in pkg:generic/freetype@2.13.0: release 2.5.0 of the update plan, dated 2027-01-10, fixes it, ",
			"after the fix deadline of the update plan's high timeline of 30 days (severity high), 2026-12-10; ", _tail,
		]),
		"related": [{"path": "security/update-plan.yaml", "pointer": "/releases/0", "message": "the release"}],
	}}
}

# A planned update past its due date is delivered when a release that fixes the vulnerability has shipped.
test_success_planned_update_past_due_released if {
	planned := [{"id": "VFS-2.4.2", "vulnerabilities": ["CVE-2025-27363"], "due": "2026-11-30"}]
	releases := [{"version": "2.4.2", "date": "2026-11-29", "fixes": ["CVE-2025-27363"]}]
	count(rule.report) == 0 with input as {"as_of": "2026-12-01", "documents": [_sbom, _scan("high"), _vex("affected"), _plan_releases(planned, releases)]}
}
