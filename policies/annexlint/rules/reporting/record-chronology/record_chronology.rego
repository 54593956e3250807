# METADATA
# title: Each notification record runs in order and is not dated after the day of the check
# description: |
#   A register of notifications is evidence only if its dates can be true. Each channel of an entry runs in the
#   order the law sets: awareness, then the early warning, the notification (for a serious incident, the report),
#   a progress report and the final report; a stage dated before one it follows, or before awareness, shows a record
#   that was written wrongly or after the fact. No date in the register may lie after the --as-of date: a
#   submission recorded for a day still to come has not happened. This holds for every channel, CRA Art. 14, NIS2
#   Art. 23 and MDR Art. 87 / IVDR Art. 82 alike.
# scope: package
# custom:
#   id: AL-REPORT-005
#   severity: error
#   clauses:
#     - id: CRA-ART14-1
#       cite: CRA Art. 14(1)
#     - id: CRA-ART14-3
#       cite: CRA Art. 14(3)
#     - id: NIS2-ART23-4A
#       cite: NIS2 Art. 23(4)(a)
#     - id: NIS2-ART23-4B
#       cite: NIS2 Art. 23(4)(b)
#     - id: MDR-ART87-1
#       cite: MDR Art. 87(1)
#     - id: IVDR-ART82-1
#       cite: IVDR Art. 82(1)
#   remediation: |
#     Correct the dates from the submission receipts of the reporting platform or authority; record only submissions
#     that have been made, and the time of awareness as the moment the case was first known.
package annexlint.rules.reporting["record-chronology"]

import data.annexlint.lib
import data.annexlint.lib.reporting
import data.annexlint.lib.vuln

# _order is the sequence of a channel's stages; each must not be dated before any stage listed before it.
_order := ["aware_at", "early_warning_at", "notification_at", "progress_report_at", "final_report_at"]

_dated := [
	"aware_at", "early_warning_at", "notification_at", "progress_report_at", "final_report_at", "users_informed_at",
	"corrective_measure_available", "resolved_at", "assessed_at",
]

report contains lib.finding(path, concat("/", [base, later]), msg) if {
	some [path, base, c] in reporting.channels
	some j, later in _order
	t := vuln.ns(c[later])
	some i, earlier in _order
	i < j
	vuln.ns(c[earlier]) > t
	msg := sprintf("%v: %s is dated %s, before %s (%s); %s", [
		c.id, later, c[later], earlier, c[earlier], "correct the dates from the submission receipts",
	])
}

# A date without a time stands for the whole day, so it is in the future only from the next day on.
report contains lib.finding(path, concat("/", [base, field]), msg) if {
	some [path, base, c] in reporting.channels
	some field in _dated
	_own_field(base, field)
	t := vuln.ns(c[field])
	t >= vuln.as_of_ns + vuln.day_ns
	msg := sprintf("%v: %s is dated %s, after the date of this check (%s); %s", [
		c.id, field, c[field], input.as_of, "record a submission only once it has been made, with its real date",
	])
}

# _own_field keeps a date inherited by the channels of an entry's `also` list from being reported once per channel:
# the entry's own pointer reports it.
_own_field(base, _) if not contains(base, "/also/")

_own_field(base, field) if {
	contains(base, "/also/")
	field in {"early_warning_at", "notification_at", "progress_report_at", "final_report_at"}
}

evidence contains lib.examined(path, base) if {
	some [path, base, c] in reporting.channels
	vuln.ns(c.aware_at)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("vulnerability-reports")
	msg := concat(" ", [
		"the manifest lists no register of notifications (type \"vulnerability-reports\"), so no notification",
		"record can be checked; add the register, with an empty reports list if nothing has been notified",
	])
}

# A register that names its procedure but lists nothing is a record that nothing was notified: evidence enough.
evidence contains lib.examined(doc.path, "/reports") if {
	some doc in lib.documents("vulnerability-reports")
	lib.register_shows_process(doc)
}
