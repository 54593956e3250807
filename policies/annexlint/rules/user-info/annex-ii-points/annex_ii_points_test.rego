package annexlint.rules["user-info"]["annex-ii-points_test"]

import data.annexlint.rules["user-info"]["annex-ii-points"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}}

_complete := {
	"kind": "user-security-information",
	"manufacturer": {"name": "Acme GmbH", "address": "Hauptstr. 1, 10115 Berlin", "email": "support@acme.example"},
	"disclosure_policy_url": "https://acme.example/security/disclosure",
	"product_identification": {"name": "Acme Gateway", "type": "installable software", "version": "2.0.0"},
	"intended_purpose": "Forwards sensor data from the ward network to the hospital data platform.",
	"security_environment": "A segmented hospital server network, administered by the hospital IT department.",
	"security_properties": "Mutually authenticated TLS 1.3 on every connection; signed updates; audit log.",
	"significant_risks": ["Exposing the admin console to the internet lets attackers guess passwords."],
	"declaration_of_conformity_url": "https://acme.example/doc/gateway-2.0.pdf",
	"support_type": "Security updates and advisories, free of charge.",
	"data_security_changes": "Changing the TLS settings or adding plug-ins can expose forwarded data; see chapter 7.",
	"decommissioning": "Run 'gw wipe' to erase keys and buffered data, then revoke the gateway's certificate.",
	"sbom_access": {"shared": false},
}

_info(content) := {"type": "user-security-information", "path": "docs/security-information.yaml", "content": content}

test_fail_decommissioning_missing if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [_info(object.remove(_complete, ["decommissioning"]))]}
	findings == {{
		"path": "docs/security-information.yaml",
		"pointer": "",
		"message": concat("", [
			"the user security information docs/security-information.yaml does not state CRA Annex II point 8(d), ",
			"how to decommission the product securely and remove user data (decommissioning); ",
			"add it as the information given to users says it",
		]),
	}}
}

test_success_every_point_stated if {
	count(rule.report) == 0 with input as {"manifest": _manifest, "documents": [_info(_complete)]}
}

test_fail_placeholder_points_at_the_field if {
	content := object.union(_complete, {"manufacturer": {"name": "Acme GmbH", "address": "TBD", "email": "n/a"}})
	findings := rule.report with input as {"manifest": _manifest, "documents": [_info(content)]}
	findings == {{
		"path": "docs/security-information.yaml",
		"pointer": "/manufacturer/address",
		"message": concat("", [
			"the user security information docs/security-information.yaml does not state CRA Annex II point 1, ",
			"the manufacturer's name, postal address and e-mail or other digital contact ",
			"(manufacturer.address, manufacturer.email); add it as the information given to users says it",
		]),
	}}
}

test_fail_risks_with_a_placeholder if {
	content := object.union(_complete, {"significant_risks": ["Exposing the console to the internet.", "TODO"]})
	[f] := [f | some f in rule.report] with input as {"manifest": _manifest, "documents": [_info(content)]}
	f.pointer == "/significant_risks"
	contains(f.message, "CRA Annex II point 5")
}

test_fail_no_risks if {
	[f] := [f | some f in rule.report] with input as {"manifest": _manifest, "documents": [_info(object.remove(_complete, ["significant_risks"]))]}
	f.pointer == ""
	contains(f.message, "CRA Annex II point 5")
}

test_fail_declaration_address_not_a_url if {
	content := object.union(_complete, {"declaration_of_conformity_url": "on request from regulatory affairs"})
	findings := rule.report with input as {"manifest": _manifest, "documents": [_info(content)]}
	findings == {{
		"path": "docs/security-information.yaml",
		"pointer": "/declaration_of_conformity_url",
		"message": concat("", [
			"the user security information docs/security-information.yaml gives \"on request from regulatory affairs\" ",
			"as where the EU declaration of conformity can be accessed (CRA Annex II point 6), which is not an internet ",
			"address; give its https URL",
		]),
	}}
}

test_fail_automatic_updates_without_opt_out if {
	plan := {"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {"delivery": {"automatic": true}}}
	[f] := [f | some f in rule.report] with input as {"manifest": _manifest, "documents": [_info(_complete), plan]}
	contains(f.message, "point 8(e)")
}

test_success_manual_updates_need_no_opt_out if {
	plan := {"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {"delivery": {"automatic": false}}}
	count(rule.report) == 0 with input as {"manifest": _manifest, "documents": [_info(_complete), plan]}
}

test_fail_component_without_integrator_information if {
	manifest := {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA", "integration_component": true}}}
	[f] := [f | some f in rule.report] with input as {"manifest": manifest, "documents": [_info(_complete)]}
	contains(f.message, "point 8(f)")
	count(rule.report) == 0 with input as {"manifest": manifest, "documents": [_info(object.union(_complete, {"integrator_information": "Integration manual IM-2, chapters 3-5."}))]}
}

test_fail_sbom_sharing_unstated_or_without_location if {
	[f] := [f | some f in rule.report] with input as {"manifest": _manifest, "documents": [_info(object.remove(_complete, ["sbom_access"]))]}
	contains(f.message, "point 9, sbom_access.shared")
	[g] := [g | some g in rule.report] with input as {"manifest": _manifest, "documents": [_info(object.union(_complete, {"sbom_access": {"shared": true}}))]}
	g.pointer == "/sbom_access"
	contains(g.message, "sbom_access.location")
}

test_evidence_and_insufficient if {
	count(rule.evidence) == 10 with input as {"manifest": _manifest, "documents": [_info(_complete)]}
	count(rule.evidence) == 0 with input as {"manifest": _manifest, "documents": [_info({"kind": "user-security-information"})]}
	[f] := [f | some f in rule.insufficient] with input as {"manifest": _manifest, "documents": []}
	f.pointer == "/documents"
}
