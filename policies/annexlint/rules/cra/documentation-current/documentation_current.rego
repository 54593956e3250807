# METADATA
# title: The technical documentation of a CRA product was drawn up before the placing and brought up to date since
# description: |
#   The technical documentation is drawn up before the product is placed on the market and kept up to date, as
#   appropriate, at least during the support period (CRA Art. 31(2)). The technical description records when it was
#   drawn up (`drawn_up`) and last revised (`revised`). A documentation drawn up after `product.placed_on_market`
#   came too late, one not revised since the latest substantial modification of the manifest
#   (`substantial_modifications`) describes the product before the change, and a revision date after `--as-of`
#   cannot be right yet.
# scope: package
# custom:
#   id: AL-PDE-024
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-ART31-2
#       cite: CRA Art. 31(2)
#   remediation: |
#     Record in the technical description when the technical documentation was drawn up (`drawn_up`, on or before the
#     placing on the market) and when it was last revised (`revised`, on or after the latest substantial modification),
#     and bring it up to date when the product changes.
package annexlint.rules.cra["documentation-current"]

import data.annexlint.lib

_descriptions := lib.documents("technical-description")

report contains lib.finding(doc.path, "", msg) if {
	some doc in _descriptions
	not _drawn_up_dated(doc)
	msg := sprintf("the technical description %s does not say when the technical documentation was drawn up (drawn_up, YYYY-MM-DD); %s", [
		doc.path, "CRA Art. 31(2) asks for it before the placing on the market",
	])
}

report contains lib.finding(doc.path, "/drawn_up", msg) if {
	some doc in _descriptions
	lib.is_date(doc.content.drawn_up)
	placed := lib.product.placed_on_market
	lib.is_date(placed)
	doc.content.drawn_up > placed
	msg := sprintf("the technical description %s says the technical documentation was drawn up on %s, after the product was placed on the market on %s; %s", [
		doc.path, doc.content.drawn_up, placed, "it is drawn up before the placing (CRA Art. 31(2)): correct the date, or the placing date",
	])
}

report contains lib.finding_related(doc.path, _latest_pointer(doc), msg, related) if {
	some doc in _descriptions
	latest := _latest(doc)
	[i, modified] := _last_modification
	modified > latest
	msg := sprintf("the technical documentation of %s was last brought up to date on %s, before the substantial modification of %s; %s", [
		doc.path, latest, modified, "update it to describe the product as modified and record the date in revised (CRA Art. 31(2))",
	])
	related := [{"path": lib.manifest_path, "pointer": sprintf("/product/substantial_modifications/%d", [i]), "message": "the modification"}]
}

report contains lib.finding(doc.path, "/revised", msg) if {
	some doc in _descriptions
	lib.is_date(doc.content.revised)
	doc.content.revised > input.as_of
	msg := sprintf("the technical description %s says it was revised on %s, after the date of the check %s; %s", [
		doc.path, doc.content.revised, input.as_of, "record the date of the last revision made",
	])
}

_drawn_up_dated(doc) if lib.is_date(doc.content.drawn_up)

# _latest is the later of drawn_up and revised.
_latest(doc) := max({d | some key in ["drawn_up", "revised"]; d := doc.content[key]; lib.is_date(d)})

_latest_pointer(doc) := "/revised" if lib.is_date(doc.content.revised)

else := "/drawn_up"

_last_modification := [i, date] if {
	dated := [[date, i] |
		some i, modification in lib.product.substantial_modifications
		date := modification.date
		lib.is_date(date)
		date <= input.as_of
	]
	count(dated) > 0
	[date, i] := max(dated)
}

evidence contains lib.examined(doc.path, "/drawn_up") if {
	some doc in _descriptions
	lib.is_date(doc.content.drawn_up)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count(_descriptions) == 0
	msg := "the manifest lists no technical description (type \"technical-description\"), so it cannot be shown that the technical documentation was drawn up before the placing on the market and kept up to date (CRA Art. 31(2)); add it to documents"
}
