# METADATA
# title: The device's user security information states residual risks, IT specifications, user skills and compatibility
# description: |
#   MDCG 2019-16 section 4.2 reads four more points of the instructions for use (MDR Annex I 23.4) for security:
#   a summary of the device's residual IT security risks and security objectives (23.4(g)); IT specifications such
#   as the operating system and how the integrity of software updates and patches is ensured (23.4(h)); the training
#   and IT skills needed to install, configure and operate the device securely (23.4(j)); and the compatible systems
#   and restrictions of the operating environment, e.g. workstation hardware, OS versions and peripherals (23.4(q)).
#   The user security information of a device (type "user-security-information") must state each of them. Guidance,
#   so a warning: the legal duty (the IFU content of Annex I 23.4) is read through it.
# scope: package
# custom:
#   id: AL-USER-020
#   severity: warning
#   frameworks: [MDR, IVDR]
#   clauses:
#     - id: MDCG-2019-16-4.2-G
#       cite: MDCG 2019-16 rev.1 section 4.2, MDR Annex I 23.4(g)
#     - id: MDCG-2019-16-4.2-H
#       cite: MDCG 2019-16 rev.1 section 4.2, MDR Annex I 23.4(h)
#     - id: MDCG-2019-16-4.2-J
#       cite: MDCG 2019-16 rev.1 section 4.2, MDR Annex I 23.4(j)
#     - id: MDCG-2019-16-4.2-Q
#       cite: MDCG 2019-16 rev.1 section 4.2, MDR Annex I 23.4(q)
#   remediation: |
#     In the user-security-information document, state what the IFU tells users on each point: residual_risks
#     (the residual IT security risks and security objectives), it_specifications (operating system, update
#     integrity), user_qualification (training and IT skills needed) and compatibility (compatible systems and
#     restrictions of the operating environment).
package annexlint.rules["user-info"]["ifu-security-details"]

import data.annexlint.lib

# _points are the fields, in the order of 23.4, with what each states.
_points := [
	["residual_risks", "the residual IT security risks and security objectives (23.4(g))"],
	["it_specifications", "the IT specifications, such as the operating system and how the integrity of updates is ensured (23.4(h))"],
	["user_qualification", "the training and IT skills needed to install, configure and operate the device securely (23.4(j))"],
	["compatibility", "the compatible systems and restrictions of the operating environment (23.4(q))"],
]

_infos contains doc if {
	lib.product.framework in {"MDR", "IVDR"}
	some doc in lib.documents("user-security-information")
	is_object(doc.content)
}

report contains lib.finding(doc.path, "", msg) if {
	some doc in _infos
	missing := [what | some [key, what] in _points; not lib.has_text(doc.content, key)]
	count(missing) > 0
	msg := sprintf("the user security information %s does not state %s; add what the instructions for use tell users (MDCG 2019-16 section 4.2)", [
		doc.path, concat("; nor ", missing),
	])
}

evidence contains lib.examined(doc.path, "") if {
	some doc in _infos
	some [key, _] in _points
	lib.has_text(doc.content, key)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	lib.product.framework in {"MDR", "IVDR"}
	not lib.has_document("user-security-information")
	msg := "the manifest lists no user security information (type \"user-security-information\"), so the residual security risks, IT specifications, user skills and compatibility given to users cannot be shown; add it"
}
