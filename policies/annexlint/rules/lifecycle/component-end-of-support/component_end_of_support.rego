# METADATA
# title: No component reaches end of support before the product's support period ends
# description: |
#   The manufacturer stays responsible for vulnerabilities in every component of the product, including
#   third-party and open-source ones, for the whole support period. A component whose supplier stops supporting
#   it earlier will receive no more fixes, so the manufacturer needs a plan for it: upgrading or replacing it,
#   buying extended support, or fixing vulnerabilities itself. The SBOM records the end of support of a component
#   where it is known. A component already past its end of support while the product is still supported is the
#   graver case and is reported by AL-LIFE-003 instead.
# scope: package
# custom:
#   id: AL-LIFE-002
#   severity: warning
#   clauses:
#     - id: CRA-ART13-8
#       cite: CRA Art. 13(8)
#     - id: CRA-ART13-5
#       cite: CRA Art. 13(5)
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#   remediation: |
#     Plan for the component: upgrade it to a version supported for long enough, replace it, obtain extended
#     support, or document in the security update plan how its vulnerabilities will be handled until the product's
#     support period ends.
package annexlint.rules.lifecycle["component-end-of-support"]

import data.annexlint.lib

report contains lib.finding(sbom.path, sprintf("/components/%d", [i]), msg) if {
	product_end := lib.product.support_period_end
	lib.is_date(product_end)
	some sbom in lib.documents("sbom")
	some i, c in sbom.content.components
	is_string(c.end_of_support)
	end := substring(c.end_of_support, 0, 10)
	end < product_end
	lib.is_date(end)
	not _already_past(end, product_end)
	msg := sprintf("component %q (ref %q) reaches end of support on %s, before the product's %s on %s; %s", [
		object.get(c, "name", ""), object.get(c, "ref", ""), end, "support period ends", product_end,
		"plan how its vulnerabilities will be handled until then (upgrade, replacement, extended support)",
	])
}

# _already_past is the case AL-LIFE-003 reports: support ended before the --as-of date while the product's
# support period still runs. Without a usable as_of, every early end is reported here.
_already_past(end, product_end) if {
	lib.is_date(input.as_of)
	end < input.as_of
	input.as_of < product_end
}
