# METADATA
# title: Every component of a CRA product's SBOM has the fields BSI TR-03183-2 requires
# description: |
#   BSI TR-03183-2 spells out what an SBOM must hold for the CRA. Beyond who made a component, its name and its
#   version (checked for every product by AL-SBOM-003), each component needs the name of the file it is delivered
#   as, its own list of dependencies (or a statement that they are not fully known), the licences it is
#   distributed under, a SHA-512 hash of the deployable component so that a delivered file can be matched to the
#   SBOM, and the BSI properties saying whether it is executable, an archive, and structured. The guideline is
#   not binding and is cited here unverified, hence a warning; it spells out the CRA's SBOM requirement (Annex I
#   Part II (1)), so the rule runs where that applies.
# scope: package
# custom:
#   id: AL-SBOM-007
#   severity: warning
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: BSI-TR-03183-2-5.2.2
#       cite: BSI TR-03183-2 section 5.2.2 (Table 3)
#     - id: BSI-TR-03183-2-5.2.2-HASH
#       cite: BSI TR-03183-2 section 5.2.2 (hash value)
#     - id: BSI-TR-03183-2-5.1
#       cite: BSI TR-03183-2 section 5.1
#   remediation: |
#     Generate the SBOM from the build, where the delivered files are known. In CycloneDX give each component the
#     properties bsi:component:filename, bsi:component:executable, bsi:component:archive and bsi:component:structured,
#     a SHA-512 entry under hashes and its licences; give each component its own dependencies entry (an empty
#     dependsOn when it has none) or list it in a composition with aggregate incomplete or unknown. In SPDX use
#     PackageFileName, a SHA512 PackageChecksum, PackageLicenseDeclared and DEPENDS_ON relationships (DEPENDS_ON NONE
#     when there are none).
package annexlint.rules.sbom["bsi-component-fields"]

import data.annexlint.lib
import data.annexlint.lib.sbom as sbom_lib

# _fields are the checked fields in message order, each with the words a finding uses for it.
_fields := [
	["filename", "a filename (bsi:component:filename, SPDX PackageFileName)"],
	["dependencies", "its own dependency entry (an empty list when it has none) or a declaration that its dependencies are unknown"],
	["licence", "a distribution licence"],
	["hash", "a SHA-512 hash of the deployable component"],
	["executable", "the property bsi:component:executable"],
	["archive", "the property bsi:component:archive"],
	["structured", "the property bsi:component:structured"],
]

# hash_algorithm is the algorithm the guideline asks for, as the catalog entry BSI-TR-03183-2-5.2.2-HASH gives it
# (hash_algorithm) in the model's CycloneDX spelling; internal/sbomquality fails its tests when the two disagree.
hash_algorithm := "SHA-512"

# evidence is the component list of every SBOM that lists components, and its primary component (the product),
# which is checked too; an SBOM without components is insufficient evidence.
evidence contains sbom_lib.components_examined(sbom) if some sbom in sbom_lib.with_components

evidence contains lib.examined(sbom.path, "/primary") if {
	some sbom in sbom_lib.with_components
	is_object(sbom.content.primary)
}

insufficient contains sbom_lib.no_components(sbom, "the fields BSI TR-03183-2 requires of every component") if {
	some sbom in sbom_lib.without_components
}

# missing holds one [path, pointer, field] per component and absent field; docs/sbom-checks.md counts it.
missing contains [sbom.path, gap.pointer, field] if {
	some sbom in lib.documents("sbom")
	some gap in _gaps(sbom)
	some field in gap.missing
}

# The finding is written out rather than built with lib.finding: this rule reports nearly every component of most
# SBOMs, and a function call per finding is a good part of its cost on large ones.
report contains {"path": sbom.path, "pointer": gap.pointer, "message": msg} if {
	some sbom in lib.documents("sbom")
	some gap in _gaps(sbom)
	msg := sprintf("component %s lacks %s, which BSI TR-03183-2 requires for every component; %s", [
		gap.label, gap.words,
		"add them where the SBOM is generated (see the rule's remediation for the CycloneDX and SPDX fields)",
	])
}

_labels := {field: label | some [field, label] in _fields}

# _gaps are the components lacking a field, each {pointer, index (-1 for the primary), named, missing: the absent
# fields in message order, label: the finding's name for the component, words: its words for what is lacking}.
# annexlint check computes them in Go (input.derived.sbom_gaps, the same decisions and words as below at a fraction
# of the cost; TestSBOMGapsMatchRego compares the two); without those facts (unit tests, a
# policy evaluated on its own) the rule computes them here.
#
# SBOMs run to tens of thousands of components, so the sets of refs are built once per SBOM and one pass picks out
# the complete components with a quick test of every field; only the others, and the product itself, are examined
# field by field (_present). trim_space and concat cannot raise a type error in the quick test: the normalised SBOM
# model holds strings in these fields, and an absent field only makes the test undefined.
_gaps(sbom) := computed if {
	computed := input.derived.sbom_gaps[sbom.path].bsi_fields
} else := [gap |
	bom := sbom.content
	own := {d.ref | some d in bom.dependencies}
	unknown := {r | some gap in bom.known_unknowns; some r in gap.refs}
	complete := {i |
		some i, c in bom.components
		trim_space(c.filename) != ""
		trim_space(c.executable_property) != ""
		trim_space(c.archive_property) != ""
		trim_space(c.structured_property) != ""
		trim_space(concat("", c.licenses)) != ""
		c.ref in own
		some h in c.hashes
		h.alg == hash_algorithm
		trim_space(h.value) != ""
	}
	some [pointer, c, index] in array.concat(
		[["/primary", p, -1] | p := bom.primary; is_object(p)],
		[[sprintf("/components/%d", [i]), c, i] | some i, c in bom.components; not i in complete; is_object(c)],
	)
	present := _present(c, own, unknown)
	absent := [field | some [field, _] in _fields; not field in present]
	count(absent) > 0
	named := _named(c)
	gap := {
		"pointer": pointer, "index": index, "named": named, "missing": absent,
		"label": _label(c, named), "words": concat(", ", [_words(c, field) | some field in absent]),
	}
]

_named(c) if {
	lib.has_text(c, "name")
} else := false

# _present are the fields the component has, each tested so that no value can raise a type error.
_present(c, own, unknown) := union({
	{"filename" | lib.has_text(c, "filename")},
	{"dependencies" | c.ref in own},
	{"dependencies" | c.ref in unknown},
	{"licence" | some l in c.licenses; is_string(l); trim_space(l) != ""},
	{"hash" | some h in c.hashes; h.alg == hash_algorithm; lib.has_text(h, "value")},
	{"executable" | lib.has_text(c, "executable_property")},
	{"archive" | lib.has_text(c, "archive_property")},
	{"structured" | lib.has_text(c, "structured_property")},
})

# _words says what a hash gap is when the component has other hashes, so the reader knows a SHA-512 is
# what is asked for, not a hash at all.
_words(c, "hash") := sprintf("%s (it has %s only)", [_labels.hash, concat(", ", sort(algs))]) if {
	algs := {h.alg | some h in c.hashes; lib.has_text(h, "alg")}
	count(algs) > 0
} else := _labels.hash

_words(_, field) := _labels[field] if field != "hash"

_label(c, true) := sprintf("%q (ref %q)", [c.name, object.get(c, "ref", "")])

_label(c, false) := sprintf("with ref %q", [object.get(c, "ref", "")])
