# METADATA
# title: annexlint SBOM evidence library
# description: |
#   What the SBOM and lifecycle rules name as their evidence. A rule examines an SBOM's components only when it
#   lists some: an SBOM without components, listed in the manifest, would otherwise let every component rule pass
#   on nothing. Evidence names the component list as one entry per SBOM (pointer /components), not one entry per
#   component: SBOMs run to tens of thousands of components, and the engine resolves and hashes every entry.
package annexlint.lib.sbom

import data.annexlint.lib

# with_components are the SBOM documents that list at least one component besides the product itself.
with_components := [sbom | some sbom in lib.documents("sbom"); _listed(sbom)]

# without_components are the SBOM documents that list none (or whose component list is not a list).
without_components := [sbom | some sbom in lib.documents("sbom"); not _listed(sbom)]

_listed(sbom) if {
	is_array(sbom.content.components)
	count(sbom.content.components) > 0
}

# components_examined is the evidence entry naming the component list of an SBOM.
components_examined(sbom) := lib.examined(sbom.path, "/components")

# no_components is the insufficient-evidence entry for an SBOM without components: what is missing, where, and
# how to fix it; what names what the rule would have checked.
no_components(sbom, what) := lib.finding(sbom.path, "", sprintf(
	"the SBOM %s lists no components, so %s cannot be checked; %s",
	[sbom.path, what, "generate it from the build of the released software so that it lists the components the product contains"],
))

# support_ends are the components of an SBOM whose end of support is a string that begins with a date, each
# {index, end: that date, recorded: whether the string is real text, not a placeholder}. annexlint check computes
# them in Go (input.derived.sbom_ends; internal/input TestSupportEndsMatchRego compares the two), so that the
# lifecycle rules do not go through every component of SBOMs that record no end at all; without those facts (unit
# tests, a policy evaluated on its own) they are computed here.
support_ends(sbom) := computed if {
	computed := input.derived.sbom_ends[sbom.path]
} else := [{"index": i, "end": end, "recorded": _recorded(c)} |
	some i, c in sbom.content.components
	is_string(c.end_of_support)
	end := substring(c.end_of_support, 0, 10)
	lib.is_date(end)
]

_recorded(c) if {
	lib.has_text(c, "end_of_support")
} else := false
