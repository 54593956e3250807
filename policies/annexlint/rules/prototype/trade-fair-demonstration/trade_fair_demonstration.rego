# METADATA
# title: A prototype shown at a trade fair says when and where it is shown, and carries a visible sign of non-compliance
# description: |
#   A prototype is not placed on the market. The CRA lets it be shown at trade fairs, exhibitions and demonstrations
#   although it does not comply, provided a visible sign says that it does not comply and will not be made available
#   on the market until it does (Art. 4(2)). That allowance covers the events at which the product is shown, not
#   making it available: the bundle states the events (`product.demonstration.events`, each with its first and last
#   day) and the text of the sign (`product.demonstration.notice`). An event whose last day comes before its first,
#   a sign that is a placeholder, or a prototype whose last event is over on the date of the check (nothing then
#   keeps it a prototype shown at a fair) is a finding. The condition binds from 2027-12-11, when the CRA applies
#   (docs/regime.md).
# scope: package
# custom:
#   id: AL-PROTO-001
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-ART4-2
#       cite: CRA Art. 4(2)
#   remediation: |
#     Add `product.demonstration` to the manifest: `events` (name, place, start and end of each trade fair or
#     demonstration), `notice` (the text of the visible sign: the product does not comply with Regulation (EU)
#     2024/2847 and will not be made available on the market until it does) and, if you have one, `notice_evidence`
#     (a photo of the sign at the stand). When the last event is over, add the next one or, if the product is to be
#     made available, qualify it as a product with digital elements.
package annexlint.rules.prototype["trade-fair-demonstration"]

import data.annexlint.lib

_demo := input.manifest.content.product.demonstration

_events := [[i, e] | some i, e in _demo.events; is_object(e)]

report contains lib.finding(lib.manifest_path, "/product/demonstration", msg) if {
	is_object(_demo)
	count(_events) == 0
	msg := "the manifest does not name the trade fairs or demonstrations at which the prototype is shown (demonstration.events); Art. 4(2) allows a non-compliant product only at such events: name each with its first and last day"
}

report contains lib.finding(lib.manifest_path, sprintf("/product/demonstration/events/%d", [i]), msg) if {
	some [i, e] in _events
	not _dated(e)
	msg := sprintf("the demonstration %s does not give its first and last day (start, end as YYYY-MM-DD), so the time the prototype is shown is not stated; add both", [_name(e)])
}

report contains lib.finding(lib.manifest_path, sprintf("/product/demonstration/events/%d/end", [i]), msg) if {
	some [i, e] in _events
	_dated(e)
	e.end < e.start
	msg := sprintf("the demonstration %s ends on %s, before it starts on %s; correct the dates", [_name(e), e.end, e.start])
}

report contains lib.finding(lib.manifest_path, "/product/demonstration/events", msg) if {
	count(_ends) > 0
	count(_ends) == count(_events)
	last := max(_ends)
	last < input.as_of
	msg := sprintf("the last demonstration of the prototype ended on %s, before %s: Art. 4(2) covers showing it at trade fairs and demonstrations, and none is planned; add the next event, or qualify the product as placed on the market and meet the CRA", [last, input.as_of])
}

report contains lib.finding(lib.manifest_path, _notice_pointer, msg) if {
	is_object(_demo)
	not lib.has_text(_demo, "notice")
	msg := "the manifest does not give the text of the visible sign shown with the prototype (demonstration.notice); Art. 4(2) requires a sign that the product does not comply and will not be made available on the market until it does: write its text"
}

report contains lib.finding(lib.manifest_path, "/product/demonstration/notice_evidence", msg) if {
	lib.has_text(_demo, "notice_evidence")
	not lib.file_exists(_demo.notice_evidence)
	msg := sprintf("the picture of the sign %q is not in the bundle; add the file or correct the path (relative to the bundle root)", [_demo.notice_evidence])
}

_has_demo if is_object(_demo)

# a placeholder notice is pointed at; a missing one at the demonstration
_notice_pointer := "/product/demonstration/notice" if is_string(_demo.notice)

else := "/product/demonstration"

_dated(e) if {
	lib.is_date(e.start)
	lib.is_date(e.end)
}

_ends := [e.end | some [_, e] in _events; _dated(e)]

_name(e) := sprintf("%q", [e.name]) if lib.has_text(e, "name")

else := "without a name"

evidence contains lib.examined(lib.manifest_path, sprintf("/product/demonstration/events/%d", [i])) if {
	some [i, e] in _events
	_dated(e)
}

evidence contains lib.examined(lib.manifest_path, "/product/demonstration/notice") if lib.has_text(_demo, "notice")

evidence contains lib.examined(_demo.notice_evidence, "") if {
	lib.has_text(_demo, "notice_evidence")
	lib.file_exists(_demo.notice_evidence)
}

insufficient contains lib.finding(lib.manifest_path, "/product", msg) if {
	not _has_demo
	msg := "the manifest does not say where and when the prototype is shown or what sign it carries (product.demonstration), so the conditions of Art. 4(2) cannot be checked; add the events and the text of the sign"
}
