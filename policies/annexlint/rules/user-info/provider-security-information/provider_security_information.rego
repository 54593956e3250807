# METADATA
# title: The healthcare provider is told each interface's ports, the security logs, backup and restore, and incident response
# description: |
#   A hospital's IT can only protect a connected device it understands. MDCG 2019-16 section 4.3 lists the security
#   information manufacturers give healthcare providers, among it the network ports and interfaces, the security
#   events and logs, backup and restore, and what to do about vulnerabilities and incidents (the MDS2 form can carry
#   it). The user security information of a device must give, under provider_information, every interface the
#   manifest declares with its ports, protocols and direction, and the three other points. Guidance, so a warning.
# scope: package
# custom:
#   id: AL-USER-021
#   severity: warning
#   frameworks: [MDR, IVDR]
#   clauses:
#     - id: MDCG-2019-16-4.3
#       cite: MDCG 2019-16 rev.1 section 4.3
#   remediation: |
#     Under provider_information of the user-security-information document, list each interface of the manifest
#     (interface: its ID) with its ports, protocols, direction and whether it can be disabled, and state the security
#     events and logs (security_logs), backup and restore (backup_restore) and what the provider does on a suspected
#     vulnerability or incident (incident_response).
package annexlint.rules["user-info"]["provider-security-information"]

import data.annexlint.lib

_texts := [
	["security_logs", "the security events and logs the device records (security_logs)"],
	["backup_restore", "how configuration and data are backed up and restored (backup_restore)"],
	["incident_response", "what the provider does on a suspected vulnerability or incident (incident_response)"],
]

_infos contains doc if {
	lib.product.framework in {"MDR", "IVDR"}
	some doc in lib.documents("user-security-information")
	is_object(doc.content)
}

_provider(doc) := doc.content.provider_information if is_object(doc.content.provider_information)

_declared contains i.id if {
	some i in lib.product.interfaces
	is_string(i.id)
}

_described(p, id) if {
	some entry in p.interfaces
	entry.interface == id
	lib.has_text(entry, "description")
}

report contains lib.finding(doc.path, "", msg) if {
	some doc in _infos
	not _provider(doc)
	msg := sprintf("the user security information %s gives no information for the healthcare provider's IT (provider_information): the interfaces with their ports, the security logs, backup and restore, and incident response (MDCG 2019-16 section 4.3); add it", [doc.path])
}

report contains lib.finding(doc.path, "/provider_information", msg) if {
	some doc in _infos
	p := _provider(doc)
	missing := [id | some id in sort(_declared); not _described(p, id)]
	count(missing) > 0
	msg := sprintf("the information for the healthcare provider does not describe the interface(s) %s declared in the manifest; list each under provider_information.interfaces with its ports, protocols and direction, and whether it can be disabled", [
		concat(", ", missing),
	])
}

report contains lib.finding(doc.path, "/provider_information", msg) if {
	some doc in _infos
	p := _provider(doc)
	missing := [what | some [key, what] in _texts; not lib.has_text(p, key)]
	count(missing) > 0
	msg := sprintf("the information for the healthcare provider does not state %s; add it (MDCG 2019-16 section 4.3)", [concat("; nor ", missing)])
}

evidence contains lib.examined(doc.path, "/provider_information") if {
	some doc in _infos
	p := _provider(doc)
	some [key, _] in _texts
	lib.has_text(p, key)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	lib.product.framework in {"MDR", "IVDR"}
	not lib.has_document("user-security-information")
	msg := "the manifest lists no user security information (type \"user-security-information\"), so the security information for the healthcare provider's IT cannot be shown; add it"
}
