# METADATA
# title: The support period lasts at least five years, or a shorter expected use time, and its rationale is stated
# description: |
#   During the support period the manufacturer handles vulnerabilities and provides security updates. The CRA
#   requires it to reflect how long the product is expected to be in use and to last at least five years, unless
#   the product is expected to be in use for less; the factors used to set it belong in the technical
#   documentation (Annex VII point 4), whatever the length. A support period ending before the product is even
#   placed on the market is always wrong. The manifest states the expected use time in whole years
#   (expected_use_years): a support period shorter than five years is allowed only when that time is shorter, with
#   reasons in support_period_justification (a placeholder waives nothing), and it must still cover that time. Periods
#   in years end on the same day of the last year, and a period running from 29 February ends on 28 February of a
#   year without one (Regulation (EEC, Euratom) No 1182/71 Art. 3(2)(c), the rule EU law uses for time limits).
#   Which products the CRA reaches on which date is the regime's decision
#   (docs/regime.md): products placed, or substantially modified, from 2027-12-11.
# scope: package
# custom:
#   id: AL-LIFE-001
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-ART13-8
#       cite: CRA Art. 13(8)
#     - id: CRA-AVII-4
#       cite: CRA Annex VII point 4
#   remediation: |
#     Set `product.support_period_end` in the manifest to at least five years after `placed_on_market`, or, if the
#     product is expected to be in use for a shorter time, state that time in `product.expected_use_years` and explain
#     why in `product.support_period_justification` (user expectations, nature of the product); the support period
#     then lasts at least the expected use time. State in `support_period_justification` how the
#     support period was determined, and the expected use time in `expected_use_years`, in any case, as Annex VII
#     point 4 requires.
package annexlint.rules.lifecycle["support-period"]

import data.annexlint.lib
import data.annexlint.lib.vuln

report contains lib.finding(lib.manifest_path, "/product/support_period_end", msg) if {
	[placed, end] := _dates
	end < placed
	msg := sprintf("the support period ends on %s, before the product is placed on the market on %s; %s", [
		end, placed, "correct support_period_end",
	])
}

report contains lib.finding(lib.manifest_path, "/product/support_period_end", msg) if {
	[placed, end] := _dates
	end >= placed
	minimum := lib.add_years(placed, 5)
	end < minimum
	not _short_use_stated
	msg := sprintf("the support period ends on %s, less than five years after placing on the market (%s); %s", [
		end, placed,
		sprintf("extend it to %s or later, or, if the product is expected to be in use for less than five years, %s", [
			minimum, "state that time in expected_use_years and the reasons in support_period_justification",
		]),
	])
}

# A shorter expected use time lowers the floor to that time, never below it: the support period still has to last
# as long as the product is expected to be in use.
report contains lib.finding(lib.manifest_path, "/product/support_period_end", msg) if {
	[placed, end] := _dates
	end >= placed
	_short_use_stated
	years := lib.product.expected_use_years
	minimum := lib.add_years(placed, years)
	end < minimum
	msg := sprintf("the support period ends on %s, before the expected use time of %d years from placing on the market (%s) has passed; %s", [
		end, years, placed,
		sprintf("a support period shorter than five years must still last as long as the product is expected to be in use: extend it to %s or later", [minimum]),
	])
}

# Annex VII point 4 asks for the information used to set the support period, also when it is five years or more.
report contains lib.finding(lib.manifest_path, "/product", msg) if {
	_dates
	not lib.has_text(lib.product, "support_period_justification")
	msg := concat(" ", [
		"the manifest does not say how the support period was determined (support_period_justification is missing",
		"or a placeholder); state the expected use time, the users' expectations and the nature of the product that",
		"set it, as CRA Annex VII point 4 requires in the technical documentation",
	])
}

# The expected use time is the first of the factors Art. 13(8) names; a rationale that leaves it out does not show
# that the support period reflects it.
report contains lib.finding(lib.manifest_path, "/product/support_period_justification", msg) if {
	_dates
	lib.has_text(lib.product, "support_period_justification")
	not _use_years_given
	msg := concat(" ", [
		"the support period justification does not state how long the product is expected to be in use; set",
		"product.expected_use_years to that time in whole years, so the support period can be compared with it",
		"(CRA Art. 13(8))",
	])
}

# _use_years_given is a helper, because `not is_number(x)` is undefined, not true, when x is undefined.
_use_years_given if {
	years := lib.product.expected_use_years
	is_number(years)
	years >= 1
	floor(years) == years
}

# _short_use_stated is true when the manifest states, with reasons, that the product is expected to be in use for
# less than five years: only then may the support period be shorter than five years. A placeholder rationale
# waives nothing.
_short_use_stated if {
	_use_years_given
	lib.product.expected_use_years < 5
	lib.has_text(lib.product, "support_period_justification")
}

# evidence is the two manifest dates the rule compared. Without them there is nothing to compare: the rule says
# which is missing rather than passing.
evidence contains lib.examined(lib.manifest_path, "/product/placed_on_market") if _dates

evidence contains lib.examined(lib.manifest_path, "/product/support_period_end") if _dates

insufficient contains lib.finding(lib.manifest_path, "/product", msg) if {
	missing := [field |
		some field in ["placed_on_market", "support_period_end"]
		not _date_given(field)
	]
	count(missing) > 0
	msg := sprintf("the manifest states no %s as a date (YYYY-MM-DD), so the length of the support period %s; %s", [
		concat(" and no ", missing), "cannot be checked",
		"set product.placed_on_market and product.support_period_end (for a product still to be placed on the market, the planned date)",
	])
}

# _date_given is a helper, because `not lib.is_date(x)` is undefined, not true, when x is undefined.
_date_given(field) if _calendar_date(lib.product[field])

_dates := [lib.product.placed_on_market, lib.product.support_period_end] if {
	_calendar_date(lib.product.placed_on_market)
	_calendar_date(lib.product.support_period_end)
}

# _calendar_date is a YYYY-MM-DD date that exists (vuln.ns is defined only for those): lib.add_years parses it,
# and an impossible date such as 2028-02-30 would stop the whole evaluation with an error.
_calendar_date(d) if {
	lib.is_date(d)
	vuln.ns(d)
}
