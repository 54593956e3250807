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
#     - id: NTIA-SBOM-AUTHOR
#       cite: NTIA SBOM Minimum Elements (2021), data field 'Author of SBOM Data'
#     - id: NTIA-SBOM-TIMESTAMP
#       cite: NTIA SBOM Minimum Elements (2021), data field 'Timestamp'
#   remediation: |
#     Record the organisation or person that produced the SBOM and the time it was assembled: CycloneDX
#     `metadata.authors` (or `metadata.manufacturer` / `metadata.supplier`) and `metadata.timestamp`; SPDX
#     `creationInfo.creators` with a `Person:` or `Organization:` entry, and `creationInfo.created`.
package annexlint.rules.sbom["document-author-timestamp"]

import data.annexlint.lib

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

_has_author(bom) if {
	some author in bom.authors
	is_string(author)
	trim_space(author) != ""
}
