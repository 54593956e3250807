# METADATA
# title: A public archive of old versions warns users of the risks of running unsupported versions
# description: |
#   Some manufacturers keep old releases downloadable, for users who must reinstall a version they certified or
#   integrated. Whoever keeps such a public archive must tell its users clearly, there, of the risks of running
#   versions that no longer receive security updates (CRA Art. 13(11)). The security update plan says whether a
#   public archive is kept (version_archive.public) and, if so, where (url) and the warning shown on it
#   (risk_notice). A plan that states no archive is kept has been examined and passes: there is nothing to warn
#   about. A plan that says neither gives nothing to examine: insufficient evidence, not a pass.
# scope: package
# custom:
#   id: AL-UPD-016
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-ART13-11
#       cite: CRA Art. 13(11)
#   remediation: |
#     In the security update plan, add `version_archive` with `public: false` when no old versions are published;
#     when they are, set `public: true`, `url` (the archive's web address) and `risk_notice` (the text shown there
#     telling users the risks of running versions that no longer receive security updates).
package annexlint.rules.updates["version-archive"]

import data.annexlint.lib

report contains lib.finding(plan.path, "/version_archive", msg) if {
	some plan in lib.documents("security-update-plan")
	archive := plan.content.version_archive
	archive.public == true
	missing := [text | some check in ["url", "notice"]; text := _unstated(archive, check)]
	count(missing) > 0
	msg := sprintf(
		"the security update plan keeps a public archive of old versions but does not give %s; tell users on the archive, clearly, the risks of running versions that no longer receive security updates",
		[concat(", nor ", missing)],
	)
}

_unstated(archive, "url") := "its web address (version_archive.url)" if {
	not _is_url(archive.url)
}

_unstated(archive, "notice") := "the warning shown there (version_archive.risk_notice)" if {
	not lib.has_text(archive, "risk_notice")
}

_is_url(s) if {
	is_string(s)
	regex.match(`^https?://[^\s/]+\.[^\s/]+`, s)
	not lib.is_placeholder(s)
}

# The plan examined: it states, as a boolean, whether a public archive of old versions is kept.
evidence contains lib.examined(plan.path, "/version_archive/public") if {
	some plan in lib.documents("security-update-plan")
	is_boolean(plan.content.version_archive.public)
}

insufficient contains lib.finding(plan.path, "", msg) if {
	some plan in lib.documents("security-update-plan")
	not _states_archive(plan.content)
	msg := concat(" ", [
		"the security update plan does not say whether old versions are kept in a public archive",
		"(version_archive.public); state false when none is kept, or true with its url and the risk notice shown",
		"there",
	])
}

_states_archive(content) if is_boolean(content.version_archive.public)

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-update-plan")
	msg := concat(" ", [
		"the manifest lists no security update plan (type \"security-update-plan\"), so it cannot be shown whether",
		"a public archive of old versions warns users of their risks; add the plan",
	])
}
