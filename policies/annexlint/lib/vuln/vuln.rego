# METADATA
# title: annexlint vulnerability library
# description: |
#   Matching of VEX products and scan findings to the components the bundle's SBOMs ship, and the time arithmetic
#   of the reporting rules. Every index is a complete rule, built once per evaluation and then looked up by key,
#   so no rule loops over all components for each vulnerability.
package annexlint.lib.vuln

import data.annexlint.lib

hour_ns := ((60 * 60) * 1000) * 1000000

day_ns := 24 * hour_ns

# --- Component identity ------------------------------------------------------------------------------------------
#
# A component, a VEX product or a scan finding is identified at four levels, tried in this order: package URL
# (lower case, without qualifiers, subpath and version), CycloneDX BOM-Link (serial number and bom-ref), CPE
# (lower case, up to the product field) and name (lower case). The first level at which an item finds any
# component decides which components it is about; its version then narrows them down. Versions compare after
# lower-casing and dropping a "v" before a digit, so the git tag v3.6.2 of a github purl equals version 3.6.2.
#
# Cost matters here: a bundle may list tens of thousands of components. Each level's index is a complete rule
# built in one pass with as few function calls per component as possible, and only when an item needs that level;
# versions are read only for the candidates an item finds. annexlint check does better still: it computes ids,
# resolve_package and resolve of every scan match, VEX statement and product in Go, in one pass over the components
# (input.derived.vuln_index.items, keyed by the item; internal/input.VulnIndex), and these helpers return that when it
# is there, so the indexes below are built only for an input without it (unit tests, a policy evaluated on its own)
# or an item it does not list. TestVulnIndexMatchesRego holds the two to the same results.

# A component id is [sbom path, index]: the index in the SBOM's components, or -1 for its primary component.

# sboms maps each SBOM's path to its normalised content.
sboms := {d.path: d.content | some d in lib.documents("sbom"); is_object(d.content)}

# component returns the component an id names.
component(id) := sboms[id[0]].primary if id[1] == -1

else := sboms[id[0]].components[id[1]]

# pointer is the JSON pointer of a component in its SBOM's content.
pointer(id) := "/primary" if id[1] == -1

else := concat("", ["/components/", format_int(id[1], 10)])

# primary is true for the component an SBOM describes (the product itself).
primary(id) if id[1] == -1

# label names a component as "name version (path)" for messages.
# annexlint check gives the labels of the components the bundle's items name (input.derived.vuln_index.labels).
label(id) := computed if {
	computed := input.derived.vuln_index.labels[id]
} else := sprintf("%s %s (%s)", [_str(c, "name"), _str(c, "version"), id[0]]) if {
	c := component(id)
}

# by_purl, by_ref, by_cpe and by_name map an identity key to the ids of the components that have it. The inner
# comprehension closes over k through unification, so OPA indexes it: each object is built in one pass.
#
# Speed: a call of a function written in Rego costs more than all the built-ins it runs (OPA memoises each call by
# its arguments), so the per-component and per-item work below uses built-ins inline. The package URL key is
# substring(k, 0, indexof(k, "@")) with k := lower(split(split(trim_space(purl), "#")[0], "?")[0]) (a canonical
# purl has one "@" at most, before the version; length -1 takes the whole string), and the version key
# regex.replace(lower(trim_space(version)), "^v([0-9])", "$1"), wherever they appear; keep them identical.
by_purl := {k: ids |
	some k in {pair[0] | some pair in _purl_pairs}
	ids := {id | some pair in _purl_pairs; pair[0] = k; id := pair[1]}
}

by_ref := {k: ids |
	some k in {pair[0] | some pair in _ref_pairs}
	ids := {id | some pair in _ref_pairs; pair[0] = k; id := pair[1]}
}

by_cpe := {k: ids |
	some k in {pair[0] | some pair in _cpe_pairs}
	ids := {id | some pair in _cpe_pairs; pair[0] = k; id := pair[1]}
}

by_name := {k: ids |
	some k in {pair[0] | some pair in _name_pairs}
	ids := {id | some pair in _name_pairs; pair[0] = k; id := pair[1]}
}

