package annexlint.rules.cra["standards-applied_test"]

import data.annexlint.rules.cra["standards-applied"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {
	"framework": "CRA",
	"conformity_assessment": {"route": "eu-type-examination", "harmonised_standards": []},
}}}

_description(standards) := {"type": "technical-description", "path": "conformity/technical-description.yaml", "content": {
	"kind": "technical-description",
	"standards_applied": standards,
}}

_declaration(references) := {"type": "eu-declaration-of-conformity", "path": "conformity/doc.yaml", "content": {
	"kind": "eu-declaration-of-conformity",
	"references": references,
}}

test_fail_extent_differs if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [
		_description([{"reference": "IEC 62443-4-1:2018", "kind": "other-specification", "applied": "full"}]),
		_declaration([{"reference": "IEC 62443-4-1:2018, Secure product development lifecycle requirements", "applied": "part"}]),
	]}
	findings == {{
		"path": "conformity/technical-description.yaml",
		"pointer": "/standards_applied/0/applied",
		"message": concat("", [
			"the technical description conformity/technical-description.yaml says IEC 62443-4-1:2018 was applied in ",
			"full, but the EU declaration of conformity conformity/doc.yaml says in part; state the extent it was ",
			"applied to, the same in both",
		]),
		"related": [{"path": "conformity/doc.yaml", "pointer": "/references/0/applied", "message": "in the declaration"}],
	}}
}

test_success_same_everywhere if {
	count(rule.report) == 0 with input as {"manifest": _manifest, "documents": [
		_description([{"reference": "IEC 62443-4-1:2018", "kind": "other-specification", "applied": "part"}]),
		_declaration([{"reference": "IEC 62443-4-1:2018, Secure product development lifecycle requirements", "applied": "part"}]),
	]}
}

test_fail_declaration_reference_not_listed if {
	[f] := [f | some f in rule.report] with input as {"manifest": _manifest, "documents": [
		_description([]),
		_declaration([{"reference": "EN 18031-1:2024", "applied": "part"}]),
	]}
	f.pointer == "/standards_applied"
	contains(f.message, "refers to \"EN 18031-1:2024\", but the technical description")
}

test_fail_harmonised_standard_not_declared_nor_in_route if {
	findings := rule.report with input as {"manifest": _manifest, "documents": [
		_description([{"reference": "EN 40000-1-2:2027", "kind": "harmonised-standard", "applied": "full"}]),
		_declaration([]),
	]}
	count(findings) == 2
	every f in findings {
		f.pointer == "/standards_applied/0"
	}
}

test_fail_route_basis_not_listed if {
	manifest := {"path": "annexlint.yaml", "content": {"product": {
		"framework": "CRA",
		"conformity_assessment": {"route": "internal-control", "harmonised_standards": [{"reference": "EN 40000-1-2:2027", "applied": "full"}]},
	}}}
	[f] := [f | some f in rule.report] with input as {"manifest": manifest, "documents": [
		_description([{"reference": "EN 40000-1-2:2027", "kind": "harmonised-standard", "applied": "part"}]),
		_declaration([{"reference": "EN 40000-1-2:2027", "applied": "part"}]),
	]}
	f.related == [{"path": "annexlint.yaml", "pointer": "/product/conformity_assessment/harmonised_standards/0", "message": "in the manifest"}]
}

test_evidence_and_insufficient if {
	count(rule.evidence) == 1 with input as {"manifest": _manifest, "documents": [
		_description([{"reference": "IEC 62443-4-1:2018", "kind": "other-specification", "applied": "part"}]),
		_declaration([]),
	]}
	[f] := [f | some f in rule.insufficient] with input as {"manifest": _manifest, "documents": [_description([])]}
	contains(f.message, "no EU declaration of conformity")
}
