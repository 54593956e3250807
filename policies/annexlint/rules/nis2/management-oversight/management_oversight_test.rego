package annexlint.rules.nis2["management-oversight_test"]

import data.annexlint.rules.nis2["management-oversight"] as rule

_approval := {"approver": "Dr. A. Brandt, CEO", "date": "2026-03-10", "record": "entity/board-minutes.pdf"}

_training := {"date": "2026-05-20", "participants": ["Dr. A. Brandt", "J. Weber"], "evidence": ["entity/training.pdf"]}

_input(entity, register) := {
	"as_of": "2026-11-25",
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"nis2_entity": entity}}},
	"files": {"entity/board-minutes.pdf": {"size": 100}, "entity/training.pdf": {"size": 100}},
	"documents": [{"type": "nis2-measures-register", "path": "entity/nis2.yaml", "content": object.union(
		{"kind": "nis2-measures-register", "entity": "Vitaflo Medical GmbH", "measures": []},
		register,
	)}],
}

test_success_approved_and_trained if {
	bundle := _input("important", {"management_approval": _approval, "management_training": _training})
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 3 with input as bundle
}

test_success_not_an_entity if {
	count(rule.report) == 0 with input as _input("none", {})
}

test_fail_no_approval if {
	findings := rule.report with input as _input("essential", {"management_training": _training})
	{f.message | some f in findings} == {concat("", [
		"the register of NIS2 measures records no approval of the measures by the management body (NIS2 Art. 20(1)); ",
		"add management_approval with the approver and the date",
	])}
}

test_fail_placeholder_approver if {
	approval := object.union(_approval, {"approver": "TODO"})
	findings := rule.report with input as _input("important", {"management_approval": approval, "management_training": _training})
	count(findings) == 1
}

test_fail_no_training if {
	findings := rule.report with input as _input("important", {"management_approval": _approval})
	{f.pointer | some f in findings} == {""}
	count(findings) == 1
}

test_fail_training_evidence_missing if {
	training := object.union(_training, {"evidence": ["entity/certificates.pdf"]})
	findings := rule.report with input as _input("important", {"management_approval": _approval, "management_training": training})
	{f.pointer | some f in findings} == {"/management_training/evidence"}
}

test_fail_approval_after_as_of if {
	approval := object.union(_approval, {"date": "2027-01-10"})
	findings := rule.report with input as _input("important", {"management_approval": approval, "management_training": _training})
	{f.pointer | some f in findings} == {"/management_approval/date"}
}

test_fail_approval_record_missing if {
	approval := object.union(_approval, {"record": "entity/minutes-2026.pdf"})
	findings := rule.report with input as _input("important", {"management_approval": approval, "management_training": _training})
	{f.pointer | some f in findings} == {"/management_approval/record"}
}

test_fail_no_register if {
	bundle := object.union(_input("important", {}), {"documents": []})
	{f.pointer | some f in rule.insufficient} == {"/documents"} with input as bundle
	count(rule.evidence) == 0 with input as bundle
}
