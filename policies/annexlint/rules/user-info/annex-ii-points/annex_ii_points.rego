# METADATA
# title: The user information of a CRA product states every point of Annex II
# description: |
#   CRA Annex II lists what users must be told with a product with digital elements, and Annex VII point 1(d) puts
#   that information in the technical documentation. AL-USER-001 checks the points every product needs to be used
#   securely (the reporting contact, the end of support, secure commissioning and use, installing updates); this
#   rule checks the others: the manufacturer's name, postal address and digital contact (point 1, Art. 13(16)),
#   where the coordinated vulnerability disclosure policy is found (point 2), the product's name, type and version
#   (point 3, Art. 13(15)), the intended purpose with the security environment and the security properties (point
#   4), the foreseeable circumstances that may lead to significant cybersecurity risks (point 5), the internet
#   address of the EU declaration of conformity (point 6), the type of security support (point 7), how changes to
#   the product can affect the security of data (point 8(b)), secure decommissioning and removal of user data
#   (point 8(d)), how to turn automatic security updates off when the update plan installs them automatically
#   (point 8(e)), the information integrators need when the manifest marks the product as a component
#   (product.integration_component, point 8(f)), and whether the SBOM is shared with users and where (point 9).
#   A point that is missing or holds a placeholder is a finding naming the point.
# scope: package
# custom:
#   id: AL-USER-003
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-AII-1
#       cite: CRA Annex II point 1
#     - id: CRA-AII-2
#       cite: CRA Annex II point 2
#     - id: CRA-AII-3
#       cite: CRA Annex II point 3
#     - id: CRA-AII-4
#       cite: CRA Annex II point 4
#     - id: CRA-AII-5
#       cite: CRA Annex II point 5
#     - id: CRA-AII-6
#       cite: CRA Annex II point 6
#     - id: CRA-AII-7
#       cite: CRA Annex II point 7
#     - id: CRA-AII-8B
#       cite: CRA Annex II point 8(b)
#     - id: CRA-AII-8D
#       cite: CRA Annex II point 8(d)
#     - id: CRA-AII-8E
#       cite: CRA Annex II point 8(e)
#     - id: CRA-AII-8F
#       cite: CRA Annex II point 8(f)
#     - id: CRA-AII-9
#       cite: CRA Annex II point 9
#     - id: CRA-ART13-15
#       cite: CRA Art. 13(15)
#     - id: CRA-ART13-16
#       cite: CRA Art. 13(16)
#     - id: CRA-AVII-1D
#       cite: CRA Annex VII point 1(d)
#   remediation: |
#     Fill in, in the `user-security-information` document, the fields the finding names, as the information given
#     to users says it (docs/bundle-format.md): `manufacturer` (name, address, email), `disclosure_policy_url`,
#     `product_identification` (name, type, version), `intended_purpose`, `security_environment`,
#     `security_properties`, `significant_risks`, `declaration_of_conformity_url` (an https address), `support_type`,
#     `data_security_changes`, `decommissioning`, `automatic_updates_opt_out` (when updates install automatically),
#     `integrator_information` (for a component) and `sbom_access` (shared: true with a location, or shared: false).
package annexlint.rules["user-info"]["annex-ii-points"]

import data.annexlint.lib

# _points lists the Annex II points this rule checks: the point, the fields that must state it (all of them) and
# what it is, in the words of the finding.
_points := [
	{
		"point": "point 1",
		"fields": [["manufacturer", "name"], ["manufacturer", "address"], ["manufacturer", "email"]],
		"what": "the manufacturer's name, postal address and e-mail or other digital contact",
	},
	{
		"point": "point 2",
		"fields": [["disclosure_policy_url"]],
		"what": "where the coordinated vulnerability disclosure policy can be found",
	},
	{
		"point": "point 3",
		"fields": [["product_identification", "name"], ["product_identification", "type"], ["product_identification", "version"]],
		"what": "the product's name, type and the version that identifies it",
	},
	{
		"point": "point 4",
		"fields": [["intended_purpose"], ["security_environment"], ["security_properties"]],
		"what": "the intended purpose, the security environment and the product's security properties",
	},
	{
		"point": "point 6",
		"fields": [["declaration_of_conformity_url"]],
		"what": "the internet address where the EU declaration of conformity can be accessed",
	},
	{
		"point": "point 7",
		"fields": [["support_type"]],
		"what": "the type of technical security support offered",
	},
	{
		"point": "point 8(b)",
		"fields": [["data_security_changes"]],
		"what": "how changes to the product can affect the security of data",
	},
	{
		"point": "point 8(d)",
		"fields": [["decommissioning"]],
		"what": "how to decommission the product securely and remove user data",
	},
	{
		"point": "point 8(e)",
		"fields": [["automatic_updates_opt_out"]],
		"what": "how to turn off the automatic installation of security updates, which the update plan makes the default",
		"when": "automatic-updates",
	},
	{
		"point": "point 8(f)",
		"fields": [["integrator_information"]],
		"what": "the information integrators need, as the manifest marks the product as a component (product.integration_component)",
		"when": "component",
	},
]

