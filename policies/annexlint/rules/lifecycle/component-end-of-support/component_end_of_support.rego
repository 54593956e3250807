# METADATA
# title: No component reaches end of support before the product's support period ends
# description: |
#   The manufacturer stays responsible for vulnerabilities in every component of the product, including
#   third-party and open-source ones, for the whole support period. A component whose supplier stops supporting
#   it earlier will receive no more fixes, so the manufacturer needs a plan for it: upgrading or replacing it,
#   buying extended support, or fixing vulnerabilities itself. The SBOM records the end of support of a component
#   where it is known. A component already past its end of support while the product is still supported is the
#   graver case and is reported by AL-LIFE-003 instead. For a medical device or IVD, planning how the software's
#   components stay supported is part of its state-of-the-art development life cycle, information security included
#   (MDR Annex I 17.2, IVDR Annex I 16.2).
# scope: package
# custom:
#   id: AL-LIFE-002
#   severity: warning
#   clauses:
#     - id: CRA-ART13-8
#       cite: CRA Art. 13(8)
#     - id: CRA-ART13-5
#       cite: CRA Art. 13(5)
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#   remediation: |
#     Plan for the component: upgrade it to a version supported for long enough, replace it, obtain extended
#     support, or document in the security update plan how its vulnerabilities will be handled until the product's
#     support period ends.
package annexlint.rules.lifecycle["component-end-of-support"]

import data.annexlint.lib
import data.annexlint.lib.sbom as sbom_lib

report contains lib.finding(sbom.path, sprintf("/components/%d", [e.index]), msg) if {
	product_end := lib.product.support_period_end
	lib.is_date(product_end)
	some sbom in lib.documents("sbom")
	some e in sbom_lib.support_ends(sbom)
	end := e.end
	end < product_end
	not _already_past(end, product_end)
	c := sbom.content.components[e.index]
	msg := sprintf("component %q (ref %q) reaches end of support on %s, before the product's %s on %s; %s", [
		object.get(c, "name", ""), object.get(c, "ref", ""), end, "support period ends", product_end,
		"plan how its vulnerabilities will be handled until then (upgrade, replacement, extended support)",
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
		"the manifest states no support_period_end as a date (YYYY-MM-DD), so the end of support of its components cannot be",
		"compared with the product's support period; set product.support_period_end to the date the product's",
		"support period ends",
	])
}

insufficient contains sbom_lib.no_components(sbom, "the end of support of its components") if {
	some sbom in sbom_lib.without_components
}

insufficient contains lib.finding(sbom.path, "", msg) if {
	some sbom in sbom_lib.with_components
	not _records_end(sbom)
	msg := sprintf("no component of the SBOM %s records its end of support, so %s cannot be checked; %s", [
		sbom.path, "the end of support of its components",
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

# _already_past is the case AL-LIFE-003 reports: support ended before the --as-of date while the product's
# support period still runs. Without a usable as_of, every early end is reported here.
_already_past(end, product_end) if {
	lib.is_date(input.as_of)
	end < input.as_of
	input.as_of < product_end
}
