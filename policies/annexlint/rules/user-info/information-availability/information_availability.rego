# METADATA
# title: The user information of a CRA product stays available for ten years or the support period
# description: |
#   The information and instructions of Annex II accompany the product and stay available to users, online where
#   the manufacturer published them, for at least ten years after the product was placed on the market or for the
#   support period, whichever is longer (CRA Art. 13(18)). The user information must therefore say where it is kept
#   available (`availability.url`) and until when (`availability.available_until`), and that date must not come
#   before ten years after `product.placed_on_market` or before `product.support_period_end`.
# scope: package
# custom:
#   id: AL-USER-006
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-ART13-18
#       cite: CRA Art. 13(18)
#   remediation: |
#     State in the user security information where the information is kept available online (`availability.url`)
#     and until when (`availability.available_until`, YYYY-MM-DD): at least ten years after the placing on the market,
#     or the end of the support period if that is later.
package annexlint.rules["user-info"]["information-availability"]

import data.annexlint.lib
import data.annexlint.lib.vuln

_infos := lib.documents("user-security-information")

report contains lib.finding(info.path, _pointer(info), msg) if {
	some info in _infos
	missing := [field | some field in ["url", "available_until"]; not _stated(info, field)]
	count(missing) > 0
	msg := sprintf("the user security information %s does not say %s (%s); %s", [
		info.path, _what(missing), concat(", ", [concat(".", ["availability", f]) | some f in missing]),
		"CRA Art. 13(18) keeps it available for at least ten years after the placing on the market or for the support period, whichever is longer",
	])
}

report contains lib.finding(info.path, "/availability/available_until", msg) if {
	some info in _infos
	until := info.content.availability.available_until
	lib.is_date(until)
	[required, why] := _required_until
	until < required
	msg := sprintf("the user security information %s stays available until %s, but %s; keep it available until %s at least (CRA Art. 13(18))", [
		info.path, until, why, required,
	])
}

# _required_until is the later of ten years after the placing on the market and the end of the support period.
_required_until := [ten_years, sprintf("it must stay available for ten years after the placing on the market on %s", [placed])] if {
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

_stated(info, field) if lib.has_text(info.content.availability, field)

_what(["url"]) := "where the information is kept available"

_what(["available_until"]) := "until when the information is kept available"

_what(["url", "available_until"]) := "where and until when the information is kept available"

_pointer(info) := "/availability" if is_object(info.content.availability)

else := ""

evidence contains lib.examined(info.path, "/availability") if {
	some info in _infos
	_stated(info, "url")
	_stated(info, "available_until")
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count(_infos) == 0
	msg := "the manifest lists no user security information (type \"user-security-information\"), so it cannot be shown that the information users need stays available; add it to documents"
}
