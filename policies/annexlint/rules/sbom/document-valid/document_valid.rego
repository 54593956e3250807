# METADATA
# title: Each SBOM is a valid document of its format
# description: |
#   An SBOM is only useful if the tools of customers, notified bodies and market surveillance can read it. The CRA
#   asks for a commonly used, machine-readable format, the NTIA and CISA minimum elements name SPDX and CycloneDX, and
#   BSI TR-03183-2 requires a valid document of one of them: a tool that validates on import rejects an invalid
#   file, and one that does not may misread it. annexlint cannot ship the official schemas, so it checks their
#   structural rules in Go and reports each defect here at its place in the file: a required member missing, a
#   value outside the version's vocabulary (component type, hash algorithm, relationship type, reference category),
#   a malformed serial number, date-time, digest or licence id, and, as the specifications demand in words, bom-refs
#   and SPDX ids that are not unique and dependency references that name nothing in the document. Whether a licence
#   id is on the SPDX License List is not checked. A package URL that does not parse is reported by AL-SBOM-003.
#   For a medical device or IVD, an SBOM that tools can read is part of developing its software to the state of the
#   art, information security included (MDR Annex I 17.2, IVDR Annex I 16.2); FDA asks for a machine-readable one.
# scope: package
# custom:
#   id: AL-SBOM-009
#   severity: error
#   clauses:
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: FDA-CSG-V-A-4-b
#       cite: FDA premarket cybersecurity guidance section V.A.4(b)
#     - id: NTIA-SBOM-AUTOMATION
#       cite: NTIA SBOM Minimum Elements (2021), automation support
#     - id: CISA-SBOM-2025-FORMATS
#       cite: CISA 2025 SBOM Minimum Elements (draft), 'Automation support'
#     - id: BSI-TR-03183-2-4
#       cite: BSI TR-03183-2 section 4
#   remediation: |
#     Correct the SBOM at the place named, following the specification of the version it declares (CycloneDX
#     https://cyclonedx.org/specification/overview/, SPDX https://spdx.github.io/spdx-spec/). Most defects come from the
#     generator: fix its input or configuration, or update it, and regenerate rather than editing by hand. Validate the
#     result against the official schema (cyclonedx-cli validate, pyspdxtools -i <file>) before release.
package annexlint.rules.sbom["document-valid"]

import data.annexlint.lib
import data.annexlint.lib.sbom as sbomlib

_formats := {
	"cyclonedx-json": "CycloneDX",
	"cyclonedx-xml": "CycloneDX",
	"spdx-json": "SPDX",
	"spdx-tag-value": "SPDX",
}

report contains lib.finding(sbom.path, concat("", ["/problems/", format_int(i, 10)]), msg) if {
	some sbom in lib.documents("sbom")
	is_array(sbom.content.problems)
	some i, problem in sbom.content.problems
	lib.has_text(problem, "msg")
	not _reported_elsewhere(problem)
	msg := sprintf("the SBOM is not valid %s: %s; correct it here, or fix the tool that generated it and regenerate", [
		_spec(sbom.content), problem.msg,
	])
}

# evidence is every SBOM that annexlint read and checked against its format's structural rules (the reader records
# what it found under problems, an empty list when nothing). Validity belongs to the document, so an SBOM without
# components is still judged here.
# An SBOM that lists no components is not an SBOM of the product, however well-formed: its form is evidence of
# nothing, so it is judged only when it lists components.
evidence contains lib.examined(sbom.path, "") if {
	some sbom in sbomlib.with_components
	is_array(sbom.content.problems)
}

insufficient contains sbomlib.no_components(sbom, "whether it is a valid SBOM of the product") if {
	some sbom in sbomlib.without_components
}

_spec(bom) := sprintf("%s %s", [_formats[bom.format], bom.spec_version]) if {
	lib.has_text(bom, "spec_version")
} else := object.get(_formats, bom.format, "SBOM")

# _reported_elsewhere holds the problems AL-SBOM-003 already reports from the model's purl_error; internal/sbom
# gives them this code (sbom.ProblemPurl).
_reported_elsewhere(problem) if problem.code == "purl-unparsable"
