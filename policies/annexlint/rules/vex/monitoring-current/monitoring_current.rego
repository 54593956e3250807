# METADATA
# title: Vulnerability scans and VEX documents are as recent as the update plan's monitoring promises
# description: |
#   Vulnerabilities are published every day: a scan or VEX assessment shows the product's state only on the day it
#   was made. The update plan says how often the components are checked against the vulnerability sources
#   (monitoring.frequency); a scan or VEX document older than that, on the --as-of date, shows that the promised
#   monitoring and assessment did not happen, or that the bundle does not hold their results. The CRA asks for
#   effective and regular tests and reviews and for remediation without delay (Annex I Part II (2) and (3)); MDCG
#   2019-16 asks for post-market monitoring of vulnerabilities in a device's own and third-party software. The
#   frequency is read from the plan's words (continuous, hourly, daily, nightly, weekly, fortnightly, monthly,
#   quarterly, every N days/weeks/months) or an ISO 8601 duration (P7D), the shortest it names; when it cannot be
#   read, monthly. A document may be older than the interval by one week (weekends, holidays, release freezes).
# scope: package
# custom:
#   id: AL-VEX-010
#   severity: warning
#   clauses:
#     - id: CRA-AI-P2-2
#       cite: CRA Annex I Part II (2)
#     - id: CRA-AI-P2-3
#       cite: CRA Annex I Part II (3)
#     - id: MDR-ART83-3
#       cite: MDR Art. 83(3)
#     - id: IVDR-ART78-3
#       cite: IVDR Art. 78(3)
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#     - id: FDA-524B-B2
#       cite: FD&C Act 524B(b)(2)
#   remediation: |
#     Scan the current SBOM again, review the VEX against the results and put the new scan and VEX into the bundle;
#     if the monitoring runs less often than the plan says, correct the plan's monitoring.frequency.
package annexlint.rules.vex["monitoring-current"]

import data.annexlint.lib
import data.annexlint.lib.vuln

# grace_days is how much older than the monitoring interval a document may be.
grace_days := 7

# default_interval is the interval when no plan states a frequency annexlint can read.
default_interval := [31, "monthly (annexlint's default, as the update plan states no frequency it can read)"]

report contains lib.finding(doc.path, _pointer(doc), msg) if {
	some doc in _documents
	issued := vuln.ns(doc.content.timestamp)
	[days, basis] := _interval
	issued + ((days + grace_days) * vuln.day_ns) < vuln.as_of_ns
	msg := sprintf("the %s was issued on %s, %d days before %s, though the components are to be checked %s; %s", [
		_what(doc.type), vuln.day(issued), floor((vuln.as_of_ns - issued) / vuln.day_ns), input.as_of, basis,
		"scan the current SBOM again, review the VEX against the results and add both to the bundle",
	])
}

evidence contains lib.examined(doc.path, _pointer(doc)) if {
	some doc in _documents
	vuln.ns(doc.content.timestamp)
}

evidence contains lib.examined(plan.path, "/monitoring") if {
	count(_documents) > 0
	some plan in lib.documents("security-update-plan")
	is_object(plan.content.monitoring)
}

insufficient contains lib.finding(doc.path, _pointer(doc), msg) if {
	some doc in _documents
	not _dated(doc)
	msg := sprintf("the %s %s does not say when it was issued in a form that can be read, so %s; %s", [
		_what(doc.type), doc.path, "it cannot be told whether the monitoring is current",
		"record the date and time of issue as RFC 3339 (OpenVEX timestamp, CSAF current_release_date, CycloneDX metadata.timestamp, the scanner's run time)",
	])
}

# _dated is a helper, because `not vuln.ns(x)` is undefined, not true, when x is undefined.
_dated(doc) if vuln.ns(doc.content.timestamp)

_documents := array.concat(lib.documents("vex"), lib.documents("vulnerability-scan"))

_what("vex") := "VEX document"

_what("vulnerability-scan") := "scan"

_pointer(doc) := "/timestamp_source" if is_object(doc.content.timestamp_source)

else := ""

# _interval is [days, basis]: the shortest interval the plans' monitoring frequencies name, or the default.
_interval := [min({d | some [d, _] in _named}), _basis] if {
	count(_named) > 0
} else := default_interval

_basis := sprintf("%s (the update plan's monitoring frequency: %q)", [_word(d), f]) if {
	d := min({x | some [x, _] in _named})
	f := min({y | some pair in _named; pair[0] == d; y := pair[1]})
}

_words := {1: "daily", 7: "weekly", 14: "fortnightly", 31: "monthly", 92: "quarterly"}

_word(d) := w if {
	w := _words[d]
} else := sprintf("every %d days", [d])

_named contains [d, f] if {
	some plan in lib.documents("security-update-plan")
	f := plan.content.monitoring.frequency
	is_string(f)
	some d in _frequency_days(lower(f))
}

_frequency_days(f) := ({d |
	some [pattern, d] in [
		[`continuous|real[- ]time|hourly|daily|nightly|every day|each day|every night`, 1],
		[`weekly|every week|each week`, 7],
		[`fortnightly|bi-?weekly|every (two|2) weeks`, 14],
		[`monthly|every month|each month`, 31],
		[`quarterly|every (three|3) months`, 92],
	]
	regex.match(pattern, f)
} | {d |
	some m in regex.find_all_string_submatch_n(`every ([0-9]+) (day|week|month)s?`, f, -1)
	d := to_number(m[1]) * {"day": 1, "week": 7, "month": 31}[m[2]]
}) | {d |
	some m in regex.find_all_string_submatch_n(`^p([0-9]+)([dwm])$`, trim_space(f), -1)
	d := to_number(m[1]) * {"d": 1, "w": 7, "m": 31}[m[2]]
}
