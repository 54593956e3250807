# METADATA
# title: annexlint rule library
# description: Helpers shared by the rules. They read only input; no built-in with side effects is used.
package annexlint.lib

# documents returns the bundle documents of the given type that are the manufacturer's own evidence. A document the
# manifest marks as supplied by a component's maker (supplied_by) is that supplier's delivery, not the product maker's
# evidence: it is left out, except a supplier's VEX that the maker adopted as its own assessment (supplied_by.adopted
# by someone on a date). supplied_documents reads the supplier's deliveries.
documents(type) := [d | some d in input.documents; d.type == type; own_evidence(d)]

# has_document is true when the bundle holds at least one document of type that is the manufacturer's own evidence.
has_document(type) if {
	some d in input.documents
	d.type == type
	own_evidence(d)
}

# supplied_documents returns the documents of the given type that the manifest marks as a component supplier's.
supplied_documents(type) := [d | some d in input.documents; d.type == type; supplied(d)]

# supplied is true for a document the manifest marks as a component supplier's delivery.
supplied(d) if is_object(d.supplied_by)

# own_evidence is true for a document the manufacturer can rest its own verdicts on (see documents).
own_evidence(d) if not supplied(d)

own_evidence(d) if {
	d.type == "vex"
	adopted(d)
}

# adopted is true when the manufacturer reviewed a supplier's document and made its assessments its own.
adopted(d) if {
	has_text(d.supplied_by.adopted, "by")
	is_date(d.supplied_by.adopted.date)
}

# manifest_path is the bundle-relative path of the manifest.
manifest_path := input.manifest.path

# product is the manifest's product block.
product := input.manifest.content.product

# finding builds one result; every rule reports through it so the shape stays uniform.
finding(path, pointer, message) := {"path": path, "pointer": pointer, "message": message}

# examined is one entry of a rule's evidence set: a bundle file (pointer "") or a place in it that the rule
# examined. A rule that examined nothing cannot pass: the engine reports insufficient evidence instead.
examined(path, pointer) := {"path": path, "pointer": pointer}

# finding_related adds secondary locations (each {path, pointer, message}).
finding_related(path, pointer, message, related) := object.union(finding(path, pointer, message), {"related": related})

# file_exists is true when path names a regular file inside the bundle.
file_exists(path) if input.files[path]

# level_rank is the position of a risk level on the file's acceptance scale (0-based), undefined if unknown. A level
# the scale repeats (the schema forbids it, but rules run anyway) takes its first position: two values for one call
# would be a conflict error that stops the whole evaluation.
level_rank(criteria, level) := min(ranks) if {
	ranks := {i | some i, l in criteria.scale; l == level}
	count(ranks) > 0
}

# acceptable is true when the level is one of the file's acceptable levels.
acceptable(criteria, level) if level in criteria.acceptable

# days_between is the number of whole days from date a to date b (ISO 8601 dates).
days_between(a, b) := (time.parse_ns("2006-01-02", b) - time.parse_ns("2006-01-02", a)) / ((24 * 60) * 60e9)

# add_years returns the ISO date n years after date d. From 29 February into a year without one it is 28 February,
# as EU law ends such a period (Regulation 1182/71 Art. 3(2)(c)); time.add_date alone would overflow into 1 March.
add_years(d, n) := sprintf("%04d-%02d-%02d", time.date(t - (time.date(t)[2] * 86400000000000))) if {
	t := time.add_date(time.parse_ns("2006-01-02", d), n, 0, 0)
	time.date(t)[2] != to_number(substring(d, 8, 2))
} else := sprintf("%04d-%02d-%02d", time.date(time.add_date(time.parse_ns("2006-01-02", d), n, 0, 0)))

# pointer appends a key or index to a JSON pointer, escaping as RFC 6901 requires.
pointer(parent, token) := concat("/", [parent, replace(replace(sprintf("%v", [token]), "~", "~0"), "/", "~1")])

# has_text is true when obj[key] is a string that is not blank. obj may be any value (or a malformed document
# part), so the check never raises a type error. If obj itself may be undefined, negate through a helper rule:
# `not has_text(x.y, k)` is undefined, not true, when x.y is undefined.
has_text(obj, key) if {
	v := obj[key]
	is_string(v)
	not is_placeholder(v)
}

# placeholders are texts that stand in for content nobody wrote yet. Wherever a rule needs real content they count
# as absent: a placeholder is not evidence (docs/writing-rules.md lists them for users). Go blanks the same texts in
# the SBOM components it normalises (internal/placeholder holds the twin list; its test fails when the two differ).
placeholders := {
	"", "-", "--", "---", ".", "..", "...", "…", "?", "??", "???", "x", "xx", "xxx",
	"n/a", "na", "n.a.", "none", "nil", "null", "empty", "dummy", "placeholder", "pending", "later",
	"tbd", "tba", "tbc", "todo", "to do", "fixme", "to be defined", "to be determined", "to be done",
	"to be decided", "to be completed", "to be confirmed", "to be added", "to follow", "see above", "see below",
	"unknown", "unspecified", "not specified", "not applicable",
}

# is_placeholder is true for a string that is blank, on the placeholders list (ignoring case, surrounding space
# and trailing punctuation), begins with a TODO/TBD/FIXME marker, or is lorem ipsum.
is_placeholder(s) if {
	is_string(s)
	_normalised(s) in placeholders
}

is_placeholder(s) if {
	is_string(s)
	regex.match(`^(todo|tbd|fixme|xxx)\b`, _normalised(s))
}

is_placeholder(s) if {
	is_string(s)
	contains(_normalised(s), "lorem ipsum")
}

_normalised(s) := trim_right(lower(trim_space(s)), ".:;!") if not regex.match(`^\.+$`, trim_space(s))

_normalised(s) := trim_space(s) if regex.match(`^\.+$`, trim_space(s))

# is_date is true for a string shaped as an ISO 8601 calendar date (YYYY-MM-DD). Compare such dates as text;
# time.parse_ns raises an error on impossible dates such as 2027-02-30, which would stop the whole evaluation.
is_date(s) if {
	is_string(s)
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, s)
}

# register_shows_process is true for a register of notifications (vulnerability-reports) that lists its reports
# and names the procedure under which they are made: an empty list then means nothing had to be notified.
register_shows_process(doc) if {
	is_array(doc.content.reports)
	has_text(doc.content, "procedure")
}
