package annexlint.rules.prototype["trade-fair-demonstration_test"]

import data.annexlint.rules.prototype["trade-fair-demonstration"] as rule

_medica := {"name": "MEDICA 2028", "place": "Düsseldorf", "start": "2028-11-13", "end": "2028-11-16"}

_notice := "Prototype. Does not comply with Regulation (EU) 2024/2847; will not be made available on the market until it does."

_input(demo) := {
	"as_of": "2028-11-14",
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"qualification": "prototype", "demonstration": demo}}},
	"files": {"photos/stand-sign.jpg": {"size": 1000}},
}

test_fail_sign_is_a_placeholder if {
	rule.report == {{
		"path": "annexlint.yaml",
		"pointer": "/product/demonstration/notice",
		"message": "the manifest does not give the text of the visible sign shown with the prototype (demonstration.notice); Art. 4(2) requires a sign that the product does not comply and will not be made available on the market until it does: write its text",
	}} with input as _input({"events": [_medica], "notice": "TBD"})
}

test_success_event_and_sign if {
	count(rule.report) == 0 with input as _input({"events": [_medica], "notice": _notice, "notice_evidence": "photos/stand-sign.jpg"})
	rule.evidence == {
		{"path": "annexlint.yaml", "pointer": "/product/demonstration/events/0"},
		{"path": "annexlint.yaml", "pointer": "/product/demonstration/notice"},
		{"path": "photos/stand-sign.jpg", "pointer": ""},
	} with input as _input({"events": [_medica], "notice": _notice, "notice_evidence": "photos/stand-sign.jpg"})
}

test_success_an_event_still_to_come if {
	past := object.union(_medica, {"name": "DMEA 2028", "start": "2028-04-08", "end": "2028-04-10"})
	count(rule.report) == 0 with input as _input({"events": [past, _medica], "notice": _notice})
}

test_fail_every_event_over if {
	rule.report == {{
		"path": "annexlint.yaml",
		"pointer": "/product/demonstration/events",
		"message": "the last demonstration of the prototype ended on 2028-11-16, before 2028-12-01: Art. 4(2) covers showing it at trade fairs and demonstrations, and none is planned; add the next event, or qualify the product as placed on the market and meet the CRA",
	}} with input as object.union(_input({"events": [_medica], "notice": _notice}), {"as_of": "2028-12-01"})
}

test_fail_event_ends_before_it_starts if {
	rule.report == {{
		"path": "annexlint.yaml",
		"pointer": "/product/demonstration/events/0/end",
		"message": "the demonstration \"MEDICA 2028\" ends on 2028-11-03, before it starts on 2028-11-13; correct the dates",
	}} with input as object.union(_input({"events": [object.union(_medica, {"end": "2028-11-03"})], "notice": _notice}), {"as_of": "2028-11-01"})
}

test_fail_event_without_dates if {
	{f.pointer | some f in rule.report} == {"/product/demonstration/events/0"} with input as _input({"events": [{"name": "MEDICA 2028"}], "notice": _notice})
}

test_fail_no_sign if {
	{f.pointer | some f in rule.report} == {"/product/demonstration"} with input as _input({"events": [_medica]})
}

test_fail_no_events if {
	{f.pointer | some f in rule.report} == {"/product/demonstration"} with input as _input({"events": [], "notice": _notice})
}

test_fail_picture_of_the_sign_missing if {
	{f.pointer | some f in rule.report} == {"/product/demonstration/notice_evidence"} with input as _input({"events": [_medica], "notice": _notice, "notice_evidence": "photos/missing.jpg"})
}

test_insufficient_without_demonstration if {
	bundle := {"as_of": "2028-11-14", "manifest": {"path": "annexlint.yaml", "content": {"product": {"qualification": "prototype"}}}}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	{f.pointer | some f in rule.insufficient} == {"/product"} with input as bundle
}
