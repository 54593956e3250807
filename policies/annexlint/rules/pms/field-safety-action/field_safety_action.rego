# METADATA
# title: Each field safety corrective action was reported before it was undertaken and users were told by a field safety notice
# description: |
#   A field safety corrective action (FSCA), such as a security patch campaign or a change of configuration taken to
#   reduce a risk of serious incident, is reported to the competent authority before it is undertaken, except where
#   the manufacturer must act at once (MDR Art. 87(8), IVDR Art. 82(8)). Users are told of it without delay through
#   a field safety notice whose draft goes to the competent authority for comment, except in urgent cases; the notice
#   identifies the devices concerned and states clearly what users must do (MDR Art. 89(8), IVDR Art. 84(8)). Each
#   FSCA of the PMS documentation (fscas) must show these steps in order; an urgent one says why it was urgent. A
#   PMS document that does not record FSCAs at all (no fscas list, not even an empty one) shows nothing.
# scope: package
# custom:
#   id: AL-PMS-005
#   severity: error
#   frameworks: [MDR, IVDR]
#   clauses:
#     - id: MDR-ART87-8
#       cite: MDR Art. 87(8)
#     - id: MDR-ART89-8
#       cite: MDR Art. 89(8)
#     - id: IVDR-ART82-8
#       cite: IVDR Art. 82(8)
#     - id: IVDR-ART84-8
#       cite: IVDR Art. 84(8)
#     - id: MDCG-2019-16-5.2
#       cite: MDCG 2019-16 rev.1 section 5.2
#   remediation: |
#     For each FSCA record when it was reported to the competent authority (reported_at) and when it was undertaken
#     (started_on), the first not after the second unless the FSCA was urgent (urgent: true with urgency_rationale);
#     record its field safety notice: the draft sent to the competent authority (draft_sent_at), the issue date, the
#     devices concerned (UDI-DI, serials, software versions), what users must do, and the notice itself in the bundle.
#     With no FSCA taken, write fscas: [].
package annexlint.rules.pms["field-safety-action"]

import data.annexlint.lib

_device if lib.product.framework in {"MDR", "IVDR"}

_fscas contains [doc.path, lib.pointer("/fscas", i), f] if {
	_device
	some doc in lib.documents("post-market-surveillance")
	some i, f in doc.content.fscas
	is_object(f)
}

_urgent(f) if f.urgent == true

_started(f) if {
	lib.is_date(f.started_on)
	f.started_on <= input.as_of
}

_article(n) := sprintf("MDR Art. %s", [n]) if lib.product.framework == "MDR"

else := sprintf("IVDR Art. %s", [{"87(8)": "82(8)", "89(8)": "84(8)"}[n]])

# Art. 87(8): reported before it is undertaken.
report contains lib.finding(path, base, msg) if {
	some [path, base, f] in _fscas
	not _urgent(f)
	_started(f)
	not _dated(f, "reported_at")
	msg := sprintf("the FSCA %v was undertaken on %s, but no report of it to the competent authority is recorded (reported_at); an FSCA is reported before it is undertaken (%s): record the report, or, if the FSCA was urgent, say so (urgent, urgency_rationale)", [
		f.id, f.started_on, _article("87(8)"),
	])
}

report contains lib.finding(path, lib.pointer(base, "reported_at"), msg) if {
	some [path, base, f] in _fscas
	not _urgent(f)
	lib.is_date(f.reported_at)
	lib.is_date(f.started_on)
	f.reported_at > f.started_on
	msg := sprintf("the FSCA %v was reported to the competent authority on %s, after it was undertaken on %s; except in urgent cases an FSCA is reported before it is undertaken (%s): if it was urgent, record why (urgent, urgency_rationale), and review the FSCA procedure", [
		f.id, f.reported_at, f.started_on, _article("87(8)"),
	])
}

report contains lib.finding(path, base, msg) if {
	some [path, base, f] in _fscas
	_urgent(f)
	not lib.has_text(f, "urgency_rationale")
	msg := sprintf("the FSCA %v is marked urgent but does not say why the manufacturer had to act at once (urgency_rationale); record it", [f.id])
}

# Art. 89(8): the field safety notice.
report contains lib.finding(path, base, msg) if {
	some [path, base, f] in _fscas
	_started(f)
	not _has_object(f, "field_safety_notice")
	msg := sprintf("the FSCA %v was undertaken on %s, but no field safety notice to users is recorded (field_safety_notice); inform users without delay through a notice (%s) and record it", [
		f.id, f.started_on, _article("89(8)"),
	])
}

_notice_parts := {
	"issued_on": "the date it was issued",
	"devices": "the devices concerned (UDI-DI, serial numbers, software versions)",
	"user_actions": "what users must do",
	"document": "the notice as issued, filed in the bundle",
}

report contains lib.finding(path, lib.pointer(base, "field_safety_notice"), msg) if {
	some [path, base, f] in _fscas
	fsn := f.field_safety_notice
	is_object(fsn)
	some key, what in _notice_parts
	not lib.has_text(fsn, key)
	msg := sprintf("the field safety notice of the FSCA %v does not record %s (%s); the notice identifies the devices and states clearly what users must do (%s)", [
		f.id, what, key, _article("89(8)"),
	])
}

report contains lib.finding(path, lib.pointer(lib.pointer(base, "field_safety_notice"), "document"), msg) if {
	some [path, base, f] in _fscas
	lib.has_text(f.field_safety_notice, "document")
	not lib.file_exists(f.field_safety_notice.document)
	msg := sprintf("the field safety notice of the FSCA %v is said to be filed at %s, which is not in the bundle; add it or correct the path", [f.id, f.field_safety_notice.document])
}

report contains lib.finding(path, lib.pointer(base, "field_safety_notice"), msg) if {
	some [path, base, f] in _fscas
	not _urgent(f)
	fsn := f.field_safety_notice
	lib.is_date(fsn.issued_on)
	not _draft_before(fsn)
	msg := sprintf("the field safety notice of the FSCA %v was issued on %s without a draft sent to the competent authority for comment before it (draft_sent_at); except in urgent cases the draft goes to the authority first (%s)", [
		f.id, fsn.issued_on, _article("89(8)"),
	])
}

_dated(obj, key) if lib.is_date(obj[key])

_has_object(obj, key) if is_object(obj[key])

_has_array(obj, key) if is_array(obj[key])

_draft_before(fsn) if {
	lib.is_date(fsn.draft_sent_at)
	fsn.draft_sent_at <= fsn.issued_on
}

evidence contains lib.examined(path, base) if {
	some [path, base, f] in _fscas
}

# An explicit empty list states that no FSCA was taken.
evidence contains lib.examined(doc.path, "/fscas") if {
	_device
	some doc in lib.documents("post-market-surveillance")
	doc.content.fscas == []
}

insufficient contains lib.finding(doc.path, "", msg) if {
	_device
	some doc in lib.documents("post-market-surveillance")
	not _has_array(doc.content, "fscas")
	msg := sprintf("the PMS document %s does not record field safety corrective actions (fscas), so it cannot be shown whether any was taken and reported; list them, or write fscas: [] if none was taken", [doc.path])
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	_device
	not lib.has_document("post-market-surveillance")
	msg := "the manifest lists no post-market surveillance documentation (type \"post-market-surveillance\"), so it cannot be shown whether field safety corrective actions were taken, reported and notified to users; add the document with its fscas list (empty if none was taken)"
}
