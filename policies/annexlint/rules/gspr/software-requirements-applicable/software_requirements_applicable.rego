# METADATA
# title: The software and IT security requirements are not marked "not applicable" for a device with software or network links
# description: |
#   MDR Annex I 17.2 (software developed to the state of the art, with information security risk management), 17.4
#   (minimum hardware, IT network characteristics and IT security measures) and 23.4(ab) (those minimum requirements
#   in the instructions for use) apply to every device that incorporates software or electronic programmable
#   systems; the IVDR has the same in 16.2, 16.4 and 20.4.1(ah). A GSPR checklist that marks one of them not
#   applicable for a device whose bundle holds an SBOM (so the device contains software) or declares external
#   interfaces (so it connects to other systems) contradicts its own technical documentation, whatever the
#   justification says.
# scope: package
# custom:
#   id: AL-GSPR-005
#   severity: error
#   frameworks: [MDR, IVDR]
#   clauses:
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: MDR-AI-17.4
#       cite: MDR Annex I 17.4
#     - id: MDR-AI-23.4AB
#       cite: MDR Annex I 23.4(ab)
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: IVDR-AI-16.4
#       cite: IVDR Annex I 16.4
#     - id: IVDR-AI-20.4.1AH
#       cite: IVDR Annex I 20.4.1(ah)
#     - id: MDCG-2019-16-1.3
#       cite: MDCG 2019-16 rev.1 section 1.3
#   remediation: |
#     Mark the entry applicable (remove `applicable: false` and its justification) and list under `evidence` the
#     documents that show conformity: the software life-cycle and security risk records for 17.2 (IVDR 16.2), the
#     stated minimum hardware, network and IT security requirements for 17.4 (IVDR 16.4), and the IFU section that
#     states them for 23.4(ab) (IVDR 20.4.1(ah)).
package annexlint.rules.gspr["software-requirements-applicable"]

import data.annexlint.lib

# _software_sections are, per framework, the Annex I sections that apply to every device with software, spelled as
# _section normalises them.
_software_sections := {
	"MDR": {"17.2", "17.4", "23.4(ab)"},
	"IVDR": {"16.2", "16.4", "20.4.1(ah)"},
}

_aliases := {"20.4(ah)": "20.4.1(ah)"}

report contains lib.finding(matrix.path, sprintf("/entries/%d/applicable", [i]), msg) if {
	sections := _software_sections[lib.product.framework]
	reasons := _software_shown
	count(reasons) > 0
	some matrix in lib.documents("gspr-evidence-matrix")
	some i, entry in matrix.content.entries
	entry.applicable == false
	_section(entry) in sections
	msg := sprintf("%s Annex I %s is marked not applicable, but %s; it applies to every device with software: %s", [
		lib.product.framework, entry.gspr, concat(" and ", reasons),
		"mark it applicable and list the documents that show conformity",
	])
}

# _software_shown says what in the bundle shows that the device has software or connects to other systems.
_software_shown := array.concat(
	[sprintf("the bundle holds an SBOM (%s), so the device contains software", [concat(", ", sboms)]) |
		sboms := sort([d.path | some d in lib.documents("sbom")])
		count(sboms) > 0
	],
	[sprintf("the manifest declares external interfaces (%s)", [concat(", ", ids)]) |
		ids := sort([object.get(itf, "id", "?") | some itf in _interfaces])
		count(ids) > 0
	],
)

_interfaces := [itf | some itf in lib.product.interfaces; is_object(itf)]

_section(entry) := object.get(_aliases, s, s) if {
	is_string(entry.gspr)
	s := replace(lower(trim_space(entry.gspr)), " ", "")
}

# The rule examines the matrix entries for the software sections together with what shows the device has software.
evidence contains lib.examined(matrix.path, sprintf("/entries/%d", [i])) if {
	sections := _software_sections[lib.product.framework]
	count(_software_shown) > 0
	some matrix in lib.documents("gspr-evidence-matrix")
	some i, entry in matrix.content.entries
	_section(entry) in sections
}

# A bundle that shows neither software nor interfaces gives the rule nothing to compare the matrix with.
insufficient contains lib.finding(lib.manifest_path, "/product", msg) if {
	_software_sections[lib.product.framework]
	count(_software_shown) == 0
	msg := concat(" ", [
		"the bundle holds no SBOM and the manifest declares no interfaces, so it cannot be shown whether the device",
		"has software or network links, and with it whether the software requirements of Annex I apply; add the SBOM",
		"of the device's software and declare its interfaces",
	])
}
