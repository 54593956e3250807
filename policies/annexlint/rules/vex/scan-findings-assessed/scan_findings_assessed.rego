# METADATA
# title: Every vulnerability a scan reports in a shipped component is assessed in a VEX statement
# description: |
#   A scanner lists every published vulnerability whose affected versions include a component version; many do not
#   apply to the product because the vulnerable code is absent, unreachable or mitigated. The manufacturer must
#   assess each one and record the result, so that none is left unhandled and none is left open without reason:
#   fixed, not affected (with a justification), affected (with the action taken) or under investigation. A
#   vulnerability found in a component that the SBOMs ship without any VEX statement about it is an open,
#   unassessed known vulnerability. So is one found in a package that no SBOM lists (AL-SBOM-011 reports the
#   incomplete SBOM at the same scan finding), unless a VEX statement assesses it for that package. For a
#   medical device or IVD, known vulnerabilities of its components are foreseeable misuse that the software's
#   risk management, information security included, must assess (MDR Annex I 17.2, IVDR Annex I 16.2; MDCG 2019-16
#   section 3.4 and 3.8).
# scope: package
# custom:
#   id: AL-VEX-002
#   severity: error
#   clauses:
#     - id: CRA-AI-P1-2A
#       cite: CRA Annex I Part I (2)(a)
#     - id: CRA-AI-P2-2
#       cite: CRA Annex I Part II (2)
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: MDCG-2019-16-3.4
#       cite: MDCG 2019-16 rev.1 section 3.4
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#     - id: FDA-CSG-V-A-4-b
#       cite: FDA premarket cybersecurity guidance section V.A.4(b)
#   remediation: |
#     Assess the vulnerability for the component and add a statement to the product's VEX document (OpenVEX, CSAF
#     VEX or CycloneDX VEX, listed in the manifest as type vex): not_affected with a justification, affected with
#     the action taken or planned, fixed, or under_investigation while the analysis runs. Name the component by the
#     package URL the SBOM gives it (or the CycloneDX bom-ref, CPE, or name and version), or name the product as a
#     whole when the statement holds for all of it.
package annexlint.rules.vex["scan-findings-assessed"]

import data.annexlint.lib
import data.annexlint.lib.sbom as sbom_lib
import data.annexlint.lib.vuln

report contains lib.finding_related(scan.path, concat("", ["/matches/", format_int(i, 10)]), msg, related) if {
	some scan in lib.documents("vulnerability-scan")
	some i, match in scan.content.matches
	count(vuln.ids(match)) > 0
	open := vuln.unassessed(match)
	count(open) > 0
	msg := sprintf("the scan reports %s in %s, but %s; %s", [
		_name(match), concat(", ", sort([vuln.label(id) | some id in open])), _missing,
		"assess it and add a VEX statement for the component (or for the product as a whole)",
	])
	related := [{"path": id[0], "pointer": vuln.pointer(id), "message": "the component the SBOM ships"} |
		some id in open
	]
}

# A package no SBOM lists is not found by the component lookup above; its vulnerability is open unless a VEX
# statement names the same package (package URL without version, or name) for it.
report contains lib.finding(scan.path, concat("", ["/matches/", format_int(i, 10)]), msg) if {
	count(sbom_lib.with_components) > 0
	some scan in lib.documents("vulnerability-scan")
	some i, match in scan.content.matches
	vulnerabilities := vuln.ids(match)
	count(vulnerabilities) > 0
	count(vuln.resolve_package(match)) == 0
	not _assessed_unlisted(vulnerabilities, match)
	msg := sprintf("the scan reports %s in %s, a package no SBOM of the bundle lists, and %s; %s", [
		_name(match), vuln.product_label(match), _missing_unlisted,
		"the vulnerability is unassessed: add the package to the SBOM, assess it and add a VEX statement for it",
	])
}

# evidence is the findings of every scan that reports some, each checked against the VEX statements for the
# components the SBOMs ship, and those component lists. A scan that reports none is a result only when it says when
# it ran (the scanner's timestamp); an undated empty report, no scan at all, or no SBOM listing components shows no
# assessment, so the rule has insufficient evidence.
evidence contains lib.examined(scan.path, "/matches") if {
	count(sbom_lib.with_components) > 0
	some scan in lib.documents("vulnerability-scan")
	_has_matches(scan)
}

evidence contains lib.examined(scan.path, "") if {
	count(sbom_lib.with_components) > 0
	some scan in lib.documents("vulnerability-scan")
	not _has_matches(scan)
	lib.has_text(scan.content, "timestamp")
}

evidence contains sbom_lib.components_examined(sbom) if {
	lib.has_document("vulnerability-scan")
	some sbom in sbom_lib.with_components
}

insufficient contains sbom_lib.no_components(sbom, "whether the scan findings in its components are assessed") if {
	lib.has_document("vulnerability-scan")
	some sbom in sbom_lib.without_components
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("vulnerability-scan")
	msg := concat(" ", [
		"the manifest lists no vulnerability scan (type vulnerability-scan), so it cannot be shown that every known",
		"vulnerability of the shipped components was found and assessed; scan the SBOM (for example with grype,",
		"trivy or osv-scanner), add the report to the bundle and list it under documents",
	])
}

insufficient contains lib.finding(scan.path, "", msg) if {
	some scan in lib.documents("vulnerability-scan")
	not _has_matches(scan)
	not lib.has_text(scan.content, "timestamp")
	msg := sprintf("the scan %s reports no findings and does not say when it ran, so it does not show that %s; %s", [
		scan.path, "the shipped components were scanned",
		"add the report as the scanner wrote it, with its run time, or scan the current SBOM again",
	])
}

_has_matches(scan) if {
	is_array(scan.content.matches)
	count(scan.content.matches) > 0
}

_name(match) := sprintf("%s (also %s)", [match.vulnerability, concat(", ", match.aliases)]) if {
	count(match.aliases) > 0
} else := match.vulnerability

_missing := "the bundle has no VEX document (type vex) to assess it" if {
	not lib.has_document("vex")
} else := "no VEX statement in the bundle assesses it for that component"

_missing_unlisted := "the bundle has no VEX document (type vex) to assess it" if {
	not lib.has_document("vex")
} else := "no VEX statement assesses it for that package"

_assessed_unlisted(vulnerabilities, match) if {
	some v in vulnerabilities
	some key in _package_keys(match)
	[v, key] in _assessed_packages
}

# _assessed_packages holds [vulnerability, package key] for every product a VEX statement names.
_assessed_packages := {[v, key] |
	some doc in lib.documents("vex")
	some st in doc.content.statements
	some t in vuln.targets(st)
	some key in _package_keys(t)
	some v in vuln.ids(st)
}

_package_keys(x) := {k | k := concat("", ["purl:", vuln.purl_base(x.purl)])} | {k |
	lib.has_text(x, "name")
	k := concat("", ["name:", lower(trim_space(x.name))])
}
