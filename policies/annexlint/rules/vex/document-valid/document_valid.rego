# METADATA
# title: VEX documents, scan reports and KEV catalogs follow their format's specification
# description: |
#   A VEX document is only useful if the tools of hospitals, notified bodies and market surveillance can read it:
#   OpenVEX and CSAF 2.0 define required fields and closed vocabularies, and CSAF adds the tests of its VEX
#   profile (product tree, notes, product status, an impact statement for every product known not to be affected,
#   an action statement for every product known to be affected). annexlint checks them in Go, since the official
#   schemas use a JSON Schema draft its validator does not support, and reports each defect here at its place in
#   the file. The same applies to scan reports and KEV catalogs: an entry that cannot be read is a vulnerability
#   nobody assessed. A missing justification or action statement is reported by AL-VEX-003 and AL-VEX-004, for
#   every VEX format alike, not here. For a medical device or IVD, records of vulnerability assessment that tools
#   can read are part of developing and maintaining its software to the state of the art, information security
#   included (MDR Annex I 17.2, IVDR Annex I 16.2).
# scope: package
# custom:
#   id: AL-VEX-001
#   severity: error
#   clauses:
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#     - id: FDA-CSG-V-A-4-b
#       cite: FDA premarket cybersecurity guidance section V.A.4(b)
#   remediation: |
#     Correct the document at the place named: add the missing field, use a value of the format's vocabulary (the
#     OpenVEX specification v0.2.0, CSAF 2.0 section 6.1.27 for the VEX profile, the CycloneDX vulnerability
#     schema). If a tool wrote the document, fix the tool's input or configuration and regenerate it rather than
#     editing by hand.
package annexlint.rules.vex["document-valid"]

import data.annexlint.lib

_types := {"vex", "vulnerability-scan", "kev-catalog"}

_formats := {
	"openvex": "OpenVEX document",
	"csaf-vex": "CSAF VEX document",
	"cyclonedx-vex": "CycloneDX VEX",
	"cyclonedx-vdr": "CycloneDX vulnerability report",
	"grype": "Grype report",
	"trivy": "Trivy report",
	"osv-scanner": "OSV-Scanner report",
	"kev": "KEV catalog",
}

report contains lib.finding(doc.path, concat("", ["/problems/", format_int(i, 10)]), msg) if {
	some doc in input.documents
	doc.type in _types
	some i, problem in doc.content.problems
	not _reported_elsewhere(problem)
	msg := sprintf("the %s does not follow its specification: %s; correct it here", [
		object.get(_formats, doc.content.kind, "document"), problem.msg,
	])
}

# evidence is every VEX document, scan report and KEV catalog that annexlint read and checked against its format
# (the reader records what it found under problems, an empty list when nothing). Validity belongs to the document,
# so a VEX without statements is still judged here; the VEX rules that read statements report it.
evidence contains lib.examined(doc.path, "") if {
	some doc in input.documents
	doc.type in _types
	is_array(doc.content.problems)
}

# _reported_elsewhere holds the problems that AL-VEX-003 (action statement of affected) and AL-VEX-004
# (justification of not_affected) report for every VEX format; reporting them here too would say the same twice.
# The vuln package gives them these codes (vuln.Problem*).
_reported_elsewhere(problem) if problem.code in {
	"not-affected-unjustified",
	"affected-no-action",
	"csaf-6.1.27.9",
	"csaf-6.1.27.10",
}
