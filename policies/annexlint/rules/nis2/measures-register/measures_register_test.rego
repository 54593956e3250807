package annexlint.rules.nis2["measures-register_test"]

import data.annexlint.rules.nis2["measures-register"] as rule

_measure(point) := {"measure": point, "owner": "CISO", "evidence": ["policies/isms.md"], "reviewed_on": "2026-06-30"}

_all := [_measure(p) | some p in ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]]

_input(entity, measures) := {
	"as_of": "2026-11-25",
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"nis2_entity": entity}}},
	"files": {"policies/isms.md": {"size": 100}},
	"documents": [{"type": "nis2-measures-register", "path": "entity/nis2.yaml", "content": {
		"kind": "nis2-measures-register", "entity": "Vitaflo Medical GmbH", "measures": measures,
	}}],
}

test_success_every_measure_kept if {
	bundle := _input("important", _all)
	count(rule.report) == 0 with input as bundle
	count(rule.insufficient) == 0 with input as bundle
	count(rule.evidence) == 11 with input as bundle
}

test_success_not_an_entity if {
	bundle := _input("none", [])
	count(rule.report) == 0 with input as bundle
	count(rule.insufficient) == 0 with input as bundle
}

test_fail_measure_missing if {
	findings := rule.report with input as _input("essential", array.slice(_all, 0, 9))
	findings == {{
		"path": "entity/nis2.yaml", "pointer": "/measures",
		"message": concat("", [
			"the register of NIS2 measures does not list the measure of Art. 21(2)(j) (multi-factor authentication and ",
			"secured communications); add it with its owner, evidence and date of last review",
		]),
	}}
}

test_fail_placeholder_owner_and_evidence if {
	m := object.union(_measure("d"), {"owner": "TBD", "evidence": ["n/a"]})
	findings := rule.report with input as _input("important", array.concat(array.slice(_all, 0, 3), array.concat([m], array.slice(_all, 4, 10))))
	{[f.pointer, startswith(f.message, "the measure of Art. 21(2)(d) (supply chain security) has no owner")] | some f in findings; contains(f.message, "owner")} == {["/measures/3", true]}
	{f.pointer | some f in findings; contains(f.message, "names no evidence")} == {"/measures/3"}
	count(findings) == 2
}

test_fail_evidence_file_missing if {
	m := object.union(_measure("a"), {"evidence": ["policies/gone.md"]})
	findings := rule.report with input as _input("important", array.concat([m], array.slice(_all, 1, 10)))
	{f.pointer | some f in findings} == {"/measures/0/evidence"}
}

test_fail_review_stale if {
	m := object.union(_measure("f"), {"reviewed_on": "2025-11-24"})
	findings := rule.report with input as _input("important", array.concat(array.slice(_all, 0, 5), array.concat([m], array.slice(_all, 6, 10))))
	{f.message | some f in findings} == {concat("", [
		"the measure of Art. 21(2)(f) (assessment of the effectiveness of the measures) was last reviewed on ",
		"2025-11-24, more than 12 months before 2026-11-25; review it and record the date",
	])}
}

test_success_review_exactly_12_months if {
	m := object.union(_measure("f"), {"reviewed_on": "2025-11-25"})
	count(rule.report) == 0 with input as _input("important", array.concat(array.slice(_all, 0, 5), array.concat([m], array.slice(_all, 6, 10))))
}

test_fail_review_after_as_of if {
	m := object.union(_measure("b"), {"reviewed_on": "2026-12-01"})
	findings := rule.report with input as _input("important", array.concat(array.slice(_all, 0, 1), array.concat([m], array.slice(_all, 2, 10))))
	{f.pointer | some f in findings} == {"/measures/1/reviewed_on"}
}

test_fail_no_register if {
	bundle := object.union(_input("important", []), {"documents": []})
	count(rule.report) == 0 with input as bundle
	{f.pointer | some f in rule.insufficient} == {"/documents"} with input as bundle
	count(rule.evidence) == 0 with input as bundle
}

# A register shared by pointing outside the bundle is not read there: only files inside the bundle count.
test_fail_evidence_outside_the_bundle if {
	m := object.union(_measure("a"), {"evidence": ["../companion-app/entity/isms-policy.md"]})
	findings := rule.report with input as _input("important", array.concat([m], array.slice(_all, 1, 10)))
	{f.pointer | some f in findings} == {"/measures/0/evidence"}
}
