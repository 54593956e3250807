# METADATA
# title: The CE marking is affixed before the placing on the market, with the evidence in the bundle
# description: |
#   A CRA product placed on the market bears the CE marking (Art. 29), affixed visibly, legibly and indelibly to the
#   product or, where its nature does not allow that, to the packaging, the EU declaration of conformity or, for
#   software, the accompanying documents or website (Art. 30(1)), before it is placed on the market (Art. 30(3)); where a
#   notified body took part under full quality assurance (module H), its number follows the marking (Art. 30(4)).
#   annexlint reads `product.ce_marking` in the manifest: where the marking is, when it was affixed, and the file in
#   the bundle that shows it (label artwork, a screenshot of the about screen or download page). The product
#   requirements, and with them the marking, bind products placed on the market (or substantially modified) from
#   2027-12-11 (docs/regime.md).
# scope: package
# custom:
#   id: AL-PDE-005
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-ART29
#       cite: CRA Art. 29
#     - id: CRA-ART30-1
#       cite: CRA Art. 30(1)
#     - id: CRA-ART30-3
#       cite: CRA Art. 30(3)
#     - id: CRA-ART30-4
#       cite: CRA Art. 30(4)
#   remediation: |
#     Add `product.ce_marking` to the manifest with `location` (product, packaging, accompanying-documents or website),
#     `affixed_on` (on or before `placed_on_market`), `evidence` (the bundle-relative path of the label artwork or
#     screenshot that shows the marking) and, under module H, `notified_body_number`, the notified body's number that
#     follows the marking.
package annexlint.rules.cra["ce-marking"]

import data.annexlint.lib

_product := input.manifest.content.product

_marking := _product.ce_marking

report contains lib.finding(lib.manifest_path, "/product/ce_marking", msg) if {
	_has_marking
	not lib.has_text(_marking, "location")
	msg := "the manifest does not say where the CE marking is affixed (product, packaging, accompanying documents or website, Art. 30(1)); add ce_marking.location"
}

report contains lib.finding(lib.manifest_path, "/product/ce_marking", msg) if {
	_has_marking
	not lib.has_text(_marking, "evidence")
	msg := "nothing in the bundle shows the CE marking; add the label artwork or a screenshot of the marking to the bundle and name it in ce_marking.evidence"
}

report contains lib.finding(lib.manifest_path, "/product/ce_marking/evidence", msg) if {
	lib.has_text(_marking, "evidence")
	not lib.file_exists(_marking.evidence)
	msg := sprintf("the evidence of the CE marking %q is not in the bundle; add the file or correct the path (relative to the bundle root)", [_marking.evidence])
}

report contains lib.finding(lib.manifest_path, "/product/ce_marking", msg) if {
	_has_marking
	not _dated
	msg := "the manifest does not say when the CE marking was affixed; add ce_marking.affixed_on (YYYY-MM-DD), on or before the placing on the market (Art. 30(3))"
}

report contains lib.finding(lib.manifest_path, "/product/ce_marking/affixed_on", msg) if {
	lib.is_date(_marking.affixed_on)
	lib.is_date(_product.placed_on_market)
	_marking.affixed_on > _product.placed_on_market
	msg := sprintf("the CE marking was affixed on %s, after the product was placed on the market on %s; %s", [
		_marking.affixed_on, _product.placed_on_market, "the marking is affixed before the placing on the market (Art. 30(3))",
	])
}

report contains lib.finding(lib.manifest_path, "/product/ce_marking", msg) if {
	_has_marking
	_product.conformity_assessment.route == "full-quality-assurance"
	not lib.has_text(_marking, "notified_body_number")
	msg := "a notified body took part under full quality assurance (module H), so its number follows the CE marking (Art. 30(4)); add ce_marking.notified_body_number as it appears beside the marking"
}

report contains lib.finding_related(lib.manifest_path, "/product/ce_marking/notified_body_number", msg, related) if {
	lib.has_text(_marking, "notified_body_number")
	lib.has_text(_product.conformity_assessment.notified_body, "number")
	_marking.notified_body_number != _product.conformity_assessment.notified_body.number
	msg := sprintf("the CE marking is followed by the number %s, but the notified body of the conformity assessment is %s; %s", [
		_marking.notified_body_number, _product.conformity_assessment.notified_body.number, "correct the marking or the notified body",
	])
	related := [{"path": lib.manifest_path, "pointer": "/product/conformity_assessment/notified_body/number", "message": "the notified body"}]
}

_has_marking if is_object(_marking)

_dated if lib.is_date(_marking.affixed_on)

# The rule examines the marking the manifest describes and the file that shows it.
evidence contains lib.examined(lib.manifest_path, "/product/ce_marking") if _has_marking

evidence contains lib.examined(_marking.evidence, "") if {
	lib.has_text(_marking, "evidence")
	lib.file_exists(_marking.evidence)
}

insufficient contains lib.finding(lib.manifest_path, "/product", msg) if {
	not _has_marking
	msg := "the manifest does not describe the CE marking (product.ce_marking), so nothing shows the product bears it (Art. 29-30); say where and when it was affixed and add a file that shows it"
}
