package annexlint.rules.cra["documentation-current_test"]

import data.annexlint.rules.cra["documentation-current"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA", "placed_on_market": "2028-03-01"}}}

_description(content) := {"type": "technical-description", "path": "conformity/technical-description.yaml", "content": object.union(
	{"kind": "technical-description"},
	content,
)}

test_fail_drawn_up_after_placing if {
	findings := rule.report with input as {"as_of": "2028-06-01", "manifest": _manifest, "documents": [_description({"drawn_up": "2028-04-15"})]}
	findings == {{
		"path": "conformity/technical-description.yaml",
		"pointer": "/drawn_up",
		"message": concat("", [
			"the technical description conformity/technical-description.yaml says the technical documentation was drawn ",
			"up on 2028-04-15, after the product was placed on the market on 2028-03-01; it is drawn up before the ",
			"placing (CRA Art. 31(2)): correct the date, or the placing date",
		]),
	}}
}

test_success_drawn_up_before_placing if {
	count(rule.report) == 0 with input as {"as_of": "2028-06-01", "manifest": _manifest, "documents": [_description({"drawn_up": "2028-01-20", "revised": "2028-05-02"})]}
}

test_fail_not_revised_after_modification if {
	manifest := {"path": "annexlint.yaml", "content": {"product": {
		"framework": "CRA",
		"placed_on_market": "2024-09-16",
		"substantial_modifications": [{"date": "2026-01-10"}, {"date": "2028-02-01"}],
	}}}
	[f] := [f | some f in rule.report] with input as {"as_of": "2028-06-01", "manifest": manifest, "documents": [_description({"drawn_up": "2024-08-01", "revised": "2027-11-30"})]}
	f.pointer == "/revised"
	f.related == [{"path": "annexlint.yaml", "pointer": "/product/substantial_modifications/1", "message": "the modification"}]
	count(rule.report) == 0 with input as {"as_of": "2028-06-01", "manifest": manifest, "documents": [_description({"drawn_up": "2024-08-01", "revised": "2028-02-15"})]}
}

test_fail_dates_missing_or_in_the_future if {
	[f] := [f | some f in rule.report] with input as {"as_of": "2028-06-01", "manifest": _manifest, "documents": [_description({})]}
	contains(f.message, "(drawn_up, YYYY-MM-DD)")
	[g] := [g | some g in rule.report] with input as {"as_of": "2028-06-01", "manifest": _manifest, "documents": [_description({"drawn_up": "2028-01-20", "revised": "2028-07-01"})]}
	g.pointer == "/revised"
}

test_evidence_and_insufficient if {
	count(rule.evidence) == 1 with input as {"as_of": "2028-06-01", "manifest": _manifest, "documents": [_description({"drawn_up": "2028-01-20"})]}
	count(rule.evidence) == 0 with input as {"as_of": "2028-06-01", "manifest": _manifest, "documents": [_description({"drawn_up": "TBD"})]}
	[f] := [f | some f in rule.insufficient] with input as {"manifest": _manifest, "documents": []}
	f.pointer == "/documents"
}
