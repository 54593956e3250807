package annexlint.rules.risk["residual-risk-benefit_test"]

import data.annexlint.rules.risk["residual-risk-benefit"] as rule

_threats := [
	{"id": "T-1", "title": "Spoofing", "interfaces": [], "initial_risk": "high", "residual_risk": "low"},
	{"id": "T-2", "title": "Tampering", "interfaces": [], "initial_risk": "high", "residual_risk": "medium"},
]

_riskfile(extra) := {"type": "security-risk-file", "path": "security/risk.yaml", "content": object.union(
	{"acceptance_criteria": {"scale": ["low", "medium", "high"], "acceptable": ["low"]}, "threats": _threats},
	extra,
)}

test_fail_unacceptable_residual_risk_without_statement if {
	findings := rule.report with input as {"documents": [_riskfile({})]}
	findings == {{
		"path": "security/risk.yaml",
		"pointer": "/threats/1/residual_risk",
		"message": concat("", [
			"threat \"T-2\" keeps residual risk \"medium\", which the acceptance criteria do not accept, and the risk ",
			"file has no benefit-risk statement; reduce the risk further or document under benefit_risk why the ",
			"benefit outweighs it",
		]),
	}}
}

test_fail_blank_statement if {
	count(rule.report) == 1 with input as {"documents": [_riskfile({"benefit_risk": {"statement": " "}})]}
}

# T-2's entry as compact JSON with sorted keys hashes to this digest (checked with Python's hashlib and json.dumps
# with sort_keys and compact separators).
_t2_digest := "fe0d350f80be76e26534bf4711e582ad48fb064de7cf98ec3ace86243bbc6927"

test_success_benefit_risk_statement if {
	count(rule.report) == 0 with input as {"documents": [_riskfile({"benefit_risk": {
		"statement": "The clinical benefit of remote titration outweighs the residual tampering risk.",
		"accepted_by": "Head of Clinical Affairs",
		"date": "2026-10-01",
		"threats": [{"id": "T-2", "sha256": upper(_t2_digest)}],
	}})]}
}

_statement := {
	"statement": "The clinical benefit of remote titration outweighs the residual tampering risk.",
	"accepted_by": "Head of Clinical Affairs",
	"date": "2026-10-01",
}

test_fail_acceptance_does_not_name_threat if {
	findings := rule.report with input as {"documents": [_riskfile({"benefit_risk": _statement})]}
	findings == {{
		"path": "security/risk.yaml",
		"pointer": "/benefit_risk",
		"message": concat("", [
			"the benefit-risk acceptance does not name threat \"T-2\" (residual risk \"medium\") among the threats it ",
			"covers; once the acceptance has been reviewed for it, add {id: T-2, sha256: ", _t2_digest, "} under ",
			"benefit_risk.threats",
		]),
	}}
}

# The threat was edited after the acceptance (its residual risk was rated low then, say): the digest no longer
# matches, so the acceptance does not cover it.
test_fail_threat_changed_after_acceptance if {
	stale := "0000000000000000000000000000000000000000000000000000000000000000"
	findings := rule.report with input as {"documents": [_riskfile({"benefit_risk": object.union(_statement, {"threats": [
		{"id": "T-2", "sha256": stale},
		{"id": "T-1"},
		{"id": "T-9", "sha256": stale},
	]})})]}
	findings == {
		{
			"path": "security/risk.yaml",
			"pointer": "/benefit_risk/threats/0/sha256",
			"message": concat("", [
				"threat \"T-2\" changed after the benefit-risk acceptance: it was accepted as sha256 ", stale, ", its entry ",
				"is now ", _t2_digest, "; review whether the benefit still outweighs its residual risk and record the ",
				"new digest, or reduce the risk",
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/benefit_risk/threats/1",
			"message": concat("", [
				"the benefit-risk acceptance names threat \"T-1\" without the digest of the entry it accepted, so a later ",
				"change to the threat cannot be told; record sha256: ",
				rule.digest(_threats[0]),
				" once the acceptance has been reviewed for it",
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/benefit_risk/threats/2/id",
			"message": concat("", [
				"the benefit-risk acceptance names threat \"T-9\", which is not in the risk file; correct the ID, or ",
				"remove the entry if the threat was removed",
			]),
		},
	}
}

test_success_all_residual_risks_acceptable if {
	count(rule.report) == 0 with input as {"documents": [_riskfile({
		"acceptance_criteria": {"acceptable": ["low", "medium"]},
	})]}
}

test_fail_acceptance_not_recorded if {
	findings := rule.report with input as {"documents": [_riskfile({"benefit_risk": {
		"statement": "The clinical benefit of remote titration outweighs the residual tampering risk.",
		"date": "January 2026",
		"threats": [{"id": "T-2", "sha256": _t2_digest}],
	}})]}
	findings == {{
		"path": "security/risk.yaml",
		"pointer": "/benefit_risk",
		"message": concat("", [
			"the benefit-risk statement covers residual risks the acceptance criteria do not accept (T-2) but does ",
			"not record who accepted them (accepted_by) or when (date); record the acceptance: the person or ",
			"function who accepted the residual risks and the date",
		]),
	}}
}

test_evidence_names_threats_criteria_and_statement if {
	inp := {"documents": [_riskfile({"benefit_risk": {"statement": "benefit outweighs", "accepted_by": "CMO", "date": "2026-01-02"}})]}
	rule.evidence == {
		{"path": "security/risk.yaml", "pointer": "/acceptance_criteria"},
		{"path": "security/risk.yaml", "pointer": "/benefit_risk"},
		{"path": "security/risk.yaml", "pointer": "/threats/0"},
		{"path": "security/risk.yaml", "pointer": "/threats/1"},
	} with input as inp
	count(rule.insufficient) == 0 with input as inp
}

test_insufficient_hollow_risk_files if {
	none := {"documents": [_riskfile({"threats": []})]}
	count(rule.evidence) == 0 with input as none
	count(rule.report) == 0 with input as none
	{[f.pointer, contains(f.message, "lists no threats")] | some f in rule.insufficient} == {["/threats", true]} with input as none
	nocriteria := {"documents": [{"type": "security-risk-file", "path": "r.yaml", "content": {"threats": _threats}}]}
	count(rule.evidence) == 0 with input as nocriteria
	count(rule.report) == 0 with input as nocriteria
	{[f.pointer, contains(f.message, "states no acceptance criteria")] | some f in rule.insufficient} == {["", true]} with input as nocriteria
}

test_insufficient_no_risk_file if {
	inp := {"manifest": {"path": "annexlint.yaml", "content": {}}, "documents": []}
	count(rule.evidence) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["annexlint.yaml", "/documents"]} with input as inp
}
