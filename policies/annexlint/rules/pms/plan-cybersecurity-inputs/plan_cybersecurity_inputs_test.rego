package annexlint.rules.pms["plan-cybersecurity-inputs_test"]

import data.annexlint.rules.pms["plan-cybersecurity-inputs"] as rule

_plan := {
	"reference": "PMS-PLAN-VF300 rev. C",
	"risk_file": "security/risk-file.yaml",
	"sources": [
		{"type": "vulnerability-monitoring", "description": "daily Grype scan of the firmware SBOM against NVD, GHSA and the CISA KEV"},
		{"type": "complaints", "description": "service desk tickets and complaints, triaged weekly by the PSIRT"},
	],
	"corrective_actions": "CAPA per SOP-CAPA-001, opened by the PMS board",
	"traceability": "installed base register: serial number to firmware version, read from the gateway",
}

_input(plan) := {
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR", "classification": "IIb"}}},
	"files": {},
	"documents": [
		{"type": "security-risk-file", "path": "security/risk-file.yaml", "content": {}},
		{"type": "post-market-surveillance", "path": "security/pms.yaml", "content": {"kind": "post-market-surveillance", "plan": plan}},
	],
}

test_fail_no_vulnerability_monitoring if {
	findings := rule.report with input as _input(object.union(_plan, {"sources": [_plan.sources[1]]}))
	findings == {{
		"path": "security/pms.yaml", "pointer": "/plan/sources",
		"message": concat("", [
			"the PMS plan PMS-PLAN-VF300 rev. C does not collect vulnerability monitoring of the components the device ",
			"ships (feeds matched against the SBOM) (a source of type \"vulnerability-monitoring\" with a description); ",
			"add it, saying what is collected, from where and how often",
		]),
	}}
}

test_success_plan_covers_cybersecurity if {
	count(rule.report) == 0 with input as _input(_plan)
	count(rule.insufficient) == 0 with input as _input(_plan)
	rule.evidence == {{"path": "security/pms.yaml", "pointer": "/plan"}} with input as _input(_plan)
}

test_fail_placeholder_complaints_and_traceability if {
	plan := object.union(_plan, {
		"sources": [_plan.sources[0], {"type": "complaints", "description": "TBD"}],
		"traceability": "n/a",
	})
	findings := rule.report with input as _input(plan)
	{f.pointer | some f in findings} == {"/plan/sources", "/plan"}
	count(findings) == 2
}

test_fail_risk_file_not_in_bundle if {
	findings := rule.report with input as _input(object.union(_plan, {"risk_file": "security/old-risk.yaml"}))
	{f.pointer | some f in findings} == {"/plan/risk_file"}
}

test_fail_no_risk_file_named if {
	findings := rule.report with input as _input(object.remove(_plan, ["risk_file"]))
	{f.pointer | some f in findings} == {"/plan"}
	some f in findings
	contains(f.message, "(risk_file)")
}

test_fail_plan_document_missing if {
	findings := rule.report with input as _input(object.union(_plan, {"document": "pms/plan.pdf"}))
	{f.pointer | some f in findings} == {"/plan/document"}
}

test_insufficient_no_pms_document if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "IVDR"}}}, "documents": []}
	{f.pointer | some f in rule.insufficient} == {"/documents"} with input as bundle
	count(rule.evidence) == 0 with input as bundle
}

test_insufficient_hollow_plan if {
	bundle := _input({"reference": "TODO", "sources": []})
	{f.pointer | some f in rule.insufficient} == {"/plan"} with input as bundle
	count(rule.evidence) == 0 with input as bundle
}

test_success_not_a_device if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}}, "documents": []}
	count(rule.insufficient) == 0 with input as bundle
	count(rule.report) == 0 with input as bundle
}
