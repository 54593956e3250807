# METADATA
# title: Each SBOM names its product and that product's direct dependencies
# description: |
#   An SBOM is useful only if it says which product it describes and which components that product includes
#   directly: from those top-level dependencies the rest of the tree can be traced. The CRA requires the SBOM to
#   cover at least the top-level dependencies, and the NTIA minimum elements require the dependency relationship.
#   Where the manufacturer does not know them completely, the SBOM must say so explicitly (NTIA "known unknowns"),
#   so that a reader does not take a missing relationship for "no dependencies". For a medical device or IVD, an
#   SBOM that shows what the product includes is part of developing its software to the state of the art,
#   information security included (MDR Annex I 17.2, IVDR Annex I 16.2); the NTIA elements and MDCG 2019-16 are
#   that state of the art.
# scope: package
# custom:
#   id: AL-SBOM-002
#   severity: error
#   clauses:
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: MDCG-2019-16-4.2-SECDOC
#       cite: MDCG 2019-16 rev.1 section 4.2, MDR Annex I 23.4(ab) (security documentation beyond the IFU)
#     - id: FDA-CSG-V-A-4-b
#       cite: FDA premarket cybersecurity guidance section V.A.4(b)
#     - id: NTIA-SBOM-DEPENDENCY
#       cite: NTIA SBOM Minimum Elements (2021), data field 'Dependency Relationship'
#     - id: NTIA-SBOM-DEPTH
#       cite: NTIA SBOM Minimum Elements (2021), practice 'Depth'
#     - id: NTIA-SBOM-KNOWN-UNKNOWNS
#       cite: NTIA SBOM Minimum Elements (2021), practice 'Known Unknowns'
#   remediation: |
#     Make the SBOM name the product as its primary component (CycloneDX `metadata.component`, SPDX `DESCRIBES`
#     relationship) and record the components it directly includes (CycloneDX `dependencies`, SPDX `DEPENDS_ON` or
#     `CONTAINS`). If they are not fully known, declare that (CycloneDX `compositions` with aggregate `incomplete`
#     or `unknown`, SPDX relationship to `NOASSERTION`).
package annexlint.rules.sbom["top-level-dependencies"]

import data.annexlint.lib
import data.annexlint.lib.sbom as sbom_lib

report contains lib.finding(sbom.path, "", msg) if {
	some sbom in lib.documents("sbom")
	not _has_primary(sbom)
	msg := concat(" ", [
		"the SBOM does not say which product it describes (no CycloneDX metadata.component, no SPDX DESCRIBES",
		"relationship), so its top-level dependencies cannot be identified; name the product as the primary",
		"component and record the components it directly includes",
	])
}

# missing holds [path, "/primary", "dependency"] for a primary component without top-level dependencies and
# [path, "", "primary"] for an SBOM without one; docs/sbom-checks.md counts it (internal/sbomquality).
missing contains [sbom.path, "", "primary"] if {
	some sbom in lib.documents("sbom")
	not _has_primary(sbom)
}

missing contains [sbom.path, "/primary", "dependency"] if {
	some sbom in lib.documents("sbom")
	_no_top_level(sbom)
}

report contains lib.finding(sbom.path, "/primary", msg) if {
	some sbom in lib.documents("sbom")
	_no_top_level(sbom)
	primary := sbom.content.primary
	ref := object.get(primary, "ref", "")
	msg := sprintf(
		"%s %q (ref %q) %s; %s, or declare them as incomplete or unknown (CycloneDX compositions, SPDX NOASSERTION)",
		[
			"the primary component", object.get(primary, "name", ""), ref,
			"has no dependency entry naming any component of the SBOM and no known unknowns are declared for it",
			"record the components it directly includes (its top-level dependencies)",
		],
	)
}

# evidence is the primary component of each SBOM that lists components: its dependency entry, or the known unknowns
# declared for it, were examined. An SBOM without components shows no top-level dependency: when it declares the
# product's dependencies unknown the report above stays quiet, so that is insufficient evidence, not a pass.
evidence contains lib.examined(sbom.path, "/primary") if {
	some sbom in sbom_lib.with_components
	_has_primary(sbom)
}

insufficient contains sbom_lib.no_components(sbom, "the product's top-level dependencies") if {
	some sbom in sbom_lib.without_components
	_has_primary(sbom)
	not _no_top_level(sbom)
}

_has_primary(sbom) if is_object(sbom.content.primary)

_no_top_level(sbom) if {
	primary := sbom.content.primary
	is_object(primary)
	ref := object.get(primary, "ref", "")
	not _lists_components(sbom.content, ref)
	not _declared_unknown(sbom.content, ref)
}

# _lists_components is true when the dependency entry of ref names at least one component of the SBOM.
_lists_components(bom, ref) if {
	components := {c.ref | some c in bom.components}
	some dep in bom.dependencies
	dep.ref == ref
	some field in ["depends_on", "contains"]
	some target in dep[field]
	target in components
}

# A CycloneDX JSON product with components nested inside metadata.component includes them by that nesting
# (nested_in, see AL-SBOM-005).
_lists_components(bom, _) if {
	some c in bom.components
	c.nested_in == "primary"
}

_declared_unknown(bom, ref) if {
	some gap in bom.known_unknowns
	ref in gap.refs
}
