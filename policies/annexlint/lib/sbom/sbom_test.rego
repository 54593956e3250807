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
