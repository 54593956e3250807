package annexlint.rules.cra["declaration-of-conformity_test"]

import data.annexlint.rules.cra["declaration-of-conformity"] as rule

_product := {
	"name": "Integration Hub",
	"version": "3.2.0",
	"manufacturer": {"name": "Example Health IT GmbH"},
	"framework": "CRA",
	"classification": "important-class-I",
	"placed_on_market": "2028-02-01",
	"conformity_assessment": {
		"route": "eu-type-examination",
		"harmonised_standards": [{"reference": "EN 40000-1-2:2026", "applied": "part"}],
		"notified_body": {"name": "Example Cert GmbH", "number": "0123"},
	},
}

_doc := {
	"kind": "eu-declaration-of-conformity",
	"product": {"name": "Integration Hub", "type": "software", "version": "3.2.0"},
	"manufacturer": {"name": "Example Health IT GmbH", "address": "Hafenstrasse 1, 20457 Hamburg, Germany"},
	"sole_responsibility": "This declaration of conformity is issued under the sole responsibility of the manufacturer.",
	"object": "Integration Hub version 3.2.0, software, identified by its SBOM serial number urn:uuid:1234",
	"conformity_statement": "The object of the declaration described above is in conformity with Regulation (EU) 2024/2847.",
	"references": [{"reference": "EN 40000-1-2:2026", "applied": "part"}],
	"notified_body": {"name": "Example Cert GmbH", "number": "0123", "procedure": "EU-type examination (module B)", "certificate": "EC-2028-0456"},
	"signature": {"signed_for": "Example Health IT GmbH", "place": "Hamburg", "date": "2028-01-20", "name": "Dr. A. Example", "function": "Managing Director"},
}

_input(doc) := {
	"manifest": {"path": "annexlint.yaml", "content": {"product": _product}},
	"documents": [{"type": "eu-declaration-of-conformity", "path": "conformity/declaration.yaml", "content": doc}],
}

test_success_complete_declaration if {
	count(rule.report) == 0 with input as _input(_doc)
	rule.evidence == {{"path": "conformity/declaration.yaml", "pointer": ""}} with input as _input(_doc)
	count(rule.insufficient) == 0 with input as _input(_doc)
}

test_fail_placeholder_sole_responsibility if {
	rule.report == {{
		"path": "conformity/declaration.yaml",
		"pointer": "/sole_responsibility",
		"message": "the EU declaration of conformity lacks the statement that the declaration is issued under the sole responsibility of the manufacturer (Annex V point 3); add sole_responsibility as signed",
	}} with input as _input(object.union(_doc, {"sole_responsibility": "TBD"}))
}

test_fail_points_missing if {
	doc := object.remove(_doc, ["product", "manufacturer", "object", "signature"])
	{f.pointer | some f in rule.report} == {"/product", "/manufacturer", "/object", "/signature", "/notified_body"} with input as _input(object.remove(doc, ["notified_body"]))
}

test_fail_statement_without_the_cra if {
	doc := object.union(_doc, {"conformity_statement": "The product conforms to the relevant Union harmonisation legislation."})
	{f.message | some f in rule.report} == {"the conformity statement of the EU declaration of conformity does not name Regulation (EU) 2024/2847 (Annex V point 5); name the Cyber Resilience Act the product conforms to"} with input as _input(doc)
}

test_fail_incomplete_signature if {
	doc := object.union(_doc, {"signature": {"signed_for": "Example Health IT GmbH", "place": "Hamburg", "date": "2028-01-20", "name": "", "function": "n/a"}})
	rule.report == {{
		"path": "conformity/declaration.yaml",
		"pointer": "/signature",
		"message": "the signature block of the EU declaration of conformity lacks the signatory's function, the signatory's name; complete it as signed: on whose behalf, place and date of issue, name and function of the signatory",
	}} with input as _input(doc)
}

test_fail_signed_after_placing if {
	doc := object.union(_doc, {"signature": object.union(_doc.signature, {"date": "2028-03-01"})})
	{f.pointer | some f in rule.report} == {"/signature/date"} with input as _input(doc)
}

test_fail_other_product_and_manufacturer if {
	doc := object.union(_doc, {"product": {"name": "Integration Hub Lite", "version": "1.0"}, "manufacturer": {"name": "Other GmbH", "address": "Berlin"}})
	{f.pointer | some f in rule.report} == {"/product/name", "/manufacturer/name"} with input as _input(doc)
}

test_success_authorised_representative if {
	doc := object.union(_doc, {"manufacturer": {"name": "EU Rep B.V.", "address": "Amsterdam", "authorised_representative": true}})
	count(rule.report) == 0 with input as _input(doc)
}

test_fail_standard_not_referenced if {
	doc := object.union(_doc, {"references": []})
	rule.report == {{
		"path": "conformity/declaration.yaml",
		"pointer": "/references",
		"message": "the manifest says EN 40000-1-2:2026 was applied, but the EU declaration of conformity does not refer to it (Annex V point 6); list it under references, with applied: full or part",
		"related": [{"path": "annexlint.yaml", "pointer": "/product/conformity_assessment/harmonised_standards/0", "message": "applied here"}],
	}} with input as _input(doc)
}

test_fail_notified_body_missing if {
	doc := object.union(object.remove(_doc, ["notified_body"]), {"notified_body": {"name": "Example Cert GmbH"}})
	{f.message | some f in rule.report} == {"a notified body took part in the conformity assessment (eu-type-examination), but the EU declaration of conformity does not give its number, certificate (Annex V point 7); add the notified body's name and number, the procedure it performed and the certificate it issued"} with input as _input(doc)
}

test_insufficient_without_a_declaration if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": _product}}, "documents": []}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	{f.pointer | some f in rule.insufficient} == {"/documents"} with input as bundle
}
