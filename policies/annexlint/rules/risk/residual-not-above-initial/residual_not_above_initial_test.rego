package annexlint.rules.risk["residual-not-above-initial_test"]

import data.annexlint.rules.risk["residual-not-above-initial"] as rule

_criteria := {"scale": ["low", "medium", "high"], "acceptable": ["low"]}

_input(threats) := {"manifest": {"path": "annexlint.yaml", "content": {}}, "documents": [{
	"type": "security-risk-file", "path": "risk.yaml",
	"content": {"acceptance_criteria": _criteria, "threats": threats},
}]}

test_fail_residual_above_initial_without_reason if {
	findings := rule.report with input as _input([
		{"id": "T-1", "initial_risk": "medium", "residual_risk": "high"},
		{"id": "T-2", "initial_risk": "low", "residual_risk": "medium", "residual_risk_rationale": "TBD"},
	])
	findings == {
		{
			"path": "risk.yaml",
			"pointer": "/threats/0/residual_risk",
			"message": concat("", [
				"threat \"T-1\" has residual risk \"high\", higher than its initial risk \"medium\", and does not say why; ",
				"correct the ratings, or explain under residual_risk_rationale how the controls raise the risk and ",
				"analyse that risk",
			]),
		},
		{
			"path": "risk.yaml",
			"pointer": "/threats/1/residual_risk",
			"message": concat("", [
				"threat \"T-2\" has residual risk \"medium\", higher than its initial risk \"low\", and does not say why; ",
				"correct the ratings, or explain under residual_risk_rationale how the controls raise the risk and ",
				"analyse that risk",
			]),
		},
	}
}

test_success_residual_at_or_below_initial_or_explained if {
	inp := _input([
		{"id": "T-1", "initial_risk": "high", "residual_risk": "low"},
		{"id": "T-2", "initial_risk": "low", "residual_risk": "low"},
		{"id": "T-3", "initial_risk": "low", "residual_risk": "medium", "residual_risk_rationale": "The lockout control lets an attacker block a legitimate user; analysed as T-7."},
		{"id": "T-4", "initial_risk": "low"},
	])
	count(rule.report) == 0 with input as inp
	rule.evidence == {
		{"path": "risk.yaml", "pointer": "/threats/0"},
		{"path": "risk.yaml", "pointer": "/threats/1"},
		{"path": "risk.yaml", "pointer": "/threats/2"},
	} with input as inp
}

test_insufficient_no_threats if {
	inp := _input([])
	count(rule.evidence) == 0 with input as inp
	{[f.path, f.pointer] | some f in rule.insufficient} == {["risk.yaml", "/threats"]} with input as inp
}
