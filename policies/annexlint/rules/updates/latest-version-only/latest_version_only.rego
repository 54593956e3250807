# METADATA
# title: Security fixes limited to the latest version come with a free upgrade path for users of earlier versions
# description: |
#   A manufacturer of software that has released substantially modified versions may fix vulnerabilities only in
#   the latest version, but only if users of the earlier versions can move to it free of charge and without having
#   to buy new hardware or software to run it (CRA Art. 13(10), on Annex I Part II (2)). The security update plan
#   says which it does in version_support: latest_version_only (true or false) and, when true, the upgrade path
#   (upgrade_path), that the upgrade is free (upgrade_free_of_charge) and that it needs no additional hardware or
#   software (upgrade_without_extra_costs). A plan that does not say whether fixes are limited to the latest version
#   gives nothing to examine: insufficient evidence, not a pass.
# scope: package
# custom:
#   id: AL-UPD-015
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-ART13-10
#       cite: CRA Art. 13(10)
#   remediation: |
#     In the security update plan, add `version_support` with `latest_version_only: false` when every supported
#     version receives security fixes; when only the latest substantially modified version does, set
#     `latest_version_only: true` and describe in `upgrade_path` how users of earlier versions obtain it, with
#     `upgrade_free_of_charge: true` and `upgrade_without_extra_costs: true` (no new hardware or software needed).
package annexlint.rules.updates["latest-version-only"]

import data.annexlint.lib

report contains lib.finding(plan.path, "/version_support", msg) if {
	some plan in lib.documents("security-update-plan")
	support := plan.content.version_support
	support.latest_version_only == true
	missing := [text | some check in ["path", "free", "costs"]; text := _unstated(support, check)]
	count(missing) > 0
	msg := sprintf(
		"the security update plan limits security fixes to the latest version but does not state %s; users of earlier versions must be able to upgrade to it free of charge and without additional hardware or software costs",
		[concat(", nor ", missing)],
	)
}

_unstated(support, "path") := "how users of earlier versions obtain it (version_support.upgrade_path)" if {
	not lib.has_text(support, "upgrade_path")
}

_unstated(support, "free") := "that the upgrade is free of charge (version_support.upgrade_free_of_charge)" if {
	not support.upgrade_free_of_charge == true
}

_unstated(support, "costs") := "that it needs no additional hardware or software (version_support.upgrade_without_extra_costs)" if {
	not support.upgrade_without_extra_costs == true
}

# The plan examined: it states, as a boolean, whether security fixes are limited to the latest version.
evidence contains lib.examined(plan.path, "/version_support/latest_version_only") if {
	some plan in lib.documents("security-update-plan")
	is_boolean(plan.content.version_support.latest_version_only)
}

insufficient contains lib.finding(plan.path, "", msg) if {
	some plan in lib.documents("security-update-plan")
	not _states_scope(plan.content)
	msg := concat(" ", [
		"the security update plan does not say whether security fixes are limited to the latest version",
		"(version_support.latest_version_only); state false when every supported version is fixed, or true with",
		"the free upgrade path for users of earlier versions",
	])
}

_states_scope(content) if is_boolean(content.version_support.latest_version_only)

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-update-plan")
	msg := concat(" ", [
		"the manifest lists no security update plan (type \"security-update-plan\"), so it cannot be shown which",
		"versions receive security fixes; add the plan",
	])
}
