package annexlint.rules.risk["cvss-score_test"]

import data.annexlint.rules.risk["cvss-score"] as rule

_riskfile(threats) := {"type": "security-risk-file", "path": "security/risk.yaml", "content": {"threats": threats}}

_v31 := "CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H"

_v31_env := "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/CR:L/IR:L/AR:L"

_derived := {"cvss": {
	_v31: {"valid": true, "version": "3.1", "base_score": 6.8, "score": 6.8, "severity": "Medium"},
	_v31_env: {"valid": true, "version": "3.1", "base_score": 9.8, "score": 8.0, "severity": "Critical"},
	"CVSS:3.1/AV:X": {"valid": false, "error": "metric AV has invalid value \"X\" (allowed: N, A, L, P) at byte 9"},
}}

test_fail_invalid_vector if {
	findings := rule.report with input as {"derived": _derived, "documents": [_riskfile([
		{"id": "T-1", "title": "Spoofing", "interfaces": [], "cvss": "CVSS:3.1/AV:X"},
	])]}
	findings == {{
		"path": "security/risk.yaml",
		"pointer": "/threats/0/cvss",
		"message": concat("", [
			"threat \"T-1\" has CVSS vector \"CVSS:3.1/AV:X\", which is not valid: metric AV has invalid value \"X\" ",
			"(allowed: N, A, L, P) at byte 9; correct it to a CVSS 3.x or 4.0 vector ",
			"(e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H)",
		]),
	}}
}

test_fail_score_differs if {
	findings := rule.report with input as {"derived": _derived, "documents": [_riskfile([
		{"id": "T-1", "title": "Tampering", "interfaces": [], "cvss": _v31, "cvss_score": 8.1},
		{"id": "T-2", "title": "Tampering", "interfaces": [], "cvss": _v31_env, "cvss_score": 9.0},
	])]}
	findings == {
		{
			"path": "security/risk.yaml",
			"pointer": "/threats/0/cvss_score",
			"message": concat("", [
				"threat \"T-1\" states cvss_score 8.1, but its vector ", _v31, " computes to 6.8 (Medium); ",
				"correct the score or the vector so that they agree",
			]),
		},
		{
			"path": "security/risk.yaml",
			"pointer": "/threats/1/cvss_score",
			"message": concat("", [
				"threat \"T-2\" states cvss_score 9.0, but its vector ", _v31_env, " computes to base score 9.8 ",
				"(Critical), 8.0 with its temporal/environmental metrics; correct the score or the vector so that they agree",
			]),
		},
	}
}

test_fail_score_without_vector if {
	findings := rule.report with input as {"derived": _derived, "documents": [_riskfile([
		{"id": "T-1", "title": "Tampering", "interfaces": [], "cvss_score": 7.5},
	])]}
	findings == {{
		"path": "security/risk.yaml",
		"pointer": "/threats/0/cvss_score",
		"message": concat("", [
			"threat \"T-1\" states cvss_score 7.5 but no cvss vector, so the score cannot be reproduced; ",
			"add the vector it was computed from",
		]),
	}}
}

test_success_scores_agree if {
	count(rule.report) == 0 with input as {"derived": _derived, "documents": [_riskfile([
		{"id": "T-1", "title": "Tampering", "interfaces": [], "cvss": _v31, "cvss_score": 6.8},
		{"id": "T-2", "title": "Tampering", "interfaces": [], "cvss": _v31_env, "cvss_score": 9.8},
		{"id": "T-3", "title": "Tampering", "interfaces": [], "cvss": _v31_env, "cvss_score": 8.0},
		{"id": "T-4", "title": "Tampering", "interfaces": [], "cvss": _v31},
		{"id": "T-5", "title": "Tampering", "interfaces": []},
	])]}
}

test_success_malformed_fields_stay_silent if {
	count(rule.report) == 0 with input as {"derived": _derived, "documents": [_riskfile([
		{"id": "T-1", "title": "Tampering", "interfaces": [], "cvss": 7, "cvss_score": "high"},
	])]}
}

_ev_riskfile(threats) := {"type": "security-risk-file", "path": "security/risk.yaml", "content": {"threats": threats}}

test_evidence_names_each_threat if {
	inp := {"derived": {"cvss": {}}, "documents": [_ev_riskfile([{"id": "T-1"}, {"id": "T-2"}])]}
	rule.evidence == {
		{"path": "security/risk.yaml", "pointer": "/threats/0"},
		{"path": "security/risk.yaml", "pointer": "/threats/1"},
	} with input as inp
	count(rule.insufficient) == 0 with input as inp
}

test_insufficient_no_threats if {
	inp := {"derived": {"cvss": {}}, "documents": [_ev_riskfile([])]}
	count(rule.evidence) == 0 with input as inp
	count(rule.report) == 0 with input as inp
	{[f.pointer, contains(f.message, "lists no threats, so no threat's exploitability rating can be checked")] | some f in rule.insufficient} == {
		["/threats", true],
	} with input as inp
}

test_insufficient_no_risk_file if {
	inp := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"interfaces": [{"id": "IF-1"}]}}}, "documents": []}
	count(rule.evidence) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["annexlint.yaml", "/documents"]} with input as inp
}
