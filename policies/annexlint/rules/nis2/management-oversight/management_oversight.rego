# METADATA
# title: The management body of an NIS2 entity has approved the measures and followed training
# description: |
#   Under NIS2 Art. 20(1) the management body of an essential or important entity approves the cybersecurity
#   risk-management measures taken under Art. 21 and oversees their implementation; under Art. 20(2) its members
#   follow training to gain the knowledge and skills to identify risks and assess those practices. An auditor asks
#   who approved the measures and when, and for the record of the management's training. annexlint reads the
#   register of NIS2 measures (type "nis2-measures-register"): `management_approval` with the approver and the date
#   (not after the date of the check; the record, if named, in the bundle) and `management_training` with its date,
#   participants and evidence in the bundle.
# scope: package
# custom:
#   id: AL-ENT-002
#   severity: error
#   applies_from: "2024-10-18"
#   clauses:
#     - id: NIS2-ART20-1
#       cite: NIS2 Art. 20(1)
#     - id: NIS2-ART20-2
#       cite: NIS2 Art. 20(2)
#   remediation: |
#     In the register of NIS2 measures, record management_approval (approver: who approved for the management body;
#     date: when; record: the bundle path of the minutes) and management_training (date, participants, evidence: the
#     bundle paths of the attendance record or certificates).
package annexlint.rules.nis2["management-oversight"]

import data.annexlint.lib

_entity if lib.product.nis2_entity in {"essential", "important"}

_registers := lib.documents("nis2-measures-register")

report contains lib.finding(doc.path, "", msg) if {
	_entity
	some doc in _registers
	not _approval_recorded(doc)
	msg := "the register of NIS2 measures records no approval of the measures by the management body (NIS2 Art. 20(1)); add management_approval with the approver and the date"
}

_approval_recorded(doc) if {
	lib.has_text(doc.content.management_approval, "approver")
	lib.is_date(doc.content.management_approval.date)
}

report contains lib.finding(doc.path, "/management_approval/date", msg) if {
	_entity
	some doc in _registers
	lib.is_date(doc.content.management_approval.date)
	doc.content.management_approval.date > input.as_of
	msg := sprintf("the management body's approval is dated %s, after the date of the check %s; an approval not yet given is no evidence, record the date it was given", [doc.content.management_approval.date, input.as_of])
}

report contains lib.finding(doc.path, "/management_approval/record", msg) if {
	_entity
	some doc in _registers
	lib.has_text(doc.content.management_approval, "record")
	not lib.file_exists(doc.content.management_approval.record)
	msg := sprintf("the record of the management body's approval %s is not in the bundle; copy it into the bundle or correct the path (relative to the bundle root)", [doc.content.management_approval.record])
}

report contains lib.finding(doc.path, "", msg) if {
	_entity
	some doc in _registers
	not _training_recorded(doc)
	msg := "the register of NIS2 measures records no training of the management body (NIS2 Art. 20(2)); add management_training with the date, the participants and the evidence (attendance record or certificates)"
}

_training_recorded(doc) if {
	lib.is_date(doc.content.management_training.date)
	count(_training_evidence(doc)) > 0
	some p in doc.content.management_training.participants
	is_string(p)
	not lib.is_placeholder(p)
}

_training_evidence(doc) := [e |
	some e in doc.content.management_training.evidence
	is_string(e)
	not lib.is_placeholder(e)
]

report contains lib.finding(doc.path, "/management_training/date", msg) if {
	_entity
	some doc in _registers
	lib.is_date(doc.content.management_training.date)
	doc.content.management_training.date > input.as_of
	msg := sprintf("the management body's training is dated %s, after the date of the check %s; record the date of the last training held", [doc.content.management_training.date, input.as_of])
}

report contains lib.finding(doc.path, "/management_training/evidence", msg) if {
	_entity
	some doc in _registers
	some e in _training_evidence(doc)
	not lib.file_exists(e)
	msg := sprintf("the evidence %s of the management body's training is not in the bundle; copy it into the bundle or correct the path (relative to the bundle root)", [e])
}

evidence contains lib.examined(doc.path, "/management_approval") if {
	_entity
	some doc in _registers
	_approval_recorded(doc)
}

evidence contains lib.examined(doc.path, "/management_training") if {
	_entity
	some doc in _registers
	_training_recorded(doc)
}

evidence contains lib.examined(e, "") if {
	_entity
	some doc in _registers
	some e in _training_evidence(doc)
	lib.file_exists(e)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	_entity
	count(_registers) == 0
	msg := concat(" ", [
		"the manufacturer is an essential or important NIS2 entity, but the manifest lists no register of its",
		"measures recording their approval and the training of the management body (NIS2 Art. 20(1)-(2));",
		"add the entity's register (type \"nis2-measures-register\") to the bundle and list it",
	])
}
