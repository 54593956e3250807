package annexlint.rules.cra["essential-requirements_test"]

import data.annexlint.rules.cra["essential-requirements"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {
	"framework": "CRA",
	"interfaces": [{"id": "IF-HL7"}, {"id": "IF-WEB"}],
}}}

_riskfile := {"type": "security-risk-file", "path": "security/risk.yaml", "content": {"controls": [
	{"id": "C-TLS", "verification": [{"evidence": "verification/tests.xml", "result": "pass"}]},
	{"id": "C-OPEN", "verification": [{"evidence": "verification/tests.xml", "result": "open"}]},
	{"id": "C-NOFILE", "verification": [{"evidence": "verification/missing.xml", "result": "pass"}]},
	{"id": "C-NONE"},
]}}

_files := {"verification/tests.xml": {"size": 10}}

_plan(automatic) := {"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {
	"kind": "security-update-plan",
	"delivery": {"automatic": automatic},
}}

# _all is a complete matrix: every point met by the verified control C-TLS, with the entries in order.
_all := [{"point": p, "status": "met", "controls": ["C-TLS"]} | some p in sort(object.keys(rule.points))]

_matrix(entries) := {"type": "essential-requirements", "path": "security/essential-requirements.yaml", "content": {
	"kind": "essential-requirements",
	"requirements": entries,
}}

_replace(point, entry) := [e |
	some x in _all
	e := _pick(x, point, entry)
]

_pick(x, point, entry) := entry if x.point == point

else := x

_index(point) := i if {
	some i, x in _all
	x.point == point
}

_input(entries) := {
	"manifest": _manifest,
	"documents": [_riskfile, _matrix(entries), _plan(true)],
	"files": _files,
}

test_success_every_point_met_by_a_verified_control if {
	count(rule.report) == 0 with input as _input(_all)
	count(rule.insufficient) == 0 with input as _input(_all)
	count(rule.evidence) == 15 with input as _input(_all)
}

test_success_not_applicable_with_a_justification if {
	entries := _replace("2m", {"point": "2m", "status": "not-applicable", "justification": "The platform stores no data on the device: it runs in the hospital's virtual machines, whose disks the hospital destroys."})
	count(rule.report) == 0 with input as _input(entries)
}

test_success_no_automatic_updates_with_a_reason if {
	entries := _replace("2c", {"point": "2c", "status": "met", "controls": ["C-TLS"], "justification": "Updates are installed in the hospital's maintenance windows by its IT department, as the hospital's change process requires."})
	count(rule.report) == 0 with input as {
		"manifest": _manifest,
		"documents": [_riskfile, _matrix(entries), _plan(false)],
		"files": _files,
	}
}

test_fail_missing_point if {
	entries := [e | some e in _all; e.point != "2g"]
	rule.report == {{
		"path": "security/essential-requirements.yaml",
		"pointer": "/requirements",
		"message": "CRA Annex I Part I (2)(g) data minimisation is not in the applicability matrix; add an entry for it with the risk-file controls that meet it, or the reason it does not apply to the product",
	}} with input as _input(entries)
}

test_fail_unknown_control if {
	entries := _replace("2d", {"point": "2d", "status": "met", "controls": ["C-TLS", "C-GHOST"]})
	rule.report == {{
		"path": "security/essential-requirements.yaml",
		"pointer": sprintf("/requirements/%d/controls/1", [_index("2d")]),
		"message": "CRA Annex I Part I (2)(d) protection from unauthorised access is met by control \"C-GHOST\", which no security risk file defines; correct the control ID or add the control, with its verification, to the risk file",
	}} with input as _input(entries)
}

test_fail_unverified_controls if {
	entries := _replace("2l", {"point": "2l", "status": "met", "controls": ["C-OPEN", "C-NOFILE", "C-NONE"]})
	findings := rule.report with input as _input(entries)
	{f.pointer | some f in findings} == {sprintf("/requirements/%d/controls/%d", [_index("2l"), k]) | some k in [0, 1, 2]}
	some f in findings
	f.pointer == sprintf("/requirements/%d/controls/0", [_index("2l")])
	f.message == "CRA Annex I Part I (2)(l) security logging and monitoring rests on control \"C-OPEN\", which the risk file does not show verified; record a verification whose evidence is in the bundle and whose result is pass, or name a verified control"
	f.related == [{"path": "security/risk.yaml", "pointer": "/controls/1", "message": "the control"}]
}

test_fail_met_without_controls if {
	entries := _replace("2a", {"point": "2a", "status": "met"})
	rule.report == {{
		"path": "security/essential-requirements.yaml",
		"pointer": sprintf("/requirements/%d/controls", [_index("2a")]),
		"message": "CRA Annex I Part I (2)(a) no known exploitable vulnerabilities is marked met but names no control; list the IDs of the risk-file controls that meet it, or mark it not-applicable with the reason",
	}} with input as _input(entries)
}

test_fail_placeholder_justification if {
	entries := _replace("2g", {"point": "2g", "status": "not-applicable", "justification": "N/A"})
	rule.report == {{
		"path": "security/essential-requirements.yaml",
		"pointer": sprintf("/requirements/%d", [_index("2g")]),
		"message": "CRA Annex I Part I (2)(g) data minimisation is marked not applicable without a justification; say, from the risk assessment, why the requirement does not apply to this product (Art. 13(4))",
	}} with input as _input(entries)
}

test_fail_updates_not_applicable_with_an_update_plan if {
	entries := _replace("2c", {"point": "2c", "status": "not-applicable", "justification": "The platform is never updated in the field."})
	findings := rule.report with input as _input(entries)
	{f.message | some f in findings} == {"CRA Annex I Part I (2)(c) security updates is marked not applicable, but the security update plan security/update-plan.yaml provides security updates; mark it met, with the controls that deliver the updates securely"}
}

test_fail_no_automatic_updates_without_a_reason if {
	findings := rule.report with input as {
		"manifest": _manifest,
		"documents": [_riskfile, _matrix(_all), _plan(false)],
		"files": _files,
	}
	findings == {{
		"path": "security/essential-requirements.yaml",
		"pointer": sprintf("/requirements/%d", [_index("2c")]),
		"message": "the security update plan security/update-plan.yaml does not install security updates automatically, and CRA Annex I Part I (2)(c) security updates gives no reason; enable automatic security updates by default with an opt-out, or say in the justification why they do not apply to this product",
		"related": [{"path": "security/update-plan.yaml", "pointer": "/delivery/automatic", "message": "automatic updates off"}],
	}}
}

test_fail_attack_surface_not_applicable_with_interfaces if {
	entries := _replace("2j", {"point": "2j", "status": "not-applicable", "justification": "The platform has a small attack surface."})
	findings := rule.report with input as _input(entries)
	{f.message | some f in findings} == {"CRA Annex I Part I (2)(j) limit attack surfaces is marked not applicable, but the manifest declares the interfaces IF-HL7, IF-WEB, each part of the attack surface; mark it met, with the controls that limit the attack surface of each interface"}
}

test_insufficient_without_a_matrix if {
	bundle := {"manifest": _manifest, "documents": [_riskfile], "files": _files}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	{f.pointer | some f in rule.insufficient} == {"/documents"} with input as bundle
}

test_insufficient_with_an_empty_matrix if {
	bundle := _input([])
	count(rule.evidence) == 0 with input as bundle
	{f.pointer | some f in rule.insufficient} == {"/requirements"} with input as bundle
}
