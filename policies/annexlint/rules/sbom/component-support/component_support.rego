# METADATA
# title: Every SBOM component states its level of support and its end-of-support date
# description: |
#   FD&C Act 524B(b)(3) requires an SBOM for a cyber device, and FDA's premarket cybersecurity guidance asks that
#   each component in it carry the level of support its maker provides and the date that support ends, so that
#   reviewers and hospitals can see which parts of the device will stop receiving fixes, and when. The rule runs
#   for medical devices (MDR, IVDR) whose markets include the US, where 524B(b)(3) is the legal basis; for a device
#   sold only in the EU it does not run, since the EU frameworks do not ask for these fields, and a CRA product is
#   by definition not a medical device. It is a warning: the guidance section that names the fields is cited
#   unverified. The product itself (the primary component) is left out: its support period is the manifest's
#   support_period_end.
# scope: package
# custom:
#   id: AL-SBOM-008
#   severity: warning
#   frameworks: [MDR, IVDR]
#   clauses:
#     - id: FDA-524B-B3
#       cite: FD&C Act 524B(b)(3)
#     - id: FDA-CSG-V-A-4-b
#       cite: FDA premarket cybersecurity guidance section V.A.4(b)
#   remediation: |
#     Record for each component the support its supplier provides and the date support ends: CycloneDX properties
#     `support-level` and `end-of-support` (or `cdx:lifecycle:milestone:endOfSupport`, a date YYYY-MM-DD); SPDX 2.3
#     `validUntilDate` for the end of support. Where the supplier publishes no date, say so in the value rather than
#     leaving it out.
package annexlint.rules.sbom["component-support"]

import data.annexlint.lib
import data.annexlint.lib.sbom as sbom_lib

_fields := [
	["support_level", "a support level (property support-level)"],
	["end_of_support", "an end-of-support date (property end-of-support, SPDX validUntilDate)"],
]

# evidence is the component list of every SBOM that lists components; one without components is insufficient.
evidence contains sbom_lib.components_examined(sbom) if some sbom in sbom_lib.with_components

insufficient contains sbom_lib.no_components(sbom, "the support level and end-of-support date of its components") if {
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
	msg := sprintf("component %s lacks %s; %s", [
		gap.label, gap.words,
		"record the support its supplier provides and the date it ends, as FDA expects of the SBOM of a cyber device",
	])
}

_labels := {field: label | some [field, label] in _fields}

# _gaps are the components lacking a field, each {pointer, index, named, missing: the absent fields in message
# order, label: the finding's name for the component, words: its words for what is lacking}. annexlint check
# computes them in Go (input.derived.sbom_gaps, the same decisions and words as below at a fraction of the cost;
# TestSBOMGapsMatchRego compares the two); without those facts (unit tests, a policy evaluated on its own) the rule
# computes them here.
_gaps(sbom) := computed if {
	computed := input.derived.sbom_gaps[sbom.path].support
} else := [gap |
	some i in _suspects(sbom.content)
	c := sbom.content.components[i]
	absent := [field | some [field, _] in _fields; not lib.has_text(c, field)]
	count(absent) > 0
	named := _named(c)
	gap := {
		"pointer": sprintf("/components/%d", [i]), "index": i, "named": named, "missing": absent,
		"label": _label(c, named), "words": concat(" and ", [_labels[field] | some field in absent]),
	}
]

# _suspects are the indexes of the components that fail a quick test of both fields; only they are examined field
# by field. trim_space cannot raise a type error here: the normalised model holds strings in these fields, and an
# absent field only makes the test undefined.
_suspects(bom) := [i |
	complete := {i | some i, c in bom.components; trim_space(c.support_level) != ""; trim_space(c.end_of_support) != ""}
	some i, c in bom.components
	not i in complete
	is_object(c)
]

_named(c) if {
	lib.has_text(c, "name")
} else := false

_label(c, true) := sprintf("%q (ref %q)", [c.name, object.get(c, "ref", "")])

_label(c, false) := sprintf("with ref %q", [object.get(c, "ref", "")])
