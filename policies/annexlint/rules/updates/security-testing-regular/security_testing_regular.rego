# METADATA
# title: The product's security is tested and reviewed regularly, at the interval the update plan states
# description: |
#   Tests at release show the product as it was then; components, attacks and the state of the art move on. The CRA
#   asks for effective and regular tests and reviews of the product's security (Annex I Part II (3)) for as long as
#   it is supported. Regular means at a stated interval, kept. The security update plan states it in
#   `security_testing`: `frequency`, one interval (weekly, monthly, quarterly, every 6 months, annually, every N
#   days/weeks/months/years, or an ISO 8601 duration such as P6M; a month counts 31 days, a year 366), and `scope`,
#   what the regular tests and reviews comprise. annexlint then takes the most recent test report of the bundle (a
#   native report's `end_date`, a JUnit report's latest suite `timestamp`, not later than --as-of): when it ended
#   more than one interval before --as-of, the testing the plan promises has not been done, or its report is not in
#   the bundle. Without a plan, or without a dated test report, nothing shows regular testing: insufficient
#   evidence, not a pass.
# scope: package
# custom:
#   id: AL-UPD-011
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-AI-P2-3
#       cite: CRA Annex I Part II (3)
#   remediation: |
#     In the security update plan, state `security_testing.frequency` (e.g. `every 6 months`) and
#     `security_testing.scope` (what is tested and reviewed, by whom). Test at that interval and add each report to
#     the bundle as a `test-report` document; if the testing runs less often, correct the plan and the testing.
package annexlint.rules.updates["security-testing-regular"]

import data.annexlint.lib

report contains lib.finding(plan.path, _testing_pointer(plan), msg) if {
	some plan in lib.documents("security-update-plan")
	missing := [name | some [part, name] in _parts; not _stated(plan, part)]
	count(missing) > 0
	msg := sprintf("the security update plan does not state %s, so its security testing cannot be shown to be regular; %s", [
		concat(", nor ", missing),
		"state the interval at which the product's security is tested and reviewed, and what that comprises",
	])
}

report contains lib.finding_related(latest.path, latest.pointer, msg, related) if {
	[days, plan, frequency] := _interval
	latest := _latest
	lib.is_date(input.as_of)
	due := _date_after(latest.date, days)
	due < input.as_of
	msg := sprintf("the most recent security test report, %s, ended on %s; %s %q (%d days), %s %s; %s", [
		latest.path, latest.date, "the update plan promises security testing and review", frequency, days,
		"so the next was due by", due,
		"test the product again and add the report, or correct the plan's security_testing.frequency if testing runs less often",
	])
	related := [{"path": plan.path, "pointer": "/security_testing/frequency", "message": "the interval the plan promises"}]
}

_parts := [
	["frequency", "how often the product's security is tested and reviewed, as an interval annexlint can read (security_testing.frequency)"],
	["scope", "what the regular tests and reviews comprise (security_testing.scope)"],
]

_stated(plan, "frequency") if count(_frequency_days(_testing(plan).frequency)) > 0

_stated(plan, "scope") if lib.has_text(_testing(plan), "scope")

_testing(plan) := t if {
	t := plan.content.security_testing
	is_object(t)
} else := {}

_testing_pointer(plan) := "/security_testing" if is_object(plan.content.security_testing)

else := ""

# _interval is [days, plan, frequency]: the shortest interval the plans state (the first, in order, of equals).
_interval := min(_named) if count(_named) > 0

_named contains [d, plan, f] if {
	some plan in lib.documents("security-update-plan")
	f := _testing(plan).frequency
	some d in _frequency_days(f)
}

# _frequency_days are the intervals, in days, a frequency names; none for a placeholder ("TODO: e.g. every 6 months").
_frequency_days(f) := set() if not is_string(f)

else := set() if lib.is_placeholder(f)

else := _days_named(lower(f))

