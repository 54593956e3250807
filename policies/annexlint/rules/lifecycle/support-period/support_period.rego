# METADATA
# title: The support period lasts at least five years, or its shorter length is justified
# description: |
#   During the support period the manufacturer handles vulnerabilities and provides security updates. The CRA
#   requires it to reflect how long the product is expected to be in use and to last at least five years, unless
#   the product is expected to be in use for less; the factors used to set it belong in the technical
#   documentation (Annex VII point 4), whatever the length. A support period ending before the product is even
#   placed on the market is always wrong. Which products the CRA reaches on which date is the regime's decision
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
#     product is expected to be in use for a shorter time, explain why in `product.support_period_justification`
#     (expected use time, user expectations, nature of the product). State in `support_period_justification` how the
#     support period was determined in any case, as Annex VII point 4 requires.
package annexlint.rules.lifecycle["support-period"]

import data.annexlint.lib

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
	minimum := _five_years_after(placed)
	end < minimum
	not lib.has_text(lib.product, "support_period_justification")
	msg := sprintf("the support period ends on %s, less than five years after placing on the market (%s); %s", [
		end, placed,
		sprintf("extend it to %s or later, or state in support_period_justification why the product is %s", [
			minimum, "expected to be in use for a shorter time",
		]),
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
_date_given(field) if lib.is_date(lib.product[field])

_dates := [lib.product.placed_on_market, lib.product.support_period_end] if {
	lib.is_date(lib.product.placed_on_market)
	lib.is_date(lib.product.support_period_end)
}

# _five_years_after compares as text, so it never fails on an impossible date; 29 February moves to 1 March, as
# Go's AddDate does, since five years after a leap year is never one.
_five_years_after(d) := sprintf("%04d-03-01", [to_number(substring(d, 0, 4)) + 5]) if {
	endswith(d, "-02-29")
} else := sprintf("%04d%s", [to_number(substring(d, 0, 4)) + 5, substring(d, 4, -1)])