_purl_pairs := array.concat(
	[[substring(k, 0, indexof(k, "@")), [path, -1]] |
		some path, bom in sboms
		p := bom.primary.purl
		is_string(p)
		startswith(p, "pkg:")
		object.get(bom.primary, "purl_error", "") == ""
		k := lower(split(split(trim_space(p), "#")[0], "?")[0])
	],
	[[substring(k, 0, indexof(k, "@")), [path, i]] |
		some path, bom in sboms
		some i, c in bom.components
		p := c.purl
		is_string(p)
		startswith(p, "pkg:")
		object.get(c, "purl_error", "") == ""
		k := lower(split(split(trim_space(p), "#")[0], "?")[0])
	],
)

_ref_pairs := array.concat(
	[[concat("", [lower(bom.serial_number), "#", bom.primary.ref]), [path, -1]] |
		some path, bom in sboms
		lib.has_text(bom, "serial_number")
		lib.has_text(bom.primary, "ref")
	],
	[[concat("", [serial, "#", c.ref]), [path, i]] |
		some path, bom in sboms
		lib.has_text(bom, "serial_number")
		serial := lower(bom.serial_number)
		some i, c in bom.components
		is_string(c.ref)
		c.ref != ""
	],
)

_cpe_pairs := array.concat(
	[[cpe_base(cpe), [path, -1]] | some path, bom in sboms; some cpe in _list(bom.primary.cpes)],
	[[cpe_base(cpe), [path, i]] | some path, bom in sboms; some i, c in bom.components; some cpe in _list(c.cpes)],
)

_name_pairs := array.concat(
	[[lower(trim_space(bom.primary.name)), [path, -1]] | some path, bom in sboms; lib.has_text(bom.primary, "name")],
	[[lower(trim_space(n)), [path, i]] |
		some path, bom in sboms
		some i, c in bom.components
		n := c.name
		is_string(n)
		trim_space(n) != ""
	],
)

# resolve_package returns the ids of the components an item (VEX product, scan match) names, whatever their version.
# An item that is part of another product (parent) is looked for inside that product only (part_of).
resolve_package(x) := computed if {
	computed := input.derived.vuln_index.items[x].package
} else := {id | some id in _package(x); id[0] in scope} if {
	scope := part_of(x)
} else := _package(x)

_package(x) := ids if {
	p := x.purl
	is_string(p)
	k := lower(split(split(trim_space(p), "#")[0], "?")[0])
	ids := by_purl[substring(k, 0, indexof(k, "@"))]
} else := ids if {
	is_string(x.bom)
	x.bom != ""
	is_string(x.ref)
	x.ref != ""
	ids := by_ref[concat("", [lower(x.bom), "#", x.ref])]
} else := ids if {
	ids := {id | some cpe in _cpes(x); some id in by_cpe[cpe_base(cpe)]}
	count(ids) > 0
} else := ids if {
	n := x.name
	is_string(n)
	ids := by_name[lower(trim_space(n))]
} else := set()

# resolve returns the ids of the components an item names at the version it names. A version range is evaluated in
# Go, with the ordering of the package's ecosystem (input.derived.version_ranges: range -> shipped version -> inside);
# a component whose version could not be placed in or out of the range counts as inside, and an item without a
# version names every version. An item that is part of another product is looked for inside that product only.
resolve(x) := computed if {
	computed := input.derived.vuln_index.items[x].resolve
} else := {id | some id in _versioned(x); id[0] in scope} if {
	scope := part_of(x)
} else := _versioned(x)

# part_of is the set of SBOMs (paths) that hold the product an item is part of: an OpenVEX product's subcomponent, a
# CSAF relationship's component, a component a CycloneDX VEX writes inside its product. They are the SBOMs whose
# product (or one of whose components) that parent is, at the version it names, so a statement about openssl in the
# firmware does not cover the openssl of the app, nor that of another firmware version. Undefined when the item has no
# parent or its parent names no package the SBOMs ship: then the item is matched as if it stood alone.
part_of(x) := {id[0] | some id in _versioned(x.parent)} if {
	is_object(x.parent)
	count(_package(x.parent)) > 0
}

_versioned(x) := ids if {
	versions := item_versions(x)
	count(versions) > 0
	ids := {id | some id in _package(x); _version_ok(versions, id)}
} else := ids if {
	r := x.range
	is_string(r)
	evaluated := input.derived.version_ranges[r]
	ids := {id | some id in _package(x); not _out_of_range(evaluated, id)}
} else := _package(x)

_out_of_range(evaluated, id) if evaluated[component(id).version] == false

