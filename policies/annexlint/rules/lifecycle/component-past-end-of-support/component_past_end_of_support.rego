# METADATA
# title: No component is already past its end of support while the product is still supported
# description: |
#   A component whose supplier support has already ended receives no more fixes today, yet the manufacturer must
#   keep handling the vulnerabilities of every component, third-party and open-source ones included, for as long as
#   the product is supported, and remedy them without delay. Unlike a support end still to come (AL-LIFE-002,
#   a planning warning), this is a present gap: each new vulnerability in the component has no upstream fix. It is
#   judged on the --as-of date and only while the product's own support period has not ended.
# scope: package
# custom:
#   id: AL-LIFE-003
#   severity: error
#   clauses:
#     - id: CRA-ART13-8
#       cite: CRA Art. 13(8)
#     - id: CRA-AI-P2-2
#       cite: CRA Annex I Part II (2)
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#   remediation: |
#     Upgrade the component to a supported version or replace it, and issue the update. If neither is possible
#     yet, obtain extended support from its supplier or take over its maintenance, record that as the component's
#     support level with the new end-of-support date in the SBOM, and describe in the security update plan how its
#     vulnerabilities are monitored and fixed.
package annexlint.rules.lifecycle["component-past-end-of-support"]

import data.annexlint.lib

report contains lib.finding(sbom.path, sprintf("/components/%d", [i]), msg) if {
	as_of := input.as_of
	lib.is_date(as_of)
	product_end := lib.product.support_period_end
	lib.is_date(product_end)
	as_of < product_end
	some sbom in lib.documents("sbom")
	some i, c in sbom.content.components
	end := _end(c, as_of)
	msg := sprintf("component %q (ref %q) reached end of support on %s, %s (%s), and the product is %s %s; %s", [
		object.get(c, "name", ""), object.get(c, "ref", ""), end, "before the date of this check", as_of,
		"supported until", product_end,
		"upgrade or replace it, or record the extended support or own maintenance that now covers it",
	])
}

# _end is the component's end-of-support date (the date part of a date-time) if it has one before the given date.
# The date comparison comes first and the shape test last: it runs for every component of SBOMs that may hold tens
# of thousands, and most dates are not early.
_end(c, before) := end if {
	eos := c.end_of_support
	is_string(eos)
	end := substring(eos, 0, 10)
	end < before
	lib.is_date(end)
}
