# METADATA
# title: The support period ends on the same month and year in the manifest, the update plan and the user information
# description: |
#   Users decide whether to buy and how long to rely on a product by the end of its support period, which the CRA
#   requires to be shown with at least month and year (Art. 13(19)) and stated in the user information (Annex II
#   point 7); the manufacturer handles vulnerabilities until then (Art. 13(8)). When the manifest, the security
#   update plan and the user information give different end dates, at least one of them promises what the
#   manufacturer does not plan, or plans what users are not told. The dates compare at month precision, because
#   month and year is all the law asks to be shown. The user information is read for a date written as
#   YYYY-MM(-DD), MM/YYYY, DD.MM.YYYY or an English month name and year ("31 December 2031"); text without a month
#   and year does not state the end date.
# scope: package
# custom:
#   id: AL-UPD-003
#   severity: error
#   clauses:
#     - id: CRA-ART13-19
#       cite: CRA Art. 13(19)
#     - id: CRA-AII-7
#       cite: CRA Annex II point 7
#     - id: CRA-ART13-8
#       cite: CRA Art. 13(8)
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#   remediation: |
#     Decide the end of the support period once and write the same date everywhere: product.support_period_end in
#     the manifest, support_period_end in the security update plan, and the end of support in the user information
#     (end_of_support), with at least month and year (for example "31 December 2031" or 2031-12-31).
package annexlint.rules.updates["support-end-consistent"]

import data.annexlint.lib

report contains lib.finding_related(plan.path, "/support_period_end", msg, [_reference_location]) if {
	[ref_month, ref_text, ref_where] := _reference
	some plan in lib.documents("security-update-plan")
	plan.path != ref_where
	month := _iso_month(plan.content.support_period_end)
	month != ref_month
	msg := sprintf("the update plan %s ends the support period on %s, but %s gives %s; %s", [
		plan.path, plan.content.support_period_end, ref_where, ref_text, _fix,
	])
}

report contains lib.finding_related(info.path, "/end_of_support", msg, [_reference_location]) if {
	[ref_month, ref_text, ref_where] := _reference
	some info in lib.documents("user-security-information")
	months := _text_months(info.content.end_of_support)
	count(months) > 0
	not ref_month in months
	msg := sprintf("the user information %s states the end of support as %q, but %s gives %s; %s", [
		info.path, info.content.end_of_support, ref_where, ref_text, _fix,
	])
}

report contains lib.finding(info.path, "/end_of_support", msg) if {
	some info in lib.documents("user-security-information")
	lib.has_text(info.content, "end_of_support")
	count(_text_months(info.content.end_of_support)) == 0
	msg := sprintf("the user information %s states the end of support as %q, without a month and year; %s", [
		info.path, info.content.end_of_support,
		"state the end date of the support period with at least month and year (for example \"31 December 2031\")",
	])
}

_fix := "give the same end of the support period, with at least month and year, in the manifest, the update plan and the user information"

# _reference is [year-month, the date as written, where]: the manifest's end date, else the first update plan's.
_reference := [_iso_month(lib.product.support_period_end), lib.product.support_period_end, lib.manifest_path] if {
	_iso_month(lib.product.support_period_end)
} else := [month, plan.content.support_period_end, plan.path] if {
	some plan in lib.documents("security-update-plan")
	month := _iso_month(plan.content.support_period_end)
}

_reference_location := {"path": lib.manifest_path, "pointer": "/product/support_period_end", "message": "the manifest's end of the support period"} if {
	_reference[2] == lib.manifest_path
} else := {"path": _reference[2], "pointer": "/support_period_end", "message": "the update plan's end of the support period"}

_iso_month(s) := substring(s, 0, 7) if {
	is_string(s)
	regex.match(`^[0-9]{4}-(0[1-9]|1[0-2])(-[0-9]{2})?$`, trim_space(s))
}

_months := {
	"jan": "01", "feb": "02", "mar": "03", "apr": "04", "may": "05", "jun": "06",
	"jul": "07", "aug": "08", "sep": "09", "oct": "10", "nov": "11", "dec": "12",
}

# _text_months is the set of year-months a text states: ISO dates, MM/YYYY, DD.MM.YYYY and English month names.
_text_months(s) := ({m |
	some x in regex.find_all_string_submatch_n(`\b([0-9]{4})-(0[1-9]|1[0-2])\b`, s, -1)
	m := concat("-", [x[1], x[2]])
} | {m |
	some x in regex.find_all_string_submatch_n(`\b(?:[0-9]{1,2}\.)?(0?[1-9]|1[0-2])[./]([0-9]{4})\b`, s, -1)
	m := sprintf("%s-%02d", [x[2], to_number(x[1])])
}) | {m |
	some x in regex.find_all_string_submatch_n(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:[0-9]{1,2}(?:st|nd|rd|th)?,?\s+)?([0-9]{4})\b`, s, -1)
	m := concat("-", [x[2], _months[lower(x[1])]])
} if is_string(s)

evidence contains lib.examined(lib.manifest_path, "/product/support_period_end") if {
	_reference[2] == lib.manifest_path
	_others
}

evidence contains lib.examined(plan.path, "/support_period_end") if {
	_reference
	some plan in lib.documents("security-update-plan")
	_iso_month(plan.content.support_period_end)
}

evidence contains lib.examined(info.path, "/end_of_support") if {
	_reference
	some info in lib.documents("user-security-information")
	lib.has_text(info.content, "end_of_support")
}

_others if {
	some plan in lib.documents("security-update-plan")
	_iso_month(plan.content.support_period_end)
}

_others if {
	some info in lib.documents("user-security-information")
	lib.has_text(info.content, "end_of_support")
}
