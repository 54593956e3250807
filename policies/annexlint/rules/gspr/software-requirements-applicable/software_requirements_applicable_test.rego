package annexlint.rules.gspr["software-requirements-applicable_test"]

import data.annexlint.rules.gspr["software-requirements-applicable"] as rule

_input(framework, interfaces, documents) := {
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": framework, "interfaces": interfaces}}},
	"documents": documents,
}

_matrix(entries) := {"type": "gspr-evidence-matrix", "path": "gspr.yaml", "content": {"entries": entries}}

_na(section) := {"gspr": section, "applicable": false, "justification": "the pump's software is not a medical device", "evidence": []}

_sbom := {"type": "sbom", "path": "sbom/fw.cdx.json", "content": {"components": []}}

test_fail_17_4_not_applicable_for_connected_device if {
	findings := rule.report with input as _input("MDR", [{"id": "IF-WIFI"}], [_matrix([
		{"gspr": "17.2", "evidence": [{"document": "risk.yaml"}]},
		_na("17.4"),
	])])
	findings == {{
		"path": "gspr.yaml",
		"pointer": "/entries/1/applicable",
		"message": concat("", [
			"MDR Annex I 17.4 is marked not applicable, but the manifest declares external interfaces (IF-WIFI); ",
			"it applies to every device with software: mark it applicable and list the documents that show conformity",
		]),
	}}
}

test_fail_ivdr_ifu_section_with_sbom if {
	findings := rule.report with input as _input("IVDR", [], [_sbom, _matrix([_na("20.4(ah)"), _na("13.2(d)")])])
	[f] := [f | some f in findings]
	f.pointer == "/entries/0/applicable"
	contains(f.message, "IVDR Annex I 20.4(ah) is marked not applicable, but the bundle holds an SBOM (sbom/fw.cdx.json)")
}

test_success_other_sections_may_be_not_applicable if {
	count(rule.report) == 0 with input as _input("MDR", [{"id": "IF-USB"}], [_sbom, _matrix([
		_na("18.8"),
		{"gspr": "23.4(ab)", "applicable": true, "evidence": [{"document": "ifu.yaml"}]},
	])])
}

test_success_cra_product_not_judged if {
	count(rule.report) == 0 with input as _input("CRA", [{"id": "IF-WIFI"}], [_matrix([_na("17.4")])])
}

test_insufficient_nothing_shows_software if {
	bundle := _input("MDR", [], [_matrix([_na("17.4")])])
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	[f] := [f | some f in rule.insufficient] with input as bundle
	f.pointer == "/product"
}
