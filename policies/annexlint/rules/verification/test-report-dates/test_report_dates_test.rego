package annexlint.rules.verification["test-report-dates_test"]

import data.annexlint.rules.verification["test-report-dates"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {
	"development_start": "2024-03-01",
	"placed_on_market": "2026-03-02",
}}}

_native(path, start, end) := {"type": "test-report", "path": path, "content": {
	"kind": "test-report", "start_date": start, "end_date": end,
	"test_cases": [{"id": "TC-1", "result": "pass"}],
}}

_junit(path, timestamps) := {"type": "test-report", "path": path, "content": {
	"format": "junit-xml",
	"suites": [{"name": "s", "timestamp": ts} | some ts in timestamps],
	"test_cases": [{"name": "t", "classname": "c", "result": "pass"}],
}}

_fix := "correct the date, or test the product as released and add that report"

_wrong_fix := "correct the date, or add the report of the testing once it is complete"

test_fail_impossible_dates if {
	inp := {"as_of": "2026-11-25", "manifest": _manifest, "documents": [
		_native("tests/future.yaml", "2026-11-20", "2026-12-01"),
		_native("tests/reversed.yaml", "2026-02-10", "2026-01-10"),
	]}
	findings := rule.report with input as inp
	findings == {
		{
			"path": "tests/future.yaml",
			"pointer": "/end_date",
			"message": concat("", [
				"the test report tests/future.yaml is dated 2026-12-01, after the date of this check (2026-11-25), so ",
				"it does not show testing of the product as released; ", _wrong_fix,
			]),
		},
		{
			"path": "tests/reversed.yaml",
			"pointer": "/start_date",
			"message": concat("", [
				"the test report tests/reversed.yaml ends on 2026-01-10, before it starts (2026-02-10), so it does not ",
				"show testing of the product as released; ", _wrong_fix,
			]),
		},
	}
}

test_insufficient_reports_outside_the_product_life if {
	inp := {"as_of": "2026-11-25", "manifest": _manifest, "documents": [
		_native("tests/predecessor.yaml", "2023-06-01", "2023-06-20"),
		_junit("tests/old-run.xml", ["2023-11-02T09:00:00", "2024-01-05T10:00:00"]),
	]}
	count(rule.report) == 0 with input as inp
	got := rule.insufficient with input as inp
	got == {
		{
			"path": "tests/predecessor.yaml",
			"pointer": "/start_date",
			"message": concat("", [
				"the test report tests/predecessor.yaml starts on 2023-06-01, before the product's development began ",
				"(development_start 2024-03-01), so it does not show testing of the product as released; ", _fix,
			]),
		},
		{
			"path": "tests/predecessor.yaml",
			"pointer": "/end_date",
			"message": concat("", [
				"the test report tests/predecessor.yaml ends on 2023-06-20, more than 2 years before the product was ",
				"placed on the market (2026-03-02), so it does not show testing of the product as released; ", _fix,
			]),
		},
		{
			"path": "tests/old-run.xml",
			"pointer": "",
			"message": concat("", [
				"the test report tests/old-run.xml starts on 2023-11-02, before the product's development began ",
				"(development_start 2024-03-01), so it does not show testing of the product as released; ", _fix,
			]),
		},
		{
			"path": "tests/old-run.xml",
			"pointer": "",
			"message": concat("", [
				"the test report tests/old-run.xml ends on 2024-01-05, more than 2 years before the product was placed ",
				"on the market (2026-03-02), so it does not show testing of the product as released; ", _fix,
			]),
		},
	}
}

# Testing after the placing on the market (regular testing) is fine, and so is testing within two years before it.
test_success_plausible_dates if {
	inp := {"as_of": "2026-11-25", "manifest": _manifest, "documents": [
		_native("tests/pentest.yaml", "2026-01-12", "2026-01-28"),
		_native("tests/fuzz.yaml", "2024-03-02", "2024-03-02"),
		_native("tests/regular.yaml", "2026-10-01", "2026-10-03"),
		_junit("tests/run.xml", ["2026-01-12T09:00:00"]),
	]}
	count(rule.insufficient) == 0 with input as inp
	count(rule.report) == 0 with input as inp
	rule.evidence == {
		{"path": "tests/pentest.yaml", "pointer": "/end_date"},
		{"path": "tests/fuzz.yaml", "pointer": "/end_date"},
		{"path": "tests/regular.yaml", "pointer": "/end_date"},
		{"path": "tests/run.xml", "pointer": ""},
	} with input as inp
}

test_insufficient_no_dated_report if {
	inp := {"as_of": "2026-11-25", "manifest": _manifest, "documents": [_junit("tests/run.xml", [])]}
	count(rule.evidence) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["annexlint.yaml", "/documents"]} with input as inp
}

# An impossible placing date (its schema finding is reported elsewhere) stops nothing: the bound is computed as text.
test_success_impossible_placing_date_stops_nothing if {
	inp := {"as_of": "2026-11-25", "manifest": {"path": "annexlint.yaml", "content": {"product": {"placed_on_market": "2026-02-30"}}}, "documents": [
		_native("tests/pentest.yaml", "2026-01-12", "2026-01-28"),
		_native("tests/old.yaml", "2023-01-12", "2023-01-28"),
	]}
	[f] := [f | some f in rule.insufficient] with input as inp
	f.path == "tests/old.yaml"
	contains(f.message, "more than 2 years before the product was placed on the market (2026-02-30)")
}
