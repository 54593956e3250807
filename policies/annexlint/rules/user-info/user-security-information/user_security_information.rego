# METADATA
# title: Users receive the security information the product needs
# description: |
#   Part of a product's security depends on how it is installed, operated and maintained, so users must be told
#   what it needs. For medical devices and IVDs with software, the instructions for use must state the minimum
#   hardware, IT network characteristics and IT security measures, including protection against unauthorised
#   access (MDR Annex I 17.4 and 23.4(ab), IVDR 16.4 and 20.4.1(ah)), and, as MDCG 2019-16 section 4.2 reads
#   23.4(i) and (k), how to install and configure the device securely and how to apply security updates; the
#   minimum requirements are the expectations on the operating environment that MDCG 2019-16 sections 2.3 and 3.6
#   ask manufacturers to document and communicate to the operator. For CRA
#   products, the user information of
#   Annex II must include the contact for reporting vulnerabilities, the end of the support period, how to
#   commission and use the product securely, and how to install security updates, and the technical
#   documentation must hold it (Annex VII point 1(d)).
# scope: package
# custom:
#   id: AL-USER-001
#   severity: error
#   clauses:
#     - id: MDR-AI-23.4AB
#       cite: MDR Annex I 23.4(ab)
#     - id: MDR-AI-17.4
#       cite: MDR Annex I 17.4
#     - id: IVDR-AI-20.4.1AH
#       cite: IVDR Annex I 20.4.1(ah)
#     - id: IVDR-AI-16.4
#       cite: IVDR Annex I 16.4
#     - id: MDCG-2019-16-4.2-AB
#       cite: MDCG 2019-16 rev.1 section 4.2, MDR Annex I 23.4(ab)
#     - id: MDCG-2019-16-4.2-I
#       cite: MDCG 2019-16 rev.1 section 4.2, MDR Annex I 23.4(i)
#     - id: MDCG-2019-16-4.2-K
#       cite: MDCG 2019-16 rev.1 section 4.2, MDR Annex I 23.4(k)
#     - id: MDCG-2019-16-3.6
#       cite: MDCG 2019-16 rev.1 section 3.6
#     - id: MDCG-2019-16-2.3
#       cite: MDCG 2019-16 rev.1 section 2.3
#     - id: CRA-AII-2
#       cite: CRA Annex II point 2
#     - id: CRA-AII-7
#       cite: CRA Annex II point 7
#     - id: CRA-AII-8A
#       cite: CRA Annex II point 8(a)
#     - id: CRA-AII-8C
#       cite: CRA Annex II point 8(c)
#     - id: CRA-AVII-1D
#       cite: CRA Annex VII point 1(d)
#   remediation: |
#     Add a `user-security-information` document that summarises the security information given to users (IFU
#     chapter, customer security documentation) and fill in the fields named: for MDR/IVDR `minimum_requirements`
#     (`hardware`, `network`, `it_security`), `secure_configuration` and `update_instructions`; for CRA
#     `reporting_contact`, `end_of_support`, `secure_configuration` and `update_instructions`.
package annexlint.rules["user-info"]["user-security-information"]

import data.annexlint.lib

_secure_configuration := [
	["secure_configuration"],
	"how to install and configure the device securely (secure_configuration)",
]

_update_instructions := [["update_instructions"], "how to install security updates (update_instructions)"]

_device_information := [
	[["minimum_requirements", "hardware"], "minimum hardware (minimum_requirements.hardware)"],
	[["minimum_requirements", "network"], "IT network characteristics (minimum_requirements.network)"],
	[["minimum_requirements", "it_security"], "IT security measures (minimum_requirements.it_security)"],
	_secure_configuration,
	_update_instructions,
]

# _statements lists, per framework, what the user information must state: field path and plain name.
_statements := {
	"MDR": _device_information,
	"IVDR": _device_information,
	"CRA": [
		[["reporting_contact"], "the contact for reporting vulnerabilities (reporting_contact)"],
		[["end_of_support"], "the end date of the support period (end_of_support)"],
		[["secure_configuration"], "how to commission and use the product securely (secure_configuration)"],
		_update_instructions,
	],
}

report contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("user-security-information")
	msg := concat(" ", [
		"the manifest lists no user security information (type \"user-security-information\"); add a summary of",
		"the security information given to users (instructions for use, customer security documentation) and list",
		"it under documents",
	])
}

report contains lib.finding(info.path, "", msg) if {
	some info in lib.documents("user-security-information")
	missing := [name | some [path, name] in _statements[lib.product.framework]; not _stated(info, path)]
	count(missing) > 0
	msg := sprintf("the user security information does not state %s; add %s", [
		concat("; ", missing), "what is missing to the information given to users",
	])
}

_stated(info, path) if {
	text := object.get(info, array.concat(["content"], path), "")
	is_string(text)
	trim_space(text) != ""
	not lib.is_placeholder(text) # "TODO", "n/a", "TBD" state nothing
}

# The evidence is each statement the framework asks for that the user information makes; a statement left out
# is a finding above, so a document that makes none has no evidence.
evidence contains lib.examined(info.path, concat("", ["/", concat("/", path)])) if {
	some info in lib.documents("user-security-information")
	some [path, _] in _statements[lib.product.framework]
	_stated(info, path)
}
