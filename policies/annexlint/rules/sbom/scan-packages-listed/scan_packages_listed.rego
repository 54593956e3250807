# METADATA
# title: Every package a vulnerability scan reports is listed in an SBOM of the bundle
# description: |
#   A scanner that finds a vulnerable package in the product's build or image has found a component the product
#   ships. If no SBOM of the bundle lists that package, the SBOM is incomplete: it hides a component from the users
#   and authorities who rely on it to tell whether a new vulnerability affects the product, and the vulnerability
#   handling that works from the SBOM never sees it (AL-VEX-002 reports the vulnerability as unassessed, at the same
#   scan finding). The CRA asks the manufacturer to identify and document the components of the product in an SBOM
#   (Annex I Part II (1), Annex VII point 2(b)); the FD&C Act asks for an SBOM of the device's commercial,
#   open-source and off-the-shelf components (524B(b)(3)). A package is looked up as the vulnerability rules look up
#   a component (package URL without version, BOM-Link, CPE, name), at any version: a scan of an older build is
#   AL-VEX-007's concern.
# scope: package
# custom:
#   id: AL-SBOM-011
#   severity: error
#   clauses:
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: CRA-AVII-2B
#       cite: CRA Annex VII point 2(b)
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: FDA-524B-B3
#       cite: FD&C Act 524B(b)(3)
#     - id: NTIA-SBOM-DEPTH
#       cite: NTIA SBOM Minimum Elements (2021), practice 'Depth'
#     - id: CISA-SBOM-2025-COVERAGE
#       cite: CISA 2025 SBOM Minimum Elements (draft), 'Coverage'
#   remediation: |
#     Generate the SBOM from the same build or image the scanner examined, so that it lists every component the
#     product ships, and scan that SBOM again. If the scanner examined something the product does not ship (a build
#     tool, a test dependency), scan only what ships.
package annexlint.rules.sbom["scan-packages-listed"]

import data.annexlint.lib
import data.annexlint.lib.sbom as sbom_lib
import data.annexlint.lib.vuln

# One finding per scan and package, at the first finding the scan reports for it, listing all its vulnerabilities.
report contains lib.finding(scan.path, concat("", ["/matches/", format_int(first, 10)]), msg) if {
	some scan in lib.documents("vulnerability-scan")
	some indexes in _unlisted[scan.path]
	first := min(indexes)
	match := scan.content.matches[first]
	msg := sprintf("the scan %s reports %s in %s, but no SBOM of the bundle lists that package; %s", [
		scan.path, concat(", ", sort({m.vulnerability | some i in indexes; m := scan.content.matches[i]})),
		vuln.product_label(match), concat(" ", [
			"the SBOM is incomplete: generate it from the build the scanner examined so that it lists every",
			"component the product ships (or scan only what ships)",
		]),
	])
}

# _unlisted maps a scan's path to {package key: indexes of its findings whose package no SBOM lists}.
_unlisted := {scan.path: packages |
	count(sbom_lib.with_components) > 0
	some scan in lib.documents("vulnerability-scan")
	pairs := [[_key(m), i] |
		some i, m in scan.content.matches
		is_object(m)
		count(vuln.resolve_package(m)) == 0
	]
	packages := {k: {i | some pair in pairs; pair[0] == k; i := pair[1]} | some [k, _] in pairs}
}

_key(m) := k if {
	k := vuln.purl_base(m.purl)
} else := lower(trim_space(m.name)) if {
	lib.has_text(m, "name")
} else := "an unnamed package"

# evidence is every scan, its findings looked up in the SBOMs that list components, and those component lists. A
# scan without findings is examined too: it reports no package the SBOMs could lack. Without a scan, or without an
# SBOM that lists components, there is nothing to compare: insufficient evidence (AL-VEX-002 asks for the scan).
evidence contains lib.examined(scan.path, _matches_pointer(scan)) if {
	count(sbom_lib.with_components) > 0
	some scan in lib.documents("vulnerability-scan")
}

evidence contains sbom_lib.components_examined(sbom) if {
	lib.has_document("vulnerability-scan")
	some sbom in sbom_lib.with_components
}

insufficient contains sbom_lib.no_components(sbom, "whether it lists the packages the scans report") if {
	lib.has_document("vulnerability-scan")
	some sbom in sbom_lib.without_components
}

_matches_pointer(scan) := "/matches" if count(scan.content.matches) > 0

else := ""
