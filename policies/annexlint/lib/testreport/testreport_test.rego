package annexlint.lib.testreport_test

import data.annexlint.lib.testreport

_docs := [
	{"type": "test-report", "path": "a.xml", "content": {"format": "junit-xml", "test_cases": [{"name": "n", "classname": "c", "result": "pass"}]}},
	{"type": "test-report", "path": "b.yaml", "content": {"kind": "test-report", "findings": [{"id": "F-1"}]}},
	{"type": "test-report", "path": "c.yaml", "content": {"kind": "test-report", "test_cases": [], "findings": []}},
	{"type": "test-report", "path": "d.xml", "content": {"format": "junit-xml", "test_cases": "not a list"}},
	{"type": "vulnerability-scan", "path": "e.json", "content": {"test_cases": [{"id": "x"}]}},
]

test_with_results_only_reports_that_record_something if {
	paths := [r.path | some r in testreport.with_results] with input as {"documents": _docs}
	paths == ["a.xml", "b.yaml"]
}

test_case_matches_native_id_and_junit_names if {
	testreport.case_matches({"id": "VT-1"}, "VT-1")
	testreport.case_matches({"name": "n", "classname": "c"}, "n")
	testreport.case_matches({"name": "n", "classname": "c"}, "c")
	testreport.case_matches({"name": "n", "classname": "c"}, "c.n")
	not testreport.case_matches({"name": "n", "classname": "c"}, "c.x")
	not testreport.case_matches({"id": "VT-1"}, "VT-2")
}