# _version_ok tries the component's own version before computing all the versions it is known by; an else chain
# stops at the first branch that holds, where separate definitions would all be evaluated.
_version_ok(versions, id) if {
	v := component(id).version
	is_string(v)
	regex.replace(lower(trim_space(v)), `^v([0-9])`, "$1") in versions
} else if {
	some v in versions
	v in component_versions(component(id))
}

# component_versions is the set of versions a component is known by: its version, its purl's, its CPEs'.
component_versions(c) := {v |
	some raw in array.concat(
		array.concat([_str(c, "version")], [x | object.get(c, "purl_error", "") == ""; x := purl_version(c.purl)]),
		[x | some cpe in _list(c.cpes); x := cpe_version(cpe)],
	)
	v := norm_version(raw)
	v != ""
}

# item_versions is the version an item names, normalised, as a set (empty: any version).
item_versions(x) := {regex.replace(lower(trim_space(v)), `^v([0-9])`, "$1")} if {
	v := x.version
	is_string(v)
	trim_space(v) != ""
} else := set() if {
	r := x.range
	is_string(r)
	trim_space(r) != ""
} else := {v | v := norm_version(purl_version(x.purl)); v != ""} if {
	purl_version(x.purl) != ""
} else := {v | some cpe in _cpes(x); v := norm_version(cpe_version(cpe)); v != ""}

_cpes(x) := array.concat([c | c := x.cpe; is_string(c)], [c | some c in _list(x.cpes)])

# purl_key is a package URL in lower case without qualifiers and subpath.
purl_key(p) := lower(split(split(trim_space(p), "#")[0], "?")[0]) if {
	is_string(p)
	startswith(lower(trim_space(p)), "pkg:")
}

# purl_base is the package URL without its version.
purl_base(p) := substring(k, 0, indexof(k, "@")) if k := purl_key(p)

# purl_version is the purl's version, percent-decoded when that is safe; "" when there is none.
purl_version(p) := v if {
	k := purl_key(p)
	at := indexof(k, "@")
	at >= 0
	v := _unescape(substring(k, at + 1, -1))
} else := ""

_unescape(s) := urlquery.decode(s) if {
	contains(s, "%")
	regex.match(`^([^%+]|%[0-9a-f]{2})*$`, s)
} else := s

# cpe_base is a CPE 2.3 or 2.2 name in lower case up to the product field.
cpe_base(c) := concat(":", array.slice(parts, 0, 5)) if {
	is_string(c)
	parts := split(lower(trim_space(c)), ":")
	parts[1] == "2.3"
	count(parts) >= 5
} else := concat(":", array.slice(parts, 0, 4)) if {
	is_string(c)
	parts := split(lower(trim_space(c)), ":")
	startswith(parts[1], "/")
	count(parts) >= 4
}

# cpe_version is the version field of a CPE name; "" when it is absent or a wildcard.
cpe_version(c) := v if {
	is_string(c)
	startswith(lower(c), "cpe:2.3:")
	v := split(c, ":")[5]
	not v in {"*", "-", ""}
} else := v if {
	is_string(c)
	startswith(lower(c), "cpe:/")
	v := split(c, ":")[4]
	v != ""
} else := ""

# norm_version lower-cases a version and drops a "v" before a digit.
norm_version(v) := regex.replace(lower(trim_space(v)), `^v([0-9])`, "$1") if is_string(v)

# --- VEX statements and scan matches -----------------------------------------------------------------------------

# ids is the set of a statement's or match's vulnerability ID and aliases, upper case.
ids(x) := computed if {
	computed := input.derived.vuln_index.items[x].ids
} else := {upper(trim_space(v)) |
	some v in array.concat([object.get(x, "vulnerability", "")], _list(object.get(x, "aliases", [])))
	is_string(v)
	trim_space(v) != ""
} if {
	is_object(x)
}

# targets are the products a statement is about: an OpenVEX product that lists subcomponents only says where
# they sit (the model marks it container), so the subcomponents are the targets.
targets(st) := [p |
	some p in products
	is_object(p)
	not object.get(p, "container", false)
] if {
	is_object(st)
	products := _list(object.get(st, "products", []))
}

