# METADATA
# title: Test reports are dated within the life of the product version they verify
# description: |
#   A test report is evidence for the product only if it tested that product: performed after its development began,
#   not long before it was placed on the market, and not after the date of the check itself. A report dated otherwise
#   was either written for something else (an earlier product, a previous generation), carries a wrong date, or is
#   not yet a result; it shows nothing about the product as released. The bounds annexlint applies, per report (a
#   native report's `start_date` and `end_date`, a JUnit report's earliest and latest suite `timestamp`):
#   it ends no later than the check date (`--as-of`); it does not end before it starts; it does not start before the
#   product's `development_start` (manifest, when given); and it ends no more than two years before `placed_on_market`
#   (a release two years after the testing has changed too much since: components, threats and the state of the art).
#   A report dated after the check or ending before it starts is a wrong record: a finding. One that predates the
#   product's development or ends long before its release did not test this product: insufficient evidence. Reports
#   after the placing on the market (regular testing) are welcome.
# scope: package
# custom:
#   id: AL-TEST-005
#   severity: error
#   clauses:
#     - id: MDCG-2019-16-3.7
#       cite: MDCG 2019-16 rev.1 section 3.7
#     - id: MDR-AII-6
#       cite: MDR Annex II section 6
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: CRA-AVII-6
#       cite: CRA Annex VII point 6
#     - id: CRA-AI-P2-3
#       cite: CRA Annex I Part II (3)
#     - id: FDA-CSG-V-C
#       cite: FDA premarket cybersecurity guidance section V.C
#   remediation: |
#     Correct the report's dates if they are wrong. If the report tested something else, or too long before the
#     release, test the product as released and put that report in the bundle.
package annexlint.rules.verification["test-report-dates"]

import data.annexlint.lib

# _release_window_years bounds how long before its placing on the market a product may have been tested.
_release_window_years := 2

# A date after the check, or an end before the start, is a wrong record of the testing: a finding.
report contains lib.finding(testreport.path, at, msg) if {
	some testreport in lib.documents("test-report")
	some [at, problem] in _wrong(testreport)
	msg := sprintf("the test report %s %s, so it does not show testing of the product as released; %s", [
		testreport.path, problem, "correct the date, or add the report of the testing once it is complete",
	])
}

# A report of testing before the product's development, or long before its release, did not test this product: it is
# there, but it is insufficient evidence.
insufficient contains lib.finding(testreport.path, at, msg) if {
	some testreport in lib.documents("test-report")
	some [at, problem] in _outside_life(testreport)
	msg := sprintf("the test report %s %s, so it does not show testing of the product as released; %s", [
		testreport.path, problem,
		"correct the date, or test the product as released and add that report",
	])
}

# _wrong lists the report's impossible dates, each with the pointer to the date and what is wrong with it.
_wrong(testreport) := array.concat(
	[[_end_at(testreport), sprintf("is dated %s, after the date of this check (%s)", [end, input.as_of])] |
		end := _end(testreport)
		lib.is_date(input.as_of)
		end > input.as_of
	],
	[["/start_date", sprintf("ends on %s, before it starts (%s)", [end, start])] |
		start := testreport.content.start_date
		end := _end(testreport)
		lib.is_date(start)
		end < start
	],
)

# _outside_life lists the report's dates outside the product's life, each with its pointer and what is wrong.
_outside_life(testreport) := array.concat(
	[[_start_at(testreport), sprintf("starts on %s, before the product's development began (development_start %s)", [start, dev])] |
		start := _start(testreport)
		dev := lib.product.development_start
		lib.is_date(dev)
		start < dev
	],
	[[_end_at(testreport), sprintf("ends on %s, more than %d years before the product was placed on the market (%s)", [end, _release_window_years, placed])] |
		end := _end(testreport)
		placed := lib.product.placed_on_market
		lib.is_date(placed)
		end < _years_before(placed, _release_window_years)
	],
)

# _years_before moves an ISO date back n years as text, comparable as text. Unlike lib.add_years it parses nothing:
# the manifest's date may be impossible (2026-02-30) when its schema failed, and a parse error would stop the whole
# evaluation; from 29 February the text 29 February of a common year still compares right.
_years_before(d, n) := sprintf("%04d%s", [to_number(substring(d, 0, 4)) - n, substring(d, 4, -1)])

# _end is the date the testing ended: a native report's end_date, or the latest suite timestamp of a JUnit report.
_end(testreport) := testreport.content.end_date if lib.is_date(testreport.content.end_date)

else := max(_suite_dates(testreport)) if count(_suite_dates(testreport)) > 0

_start(testreport) := testreport.content.start_date if lib.is_date(testreport.content.start_date)

else := min(_suite_dates(testreport)) if count(_suite_dates(testreport)) > 0

else := _end(testreport)

_end_at(testreport) := "/end_date" if lib.is_date(testreport.content.end_date)

else := ""

_start_at(testreport) := "/start_date" if lib.is_date(testreport.content.start_date)

else := _end_at(testreport)

# _suite_dates are the calendar dates of a JUnit report's suite timestamps (2026-01-12T09:00:00 → 2026-01-12).
_suite_dates(testreport) := {d |
	some suite in testreport.content.suites
	is_string(suite.timestamp)
	d := substring(suite.timestamp, 0, 10)
	lib.is_date(d)
}

# Every report with a date was examined.
evidence contains lib.examined(testreport.path, _end_at(testreport)) if {
	some testreport in lib.documents("test-report")
	_end(testreport)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count([r | some r in lib.documents("test-report"); _end(r)]) == 0
	msg := concat(" ", [
		"the bundle holds no test report that states when the testing was performed (type \"test-report\": a native",
		"report's end_date, a JUnit suite's timestamp), so it cannot be shown that the product as released was",
		"tested; add the dated reports of the security testing and list them under documents",
	])
}
