package annexlint.rules.cvd["information-sharing_test"]

import data.annexlint.rules.cvd["information-sharing"] as rule

_input(sharing) := {
	"manifest": {"path": "annexlint.yaml", "content": {}},
	"documents": [{"type": "disclosure-policy", "path": "policies/disclosure.yaml", "content": {
		"kind": "disclosure-policy",
		"contact": {"email": "psirt@example.com"},
		"information_sharing": sharing,
	}}],
}

test_fail_upstream_reporting_not_described if {
	findings := rule.report with input as _input({"third_party_components": "TBD"})
	findings == {{
		"path": "policies/disclosure.yaml",
		"pointer": "/information_sharing/third_party_components",
		"message": concat("", [
			"the disclosure policy does not say how a vulnerability found in a third-party component of the product is ",
			"reported to the component's maintainer (information_sharing.third_party_components); describe how it is ",
			"reported upstream and how a fix is shared with the maintainer",
		]),
	}}
}

test_success_upstream_reporting_described if {
	sharing := {
		"third_party_components": "The PSIRT reports to the project's security contact (SECURITY.md, GitHub private vulnerability reporting) within 5 working days and offers its patch.",
		"coordinators": "CERT-Bund coordinates cases that concern several vendors.",
	}
	count(rule.report) == 0 with input as _input(sharing)
	rule.evidence == {{"path": "policies/disclosure.yaml", "pointer": "/information_sharing/third_party_components"}} with input as _input(sharing)
}

test_fail_no_section_points_at_the_policy if {
	inp := {"manifest": {"path": "annexlint.yaml", "content": {}}, "documents": [{
		"type": "disclosure-policy", "path": "policies/disclosure.yaml",
		"content": {"kind": "disclosure-policy", "contact": {}},
	}]}
	{f.pointer | some f in rule.report} == {""} with input as inp
	{f.pointer | some f in rule.report} == {"/information_sharing"} with input as _input({})
}

test_fail_placeholder_coordinators if {
	findings := rule.report with input as _input({"third_party_components": "Reported to the maintainer's security contact.", "coordinators": "n/a"})
	findings == {{
		"path": "policies/disclosure.yaml",
		"pointer": "/information_sharing/coordinators",
		"message": concat("", [
			"the disclosure policy's information_sharing.coordinators is \"n/a\", which names no coordinator; say which ",
			"CSIRTs or coordinators take part in multi-vendor cases and how, or leave the field out",
		]),
	}}
}

test_success_no_policy_is_insufficient_evidence if {
	inp := {"manifest": {"path": "annexlint.yaml", "content": {}}, "documents": []}
	count(rule.report) == 0 with input as inp
	count(rule.evidence) == 0 with input as inp
	count(rule.insufficient) == 1 with input as inp
}