# product_label names a VEX product or scan match as written, except that a CycloneDX BOM-Link (percent-encoded)
# is shown by the package URL it resolves to.
product_label(p) := p.purl if {
	startswith(object.get(p, "id", ""), "urn:cdx:")
	lib.has_text(p, "purl")
} else := p.id if {
	lib.has_text(p, "id")
} else := p.purl if {
	lib.has_text(p, "purl")
} else := trim_space(concat(" ", [p.name, object.get(p, "version", object.get(p, "range", ""))])) if {
	lib.has_text(p, "name")
} else := "an unnamed product"

# shipped_statement is true when a statement names a component the SBOMs ship, at the version it names.
shipped_statement(st) if {
	some t in targets(st)
	count(resolve(t)) > 0
}

# fix_targets are the products of a fixed statement that name the version containing the fix: a version, not a
# range, and not a CycloneDX affects version marked affected or unknown.
fix_targets(st) := [t |
	st.status == "fixed"
	some t in targets(st)
	count(item_versions(t)) > 0
	not object.get(t, "version_status", "") in {"affected", "unknown"}
] if is_object(st)

# unfixed_ids returns the ids of the shipped components of each package a fixed statement names a fixed version for,
# at a version that contains none of the fixes it names: an earlier version (1.2.9 where the fix is in 1.2.10), ordered
# as the package's ecosystem orders versions (input.derived.version_order: named version -> shipped version -> sign
# of shipped minus named), or, where the two cannot be ordered, a different text. A later version contains the fix.
# Components the statement itself lists as affected are listed_affected's.
unfixed_ids(st) := {id |
	ts := fix_targets(st)
	some t in ts
	some id in resolve_package(t)
	not _fix_shipped(ts, id)
	not id in listed_affected(st)
}

_fix_shipped(ts, id) if {
	some t in ts
	id in resolve_package(t)
	_contains_fix(t, id)
}

_contains_fix(t, id) if {
	input.derived.version_order[t.version][component(id).version] >= 0
} else if {
	not _ordered(t, id)
	_version_ok(item_versions(t), id)
}

# _ordered is a helper because `not f(x.y)` is undefined, not true, when x.y is undefined.
_ordered(t, id) if is_number(input.derived.version_order[t.version][component(id).version])

# listed_affected returns the ids of the shipped components a fixed statement lists as affected (CycloneDX affects
# versions with status affected, a range included): a VEX that lists the shipped version as affected is never read as
# fixed.
listed_affected(st) := {id |
	st.status == "fixed"
	some t in targets(st)
	object.get(t, "version_status", "") == "affected"
	some id in resolve(t)
} if is_object(st)

# fixed_unshipped returns the products of a fixed statement that name a fixed version of a package the SBOMs ship only
# at versions without the fix (unfixed_ids), or that the statement lists as affected; undefined when there are none.
# AL-VEX-005 reports these statements, AL-VEX-006 leaves them to it.
fixed_unshipped(st) := products if {
	unfixed := unfixed_ids(st)
	affected := listed_affected(st)
	products := [t | some t in targets(st); _names_problem(t, unfixed, affected)]
	count(products) > 0
}

_names_problem(t, unfixed, _) if {
	count(item_versions(t)) > 0
	not object.get(t, "version_status", "") in {"affected", "unknown"}
	some id in resolve_package(t)
	id in unfixed
}

_names_problem(t, _, affected) if {
	object.get(t, "version_status", "") == "affected"
	some id in resolve(t)
	id in affected
}

# fixed_judged is true for a fixed statement naming a fixed version of a package the SBOMs ship: AL-VEX-005 compares
# the versions (a later shipped version contains the fix), so AL-VEX-006 does not report it as about an unshipped one.
fixed_judged(st) if {
	some t in fix_targets(st)
	count(resolve_package(t)) > 0
}

# coverage holds [vulnerability, component id] for every component a VEX statement assesses, and
# [vulnerability, "sbom:<path>"] when a statement is about an SBOM's product as a whole.
coverage := {[v, target] |
	some doc in lib.documents("vex")
	some st in doc.content.statements
	some t in targets(st)
	some id in resolve(t)
	some target in _coverage_targets(id)
	some v in ids(st)
}

_coverage_targets(id) := [id, concat("", ["sbom:", id[0]])] if primary(id)

else := [id]

# unassessed returns the ids of the shipped components a scan match names (resolve) for which no VEX statement assesses
# any of its vulnerabilities (covered). annexlint check gives it for every match (input.derived.vuln_index.items).
unassessed(match) := computed if {
	computed := input.derived.vuln_index.items[match].unassessed
} else := {id | some id in resolve(match); not covered(ids(match), id)}

