# METADATA
# title: Every SBOM component has supplier, name, version and a unique identifier
# description: |
#   To find out whether a published vulnerability affects the product, each component listed in the SBOM must be
#   identifiable: who supplies it, its name, its exact version, and an identifier that vulnerability databases
#   use (a package URL or a CPE). These are the NTIA minimum data fields for every component, and the CRA requires
#   the manufacturer to identify and document the components of the product. For a medical device or IVD,
#   identifying the components of its software is part of developing it to the state of the art, information
#   security included (MDR Annex I 17.2, IVDR Annex I 16.2), and the FDA requires the SBOM of a cyber device sold in
#   the US to include its commercial, open-source and off-the-shelf components (FD&C Act 524B(b)(3)), identified by
#   the NTIA baseline attributes. A package URL that does not parse cannot be looked up, so it does not count as an
#   identifier.
# scope: package
# custom:
#   id: AL-SBOM-003
#   severity: error
#   clauses:
#     - id: NTIA-SBOM-SUPPLIER
#       cite: NTIA SBOM Minimum Elements (2021), data field 'Supplier Name'
#     - id: NTIA-SBOM-COMPONENT-NAME
#       cite: NTIA SBOM Minimum Elements (2021), data field 'Component Name'
#     - id: NTIA-SBOM-VERSION
#       cite: NTIA SBOM Minimum Elements (2021), data field 'Version of the Component'
#     - id: NTIA-SBOM-OTHER-IDENTIFIERS
#       cite: NTIA SBOM Minimum Elements (2021), data field 'Other Unique Identifiers'
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: MDCG-2019-16-4.2-SECDOC
#       cite: MDCG 2019-16 rev.1 section 4.2, MDR Annex I 23.4(ab) (security documentation beyond the IFU)
#     - id: FDA-524B-B3
#       cite: FD&C Act 524B(b)(3)
#     - id: FDA-CSG-V-A-4-b
#       cite: FDA premarket cybersecurity guidance section V.A.4(b)
#   remediation: |
#     Fill in the missing fields for the component: supplier (CycloneDX `supplier`, `manufacturer`, `publisher` or
#     `author`; SPDX `supplier` or `originator`), name, version, and a package URL (`purl`, see
#     https://github.com/package-url/purl-spec) or CPE. Most SBOM generators fill them when configured to; fix the
#     source metadata (package manifests) rather than editing the SBOM by hand.
package annexlint.rules.sbom["component-minimum-elements"]

import data.annexlint.lib
import data.annexlint.lib.sbom as sbom_lib

# The finding is written out rather than built with lib.finding: this rule reports nearly every component of an
# SBOM without suppliers, and a function call per finding is a good part of its cost on such SBOMs.
report contains {"path": sbom.path, "pointer": gap.pointer, "message": msg} if {
	some sbom in lib.documents("sbom")
	some gap in _gaps(sbom)
	msg := sprintf(
		"component %s lacks %s; fill in what is missing so the component can be identified and %s",
		[gap.label, gap.words, "looked up in vulnerability databases"],
	)
}

# evidence is the component list of every SBOM that lists components (and its primary component, the product,
# which is checked too); an SBOM without components is insufficient evidence, however complete its primary is.
evidence contains sbom_lib.components_examined(sbom) if some sbom in sbom_lib.with_components

evidence contains lib.examined(sbom.path, "/primary") if {
	some sbom in sbom_lib.with_components
	is_object(sbom.content.primary)
}

insufficient contains sbom_lib.no_components(sbom, "the supplier, name, version and identifier of its components") if {
	some sbom in sbom_lib.without_components
}

# missing holds one [path, pointer, field] per component and absent element (supplier, name, version,
# identifier); docs/sbom-checks.md counts it (internal/sbomquality).
missing contains [sbom.path, gap.pointer, field] if {
	some sbom in lib.documents("sbom")
	some gap in _gaps(sbom)
	some field in gap.missing
}

# _gaps are the components lacking an element, each {pointer, index (-1 for the primary), named, missing: the
# absent elements in message order, label: the finding's name for the component, words: the finding's words for
# what it lacks}. annexlint check computes them in Go (input.derived.sbom_gaps, the same
# decisions as below at a fraction of the cost; TestSBOMGapsMatchRego compares the two); without those facts
# (unit tests, a policy evaluated on its own) the rule computes them here.
_gaps(sbom) := computed if {
	computed := input.derived.sbom_gaps[sbom.path].minimum_elements
} else := [gap |
	some entry in _suspects(sbom.content)
	c := entry[1]
	absent := array.concat(
		[field | some [field, _] in _fields; not lib.has_text(c, field)],
		["identifier" | _lacks_identifier(c)],
	)
	count(absent) > 0
	named := _named(c)
	gap := {
		"pointer": entry[0], "index": entry[2], "named": named, "missing": absent,
		"label": _label(c, named), "words": concat(", ", [_words(c, field) | some field in absent]),
	}
]

# _suspects are [pointer, component, index] triples for the primary component (the product itself) and every other one that
# fails a quick test of all elements; only those are examined field by field. SBOMs run to tens of thousands of
# components, and the quick pass costs a fraction of the full account. trim_space cannot raise a type error in it:
# the normalised SBOM model holds strings in these fields, and an absent field only makes the test undefined.
_suspects(bom) := array.concat(
	[["/primary", p, -1] | p := bom.primary; is_object(p)],
	[[sprintf("/components/%d", [i]), c, i] |
		complete := {i |
			some i, c in bom.components
			trim_space(c.supplier) != ""
			trim_space(c.name) != ""
			trim_space(c.version) != ""
			trim_space(c.purl) != ""
			c.purl_error == ""
		}
		some i, c in bom.components
		not i in complete
		is_object(c)
	],
)

_named(c) if {
	lib.has_text(c, "name")
} else := false

_fields := [["supplier", "a supplier name"], ["name", "a name"], ["version", "a version"]]

_labels := {field: label | some [field, label] in _fields}

# _words are the words of a finding for one missing element; for the identifier, the package URL's error if it has
# one that does not parse, else that no identifier is given at all.
_words(c, "identifier") := sprintf("a package URL that parses (%q: %s)", [object.get(c, "purl", ""), c.purl_error]) if {
	_unparsable(c)
} else := "a unique identifier (package URL or CPE)"

_words(_, field) := _labels[field] if field != "identifier"

# _lacks_identifier is true for a component with a package URL that does not parse, or with no identifier at all.
_lacks_identifier(c) if _unparsable(c)

_lacks_identifier(c) if not _has_identifier(c)

# _unparsable is lib.has_text(c, "purl_error"), with the common empty case decided before the placeholder patterns.
_unparsable(c) if {
	is_string(c.purl_error)
	trim_space(c.purl_error) != ""
	not lib.is_placeholder(c.purl_error)
}

_has_identifier(c) if lib.has_text(c, "purl")

_has_identifier(c) if {
	some cpe in c.cpes
	is_string(cpe)
	trim_space(cpe) != ""
}

_label(c, true) := sprintf("%q (ref %q)", [c.name, object.get(c, "ref", "")])

_label(c, false) := sprintf("with ref %q", [object.get(c, "ref", "")])
