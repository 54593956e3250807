package annexlint.rules.vex["not-affected-justified_test"]

import data.annexlint.rules.vex["not-affected-justified"] as rule

_statement(fields) := object.union(
	{
		"vulnerability": "CVE-2024-6135", "status": "not_affected", "justification": "", "impact_statement": "",
		"products": [{"id": "pkg:github/zephyrproject-rtos/zephyr@v3.7.0", "loc": {"pointer": "/statements/0/products/0"}}],
	},
	fields,
)

_vex(kind, statements) := {"type": "vex", "path": "vex/fw.json", "content": {"kind": kind, "statements": statements}}

_openvex_labels := concat(", ", [
	"component_not_present", "inline_mitigations_already_exist", "vulnerable_code_cannot_be_controlled_by_adversary",
	"vulnerable_code_not_in_execute_path", "vulnerable_code_not_present",
])

test_fail_openvex_without_reason if {
	findings := rule.report with input as {"documents": [_vex("openvex", [_statement({})])]}
	findings == {{
		"path": "vex/fw.json",
		"pointer": "/statements/0",
		"message": concat("", [
			"CVE-2024-6135: pkg:github/zephyrproject-rtos/zephyr@v3.7.0 is declared not affected without saying why; ",
			"give an OpenVEX justification (", _openvex_labels, ") or an impact statement",
		]),
	}}
}

test_fail_cyclonedx_label_used_in_openvex if {
	findings := rule.report with input as {"documents": [_vex("openvex", [_statement({"justification": "code_not_reachable"})])]}
	[f] := [f | some f in findings]
	startswith(f.message, concat("", [
		"CVE-2024-6135: pkg:github/zephyrproject-rtos/zephyr@v3.7.0 is declared not affected with justification ",
		"\"code_not_reachable\", which is not in the format's vocabulary; give an OpenVEX justification (",
	]))
}

test_fail_openvex_label_used_in_cyclonedx if {
	findings := rule.report with input as {"documents": [_vex("cyclonedx-vex", [_statement({"justification": "vulnerable_code_not_present"})])]}
	[f] := [f | some f in findings]
	contains(f.message, "give a CycloneDX analysis justification (code_not_present, code_not_reachable, false_positive, ")
}

test_success_justified_in_each_format if {
	count(rule.report) == 0 with input as {"documents": [
		_vex("openvex", [_statement({"justification": "vulnerable_code_not_in_execute_path"})]),
		_vex("csaf-vex", [_statement({"justification": "component_not_present"})]),
		_vex("cyclonedx-vex", [_statement({"justification": "code_not_reachable"}), _statement({"justification": "false_positive"})]),
	]}
}

test_success_impact_statement_alone if {
	count(rule.report) == 0 with input as {"documents": [
		_vex("openvex", [_statement({"impact_statement": "The Bluetooth host stack is not built into this firmware."})]),
		_vex("cyclonedx-vex", [_statement({"impact_statement": "BLE mesh is disabled in the build configuration."})]),
	]}
}

test_success_other_statuses if {
	count(rule.report) == 0 with input as {"documents": [_vex("openvex", [_statement({"status": "affected"}), _statement({"status": "fixed"})])]}
}

test_evidence_not_affected_statements if {
	bundle := {"documents": [_vex("openvex", [
		_statement({"justification": "component_not_present"}),
		_statement({"status": "fixed"}),
	])]}
	count(rule.report) == 0 with input as bundle
	rule.evidence == {
		{"path": "vex/fw.json", "pointer": "/statements"},
		{"path": "vex/fw.json", "pointer": "/statements/0"},
	} with input as bundle
	count(rule.insufficient) == 0 with input as bundle
}

test_insufficient_vex_without_statements if {
	bundle := {"documents": [_vex("csaf-vex", [])]}
	count(rule.evidence) == 0 with input as bundle
	{f.message | some f in rule.insufficient} == {concat("", [
		"the VEX document vex/fw.json holds no statements, so whether its not_affected statements say why cannot be ",
		"checked; assess the known vulnerabilities of the product's components and record each assessment as a statement",
	])} with input as bundle
}

test_fail_placeholder_impact_statement if {
	# "n/a" explains nothing: without a justification label the statement still does not say why.
	findings := rule.report with input as {"documents": [_vex("openvex", [_statement({"impact_statement": "n/a"})])]}
	{f.pointer | some f in findings} == {"/statements/0"}
}