# covered is true when a VEX statement assesses any of vulnerabilities for the component.
covered(vulnerabilities, id) if {
	some v in vulnerabilities
	[v, id] in coverage
}

covered(vulnerabilities, id) if {
	some v in vulnerabilities
	[v, concat("", ["sbom:", id[0]])] in coverage
}

# --- KEV catalogs and the reports document -----------------------------------------------------------------------

kev_ids := {upper(trim_space(k.cve_id)) |
	some doc in lib.documents("kev-catalog")
	some k in doc.content.kev
	is_string(k.cve_id)
}

# kev_entry returns [path, index, entry] of the first catalog entry for v.
kev_entry(v) := kev_by_id[v][0]

# kev_by_id maps a CVE ID to the [path, index, entry] of its catalog entries, indexed in one pass.
kev_by_id := {v: found |
	some v in kev_ids
	found := [[doc.path, i, k] |
		some doc in lib.documents("kev-catalog")
		some i, k in doc.content.kev
		is_string(k.cve_id)
		upper(trim_space(k.cve_id)) = v
	]
}

# reports are [path, index, entry] for every entry of every vulnerability-reports document.
reports := [[doc.path, i, r] |
	some doc in lib.documents("vulnerability-reports")
	some i, r in _list(object.get(_obj(doc.content), "reports", []))
	is_object(r)
]

# reported_ids are the vulnerability IDs and aliases of the actively exploited vulnerabilities reported.
reported_ids := {upper(trim_space(v)) |
	some [_, _, r] in reports
	r.type == "actively-exploited-vulnerability"
	some v in array.concat([object.get(r, "vulnerability", "")], _list(object.get(r, "aliases", [])))
	is_string(v)
	trim_space(v) != ""
}

# cra_art14_from_ns is midnight UTC of 11 September 2026, from when CRA Art. 14 applies (Art. 71(2)). A reporting
# clock that started before then is not checked.
cra_art14_from_ns := ns("2026-09-11")

# stage_problem says how a report entry missed one deadline, as [pointer, text]: the stage was submitted after
# its deadline, or it is not recorded although its deadline passed before the as-of date. A stage is
# {"field", "what", "due" (the last instant on time, in nanoseconds), "basis" (how the deadline follows),
# "clause"} with an optional "due_text" to show instead of due. Undefined when the stage was on time, is not yet
# due, or its value is malformed (the schema check reports that).
stage_problem(r, i, stage) := [pointer, text] if {
	value := r[stage.field]
	ns(value) > stage.due
	pointer := concat("/", ["", "reports", format_int(i, 10), stage.field])
	text := sprintf("the %s was submitted %s, after its deadline %s (%s) under %s", [
		stage.what, value, _due_text(stage), stage.basis, stage.clause,
	])
} else := [pointer, text] if {
	not _recorded(r, stage.field)
	stage.due < as_of_ns
	pointer := concat("/", ["", "reports", format_int(i, 10)])
	text := sprintf("no %s is recorded (%s), though it was due by %s (%s) under %s", [
		stage.what, stage.field, _due_text(stage), stage.basis, stage.clause,
	])
}

_due_text(stage) := object.get(stage, "due_text", show(stage.due))

# _recorded is true when the field holds a value; a wrong type is the schema check's finding, not a missing stage.
_recorded(r, field) if {
	v := r[field]
	v != null
	not _blank(v)
}

# _blank is a text that records nothing: blank, or a placeholder such as "TBD" or "n/a" (lib.placeholders).
_blank(v) if lib.is_placeholder(v)

# final_due_after_measure is the last instant 14 days after a corrective measure became available, as
# [nanoseconds, text]; a date without a time counts to the end of the fourteenth day after it.
final_due_after_measure(available) := [(ns(available) + (15 * day_ns)) - 1, date] if {
	is_date(available)
	date := substring(show(ns(available) + (14 * day_ns)), 0, 10)
} else := [due, show(due)] if {
	due := ns(available) + (14 * day_ns)
}

# final_due_after_notification is one month after the incident notification, or after its deadline (72 hours
# from awareness) when none is recorded.
final_due_after_notification(r, aware) := _add_month(notified) if {
	notified := ns(r.notification_at)
} else := _add_month(aware + (72 * hour_ns))

