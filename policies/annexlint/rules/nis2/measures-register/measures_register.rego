# METADATA
# title: An NIS2 essential or important entity keeps every Art. 21(2) measure owned, evidenced and reviewed
# description: |
#   An essential or important entity takes the cybersecurity risk-management measures of NIS2 Art. 21(2), points (a)
#   to (j): risk analysis and security policies, incident handling, business continuity, supply chain security,
#   secure development and vulnerability handling, assessment of effectiveness, cyber hygiene and training,
#   cryptography, HR security and access control, multi-factor authentication and secured communications. An auditor
#   asks, for each, who owns it, what shows it is in place and when it was last reviewed. annexlint reads the entity's
#   register (type "nis2-measures-register"): every point is listed with a real owner, evidence files that are in the
#   bundle, and a review not older than 12 months and not after the date of the check. One register serves every
#   product bundle of the entity; each bundle holds a copy (docs/bundle-format.md).
# scope: package
# custom:
#   id: AL-ENT-001
#   severity: error
#   applies_from: "2024-10-18"
#   clauses:
#     - id: NIS2-ART21-2A
#       cite: NIS2 Art. 21(2)(a)
#     - id: NIS2-ART21-2B
#       cite: NIS2 Art. 21(2)(b)
#     - id: NIS2-ART21-2C
#       cite: NIS2 Art. 21(2)(c)
#     - id: NIS2-ART21-2D
#       cite: NIS2 Art. 21(2)(d)
#     - id: NIS2-ART21-2E
#       cite: NIS2 Art. 21(2)(e)
#     - id: NIS2-ART21-2F
#       cite: NIS2 Art. 21(2)(f)
#     - id: NIS2-ART21-2G
#       cite: NIS2 Art. 21(2)(g)
#     - id: NIS2-ART21-2H
#       cite: NIS2 Art. 21(2)(h)
#     - id: NIS2-ART21-2I
#       cite: NIS2 Art. 21(2)(i)
#     - id: NIS2-ART21-2J
#       cite: NIS2 Art. 21(2)(j)
#   remediation: |
#     Add the entity's register of NIS2 measures (kind nis2-measures-register) to the bundle and list it in the
#     manifest. For each point (a) to (j) of Art. 21(2) give the owner, the evidence (bundle-relative paths of the
#     policies, procedures and records, copied into the bundle) and the date of the last review; review each measure
#     at least every 12 months.
package annexlint.rules.nis2["measures-register"]

import data.annexlint.lib

# _measures names each point of Art. 21(2) as the auditor reads it.
_measures := {
	"a": "risk analysis and information system security policies",
	"b": "incident handling",
	"c": "business continuity and crisis management",
	"d": "supply chain security",
	"e": "security in acquisition, development and maintenance, including vulnerability handling and disclosure",
	"f": "assessment of the effectiveness of the measures",
	"g": "basic cyber hygiene practices and cybersecurity training",
	"h": "cryptography and encryption",
	"i": "human resources security, access control and asset management",
	"j": "multi-factor authentication and secured communications",
}

_entity if lib.product.nis2_entity in {"essential", "important"}

_registers := lib.documents("nis2-measures-register")

_entries(doc) := [[i, m] |
	some i, m in doc.content.measures
	is_object(m)
]

_label(point) := sprintf("Art. 21(2)(%s) (%s)", [point, _measures[point]])

report contains lib.finding(doc.path, "/measures", msg) if {
	_entity
	some doc in _registers
	some point, _ in _measures
	not _listed(doc, point)
	msg := sprintf("the register of NIS2 measures does not list the measure of %s; add it with its owner, evidence and date of last review", [_label(point)])
}

_listed(doc, point) if {
	some [_, m] in _entries(doc)
	m.measure == point
}

report contains lib.finding(doc.path, lib.pointer("/measures", i), msg) if {
	_entity
	some doc in _registers
	some [i, m] in _entries(doc)
	_measures[m.measure]
	not lib.has_text(m, "owner")
	msg := sprintf("the measure of %s has no owner (blank or a placeholder); name the person or function accountable for it", [_label(m.measure)])
}

report contains lib.finding(doc.path, lib.pointer("/measures", i), msg) if {
	_entity
	some doc in _registers
	some [i, m] in _entries(doc)
	_measures[m.measure]
	count(_real_evidence(m)) == 0
	msg := sprintf("the measure of %s names no evidence; list the bundle-relative paths of the policies, procedures or records that show it is in place", [_label(m.measure)])
}

_real_evidence(m) := [e |
	some e in m.evidence
	is_string(e)
	not lib.is_placeholder(e)
]

report contains lib.finding(doc.path, lib.pointer(lib.pointer("/measures", i), "evidence"), msg) if {
	_entity
	some doc in _registers
	some [i, m] in _entries(doc)
	_measures[m.measure]
	some e in _real_evidence(m)
	not lib.file_exists(e)
	msg := sprintf("the evidence %s of the measure of %s is not in the bundle; copy it into the bundle or correct the path (relative to the bundle root)", [e, _label(m.measure)])
}

report contains lib.finding(doc.path, lib.pointer("/measures", i), msg) if {
	_entity
	some doc in _registers
	some [i, m] in _entries(doc)
	_measures[m.measure]
	not lib.is_date(m.reviewed_on)
	msg := sprintf("the measure of %s has no date of last review; add reviewed_on (YYYY-MM-DD)", [_label(m.measure)])
}

report contains lib.finding(doc.path, lib.pointer(lib.pointer("/measures", i), "reviewed_on"), msg) if {
	_entity
	some doc in _registers
	some [i, m] in _entries(doc)
	_measures[m.measure]
	lib.is_date(m.reviewed_on)
	lib.add_years(m.reviewed_on, 1) < input.as_of
	msg := sprintf("the measure of %s was last reviewed on %s, more than 12 months before %s; review it and record the date", [_label(m.measure), m.reviewed_on, input.as_of])
}

report contains lib.finding(doc.path, lib.pointer(lib.pointer("/measures", i), "reviewed_on"), msg) if {
	_entity
	some doc in _registers
	some [i, m] in _entries(doc)
	_measures[m.measure]
	lib.is_date(m.reviewed_on)
	m.reviewed_on > input.as_of
	msg := sprintf("the measure of %s is recorded as reviewed on %s, after the date of the check %s; a review not yet held is no evidence, record the date of the last review held", [_label(m.measure), m.reviewed_on, input.as_of])
}

evidence contains lib.examined(doc.path, lib.pointer("/measures", i)) if {
	_entity
	some doc in _registers
	some [i, m] in _entries(doc)
	_measures[m.measure]
}

evidence contains lib.examined(e, "") if {
	_entity
	some doc in _registers
	some [_, m] in _entries(doc)
	some e in _real_evidence(m)
	lib.file_exists(e)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	_entity
	count(_registers) == 0
	msg := concat(" ", [
		"the manufacturer is an essential or important NIS2 entity, but the manifest lists no register of its",
		"cybersecurity risk-management measures (type \"nis2-measures-register\", NIS2 Art. 21(2)(a) to (j));",
		"add the entity's register to the bundle and list it",
	])
}
