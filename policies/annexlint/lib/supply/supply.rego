# METADATA
# title: annexlint supply-chain library
# description: |
#   Helpers of the supply-chain rules: which component a supplier's document is about, and whether an SBOM component
#   or a VEX product is that component. A component is named in supplied_by.component by its package URL or its name;
#   package URLs compare without their version (and qualifiers), in lower case, and names as letters and digits only.
package annexlint.lib.supply

import data.annexlint.lib

# ref is the supplier's component as the marking names it, undefined when the marking does not name one.
ref(doc) := trim_space(doc.supplied_by.component) if lib.has_text(doc.supplied_by, "component")

# matches is true when an SBOM component or a VEX product (an object with purl and name) is the component ref.
matches(item, ref) if {
	startswith(ref, "pkg:")
	is_string(item.purl)
	base(item.purl) == base(ref)
}

matches(item, ref) if {
	not startswith(ref, "pkg:")
	is_string(item.name)
	squash(item.name) == squash(ref)
}

# version is the version a package URL names, undefined when it names none.
version(ref) := v if {
	startswith(ref, "pkg:")
	parts := split(split(split(ref, "?")[0], "#")[0], "@")
	count(parts) == 2
	v := parts[1]
}

base(purl) := lower(split(split(split(purl, "?")[0], "#")[0], "@")[0])

squash(s) := regex.replace(lower(s), `[^a-z0-9]`, "")

# in_product_sbom is the component of the manufacturer's own SBOMs that the supplier's document is about, as
# [SBOM path, index, component]. annexlint check finds it in Go (input.derived.supplied_components,
# internal/input.SuppliedComponents: comparing every component here was most of the supply-chain rules' evaluation at
# 10,000 components); the Rego below is for an input without that fact, and TestVulnIndexMatchesRego holds both to
# the same result.
in_product_sbom(doc) := computed if {
	computed := input.derived.supplied_components[doc.path]
} else := [[sbom.path, i, c] |
	r := ref(doc)
	some sbom in lib.documents("sbom")
	some i, c in sbom.content.components
	matches(c, r)
]