_days_named(f) := ({d |
	some [pattern, d] in [
		[`daily|nightly|every day|each day|every night`, 1],
		[`(^|[^a-z-])weekly|every week|each week`, 7],
		[`fortnightly|bi-?weekly|every (two|2) weeks`, 14],
		[`monthly|every month|each month`, 31],
		[`quarterly|every (three|3) months`, 93],
		[`semi-?annual|half-?yearly|twice a year|every six months`, 186],
		[`(^|[^a-z-])(annual|yearly)|every year|each year|once a year`, 366],
	]
	regex.match(pattern, f)
} | {d |
	some m in regex.find_all_string_submatch_n(`every ([0-9]+) (day|week|month|year)s?`, f, -1)
	d := to_number(m[1]) * {"day": 1, "week": 7, "month": 31, "year": 366}[m[2]]
}) | {d |
	some m in regex.find_all_string_submatch_n(`^p([0-9]+)([dwmy])$`, trim_space(f), -1)
	d := to_number(m[1]) * {"d": 1, "w": 7, "m": 31, "y": 366}[m[2]]
}

# _latest is the most recent dated test report, up to the check date: {path, pointer, date}.
_latest := r if {
	dated := [[date, report.path, pointer] |
		some report in lib.documents("test-report")
		[date, pointer] := _end(report)
		date <= input.as_of
	]
	count(dated) > 0
	[date, path, pointer] := max(dated)
	r := {"path": path, "pointer": pointer, "date": date}
}

# _end is [date, pointer] of the end of the testing: a native report's end_date, or a JUnit report's latest suite
# timestamp.
_end(report) := [report.content.end_date, "/end_date"] if lib.is_date(report.content.end_date)

else := [max(_suite_dates(report)), ""] if count(_suite_dates(report)) > 0

_suite_dates(report) := {d |
	some suite in report.content.suites
	is_string(suite.timestamp)
	d := substring(suite.timestamp, 0, 10)
	lib.is_date(d)
}

# _date_after adds n days to an ISO date by counting days, without parsing: an impossible date (2026-02-30) in a
# document that failed its schema must not stop the evaluation.
_date_after(d, n) := _civil(_day_number(d) + n)

# _day_number counts days from 1970-01-01 (the proleptic Gregorian "days from civil" algorithm).
_day_number(d) := n if {
	y0 := to_number(substring(d, 0, 4))
	m := to_number(substring(d, 5, 2))
	day := to_number(substring(d, 8, 2))
	y := y0 - to_number(m <= 2)
	era := floor(y / 400)
	yoe := y - (era * 400)
	mp := (m + 9) % 12
	doy := (floor(((153 * mp) + 2) / 5) + day) - 1
	doe := (((yoe * 365) + floor(yoe / 4)) - floor(yoe / 100)) + doy
	n := ((era * 146097) + doe) - 719468
}

_civil(n) := sprintf("%04d-%02d-%02d", [y + to_number(m <= 2), m, d]) if {
	z := n + 719468
	era := floor(z / 146097)
	doe := z - (era * 146097)
	yoe := floor((((doe - floor(doe / 1460)) + floor(doe / 36524)) - floor(doe / 146096)) / 365)
	y := yoe + (era * 400)
	doy := doe - (((365 * yoe) + floor(yoe / 4)) - floor(yoe / 100))
	mp := floor(((5 * doy) + 2) / 153)
	d := (doy - floor(((153 * mp) + 2) / 5)) + 1
	m := (mp + 3) - (12 * to_number(mp >= 10))
}

evidence contains lib.examined(plan.path, "/security_testing") if {
	some plan in lib.documents("security-update-plan")
	_stated(plan, "frequency")
	_stated(plan, "scope")
}

evidence contains lib.examined(_latest.path, _latest.pointer)

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-update-plan")
	msg := concat(" ", [
		"the manifest lists no security update plan (type \"security-update-plan\"), so no interval of regular",
		"security testing and review is stated; add the plan with its security_testing section",
	])
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not _latest
	msg := concat(" ", [
		"the bundle holds no dated security test report (type \"test-report\": a native report's end_date, a JUnit",
		"suite's timestamp) up to the date of the check, so it cannot be shown that the product's security is tested",
		"and reviewed regularly; add the reports of the regular testing",
	])
}
