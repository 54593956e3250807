package annexlint.rules.updates["support-end-consistent_test"]

import data.annexlint.rules.updates["support-end-consistent"] as rule

_manifest(end) := {"path": "annexlint.yaml", "content": {"product": {"name": "VF Service app", "support_period_end": end}}}

_plan(end) := {"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {"support_period_end": end}}

_info(text) := {"type": "user-security-information", "path": "docs/security-information.yaml", "content": {"end_of_support": text}}

_related := [{"path": "annexlint.yaml", "pointer": "/product/support_period_end", "message": "the manifest's end of the support period"}]

_fix := "give the same end of the support period, with at least month and year, in the manifest, the update plan and the user information"

test_fail_plan_disagrees if {
	findings := rule.report with input as {"manifest": _manifest("2031-12-31"), "documents": [_plan("2030-12-31"), _info("until 31 December 2031")]}
	findings == {{
		"path": "security/update-plan.yaml",
		"pointer": "/support_period_end",
		"message": concat("", [
			"the update plan security/update-plan.yaml ends the support period on 2030-12-31, but annexlint.yaml gives ",
			"2031-12-31; ", _fix,
		]),
		"related": _related,
	}}
}

test_fail_user_information_disagrees if {
	findings := rule.report with input as {"manifest": _manifest("2031-12-31"), "documents": [_plan("2031-12-15"), _info("Security updates until November 2031.")]}
	findings == {{
		"path": "docs/security-information.yaml",
		"pointer": "/end_of_support",
		"message": concat("", [
			"the user information docs/security-information.yaml states the end of support as \"Security updates until ",
			"November 2031.\", but annexlint.yaml gives 2031-12-31; ", _fix,
		]),
		"related": _related,
	}}
}

test_fail_no_month_and_year if {
	findings := rule.report with input as {"manifest": _manifest("2031-12-31"), "documents": [_info("for at least five years")]}
	findings == {{
		"path": "docs/security-information.yaml",
		"pointer": "/end_of_support",
		"message": concat("", [
			"the user information docs/security-information.yaml states the end of support as \"for at least five years\", ",
			"without a month and year; state the end date of the support period with at least month and year (for example ",
			"\"31 December 2031\")",
		]),
	}}
}

test_success_same_month_in_several_forms if {
	every text in ["until 31 December 2031", "until Dec. 2031", "bis 31.12.2031", "until 12/2031", "until 2031-12", "until December 31, 2031"] {
		count(rule.report) == 0 with input as {"manifest": _manifest("2031-12-31"), "documents": [_plan("2031-12-01"), _info(text)]}
	}
	rule.evidence == {
		{"path": "annexlint.yaml", "pointer": "/product/support_period_end"},
		{"path": "security/update-plan.yaml", "pointer": "/support_period_end"},
		{"path": "docs/security-information.yaml", "pointer": "/end_of_support"},
	} with input as {"manifest": _manifest("2031-12-31"), "documents": [_plan("2031-12-01"), _info("until 31 December 2031")]}
}

test_success_plan_is_the_reference_without_manifest_date if {
	manifest := {"path": "annexlint.yaml", "content": {"product": {"name": "x"}}}
	count(rule.report) == 0 with input as {"manifest": manifest, "documents": [_plan("2031-12-31"), _info("December 2031")]}
}

test_no_evidence_with_the_manifest_alone if {
	count(rule.evidence) == 0 with input as {"manifest": _manifest("2031-12-31"), "documents": []}
}