# _add_month is the same instant one month later, or on the last day of the next month when that has no such day,
# as EU law ends a period of months (Regulation 1182/71 Art. 3(2)(c)): time.add_date alone overflows, making
# 31 January plus one month 3 March.
_add_month(t) := u - (time.date(u)[2] * day_ns) if {
	u := time.add_date(t, 0, 1, 0)
	time.date(u)[2] != time.date(t)[2]
} else := time.add_date(t, 0, 1, 0)

# --- Time --------------------------------------------------------------------------------------------------------

_ts_re := `^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$`

_date_re := `^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`

# ns is an RFC 3339 timestamp, or an ISO date taken as midnight UTC, in nanoseconds since the epoch. It is
# undefined for anything else, impossible dates such as 2026-02-30 included: time.parse_rfc3339_ns would raise an
# error on them, and with strict built-in errors one error stops the whole evaluation.
ns(s) := time.parse_rfc3339_ns(s) if {
	is_string(s)
	regex.match(_ts_re, s)
	_day_exists(s)
} else := time.parse_rfc3339_ns(concat("", [s, "T00:00:00Z"])) if {
	is_string(s)
	regex.match(_date_re, s)
	_day_exists(s)
}

# is_date is true for an ISO date without a time.
is_date(s) if {
	is_string(s)
	regex.match(_date_re, s)
}

# as_of_ns is the start (midnight UTC) of the --as-of day: a deadline is past only if it passed before that day
# began, so a deadline falling on the as-of day itself is not reported yet.
as_of_ns := ns(input.as_of)

# show renders nanoseconds as an RFC 3339 timestamp in UTC.
show(t) := time.format(t)

_day_exists(s) if {
	y := to_number(substring(s, 0, 4))
	m := to_number(substring(s, 5, 2))
	to_number(substring(s, 8, 2)) <= _month_days(y, m)
}

_month_days(y, m) := 29 if {
	m == 2
	_leap(y)
} else := 28 if {
	m == 2
} else := 30 if {
	m in {4, 6, 9, 11}
} else := 31

_leap(y) if {
	y % 4 == 0
	y % 100 != 0
}

_leap(y) if y % 400 == 0

# --- Helpers -----------------------------------------------------------------------------------------------------

_list(v) := v if is_array(v)

else := []

_obj(v) := v if is_object(v)

else := {}

_str(obj, key) := obj[key] if is_string(obj[key])

else := ""

# --- Severity, remediation timelines and clocks ------------------------------------------------------------------
#
# The update plan's remediation_timelines give, per severity, the days from a vulnerability being known to its fix
# being available. A vulnerability's severity is the highest any scan or VEX statement of the bundle gives it; one
# that nobody rated gets the plan's shortest timeline, because an unknown risk cannot justify a slower fix. Its
# clock starts at the earliest time the bundle shows it known: the first issue of a VEX statement about it, or the
# run of the first scan that reports it.

severity_rank := {"critical": 4, "high": 3, "medium": 2, "low": 1, "none": 0}

_rank_severity := {4: "critical", 3: "high", 2: "medium", 1: "low", 0: "none"}

# rated_severity maps a vulnerability ID or alias (upper case) to the highest severity a scan or VEX statement of
# the bundle gives it, built in one pass over both.
rated_severity := {v: _rank_severity[max(ranks)] |
	some v in {pair[0] | some pair in _ratings}
	ranks := [pair[1] | some pair in _ratings; pair[0] = v]
}

_ratings := array.concat(
	[[v, severity_rank[m.severity]] |
		some doc in lib.documents("vulnerability-scan")
		some m in doc.content.matches
		is_object(m)
		is_string(m.severity)
		severity_rank[m.severity]
		some v in ids(m)
	],
	[[v, severity_rank[st.severity]] |
		some doc in lib.documents("vex")
		some st in doc.content.statements
		is_object(st)
		is_string(st.severity)
		severity_rank[st.severity]
		some v in ids(st)
	],
)

# severity is the highest severity rated for any of the vulnerability IDs, or "unknown".
severity(vulnerabilities) := _rank_severity[max(ranks)] if {
	ranks := [severity_rank[rated_severity[v]] | some v in vulnerabilities; rated_severity[v]]
	count(ranks) > 0
} else := "unknown"

