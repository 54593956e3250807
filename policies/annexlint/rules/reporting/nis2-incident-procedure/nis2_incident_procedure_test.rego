package annexlint.rules.reporting["nis2-incident-procedure_test"]

import data.annexlint.rules.reporting["nis2-incident-procedure"] as rule

_input(entity, register) := {
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"nis2_entity": entity}}},
	"files": {"policies/incident-handling.md": {"size": 100}},
	"documents": [{"type": "vulnerability-reports", "path": "r.yaml", "content": object.union(
		{"kind": "vulnerability-reports", "procedure": "SOP-PSIRT-007", "reports": []},
		register,
	)}],
}

_procedure(document) := {"incident_handling_procedure": {"reference": "SOP-IR-003 rev. B", "document": document}}

test_success_procedure_in_bundle if {
	bundle := _input("important", _procedure("policies/incident-handling.md"))
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 2 with input as bundle
}

test_fail_procedure_not_named if {
	findings := rule.report with input as _input("essential", {})
	{f.pointer | some f in findings} == {""}
}

test_fail_procedure_document_missing if {
	findings := rule.report with input as _input("important", _procedure("sop/ir.pdf"))
	findings == {{
		"path": "r.yaml",
		"pointer": "/incident_handling_procedure/document",
		"message": concat("", [
			"the incident-handling procedure SOP-IR-003 rev. B names the document sop/ir.pdf, which is not in the ",
			"bundle; add the procedure to the bundle, or correct the path (relative to the bundle root)",
		]),
	}}
}

test_success_not_an_entity if {
	count(rule.report) == 0 with input as _input("none", {})
}
