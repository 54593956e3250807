# Reporting channels of the register of notifications (vulnerability-reports). One triage record can trigger
# several channels (CRA Art. 14, NIS2 Art. 23, MDR Art. 87 / IVDR Art. 82): the entry's own type is one, and each
# entry of its `also` list is another, with its own submission times and the entry's shared facts (awareness, the
# vulnerability or incident, the Member States, the corrective measure).
package annexlint.lib.reporting

import data.annexlint.lib
import data.annexlint.lib.vuln

# _own are the fields that belong to one channel's submissions and are not inherited by the channels in `also`.
_own := {
	"type", "also", "early_warning_at", "notification_at", "final_report_at", "progress_report_at",
	"recipients", "references", "severity",
}

# channels are [path, pointer, channel] for every channel every register entry triggers; pointer names the entry
# (/reports/i) or its `also` item (/reports/i/also/j), and stage fields are read from the channel as written there.
channels := array.concat(
	[[path, concat("", ["/reports/", format_int(i, 10)]), r] | some [path, i, r] in vuln.reports],
	[[path, concat("", ["/reports/", format_int(i, 10), "/also/", format_int(j, 10)]), channel] |
		some [path, i, r] in vuln.reports
		some j, extra in _list(object.get(r, "also", []))
		is_object(extra)
		channel := object.union(object.remove(r, _own), extra)
	],
)

# reported_ids are the vulnerability IDs (and aliases) of every channel of type actively-exploited-vulnerability.
reported_ids := {upper(trim_space(v)) |
	some [_, _, c] in channels
	c.type == "actively-exploited-vulnerability"
	some v in array.concat([object.get(c, "vulnerability", "")], _list(object.get(c, "aliases", [])))
	is_string(v)
	trim_space(v) != ""
}

# stage_problem is vuln.stage_problem for a channel at pointer base: how the channel missed one deadline, as
# [pointer, text]; a stage may name its "verb" (default "submitted"). Undefined when the stage was on time, is not yet due, or its value is malformed.
stage_problem(base, c, stage) := [pointer, text] if {
	value := c[stage.field]
	vuln.ns(value) > stage.due
	pointer := concat("/", [base, stage.field])
	text := sprintf("the %s was %s %s, after its deadline %s (%s) under %s", [
		stage.what, object.get(stage, "verb", "submitted"), value, _due_text(stage), stage.basis, stage.clause,
	])
} else := [base, text] if {
	not recorded(c, stage.field)
	stage.due < vuln.as_of_ns
	text := sprintf("no %s is recorded (%s), though it was due by %s (%s) under %s", [
		stage.what, stage.field, _due_text(stage), stage.basis, stage.clause,
	])
}

_due_text(stage) := object.get(stage, "due_text", vuln.show(stage.due))

# recorded is true when the field holds a value; a wrong type is the schema check's finding, not a missing stage.
recorded(c, field) if {
	v := c[field]
	v != null
	not _blank(v)
}

# _blank is a text that records nothing: blank, or a placeholder such as "TBD" or "n/a" (lib.placeholders).
_blank(v) if lib.is_placeholder(v)

# corrective_measure is when a corrective or mitigating measure for the channel's vulnerability became available,
# as [date or timestamp, where it comes from]: the record's own corrective_measure_available, or else the earliest
# VEX statement that declares the vulnerability fixed (the fixed version was then shipped), so that an omitted date
# does not stop the 14-day clock of CRA Art. 14(2)(c).
corrective_measure(c) := [c.corrective_measure_available, "recorded"] if {
	vuln.ns(c.corrective_measure_available)
} else := [vuln.show(min(times)), "vex"] if {
	ids := vuln.ids(c)
	times := {t |
		some doc in lib.documents("vex")
		some st in doc.content.statements
		st.status == "fixed"
		some v in vuln.ids(st)
		v in ids
		t := vuln.ns(st.timestamp)
	}
	count(times) > 0
}

# add_month is the same instant one month later; from the 29th-31st into a shorter month, the month's last day.
add_month(t) := u - (time.date(u)[2] * vuln.day_ns) if {
	u := time.add_date(t, 0, 1, 0)
	time.date(u)[2] != time.date(t)[2]
} else := time.add_date(t, 0, 1, 0)

# nis2_from is the first instant NIS2 notification clocks are checked from: the earliest date from which a
# national law named in a register (nis2_national_law) for one of the manifest's nis2_member_states applies, or,
# when the register names none, 18 October 2024, from which Member States had to apply their transposition
# (NIS2 Art. 41(1)). The catalog holds no table of national transposition dates, so the register states them.
nis2_from := min(times) if {
	times := {t |
		some law in nis2_laws
		t := vuln.ns(law.applies_from)
	}
	count(times) > 0
} else := vuln.ns("2024-10-18")

# nis2_laws are the national laws a register names for the manifest's NIS2 Member States (all it names when the
# manifest lists none).
nis2_laws := [law |
	some doc in lib.documents("vulnerability-reports")
	some law in _list(object.get(_obj(doc.content), "nis2_national_law", []))
	is_object(law)
	_for_manifest_state(law)
]

_for_manifest_state(_) if {
	count(_list(object.get(lib.product, "nis2_member_states", []))) == 0
}

_for_manifest_state(law) if law.member_state in _list(lib.product.nis2_member_states)

_obj(v) := v if is_object(v)

else := {}

_list(v) := v if is_array(v)

else := []
