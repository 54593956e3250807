package annexlint.rules.lifecycle["support-period_test"]

import data.annexlint.rules.lifecycle["support-period"] as rule

_input(product) := {"manifest": {"path": "annexlint.yaml", "content": {"product": object.union(
	{"framework": "CRA", "placed_on_market": "2028-03-01", "support_period_end": "2033-03-01"},
	product,
)}}}

_justified := {"support_period_justification": "expected use time of a ward gateway is five to seven years"}

_on_end_date(findings) := {f | some f in findings; f.pointer == "/product/support_period_end"}

test_fail_shorter_than_five_years if {
	findings := rule.report with input as _input({"support_period_end": "2033-02-28"})
	_on_end_date(findings) == {{
		"path": "annexlint.yaml",
		"pointer": "/product/support_period_end",
		"message": concat("", [
			"the support period ends on 2033-02-28, less than five years after placing on the market (2028-03-01); ",
			"extend it to 2033-03-01 or later, or state in support_period_justification why the product is expected ",
			"to be in use for a shorter time",
		]),
	}}
}

test_fail_ends_before_placing_on_market_even_with_justification if {
	findings := rule.report with input as _input({
		"support_period_end": "2027-12-31",
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

test_fail_leap_day_placing if {
	findings := rule.report with input as _input({"placed_on_market": "2028-02-29", "support_period_end": "2033-02-28"})
	[f] := [f | some f in _on_end_date(findings)]
	contains(f.message, "extend it to 2033-03-01 or later")
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
