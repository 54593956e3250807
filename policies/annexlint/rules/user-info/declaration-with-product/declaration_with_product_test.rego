package annexlint.rules["user-info"]["declaration-with-product_test"]

import data.annexlint.rules["user-info"]["declaration-with-product"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA", "manufacturer": {"name": "Acme GmbH"}}}}

_info(content) := {"type": "user-security-information", "path": "docs/security-information.yaml", "content": object.union(
	{"kind": "user-security-information", "declaration_of_conformity_url": "https://acme.example/doc/gateway-2.pdf"},
	content,
)}

test_fail_simplified_without_the_address if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [_info({"declaration_with_product": {
		"form": "simplified",
		"text": "Hereby, Acme GmbH declares that the product with digital elements type Acme Gateway is in compliance with Regulation (EU) 2024/2847.",
	}})]}
	findings == {{
		"path": "docs/security-information.yaml",
		"pointer": "/declaration_with_product/text",
		"message": concat("", [
			"the simplified EU declaration of conformity in docs/security-information.yaml does not give the address of ",
			"the full declaration, https://acme.example/doc/gateway-2.pdf (CRA Annex VI); write it as Annex VI words it: ",
			"the manufacturer declares the product type in compliance with Regulation (EU) 2024/2847, and the full text ",
			"is at the internet address given",
		]),
	}}
}

test_success_simplified_declaration if {
	count(rule.report) == 0 with input as {"manifest": _manifest, "documents": [_info({"declaration_with_product": {
		"form": "simplified",
		"text": concat("", [
			"Hereby, Acme GmbH declares that the product with digital elements type Acme Gateway is in compliance with ",
			"Regulation (EU) 2024/2847. The full text of the EU declaration of conformity is available at the following ",
			"internet address: https://acme.example/doc/gateway-2.pdf",
		]),
	}})]}
}

test_success_full_copy if {
	count(rule.report) == 0 with input as {"manifest": _manifest, "documents": [_info({"declaration_with_product": {"form": "full"}})]}
}

test_fail_form_not_stated if {
	[f] := [f | some f in rule.report] with input as {"manifest": _manifest, "documents": [_info({})]}
	f.pointer == ""
	contains(f.message, "declaration_with_product.form")
}

test_fail_simplified_placeholder if {
	[f] := [f | some f in rule.report] with input as {"manifest": _manifest, "documents": [_info({"declaration_with_product": {"form": "simplified", "text": "TBD"}})]}
	contains(f.message, "does not name the manufacturer Acme GmbH, nor name Regulation (EU) 2024/2847, nor give the address")
}

test_evidence_and_insufficient if {
	count(rule.evidence) == 1 with input as {"manifest": _manifest, "documents": [_info({"declaration_with_product": {"form": "full"}})]}
	count(rule.evidence) == 0 with input as {"manifest": _manifest, "documents": [_info({})]}
	[f] := [f | some f in rule.insufficient] with input as {"manifest": _manifest, "documents": []}
	f.pointer == "/documents"
}
