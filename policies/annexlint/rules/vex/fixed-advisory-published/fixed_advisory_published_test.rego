package annexlint.rules.vex["fixed-advisory-published_test"]

import data.annexlint.rules.vex["fixed-advisory-published"] as rule

_vex(status, advisories) := {"type": "vex", "path": "vex/app.vex.cdx.json", "content": {"statements": [{
	"vulnerability": "CVE-2023-4863", "aliases": [], "status": status, "advisories": advisories, "products": [],
}]}}

_plan(advisories) := {"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {"advisories": advisories}}

test_fail_no_advisory if {
	findings := rule.report with input as {"documents": [_vex("fixed", []), _plan([{"url": "https://psirt.example.com/VSA-1", "vulnerabilities": ["CVE-2024-1"]}])]}
	findings == {{
		"path": "vex/app.vex.cdx.json",
		"pointer": "/statements/0",
		"message": concat("", [
			"CVE-2023-4863 is fixed according to the VEX, but neither the statement nor the update plan's advisories name ",
			"a published security advisory for it; publish an advisory (affected products, impact, severity, the fixing ",
			"update) and record its URL in the VEX or in the update plan's advisories",
		]),
	}}
}

test_fail_url_without_host if {
	count(rule.report) == 1 with input as {"documents": [_vex("fixed", ["https://"]), _plan([{"url": "TBD", "vulnerabilities": ["CVE-2023-4863"]}])]}
}

test_success_advisory_in_vex if {
	bundle := {"documents": [_vex("fixed", ["https://psirt.vitaflo-medical.example/advisories/VSA-2026-004"])]}
	count(rule.report) == 0 with input as bundle
	rule.evidence == {{"path": "vex/app.vex.cdx.json", "pointer": "/statements/0"}} with input as bundle
}

test_success_advisory_in_plan if {
	plan := _plan([{"url": "https://psirt.vitaflo-medical.example/advisories/VSA-2026-004", "vulnerabilities": ["cve-2023-4863"]}])
	count(rule.report) == 0 with input as {"documents": [_vex("fixed", []), plan]}
}

test_success_nothing_fixed if {
	bundle := {"documents": [_vex("not_affected", [])]}
	count(rule.report) == 0 with input as bundle
	rule.evidence == {{"path": "vex/app.vex.cdx.json", "pointer": "/statements"}} with input as bundle
}
