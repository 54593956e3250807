# METADATA
# title: The technical documentation and the declaration of a CRA product are kept for ten years or the support period
# description: |
#   The manufacturer keeps the technical documentation and the EU declaration of conformity at the disposal of the
#   market surveillance authorities for at least ten years after the product was placed on the market or for the
#   support period, whichever is longer (CRA Art. 13(13)). The technical description must therefore say who keeps them
#   (`retention.kept_by`) and until when (`retention.until`), and that date must not come before ten years after
#   `product.placed_on_market` or before `product.support_period_end`. Whether the records are in fact kept is for an
#   audit of the manufacturer's records to show; the commitment and its length are checked here.
# scope: package
# custom:
#   id: AL-PDE-023
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-ART13-13
#       cite: CRA Art. 13(13)
#   remediation: |
#     State in the technical description who keeps the technical documentation and the EU declaration of conformity
#     (`retention.kept_by`) and until when (`retention.until`, YYYY-MM-DD): at least ten years after the placing on the
#     market, or the end of the support period if that is later.
package annexlint.rules.cra["documentation-retention"]

import data.annexlint.lib
import data.annexlint.lib.vuln

_descriptions := lib.documents("technical-description")

report contains lib.finding(doc.path, _pointer(doc), msg) if {
	some doc in _descriptions
	missing := [field | some field in ["kept_by", "until"]; not _stated(doc, field)]
	count(missing) > 0
	msg := sprintf("the technical description %s does not say %s (%s); %s", [
		doc.path, _what(missing), concat(", ", [concat(".", ["retention", f]) | some f in missing]),
		"CRA Art. 13(13) keeps the technical documentation and the EU declaration of conformity available to market surveillance authorities for at least ten years after the placing on the market or for the support period, whichever is longer",
	])
}

report contains lib.finding(doc.path, "/retention/until", msg) if {
	some doc in _descriptions
	until := doc.content.retention.until
	lib.is_date(until)
	[required, why] := _required_until
	until < required
	msg := sprintf("the technical description %s keeps the technical documentation and the declaration until %s, but %s; keep them until %s at least (CRA Art. 13(13))", [
		doc.path, until, why, required,
	])
}

# _required_until is the later of ten years after the placing on the market and the end of the support period.
_required_until := [ten_years, sprintf("they must be kept for ten years after the placing on the market on %s", [placed])] if {
	placed := lib.product.placed_on_market
	lib.is_date(placed)
	vuln.ns(placed) # a date that exists: lib.add_years parses it, and 2028-02-30 would stop the evaluation
	ten_years := lib.add_years(placed, 10)
	not _support_end_after(ten_years)
} else := [support_end, sprintf("the support period ends on %s, more than ten years after the placing on the market", [support_end])] if {
	support_end := lib.product.support_period_end
	lib.is_date(support_end)
}

_support_end_after(date) if {
	lib.is_date(lib.product.support_period_end)
	lib.product.support_period_end > date
}

_stated(doc, field) if lib.has_text(doc.content.retention, field)

_what(["kept_by"]) := "who keeps the technical documentation and the declaration"

_what(["until"]) := "until when the technical documentation and the declaration are kept"

_what(["kept_by", "until"]) := "who keeps the technical documentation and the declaration, and until when"

_pointer(doc) := "/retention" if is_object(doc.content.retention)

else := ""

evidence contains lib.examined(doc.path, "/retention") if {
	some doc in _descriptions
	_stated(doc, "kept_by")
	_stated(doc, "until")
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count(_descriptions) == 0
	msg := "the manifest lists no technical description (type \"technical-description\"), so it cannot be shown who keeps the technical documentation and the declaration, and until when (CRA Art. 13(13)); add it to documents"
}