# timelines are the remediation timelines of the update plans: severity -> days (the shortest where plans differ).
timelines := {sev: min(days) |
	some sev in {"critical", "high", "medium", "low"}
	days := [d |
		some plan in lib.documents("security-update-plan")
		d := plan.content.remediation_timelines[sev]
		is_number(d)
		d >= 0
	]
	count(days) > 0
}

# timeline returns [days, basis] for a severity: the plan's timeline for it, or for an unrated (or "none")
# severity the plan's shortest; undefined when the plan gives none.
timeline(sev) := [timelines[sev], sprintf("the update plan's %s timeline of %d days", [sev, timelines[sev]])] if {
	timelines[sev]
} else := [d, sprintf("the update plan's shortest timeline of %d days (no scan or VEX statement rates its severity)", [d])] if {
	count(timelines) > 0
	d := min({x | some x in timelines})
}

# known_since maps a vulnerability ID or alias (upper case) to the earliest time, in nanoseconds, a scan reports it
# or a VEX statement about it was first issued.
known_since := {v: min(times) |
	some v in {pair[0] | some pair in _known}
	times := [pair[1] | some pair in _known; pair[0] = v]
}

_known := array.concat(
	[[v, t] |
		some doc in lib.documents("vulnerability-scan")
		t := ns(doc.content.timestamp)
		some m in doc.content.matches
		is_object(m)
		some v in ids(m)
	],
	[[v, t] |
		some doc in lib.documents("vex")
		some st in doc.content.statements
		is_object(st)
		t := statement_issued(doc, st)
		some v in ids(st)
	],
)

# statement_issued is when a statement was first made, in nanoseconds: its first issue, else its own time, else the
# document's.
statement_issued(doc, st) := t if {
	t := ns(st.first_issued)
} else := t if {
	t := ns(st.timestamp)
} else := ns(doc.content.timestamp)

# first_known is the earliest time any of the vulnerability IDs is known in the bundle, in nanoseconds.
first_known(vulnerabilities) := min({known_since[v] | some v in vulnerabilities; known_since[v]}) if {
	count({v | some v in vulnerabilities; known_since[v]}) > 0
}

# planned_updates are [plan path, index, update] for every planned update of the update plans.
planned_updates := [[plan.path, i, u] |
	some plan in lib.documents("security-update-plan")
	some i, u in _list(object.get(_obj(plan.content), "planned_updates", []))
	is_object(u)
]

# planned_for returns the planned updates ([path, index, update]) that list any of the vulnerability IDs.
planned_for(vulnerabilities) := [p |
	some p in planned_updates
	some v in _list(object.get(p[2], "vulnerabilities", []))
	is_string(v)
	upper(trim_space(v)) in vulnerabilities
]

# releases are [plan path, index, release] for every release the update plans record: a shipped (or scheduled)
# version with its date and the vulnerabilities it fixes.
releases := [[plan.path, i, r] |
	some plan in lib.documents("security-update-plan")
	some i, r in _list(object.get(_obj(plan.content), "releases", []))
	is_object(r)
]

# releases_fixing returns the releases ([path, index, release]) whose fixes list any of the vulnerability IDs.
releases_fixing(vulnerabilities) := {r |
	some r in releases
	some v in _list(object.get(r[2], "fixes", []))
	is_string(v)
	upper(trim_space(v)) in vulnerabilities
}

# dated_remediations returns [index, remediation, time in nanoseconds] for the remediations of a statement (CSAF
# remediations naming its product) that announce when a fix or measure is available: vendor_fix, mitigation and
# none_available with a date.
dated_remediations(st) := {[j, rem, t] |
	some j, rem in _list(object.get(st, "remediations", []))
	is_object(rem)
	rem.category in {"vendor_fix", "mitigation", "none_available"}
	t := ns(rem.date)
}

# day renders nanoseconds as the ISO date of that instant in UTC.
day(t) := substring(show(t), 0, 10)

# affected_ids returns the ids of the shipped components a statement says are affected: all it names when its status
# is affected, and, whatever its status, those named at a version it marks affected (CycloneDX affects versions with
# status affected). A statement that lists the shipped version as affected is never read as fixed.
affected_ids(st) := {id | some t in targets(st); some id in resolve(t)} if {
	st.status == "affected"
} else := {id |
	some t in targets(st)
	object.get(t, "version_status", "") == "affected"
	some id in resolve(t)
}
