package annexlint.rules.updates["latest-version-only_test"]

import data.annexlint.rules.updates["latest-version-only"] as rule

_input(support) := {
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}},
	"documents": [{"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {
		"kind": "security-update-plan",
		"version_support": support,
	}}],
}

test_fail_latest_only_without_free_upgrade if {
	findings := rule.report with input as _input({"latest_version_only": true, "upgrade_path": "in-app upgrade to release 6"})
	findings == {{
		"path": "security/update-plan.yaml",
		"pointer": "/version_support",
		"message": "the security update plan limits security fixes to the latest version but does not state that the upgrade is free of charge (version_support.upgrade_free_of_charge), nor that it needs no additional hardware or software (version_support.upgrade_without_extra_costs); users of earlier versions must be able to upgrade to it free of charge and without additional hardware or software costs",
	}}
}

test_success_latest_only_with_free_upgrade if {
	support := {
		"latest_version_only": true,
		"upgrade_path": "release 6 installs over releases 4 and 5 from the same update service, on the same servers",
		"upgrade_free_of_charge": true,
		"upgrade_without_extra_costs": true,
	}
	count(rule.report) == 0 with input as _input(support)
	rule.evidence == {{"path": "security/update-plan.yaml", "pointer": "/version_support/latest_version_only"}} with input as _input(support)
}

test_success_every_version_fixed if {
	count(rule.report) == 0 with input as _input({"latest_version_only": false})
	count(rule.insufficient) == 0 with input as _input({"latest_version_only": false})
}

test_fail_placeholder_upgrade_path if {
	findings := rule.report with input as _input({
		"latest_version_only": true, "upgrade_path": "TBD",
		"upgrade_free_of_charge": true, "upgrade_without_extra_costs": true,
	})
	[f] := [f | some f in findings]
	contains(f.message, "version_support.upgrade_path")
}

test_insufficient_scope_unstated if {
	bundle := _input("latest")
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
