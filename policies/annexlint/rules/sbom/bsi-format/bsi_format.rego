# METADATA
# title: A CRA product's SBOM uses a format version BSI TR-03183-2 accepts
# description: |
#   BSI TR-03183-2, which spells out the CRA's SBOM obligation for manufacturers, accepts only CycloneDX or SPDX in
#   JSON or XML, from a minimum specification version on: older versions lack fields the guideline requires
#   (such as the BSI component properties and a clear statement of dependency completeness). Version 2.1.0 of the
#   guideline sets the floor at CycloneDX 1.6 and SPDX 3.0.1, so SPDX 2.x and tag-value files no longer qualify.
#   The guideline is not binding and is cited here unverified, hence a warning; it spells out the CRA's requirement
#   of an SBOM in a commonly used, machine-readable format (Annex I Part II (1)), so the rule runs where that applies.
# scope: package
# custom:
#   id: AL-SBOM-006
#   severity: warning
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: BSI-TR-03183-2-4
#       cite: BSI TR-03183-2 section 4
#   remediation: |
#     Generate the SBOM as CycloneDX 1.6 or later in JSON or XML (cyclonedx-cli, syft, cdxgen and the cyclonedx-*
#     build plugins write it with the right options), or as SPDX 3.0.1 or later (annexlint cannot read SPDX 3 yet,
#     so CycloneDX is the way to have it checked).
package annexlint.rules.sbom["bsi-format"]

import data.annexlint.lib
import data.annexlint.lib.sbom as sbomlib

# min_versions are the minimum specification versions of BSI TR-03183-2 v2.1.0, copied from the min_versions of
# the catalog entry BSI-TR-03183-2-4; internal/sbomquality fails its tests when the two disagree.
min_versions := {"cyclonedx": "1.6", "spdx": "3.0.1"}

# _families maps the normalised format to its family and says whether its serialisation is JSON or XML.
_families := {
	"cyclonedx-json": ["cyclonedx", "CycloneDX", "JSON", true],
	"cyclonedx-xml": ["cyclonedx", "CycloneDX", "XML", true],
	"spdx-json": ["spdx", "SPDX", "JSON", true],
	"spdx-tag-value": ["spdx", "SPDX", "tag-value", false],
}

# evidence is every SBOM whose format annexlint read; the format belongs to the document, so an SBOM without
# components is still judged here.
# An SBOM that lists no components is not an SBOM of the product, however well-formed: its form is evidence of
# nothing, so it is judged only when it lists components.
evidence contains lib.examined(sbom.path, "") if {
	some sbom in sbomlib.with_components
	_families[sbom.content.format]
}

insufficient contains sbomlib.no_components(sbom, "whether it is an SBOM of the product in a format BSI TR-03183-2 accepts") if {
	some sbom in sbomlib.without_components
}

# missing holds [path, "", "format"] for every SBOM the guideline does not accept; docs/sbom-checks.md counts it.
missing contains [sbom.path, "", "format"] if {
	some sbom in lib.documents("sbom")
	count(_problems(sbom.content)) > 0
}

report contains lib.finding(sbom.path, "", msg) if {
	some sbom in lib.documents("sbom")
	problems := _problems(sbom.content)
	count(problems) > 0
	[_, name, serialisation, _] := _families[sbom.content.format]
	msg := sprintf("the SBOM is %s %s (%s), but BSI TR-03183-2 v2.1.0 %s; %s", [
		name, sbom.content.spec_version, serialisation, concat(" and ", problems),
		"regenerate it as CycloneDX 1.6 or later in JSON or XML (SPDX 3.0.1 or later also qualifies, but annexlint cannot read it yet)",
	])
}

_problems(bom) := array.concat(
	[sprintf("accepts %s only from version %s on", [name, min]) |
		[family, name, _, _] := _families[bom.format]
		min := min_versions[family]
		_older(bom.spec_version, min)
	],
	["accepts only JSON or XML" | _families[bom.format][3] == false],
)

# _older is true when version a is below version b; both must be dotted numbers, anything else is left alone
# (the parser has already refused versions it does not know).
_older(a, b) if {
	is_string(a)
	regex.match(`^[0-9]+(\.[0-9]+){0,2}$`, a)
	_key(a) < _key(b)
}

# _key turns "1.6" into 1006000 so versions compare as numbers ("1.10" after "1.9").
_key(v) := ((n[0] * 1000000) + (n[1] * 1000)) + n[2] if {
	parts := split(v, ".")
	n := [to_number(_part(parts, i)) | some i in [0, 1, 2]]
}

_part(parts, i) := parts[i] if count(parts) > i

else := "0"
