# METADATA
# title: Each SBOM states who produced it and when
# description: |
#   An SBOM is a snapshot: a reader must know who is responsible for its data and when it was assembled to judge
#   whether it still matches the product and whom to ask about it. The NTIA minimum elements require the author
#   of the SBOM data (a person or organisation; a generating tool alone does not say who is responsible) and a
#   timestamp.
# scope: package
# custom:
#   id: AL-SBOM-004
#   severity: error
#   clauses:
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: NTIA-SBOM-AUTHOR
#       cite: NTIA SBOM Minimum Elements (2021), data field 'Author of SBOM Data'
#     - id: NTIA-SBOM-TIMESTAMP
#       cite: NTIA SBOM Minimum Elements (2021), data field 'Timestamp'
#     - id: BSI-TR-03183-2-5.2.1
#       cite: BSI TR-03183-2 section 5.2.1 (Table 2)
#     - id: FDA-CSG-V-A-4-b
#       cite: FDA premarket cybersecurity guidance section V.A.4(b)
#   remediation: |
#     Record the organisation or person that produced the SBOM and the time it was assembled: CycloneDX
#     `metadata.authors` (or `metadata.manufacturer` / `metadata.supplier`) and `metadata.timestamp`; SPDX
#     `creationInfo.creators` with a `Person:` or `Organization:` entry, and `creationInfo.created`.
package annexlint.rules.sbom["document-author-timestamp"]

import data.annexlint.lib
import data.annexlint.lib.sbom as sbomlib

report contains lib.finding(sbom.path, "", msg) if {
	some sbom in lib.documents("sbom")
	gaps := array.concat(
		["author" | not _has_author(sbom.content)],
		["timestamp" | not lib.has_text(sbom.content, "timestamp")],
	)
	count(gaps) > 0
	msg := sprintf("the SBOM states no %s; %s (CycloneDX %s; SPDX %s)", [
		concat(" and no ", gaps),
		"record in its metadata the person or organisation that produced it and when it was assembled",
		"metadata.authors, metadata.timestamp",
		"creationInfo creators Person or Organization, created",
	])
}

# A timestamp that does not start with a date and a time of day (a template placeholder, "unknown", a bare date)
# does not say when the SBOM data was assembled, which is what NTIA asks for, so it counts as no timestamp. A space
# instead of the "T" is accepted: the element is there, and the format's own schema judges the exact syntax.
report contains lib.finding(sbom.path, "", msg) if {
	some sbom in lib.documents("sbom")
	lib.has_text(sbom.content, "timestamp")
	not _dated(sbom.content.timestamp)
	msg := sprintf("the SBOM timestamp %q is not a date and time; %s", [
		sbom.content.timestamp,
		"record when the SBOM was assembled in ISO 8601 form, e.g. 2026-10-01T12:00:00Z (CycloneDX metadata.timestamp, SPDX creationInfo created)",
	])
}

# evidence is every SBOM whose metadata was read. The author and timestamp belong to the document, so an SBOM
# without components is still judged here; the component rules report it as insufficient evidence.
# An SBOM that lists no components is not an SBOM of the product, however well-formed: its form is evidence of
# nothing, so it is judged only when it lists components.
evidence contains lib.examined(sbom.path, "") if {
	some sbom in sbomlib.with_components
	is_object(sbom.content)
}

insufficient contains sbomlib.no_components(sbom, "whether its author and timestamp describe an SBOM of the product") if {
	some sbom in sbomlib.without_components
}

# missing holds [path, "", field] for an SBOM without an author, or without a usable timestamp; docs/sbom-checks.md
# counts it (internal/sbomquality).
missing contains [sbom.path, "", "author"] if {
	some sbom in lib.documents("sbom")
	not _has_author(sbom.content)
}

missing contains [sbom.path, "", "timestamp"] if {
	some sbom in lib.documents("sbom")
	not _has_timestamp(sbom.content)
}

_has_timestamp(bom) if {
	lib.has_text(bom, "timestamp")
	_dated(bom.timestamp)
}

_dated(ts) if regex.match(`^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}`, ts)

_has_author(bom) if {
	some author in bom.authors
	is_string(author)
	trim_space(author) != ""
}
