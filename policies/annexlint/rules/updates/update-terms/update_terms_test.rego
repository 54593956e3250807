package annexlint.rules.updates["update-terms_test"]

import data.annexlint.rules.updates["update-terms"] as rule

_input(delivery) := {
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}},
	"documents": [{"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {
		"kind": "security-update-plan",
		"delivery": object.union({"mechanism": "app store", "integrity": "signed"}, delivery),
	}}],
}

_good := {"free_of_charge": true, "security_updates_separate": true, "automatic": true, "automatic_opt_out": true}

test_success_free_separate_automatic_with_opt_out if {
	count(rule.report) == 0 with input as _input(_good)
	rule.evidence == {{"path": "security/update-plan.yaml", "pointer": "/delivery"}} with input as _input(_good)
}

test_success_reasons_stand_in_for_each_term if {
	count(rule.report) == 0 with input as _input({
		"charge_agreement": "framework contract FC-2028-17 with the hospital group, clause 9 (tailor-made build)",
		"separation_rationale": "the certified image is flashed whole; a security-only image would need a new safety approval",
		"automatic_rationale": "the controller runs a production line; updates are installed by the operator in maintenance windows",
	})
}

test_fail_nothing_stated_is_one_finding if {
	findings := rule.report with input as _input({})
	findings == {{
		"path": "security/update-plan.yaml",
		"pointer": "/delivery",
		"message": concat("", [
			"the security update plan does not state that security updates are free of charge (delivery.free_of_charge), ",
			"nor that they ship separately from feature updates (delivery.security_updates_separate), nor that they ",
			"install automatically by default (delivery.automatic); state it, or, for a tailor-made product whose ",
			"business user agreed otherwise, name that agreement in delivery.charge_agreement; ship them separately, or ",
			"explain in delivery.separation_rationale why that is not technically feasible for this product; make that ",
			"the default setting, or explain in delivery.automatic_rationale why automatic updates do not apply to this ",
			"product",
		]),
	}}
}

test_fail_not_free if {
	findings := rule.report with input as _input(object.union(_good, {"free_of_charge": false}))
	findings == {{
		"path": "security/update-plan.yaml",
		"pointer": "/delivery",
		"message": concat("", [
			"the security update plan does not state that security updates are free of charge (delivery.free_of_charge); ",
			"state it, or, for a tailor-made product whose business user agreed otherwise, name that agreement in ",
			"delivery.charge_agreement",
		]),
	}}
}

test_fail_placeholder_rationale_explains_nothing if {
	findings := rule.report with input as _input(object.union(_good, {
		"security_updates_separate": false,
		"separation_rationale": "TBD",
	}))
	[f] := [f | some f in findings]
	contains(f.message, "they ship separately from feature updates")
}

test_fail_automatic_without_opt_out if {
	findings := rule.report with input as _input(object.remove(_good, ["automatic_opt_out"]))
	findings == {{
		"path": "security/update-plan.yaml",
		"pointer": "/delivery/automatic",
		"message": concat("", [
			"security updates install automatically, but the security update plan does not state that users can opt ",
			"out of them (delivery.automatic_opt_out); provide a clear and easy way to turn automatic updates off and ",
			"record it",
		]),
	}}
}

test_success_malformed_delivery_raises_no_error if {
	bundle := {
		"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}},
		"documents": [{"type": "security-update-plan", "path": "p.yaml", "content": {"delivery": "signed"}}],
	}
	count(rule.evidence) == 0 with input as bundle
}

test_insufficient_no_plan if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}}, "documents": []}
	count(rule.report) == 0 with input as bundle
	[f] := [f | some f in rule.insufficient] with input as bundle
	f.pointer == "/documents"
}
