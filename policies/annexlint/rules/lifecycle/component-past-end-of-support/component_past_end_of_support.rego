# METADATA
# title: No component is already past its end of support while the product is still supported
# description: |
#   A component whose supplier support has already ended receives no more fixes today, yet the manufacturer must
#   keep handling the vulnerabilities of every component, third-party and open-source ones included, for as long as
#   the product is supported, and remedy them without delay. Unlike a support end still to come (AL-LIFE-002,
#   a planning warning), this is a present gap: each new vulnerability in the component has no upstream fix. It is
#   judged on the --as-of date and only while the product's own support period has not ended. For a medical device
#   or IVD, keeping the software's components maintained is part of its state-of-the-art development life cycle,
#   information security included (MDR Annex I 17.2, IVDR Annex I 16.2).
# scope: package
# custom:
#   id: AL-LIFE-003
#   severity: error
#   clauses:
#     - id: CRA-ART13-8
#       cite: CRA Art. 13(8)
#     - id: CRA-AI-P2-2
#       cite: CRA Annex I Part II (2)
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#   remediation: |
#     Upgrade the component to a supported version or replace it, and issue the update. If neither is possible
#     yet, obtain extended support from its supplier or take over its maintenance, record that as the component's
#     support level with the new end-of-support date in the SBOM, and describe in the security update plan how its
#     vulnerabilities are monitored and fixed.
package annexlint.rules.lifecycle["component-past-end-of-support"]

import data.annexlint.lib
import data.annexlint.lib.sbom as sbom_lib

report contains lib.finding(sbom.path, sprintf("/components/%d", [e.index]), msg) if {
	as_of := input.as_of
	lib.is_date(as_of)
	product_end := lib.product.support_period_end
	lib.is_date(product_end)
	as_of < product_end
	some sbom in lib.documents("sbom")
	some e in sbom_lib.support_ends(sbom)
	end := e.end
	end < as_of
	c := sbom.content.components[e.index]
	msg := sprintf("component %q (ref %q) reached end of support on %s, %s (%s), and the product is %s %s; %s", [
		object.get(c, "name", ""), object.get(c, "ref", ""), end, "before the date of this check", as_of,
		"supported until", product_end,
		"upgrade or replace it, or record the extended support or own maintenance that now covers it",
	])
}

# evidence is the product's support period end in the manifest and the component list of every SBOM in which at
# least one component records its end of support. The test stops at the first such component, so it costs little
# even for large SBOMs. Without the product's end, or without any component's end, nothing can be compared: that
# is insufficient evidence, not a pass.
evidence contains lib.examined(lib.manifest_path, "/product/support_period_end") if {
	lib.is_date(lib.product.support_period_end)
	count(_dated) > 0
}

evidence contains sbom_lib.components_examined(sbom) if {
	lib.is_date(lib.product.support_period_end)
	some sbom in _dated
}

insufficient contains lib.finding(lib.manifest_path, "/product", msg) if {
	not _product_end
	msg := concat(" ", [
		"the manifest states no support_period_end as a date (YYYY-MM-DD), so whether a component is already past its end of support cannot be",
		"compared with the product's support period; set product.support_period_end to the date the product's",
		"support period ends",
	])
}

insufficient contains sbom_lib.no_components(sbom, "whether a component is already past its end of support") if {
	some sbom in sbom_lib.without_components
}

insufficient contains lib.finding(sbom.path, "", msg) if {
	some sbom in sbom_lib.with_components
	not _records_end(sbom)
	msg := sprintf("no component of the SBOM %s records its end of support, so %s cannot be checked; %s", [
		sbom.path, "whether a component is already past its end of support",
		"record for each component the date its supplier's support ends (CycloneDX property end-of-support, SPDX validUntilDate)",
	])
}

# _product_end is true when the manifest gives the product's support period end as a date; a helper, because
# `not lib.is_date(x)` is undefined, not true, when x is undefined.
_product_end if lib.is_date(lib.product.support_period_end)

# _dated are the SBOMs with components of which at least one records an end of support.
_dated := [sbom | some sbom in sbom_lib.with_components; _records_end(sbom)]

# _records_end is true when a component records its end of support as a date ("unknown" records no end).
_records_end(sbom) if {
	some e in sbom_lib.support_ends(sbom)
	e.recorded
}
