package annexlint.rules.pms["trend-reporting_test"]

import data.annexlint.rules.pms["trend-reporting"] as rule

_trend := {
	"method": "monthly counts per indicator on a c-chart; an increase beyond the 3-sigma limit is significant",
	"observation_period_months": 12,
	"indicators": [
		{"name": "occlusion alarms without occlusion", "threshold": "baseline 0.4 per 1000 pump-days; 3-sigma"},
		{"name": "rejected firmware or drug-library signatures", "security": true, "threshold": "baseline 2 per month; 3-sigma"},
	],
}

_input(trend) := {
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR"}}},
	"documents": [{"type": "post-market-surveillance", "path": "security/pms.yaml", "content": {
		"kind": "post-market-surveillance",
		"plan": {"reference": "PMS-PLAN-VF300 rev. C", "trend_reporting": trend},
	}}],
}

test_fail_no_security_indicator if {
	findings := rule.report with input as _input(object.union(_trend, {"indicators": [_trend.indicators[0]]}))
	findings == {{
		"path": "security/pms.yaml", "pointer": "/plan/trend_reporting",
		"message": concat("", [
			"the PMS plan's trend reporting has no indicator of security events with a threshold (an indicator with ",
			"security: true), so a rise in attacks that have not yet harmed anyone would go unseen; add one, e.g. failed ",
			"authentications at the service port or rejected update images per month, with its baseline and threshold",
		]),
	}}
}

test_success_trend_method_with_security_indicator if {
	count(rule.report) == 0 with input as _input(_trend)
	count(rule.insufficient) == 0 with input as _input(_trend)
	count(rule.evidence) == 1 with input as _input(_trend)
}

test_fail_method_and_period_missing if {
	findings := rule.report with input as _input(object.remove(_trend, ["method", "observation_period_months"]))
	count(findings) == 2
	every f in findings {
		f.pointer == "/plan/trend_reporting"
	}
}

test_fail_indicator_without_threshold if {
	findings := rule.report with input as _input(object.union(_trend, {"indicators": array.concat(_trend.indicators, [{"name": "BLE pairing failures", "threshold": "TBD"}])}))
	{f.pointer | some f in findings} == {"/plan/trend_reporting/indicators/2"}
}

test_insufficient_no_trend_reporting if {
	bundle := _input(null)
	{f.pointer | some f in rule.insufficient} == {"/plan"} with input as bundle
	count(rule.evidence) == 0 with input as bundle
	count(rule.report) == 0 with input as bundle
}

test_insufficient_no_pms_document if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR"}}}, "documents": []}
	{f.pointer | some f in rule.insufficient} == {"/documents"} with input as bundle
}
