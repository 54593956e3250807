package annexlint.lib.sbom_test

import data.annexlint.lib.sbom

_docs := [
	{"type": "sbom", "path": "a.json", "content": {"components": [{"ref": "x"}]}},
	{"type": "sbom", "path": "b.json", "content": {"components": []}},
	{"type": "sbom", "path": "c.json", "content": {"components": "not a list"}},
	{"type": "sbom", "path": "d.json", "content": {}},
	{"type": "vex", "path": "v.json", "content": {"components": [{"ref": "x"}]}},
]

test_with_and_without_components if {
	[d.path | some d in sbom.with_components] == ["a.json"] with input as {"documents": _docs}
	[d.path | some d in sbom.without_components] == ["b.json", "c.json", "d.json"] with input as {"documents": _docs}
}

test_evidence_and_insufficient_entries if {
	sbom.components_examined(_docs[0]) == {"path": "a.json", "pointer": "/components"}
	sbom.no_components(_docs[1], "x") == {"path": "b.json", "pointer": "", "message": concat("", [
		"the SBOM b.json lists no components, so x cannot be checked; generate it from the build of the released ",
		"software so that it lists the components the product contains",
	])}
}

_dated := {"type": "sbom", "path": "e.json", "content": {"components": [
	{"ref": "a", "end_of_support": "2027-03-31"},
	{"ref": "b", "end_of_support": "2030-01-01T00:00:00Z"},
	{"ref": "c", "end_of_support": "unknown"},
	{"ref": "d", "end_of_support": "2029-06-30 lorem ipsum"},
	{"ref": "e", "end_of_support": 20270331},
	{"ref": "f"},
	{"ref": "g", "end_of_support": "2027-3-31"},
]}}

test_support_ends_are_the_components_with_a_date if {
	sbom.support_ends(_dated) == [
		{"index": 0, "end": "2027-03-31", "recorded": true},
		{"index": 1, "end": "2030-01-01", "recorded": true},
		{"index": 3, "end": "2029-06-30", "recorded": false},
	]
}

test_support_ends_none_recorded if {
	sbom.support_ends({"path": "x.json", "content": {"components": [{"ref": "a", "end_of_support": "TBD"}]}}) == []
}

test_support_ends_from_go if {
	facts := {"sbom_ends": {"e.json": [{"index": 6, "end": "2027-01-01", "recorded": true}]}}
	sbom.support_ends(_dated) == [{"index": 6, "end": "2027-01-01", "recorded": true}] with input.derived as facts
}
