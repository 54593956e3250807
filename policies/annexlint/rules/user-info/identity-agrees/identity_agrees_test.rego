package annexlint.rules["user-info"]["identity-agrees_test"]

import data.annexlint.rules["user-info"]["identity-agrees"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {
	"framework": "CRA",
	"name": "Acme Gateway",
	"version": "2.0.0",
	"manufacturer": {"name": "Acme GmbH", "address": "Hauptstr. 1, 10115 Berlin, Germany"},
}}}

_info(content) := {"type": "user-security-information", "path": "docs/security-information.yaml", "content": object.union(
	{"kind": "user-security-information"},
	content,
)}

test_fail_old_address if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [_info({"manufacturer": {
		"name": "Acme GmbH",
		"address": "Gartenweg 4, 10115 Berlin, Germany",
	}})]}
	findings == {{
		"path": "docs/security-information.yaml",
		"pointer": "/manufacturer/address",
		"message": concat("", [
			"the user security information docs/security-information.yaml gives the manufacturer's postal address as ",
			"\"Gartenweg 4, 10115 Berlin, Germany\", but the manifest says \"Hauptstr. 1, 10115 Berlin, Germany\"; ",
			"users must be told the same: correct whichever is out of date",
		]),
		"related": [{"path": "annexlint.yaml", "pointer": "/product/manufacturer/address", "message": "in the manifest"}],
	}}
}

test_success_same_identity_written_differently if {
	count(rule.report) == 0 with input as {"manifest": _manifest, "documents": [_info({
		"manufacturer": {"name": "ACME GmbH", "address": "Hauptstr. 1 10115 Berlin Germany"},
		"product_identification": {"name": "Acme Gateway", "version": "2.0.0"},
	})]}
}

test_fail_other_version if {
	[f] := [f | some f in rule.report] with input as {"manifest": _manifest, "documents": [_info({"product_identification": {"name": "Acme Gateway", "version": "1.9.0"}})]}
	f.pointer == "/product_identification/version"
}

test_fail_declaration_names_another_manufacturer if {
	doc := {"type": "eu-declaration-of-conformity", "path": "conformity/doc.yaml", "content": {"manufacturer": {"name": "Acme Holding AG"}}}
	[f] := [f | some f in rule.report] with input as {"manifest": _manifest, "documents": [_info({"manufacturer": {"name": "Acme GmbH"}}), doc]}
	f.related == [{"path": "conformity/doc.yaml", "pointer": "/manufacturer/name", "message": "in the declaration"}]
	rep := {"type": "eu-declaration-of-conformity", "path": "conformity/doc.yaml", "content": {"manufacturer": {"name": "Acme Holding AG", "authorised_representative": true}}}
	count(rule.report) == 0 with input as {"manifest": _manifest, "documents": [_info({"manufacturer": {"name": "Acme GmbH"}}), rep]}
}

test_evidence_and_insufficient if {
	rule.evidence == {{"path": "docs/security-information.yaml", "pointer": "/product_identification/name"}} with input as {"manifest": _manifest, "documents": [_info({"product_identification": {"name": "Acme Gateway", "version": "TBD"}})]}
	[f] := [f | some f in rule.insufficient] with input as {"manifest": _manifest, "documents": [_info({})]}
	f.path == "docs/security-information.yaml"
}
