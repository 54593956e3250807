# METADATA
# title: Every SBOM component is placed in the dependency graph or declared as a known unknown
# description: |
#   The NTIA minimum elements require the dependency relationship for every component: which software includes
#   it. A component that no dependency entry mentions, neither as the one that depends nor as the one depended
#   on, floats free: a reader cannot tell which part of the product pulls it in, so a vulnerability in it cannot
#   be traced to what it affects. Where the manufacturer does not know where such a component belongs, the SBOM
#   must say so (NTIA "known unknowns"), because by default a reader takes missing data as incomplete, never as
#   "not needed". A CycloneDX component nested inside another is placed by that nesting. BSI TR-03183-2 asks the
#   same of an SBOM under the CRA, whose Annex I Part II (1) requires the components of the product to be identified
#   and documented; for a medical device or IVD a traceable SBOM is part of developing its software to the state of
#   the art, information security included (MDR Annex I 17.2, IVDR Annex I 16.2).
# scope: package
# custom:
#   id: AL-SBOM-005
#   severity: error
#   clauses:
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: NTIA-SBOM-DEPENDENCY
#       cite: NTIA SBOM Minimum Elements (2021), data field 'Dependency Relationship'
#     - id: NTIA-SBOM-KNOWN-UNKNOWNS
#       cite: NTIA SBOM Minimum Elements (2021), practice 'Known Unknowns'
#     - id: NTIA-SBOM-DEPTH
#       cite: NTIA SBOM Minimum Elements (2021), practice 'Depth'
#     - id: BSI-TR-03183-2-5.1
#       cite: BSI TR-03183-2 section 5.1
#     - id: FDA-CSG-V-A-4-b
#       cite: FDA premarket cybersecurity guidance section V.A.4(b)
#   remediation: |
#     Record which component includes it: CycloneDX `dependencies` (an entry `{"ref": <parent>, "dependsOn":
#     [<component>]}`, or nest the component in its parent), SPDX `DEPENDS_ON` / `CONTAINS` relationships. If it is
#     not known where the component belongs, declare that: CycloneDX `compositions` with aggregate `unknown` or
#     `incomplete` listing the component, SPDX relationship from the component to `NOASSERTION`. Generators such as
#     syft, cdxgen and the cyclonedx-* plugins write the graph when run on the build rather than on a flat file list.
package annexlint.rules.sbom["component-dependencies"]

import data.annexlint.lib
import data.annexlint.lib.sbom as sbom_lib

# evidence is the component list of every SBOM that lists components; one without components places nothing.
evidence contains sbom_lib.components_examined(sbom) if some sbom in sbom_lib.with_components

insufficient contains sbom_lib.no_components(sbom, "the place of its components in the dependency graph") if {
	some sbom in sbom_lib.without_components
}

# missing holds [path, pointer, "dependency"] for every component the graph does not place; the corpus figures in
# docs/sbom-checks.md count it (internal/sbomquality).
missing contains [sbom.path, sprintf("/components/%d", [i]), "dependency"] if {
	some sbom in lib.documents("sbom")
	some i in _unplaced(sbom.content)
}

report contains lib.finding(sbom.path, sprintf("/components/%d", [i]), msg) if {
	some sbom in lib.documents("sbom")
	some i in _unplaced(sbom.content)
	msg := sprintf("component %s %s; %s, or declare it as a known unknown (%s)", [
		_label(sbom.content.components[i]),
		"is named in no dependency entry and no known unknowns are declared for it, so nothing says what includes it",
		"record the component that includes it (CycloneDX dependencies or nesting, SPDX DEPENDS_ON or CONTAINS)",
		"CycloneDX compositions with aggregate unknown or incomplete, SPDX relationship to NOASSERTION",
	])
}

# _unplaced are the indexes of the components that no dependency entry names and no known unknown declares. Both
# sets are built once per SBOM and membership is a hash lookup, so a 10 000-component SBOM costs linear time, not
# components times dependency entries; the nesting test runs only for the few components left.
_unplaced(bom) := {i |
	placed := _placed(bom)
	unknown := {r | some gap in bom.known_unknowns; some r in gap.refs}
	some i, c in bom.components
	is_object(c)
	ref := object.get(c, "ref", "")
	not ref in placed
	not ref in unknown
	not _nested(c)
}

# _placed are the refs the dependency graph mentions, on either side of an entry. Iterating a value that is not a
# collection yields nothing, so malformed entries are skipped without an error.
_placed(bom) := union({
	{d.ref | some d in bom.dependencies},
	{r | some d in bom.dependencies; some r in d.depends_on},
	{r | some d in bom.dependencies; some r in d.contains},
})

# _nested is true for a CycloneDX JSON component written inside another component or metadata.component
# (nested_in): CycloneDX nesting means the parent includes it. The model knows it from JSON member paths only; XML
# input records lines, so its nested components are placed only by dependency entries.
_nested(c) if c.nested_in in {"component", "primary"}

_label(c) := sprintf("%q (ref %q)", [c.name, object.get(c, "ref", "")]) if {
	lib.has_text(c, "name")
} else := sprintf("with ref %q", [object.get(c, "ref", "")])