_infos := lib.documents("user-security-information")

report contains lib.finding(info.path, _pointer(info, missing), msg) if {
	some info in _infos
	some p in _points
	_required(p)
	missing := [path | some path in p.fields; not _stated(info, path)]
	count(missing) > 0
	msg := sprintf("the user security information %s does not state CRA Annex II %s, %s (%s); add it as the information given to users says it", [
		info.path, p.point, p.what, concat(", ", [concat(".", path) | some path in missing]),
	])
}

report contains lib.finding(info.path, _pointer(info, [["significant_risks"]]), msg) if {
	some info in _infos
	not _risks_stated(info)
	msg := sprintf("the user security information %s does not state CRA Annex II point 5, the known or foreseeable circumstances that may lead to significant cybersecurity risks (significant_risks); %s", [
		info.path, "list each circumstance of intended use or reasonably foreseeable misuse, in words, as users are warned of it",
	])
}

report contains lib.finding(info.path, "/declaration_of_conformity_url", msg) if {
	some info in _infos
	lib.has_text(info.content, "declaration_of_conformity_url")
	not _web_address(info.content.declaration_of_conformity_url)
	msg := sprintf("the user security information %s gives %q as where the EU declaration of conformity can be accessed (CRA Annex II point 6), which is not an internet address; give its https URL", [
		info.path, info.content.declaration_of_conformity_url,
	])
}

report contains lib.finding(info.path, _pointer(info, [["sbom_access"]]), msg) if {
	some info in _infos
	not _sbom_sharing_stated(info)
	msg := sprintf("the user security information %s does not say whether the SBOM is made available to users (CRA Annex II point 9, sbom_access.shared); %s", [
		info.path, "state shared: false, or shared: true with the location where users get it",
	])
}

report contains lib.finding(info.path, "/sbom_access", msg) if {
	some info in _infos
	info.content.sbom_access.shared == true
	not lib.has_text(info.content.sbom_access, "location")
	msg := sprintf("the user security information %s says the SBOM is shared with users but not where they get it (CRA Annex II point 9, sbom_access.location); give the URL or the request procedure", [
		info.path,
	])
}

_required(p) if not p.when

_required(p) if {
	p.when == "automatic-updates"
	some plan in lib.documents("security-update-plan")
	plan.content.delivery.automatic == true
}

_required(p) if {
	p.when == "component"
	lib.product.integration_component == true
}

_stated(info, path) if {
	text := object.get(info, array.concat(["content"], path), "")
	is_string(text)
	not lib.is_placeholder(text)
}

_risks_stated(info) if {
	risks := info.content.significant_risks
	is_array(risks)
	count(risks) > 0
	every risk in risks {
		is_string(risk)
		not lib.is_placeholder(risk)
	}
}

_web_address(s) if regex.match(`^https?://[^\s/]+\.[^\s]+$`, trim_space(s))

# A finding points at the first field it names when the document has it (a placeholder), else at the document.
_pointer(info, paths) := concat("", ["/", concat("/", paths[0])]) if {
	_present(info.content, paths[0])
} else := ""

_present(content, path) if object.get({"content": content}, array.concat(["content"], path), null) != null

# The evidence is each point the document states; a point left out is a finding above.
evidence contains lib.examined(info.path, concat("", ["/", concat("/", p.fields[0])])) if {
	some info in _infos
	some p in _points
	_required(p)
	every path in p.fields {
		_stated(info, path)
	}
}

evidence contains lib.examined(info.path, "/significant_risks") if {
	some info in _infos
	_risks_stated(info)
}

evidence contains lib.examined(info.path, "/sbom_access") if {
	some info in _infos
	_sbom_sharing_stated(info)
}

_sbom_sharing_stated(info) if is_boolean(info.content.sbom_access.shared)

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count(_infos) == 0
	msg := concat(" ", [
		"the manifest lists no user security information (type \"user-security-information\"), so it cannot be shown",
		"that users receive the information CRA Annex II lists; add the summary of the information given to users and",
		"list it under documents",
	])
}
