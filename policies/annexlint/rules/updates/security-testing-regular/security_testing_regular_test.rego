package annexlint.rules.updates["security-testing-regular_test"]

import data.annexlint.rules.updates["security-testing-regular"] as rule

_plan(testing) := {"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {
	"kind": "security-update-plan",
	"security_testing": testing,
}}

_report(path, end) := {"type": "test-report", "path": path, "content": {"kind": "test-report", "end_date": end}}

_input(documents) := {
	"as_of": "2028-06-01",
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}},
	"documents": documents,
}

_every_six_months := {
	"frequency": "every 6 months",
	"scope": "penetration test by an independent laboratory and review of the threat model",
}

test_fail_last_test_older_than_the_interval if {
	findings := rule.report with input as _input([
		_plan(_every_six_months),
		_report("verification/pentest-2027.yaml", "2027-10-15"),
	])
	findings == {{
		"path": "verification/pentest-2027.yaml",
		"pointer": "/end_date",
		"message": concat("", [
			"the most recent security test report, verification/pentest-2027.yaml, ended on 2027-10-15; the update ",
			"plan promises security testing and review \"every 6 months\" (186 days), so the next was due by ",
			"2028-04-18; test the product again and add the report, or correct the plan's security_testing.frequency ",
			"if testing runs less often",
		]),
		"related": [{"path": "security/update-plan.yaml", "pointer": "/security_testing/frequency", "message": "the interval the plan promises"}],
	}}
}

test_success_tested_within_the_interval if {
	inp := _input([
		_plan(_every_six_months),
		_report("verification/pentest-2027.yaml", "2027-10-15"),
		_report("verification/pentest-2028.yaml", "2028-04-10"),
	])
	count(rule.report) == 0 with input as inp
	rule.evidence == {
		{"path": "security/update-plan.yaml", "pointer": "/security_testing"},
		{"path": "verification/pentest-2028.yaml", "pointer": "/end_date"},
	} with input as inp
}

test_success_junit_suite_timestamp_counts if {
	junit := {"type": "test-report", "path": "verification/dast.xml", "content": {
		"format": "junit-xml",
		"suites": [{"name": "dast", "timestamp": "2028-05-20T03:00:00"}, {"name": "old", "timestamp": "2027-01-01T03:00:00"}],
	}}
	inp := _input([_plan({"frequency": "monthly", "scope": "DAST of the web API"}), junit])
	count(rule.report) == 0 with input as inp
	rule.evidence == {
		{"path": "security/update-plan.yaml", "pointer": "/security_testing"},
		{"path": "verification/dast.xml", "pointer": ""},
	} with input as inp
}

test_success_report_dated_after_the_check_is_not_the_latest if {
	# a report dated after --as-of is AL-TEST-005's finding; here it does not make old testing current
	findings := rule.report with input as _input([
		_plan({"frequency": "quarterly", "scope": "code review"}),
		_report("verification/a.yaml", "2027-12-01"),
		_report("verification/b.yaml", "2029-01-01"),
	])
	{f.path | some f in findings} == {"verification/a.yaml"}
}

test_fail_no_cadence_stated if {
	findings := rule.report with input as _input([
		{"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {"kind": "security-update-plan"}},
		_report("verification/pentest.yaml", "2028-05-01"),
	])
	findings == {{
		"path": "security/update-plan.yaml",
		"pointer": "",
		"message": concat("", [
			"the security update plan does not state how often the product's security is tested and reviewed, as an ",
			"interval annexlint can read (security_testing.frequency), nor what the regular tests and reviews comprise ",
			"(security_testing.scope), so its security testing cannot be shown to be regular; state the interval at ",
			"which the product's security is tested and reviewed, and what that comprises",
		]),
	}}
}

test_fail_unreadable_frequency_and_placeholder_scope if {
	findings := rule.report with input as _input([
		_plan({"frequency": "with every release", "scope": "TBD"}),
		_report("verification/pentest.yaml", "2028-05-01"),
	])
	{f.pointer | some f in findings} == {"/security_testing"}
	count(findings) == 1
}

test_frequency_words if {
	rule._frequency_days("every 6 months") == {186}
	rule._frequency_days("Quarterly penetration test") == {93}
	rule._frequency_days("bi-weekly fuzzing") == {14}
	rule._frequency_days("semi-annual review") == {186}
	rule._frequency_days("annually") == {366}
	rule._frequency_days("P6M") == {186}
	rule._frequency_days("every 2 years") == {732}
	rule._frequency_days("with every release") == set()
	rule._frequency_days(6) == set()
	rule._frequency_days("TODO: how often, e.g. every 6 months") == set()
}

test_date_arithmetic if {
	rule._date_after("2027-10-15", 186) == "2028-04-18"
	rule._date_after("2028-02-28", 1) == "2028-02-29"
	rule._date_after("2027-12-31", 1) == "2028-01-01"
	rule._date_after("2000-03-01", -1) == "2000-02-29"
	rule._date_after("1970-01-01", 0) == "1970-01-01"
}

test_success_nothing_dated_is_insufficient_evidence if {
	inp := _input([_plan(_every_six_months)])
	count(rule.report) == 0 with input as inp
	count(rule.insufficient) == 1 with input as inp
	inp2 := _input([_report("verification/pentest.yaml", "2028-05-01")])
	count(rule.report) == 0 with input as inp2
	count(rule.insufficient) == 1 with input as inp2
}
