# METADATA
# title: The PSUR (or PMS report) is current for the device's class and reports on cybersecurity
# description: |
#   The results of post-market surveillance are summed up in a report kept in the technical documentation (MDR Annex
#   III 1.2): a periodic safety update report (PSUR) for MDR class IIa, IIb and III and IVDR class C and D devices,
#   a PMS report for MDR class I and IVDR class A and B devices (MDR Art. 85, 86(1); IVDR Art. 80, 81(1)). A PSUR of
#   class IIb, III, C or D is updated at least annually, one of class IIa at least every two years; this rule counts
#   the period from the placing on the market (manifest placed_on_market) until the first report, then from the
#   latest report issued on or before --as-of. The PMS report of the lower classes has no fixed period (updated when
#   necessary): one must be filed. Each report must state its conclusions on cybersecurity (vulnerabilities found,
#   security incidents, security updates and their uptake): a PSUR that is silent on them does not show that the
#   surveillance of a connected device covers its security.
# scope: package
# custom:
#   id: AL-PMS-003
#   severity: error
#   frameworks: [MDR, IVDR]
#   clauses:
#     - id: MDR-ART86-1
#       cite: MDR Art. 86(1)
#     - id: MDR-ART85
#       cite: MDR Art. 85
#     - id: MDR-AIII-1.2
#       cite: MDR Annex III section 1.2
#     - id: IVDR-ART81-1
#       cite: IVDR Art. 81(1)
#     - id: IVDR-ART80
#       cite: IVDR Art. 80
#     - id: MDCG-2019-16-5.1
#       cite: MDCG 2019-16 rev.1 section 5.1
#   remediation: |
#     Issue the PSUR (or PMS report) the device's class calls for and record it under reports in the
#     post-market-surveillance document, with its period, issue date and its conclusions on cybersecurity
#     (vulnerabilities found and assessed, security incidents, security updates issued and their uptake).
package annexlint.rules.pms["periodic-report-current"]

import data.annexlint.lib

# _psur_years are the longest intervals, in years, between PSURs, by framework and class.
_psur_years := {
	"MDR": {"IIa": 2, "IIb": 1, "III": 1},
	"IVDR": {"C": 1, "D": 1},
}

_pms_report_classes := {"MDR": {"I"}, "IVDR": {"A", "B"}}

_article := {
	"MDR": {"psur": "MDR Art. 86(1)", "pms-report": "MDR Art. 85"},
	"IVDR": {"psur": "IVDR Art. 81(1)", "pms-report": "IVDR Art. 80"},
}

_framework := lib.product.framework

_class := lib.product.classification

_placed := lib.product.placed_on_market if lib.is_date(lib.product.placed_on_market)

_on_market if _placed <= input.as_of

# _reports are [path, index, report] for every report issued on or before --as-of.
_reports contains [doc.path, i, r] if {
	_article[_framework]
	some doc in lib.documents("post-market-surveillance")
	some i, r in doc.content.reports
	lib.is_date(r.issued_on)
	r.issued_on <= input.as_of
}

_psur_due_years := _psur_years[_framework][_class]

_latest_psur := max({r.issued_on | some [_, _, r] in _reports; r.type == "psur"})

# _next_due is the date by which the next PSUR is due: a period after the latest PSUR, or after the placing.
_next_due := lib.add_years(_latest_psur, _psur_due_years) if {
	_latest_psur
} else := lib.add_years(_placed, _psur_due_years) if {
	_on_market
}

# _pms_doc is the first post-market-surveillance document; findings on missing reports point at it.
_pms_doc := lib.documents("post-market-surveillance")[0]

report contains lib.finding(_pms_doc.path, "/reports", msg) if {
	_next_due < input.as_of
	_latest_psur
	msg := sprintf("the latest PSUR was issued on %s; a class %s device's PSUR is updated at least every %s (%s), so the next was due by %s; issue it and record it under reports", [
		_latest_psur, _class, _years_text(_psur_due_years), _article[_framework].psur, _next_due,
	])
}

report contains lib.finding(_pms_doc.path, "/reports", msg) if {
	_next_due < input.as_of
	not _latest_psur
	msg := sprintf("no PSUR is recorded, though the class %s device was placed on the market on %s and its first PSUR was due by %s (at least every %s, %s); issue it and record it under reports", [
		_class, _placed, _next_due, _years_text(_psur_due_years), _article[_framework].psur,
	])
}

report contains lib.finding(path, lib.pointer("/reports", i), msg) if {
	some [path, i, r] in _reports
	not lib.has_text(r, "cybersecurity")
	msg := sprintf("the %s %v does not state its conclusions on cybersecurity (vulnerabilities found and assessed, security incidents, security updates issued and their uptake); add them (cybersecurity)", [
		_kind_text[r.type], r.id,
	])
}

report contains lib.finding(path, lib.pointer(lib.pointer("/reports", i), "document"), msg) if {
	some [path, i, r] in _reports
	lib.has_text(r, "document")
	not lib.file_exists(r.document)
	msg := sprintf("the %s %v is said to be filed at %s, which is not in the bundle; add the file or correct the path", [_kind_text[r.type], r.id, r.document])
}

_kind_text := {"psur": "PSUR", "pms-report": "PMS report"}

_years_text(1) := "year"

_years_text(n) := sprintf("%d years", [n]) if n != 1

evidence contains lib.examined(path, lib.pointer("/reports", i)) if {
	some [path, i, r] in _reports
	lib.has_text(r, "cybersecurity")
}

# A PSUR not yet due on a device placed less than a period ago: the placing date is what was examined.
evidence contains lib.examined(lib.manifest_path, "/product/placed_on_market") if {
	_psur_due_years
	_placed
	_pms_doc
	not _latest_psur
	not _next_due < input.as_of
}

# A device not yet placed on the market has nothing to report on.
evidence contains lib.examined(lib.manifest_path, "/product/placed_on_market") if {
	_article[_framework]
	not _on_market
	_placed
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	_article[_framework]
	_on_market
	not _pms_doc
	msg := sprintf("the manifest lists no post-market surveillance documentation (type \"post-market-surveillance\"), so no PSUR or PMS report of the class %s device, on the market since %s, can be shown (%s, %s; kept in the technical documentation under Annex III 1.2); add the document with its reports", [
		_class, _placed, _article[_framework].psur, _article[_framework]["pms-report"],
	])
}

insufficient contains lib.finding(path, pointer, msg) if {
	some cls in _pms_report_classes[_framework]
	_class == cls
	_on_market
	count({r | some [_, _, r] in _reports}) == 0
	path := _pms_doc.path
	pointer := "/reports"
	msg := sprintf("no PMS report is recorded for the class %s device on the market since %s (%s, kept in the technical documentation under Annex III 1.2); issue it, with its conclusions on cybersecurity, and record it under reports", [
		_class, _placed, _article[_framework]["pms-report"],
	])
}
