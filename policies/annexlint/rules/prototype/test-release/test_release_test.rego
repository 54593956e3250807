package annexlint.rules.prototype["test-release_test"]

import data.annexlint.rules.prototype["test-release"] as rule

_release := {
	"start": "2028-01-15",
	"end": "2028-04-15",
	"purpose": "Usability and interoperability test of the ward dashboard 1.0 beta at three pilot hospitals; 13 weeks cover two release cycles.",
	"notice": "Beta for testing only. Does not comply with Regulation (EU) 2024/2847; not for clinical or other use.",
	"safety_component": false,
}

_input(release) := {
	"as_of": "2028-02-01",
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"qualification": "unfinished-software", "test_release": release}}},
	"files": {},
}

test_fail_period_without_end if {
	rule.report == {{
		"path": "annexlint.yaml",
		"pointer": "/product/test_release",
		"message": "the test period of the unfinished software has no end (test_release.end), so it is not limited to the time testing requires (Art. 4(3)); give its last day",
	}} with input as _input(object.remove(_release, ["end"]))
}

test_success_limited_period_with_notice if {
	count(rule.report) == 0 with input as _input(_release)
	rule.evidence == {{"path": "annexlint.yaml", "pointer": "/product/test_release"}} with input as _input(_release)
}

test_fail_period_over if {
	{f.pointer | some f in rule.report} == {"/product/test_release/end"} with input as object.union(_input(_release), {"as_of": "2028-05-02"})
}

test_fail_end_not_after_start if {
	rule.report == {{
		"path": "annexlint.yaml",
		"pointer": "/product/test_release/end",
		"message": "the test period ends on 2028-01-15, not after it starts on 2028-01-15; correct the dates",
	}} with input as _input(object.union(_release, {"end": "2028-01-15", "start": "2028-01-15"})) with input.as_of as "2028-01-10"
}

test_fail_placeholder_purpose_and_notice if {
	findings := rule.report with input as _input(object.union(_release, {"purpose": "n/a", "notice": "TODO"}))
	count(findings) == 2
	{f.pointer | some f in findings} == {"/product/test_release"}
}

test_fail_safety_component if {
	{f.pointer | some f in rule.report} == {"/product/test_release/safety_component"} with input as _input(object.union(_release, {"safety_component": true}))
}

test_fail_screenshot_missing if {
	{f.pointer | some f in rule.report} == {"/product/test_release/notice_evidence"} with input as _input(object.union(_release, {"notice_evidence": "docs/beta-banner.png"}))
}

test_insufficient_without_test_release if {
	bundle := {"as_of": "2028-02-01", "manifest": {"path": "annexlint.yaml", "content": {"product": {"qualification": "unfinished-software"}}}}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	{f.pointer | some f in rule.insufficient} == {"/product"} with input as bundle
}
