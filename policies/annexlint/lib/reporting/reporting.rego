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
# as [date or timestamp, where it comes from (text to append, "" when recorded)]: the record's own
# corrective_measure_available, or else the earliest of the VEX statements that declare the vulnerability fixed (the
# fixed version was then shipped), the dated CSAF remediations of category vendor_fix or mitigation, and the releases
# of the update plan that fix it, made available by the as-of date, so that an omitted date does not stop the 14-day
# clock of CRA Art. 14(2)(c).
corrective_measure(c) := [c.corrective_measure_available, ""] if {
	vuln.ns(c.corrective_measure_available)
} else := [first[1], first[2]] if {
	candidates := _measures(vuln.ids(c))
	count(candidates) > 0
	first := sort(candidates)[0]
}

# _measures are [time, date as written or shown, where it comes from] for every measure the bundle dates for any of
# the vulnerability IDs, up to the end of the as-of day.
_measures(ids) := {m |
	some m in ((_fixed_statements(ids) | _remediations(ids)) | _releases(ids))
	m[0] < vuln.as_of_ns + vuln.day_ns
}

_fixed_statements(ids) := {[t, vuln.show(t), ", the first VEX statement that declares the vulnerability fixed"] |
	some doc in lib.documents("vex")
	some st in doc.content.statements
	st.status == "fixed"
	some v in vuln.ids(st)
	v in ids
	t := vuln.ns(st.timestamp)
}

_remediations(ids) := {[t, rem.date, sprintf(", the date of the CSAF remediation (%s) in %s", [rem.category, doc.path])] |
	some doc in lib.documents("vex")
	some st in doc.content.statements
	some v in vuln.ids(st)
	v in ids
	some [_, rem, t] in vuln.dated_remediations(st)
	rem.category in {"vendor_fix", "mitigation"}
}

_releases(ids) := {[t, r[2].date, sprintf(", the release of version %v that fixes it (%s)", [r[2].version, r[0]])] |
	some r in vuln.releases_fixing(ids)
	t := vuln.ns(r[2].date)
}

# eu_member_states are the ISO 3166-1 alpha-2 codes of the 27 Member States of the European Union. Greece is EL, the
# code the EU's own publications use, or GR, its ISO 3166-1 code: both are accepted.
eu_member_states := {
	"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT",
	"LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
}

# names_member_state is true when a channel names at least one Member State code, written or inherited from its entry
# (a placeholder such as "TBD" names none).
names_member_state(c) if {
	some ms in _list(object.get(c, "member_states", []))
	is_string(ms)
	not lib.is_placeholder(ms)
}

# not_member_states are [index, code] for every code of a channel's member_states that is not an EU Member State.
not_member_states(c) := {[j, ms] |
	some j, ms in _list(object.get(c, "member_states", []))
	is_string(ms)
	not lib.is_placeholder(ms)
	not upper(trim_space(ms)) in eu_member_states
}

# member_states_at is the pointer of the member_states list a channel reads: the `also` item's own, or, when it names
# none, its entry's (a channel under `also` inherits the entry's Member States).
member_states_at(path, base) := concat("/", [base, "member_states"]) if {
	parts := split(base, "/")
	count(parts) == 5
	some [p, i, r] in vuln.reports
	p == path
	format_int(i, 10) == parts[2]
	object.get(_list(object.get(r, "also", []))[to_number(parts[4])], "member_states", null) != null
} else := concat("/", [concat("/", array.slice(split(base, "/"), 0, 3)), "member_states"])

# channel_label names a channel for messages: the record's ID and the channel's type, and where it is listed.
channel_label(base, c) := sprintf("%v, its %s channel (also)", [c.id, c.type]) if {
	contains(base, "/also/")
} else := sprintf("%v (%s)", [c.id, c.type])

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
