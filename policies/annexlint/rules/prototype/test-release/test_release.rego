# METADATA
# title: Unfinished software is available for testing only for a stated, limited period, with a visible notice
# description: |
#   Unfinished software is not placed on the market. The CRA lets it be made available although it does not comply
#   only for the limited period that testing requires, with a visible sign that it does not comply and will not be
#   available for any purpose other than testing (Art. 4(3)); the allowance never covers a safety component under
#   other Union harmonisation legislation (Art. 4(4)). The bundle states the period (`product.test_release.start`
#   and `end`), what is tested (`purpose`) and the text of the notice (`notice`). A period without an end is not
#   limited; an end before the start, an end already past on the date of the check (the software is then available
#   outside the period), a placeholder purpose or notice, or a safety component is a finding. The conditions bind
#   from 2027-12-11, when the CRA applies (docs/regime.md).
# scope: package
# custom:
#   id: AL-PROTO-002
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-ART4-3
#       cite: CRA Art. 4(3)
#     - id: CRA-ART4-4
#       cite: CRA Art. 4(4)
#   remediation: |
#     Add `product.test_release` to the manifest: `start` and `end` of the test period (YYYY-MM-DD; the end no later
#     than testing requires), `purpose` (what is tested, by whom, and why the period is that long), `notice` (the
#     text shown in the software and where it is obtained: unfinished, does not comply with Regulation (EU)
#     2024/2847, available only for testing) and `safety_component: false` once you have checked that the software
#     is not a safety component. When the period is over, withdraw the test build, or qualify the software as a
#     product placed on the market and meet the CRA.
package annexlint.rules.prototype["test-release"]

import data.annexlint.lib

_release := input.manifest.content.product.test_release

_at := "/product/test_release"

report contains lib.finding(lib.manifest_path, _at, msg) if {
	_has_release
	not _dated("start")
	msg := "the manifest does not say from when the unfinished software is available for testing (test_release.start); give the first day of the test period"
}

report contains lib.finding(lib.manifest_path, _at, msg) if {
	_has_release
	not _dated("end")
	msg := "the test period of the unfinished software has no end (test_release.end), so it is not limited to the time testing requires (Art. 4(3)); give its last day"
}

report contains lib.finding(lib.manifest_path, concat("/", [_at, "end"]), msg) if {
	lib.is_date(_release.start)
	lib.is_date(_release.end)
	_release.end <= _release.start
	msg := sprintf("the test period ends on %s, not after it starts on %s; correct the dates", [_release.end, _release.start])
}

report contains lib.finding(lib.manifest_path, concat("/", [_at, "end"]), msg) if {
	lib.is_date(_release.end)
	_release.end < input.as_of
	msg := sprintf("the test period ended on %s, before %s: unfinished software may be made available only for the period testing requires (Art. 4(3)); withdraw the test build, extend the period with the reason testing needs it, or qualify the software as placed on the market and meet the CRA", [_release.end, input.as_of])
}

report contains lib.finding(lib.manifest_path, _at, msg) if {
	_has_release
	not lib.has_text(_release, "purpose")
	msg := "the manifest does not say what the unfinished software is made available to test (test_release.purpose); Art. 4(3) allows it for testing only: state what is tested and why the period is as long as it is"
}

report contains lib.finding(lib.manifest_path, _at, msg) if {
	_has_release
	not lib.has_text(_release, "notice")
	msg := "the manifest does not give the text of the visible notice of the unfinished software (test_release.notice); Art. 4(3) requires a sign that it does not comply and is available only for testing: write its text"
}

report contains lib.finding(lib.manifest_path, concat("/", [_at, "notice_evidence"]), msg) if {
	lib.has_text(_release, "notice_evidence")
	not lib.file_exists(_release.notice_evidence)
	msg := sprintf("the screenshot of the notice %q is not in the bundle; add the file or correct the path (relative to the bundle root)", [_release.notice_evidence])
}

report contains lib.finding(lib.manifest_path, concat("/", [_at, "safety_component"]), msg) if {
	_release.safety_component == true
	msg := "the unfinished software is a safety component under other Union harmonisation legislation, and the testing allowance of Art. 4(3) does not apply to one (Art. 4(4)); it may not be made available before it complies"
}

_has_release if is_object(_release)

_dated(field) if lib.is_date(_release[field])

evidence contains lib.examined(lib.manifest_path, _at) if {
	lib.is_date(_release.start)
	lib.is_date(_release.end)
	lib.has_text(_release, "notice")
}

evidence contains lib.examined(_release.notice_evidence, "") if {
	lib.has_text(_release, "notice_evidence")
	lib.file_exists(_release.notice_evidence)
}

insufficient contains lib.finding(lib.manifest_path, "/product", msg) if {
	not _has_release
	msg := "the manifest does not state the test period, purpose and notice of the unfinished software (product.test_release), so the conditions of Art. 4(3) cannot be checked; add them"
}
