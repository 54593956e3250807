package annexlint.rules.lifecycle["support-period_test"]

import data.annexlint.rules.lifecycle["support-period"] as rule

_input(product) := {"manifest": {"path": "annexlint.yaml", "content": {"product": object.union(
	{"framework": "CRA", "placed_on_market": "2028-03-01", "support_period_end": "2033-03-01"},
	product,
)}}}

_justified := {
	"support_period_justification": "ward gateways stay in use for five to seven years; customers expect seven",
	"expected_use_years": 7,
}

_on_end_date(findings) := {f | some f in findings; f.pointer == "/product/support_period_end"}

test_fail_shorter_than_five_years if {
	findings := rule.report with input as _input({"support_period_end": "2033-02-28"})
	_on_end_date(findings) == {{
		"path": "annexlint.yaml",
		"pointer": "/product/support_period_end",
		"message": concat("", [
			"the support period ends on 2033-02-28, less than five years after placing on the market (2028-03-01); ",
			"extend it to 2033-03-01 or later, or, if the product is expected to be in use for less than five years, ",
			"state that time in expected_use_years and the reasons in support_period_justification",
		]),
	}}
}

test_fail_ends_before_placing_on_market_even_with_justification if {
	findings := rule.report with input as _input({
		"support_period_end": "2027-12-31",
		"expected_use_years": 1,
		"support_period_justification": "single-use device",
	})
	findings == {{
		"path": "annexlint.yaml",
		"pointer": "/product/support_period_end",
		"message": concat("", [
			"the support period ends on 2027-12-31, before the product is placed on the market on 2028-03-01; ",
			"correct support_period_end",
		]),
	}}
}

# Regulation 1182/71 Art. 3(2)(c): five years from 29 February 2028 end on 28 February 2033, not 1 March.
test_fail_leap_day_placing if {
	findings := rule.report with input as _input({"placed_on_market": "2028-02-29", "support_period_end": "2033-02-27"})
	[f] := [f | some f in _on_end_date(findings)]
	contains(f.message, "extend it to 2033-02-28 or later")
}

test_success_leap_day_placing_five_years_end_on_28_february if {
	count(rule.report) == 0 with input as _input(object.union(
		_justified,
		{"placed_on_market": "2028-02-29", "support_period_end": "2033-02-28"},
	))
}

test_fail_placeholder_justification_does_not_waive_the_floor if {
	findings := rule.report with input as _input({
		"support_period_end": "2030-03-01",
		"expected_use_years": 2,
		"support_period_justification": "n/a",
	})
	[f] := [f | some f in _on_end_date(findings)]
	contains(f.message, "less than five years after placing on the market")
}

test_fail_shorter_than_expected_use_time if {
	findings := rule.report with input as _input({
		"support_period_end": "2030-02-28",
		"expected_use_years": 2,
		"support_period_justification": "disposable sensor, replaced after two years at the latest",
	})
	findings == {{
		"path": "annexlint.yaml",
		"pointer": "/product/support_period_end",
		"message": concat("", [
			"the support period ends on 2030-02-28, before the expected use time of 2 years from placing on the market ",
			"(2028-03-01) has passed; a support period shorter than five years must still last as long as the product ",
			"is expected to be in use: extend it to 2030-03-01 or later",
		]),
	}}
}

test_fail_expected_use_of_five_years_or_more_keeps_the_floor if {
	findings := rule.report with input as _input({
		"support_period_end": "2031-03-01",
		"expected_use_years": 8,
		"support_period_justification": "we only support three years",
	})
	[f] := [f | some f in _on_end_date(findings)]
	contains(f.message, "extend it to 2033-03-01 or later")
}

test_fail_rationale_without_expected_use_time if {
	findings := rule.report with input as _input({"support_period_justification": "set by product management"})
	findings == {{
		"path": "annexlint.yaml",
		"pointer": "/product/support_period_justification",
		"message": concat("", [
			"the support period justification does not state how long the product is expected to be in use; set ",
			"product.expected_use_years to that time in whole years, so the support period can be compared with it ",
			"(CRA Art. 13(8))",
		]),
	}}
}

test_fail_blank_justification_does_not_count if {
	count(rule.report) == 2 with input as _input({
		"support_period_end": "2030-01-01",
		"support_period_justification": "  ",
	})
}

test_success_exactly_five_years if {
	count(rule.report) == 0 with input as _input(_justified)
}

test_fail_no_rationale_even_for_five_years if {
	findings := rule.report with input as _input({"support_period_justification": "TBD"})
	[f] := [f | some f in findings]
	f.pointer == "/product"
	contains(f.message, "does not say how the support period was determined")
}

test_success_shorter_but_justified if {
	count(rule.report) == 0 with input as _input({
		"support_period_end": "2030-03-01",
		"expected_use_years": 2,
		"support_period_justification": "expected use time of the disposable sensor is two years",
	})
}

test_success_malformed_dates_are_left_to_the_schema_check if {
	count(rule.report) == 0 with input as _input({"placed_on_market": "2028-02-30", "support_period_end": "soon"})
}

test_evidence_both_dates if {
	rule.evidence == {
		{"path": "annexlint.yaml", "pointer": "/product/placed_on_market"},
		{"path": "annexlint.yaml", "pointer": "/product/support_period_end"},
	} with input as _input({})
	count(rule.insufficient) == 0 with input as _input({})
}

test_insufficient_date_missing if {
	bundle := _input({"support_period_end": "soon"})
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	rule.insufficient == {{
		"path": "annexlint.yaml",
		"pointer": "/product",
		"message": concat("", [
			"the manifest states no support_period_end as a date (YYYY-MM-DD), so the length of the support period ",
			"cannot be checked; set product.placed_on_market and product.support_period_end (for a product still to be ",
			"placed on the market, the planned date)",
		]),
	}} with input as bundle
}

test_insufficient_both_dates_absent if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}}}
	{f.message | some f in rule.insufficient} == {concat("", [
		"the manifest states no placed_on_market and no support_period_end as a date (YYYY-MM-DD), so the length of ",
		"the support period cannot be checked; set product.placed_on_market and product.support_period_end (for a ",
		"product still to be placed on the market, the planned date)",
	])} with input as bundle
}
