package annexlint.rules.updates["version-archive_test"]

import data.annexlint.rules.updates["version-archive"] as rule

_input(archive) := {
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}},
	"documents": [{"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {
		"kind": "security-update-plan",
		"version_archive": archive,
	}}],
}

test_fail_public_archive_without_risk_notice if {
	findings := rule.report with input as _input({"public": true, "url": "https://downloads.example.com/archive", "risk_notice": "TODO"})
	findings == {{
		"path": "security/update-plan.yaml",
		"pointer": "/version_archive",
		"message": "the security update plan keeps a public archive of old versions but does not give the warning shown there (version_archive.risk_notice); tell users on the archive, clearly, the risks of running versions that no longer receive security updates",
	}}
}

test_success_public_archive_with_risk_notice if {
	archive := {
		"public": true,
		"url": "https://downloads.example.com/archive",
		"risk_notice": "Versions in this archive no longer receive security updates; running them exposes patient data to known vulnerabilities.",
	}
	count(rule.report) == 0 with input as _input(archive)
	rule.evidence == {{"path": "security/update-plan.yaml", "pointer": "/version_archive/public"}} with input as _input(archive)
}

test_success_no_archive_kept_is_examined if {
	count(rule.report) == 0 with input as _input({"public": false})
	count(rule.insufficient) == 0 with input as _input({"public": false})
	count(rule.evidence) == 1 with input as _input({"public": false})
}

test_fail_archive_without_url if {
	findings := rule.report with input as _input({"public": true, "url": "to be defined", "risk_notice": "Old versions are unsupported and unsafe."})
	[f] := [f | some f in findings]
	contains(f.message, "its web address (version_archive.url)")
}

test_insufficient_archive_unstated if {
	bundle := {
		"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}},
		"documents": [{"type": "security-update-plan", "path": "p.yaml", "content": {"kind": "security-update-plan"}}],
	}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	[f] := [f | some f in rule.insufficient] with input as bundle
	f.pointer == ""
}

test_insufficient_no_plan if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}}, "documents": []}
	[f] := [f | some f in rule.insufficient] with input as bundle
	f.pointer == "/documents"
}
