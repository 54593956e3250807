package annexlint.rules.cra["conformity-route_test"]

import data.annexlint.rules.cra["conformity-route"] as rule

_input(classification, ca) := {"manifest": {"path": "annexlint.yaml", "content": {"product": {
	"framework": "CRA",
	"classification": classification,
	"conformity_assessment": ca,
}}}}

_full := {"route": "internal-control", "harmonised_standards": [{"reference": "EN 40000-1-2:2026", "applied": "full"}]}

_part := {"route": "internal-control", "harmonised_standards": [{"reference": "EN 40000-1-2:2026", "applied": "part", "parts": "clauses 5-7"}]}

_nb := {"name": "TÜV Example Cyber GmbH", "number": "0123"}

test_success_default_any_route if {
	count(rule.report) == 0 with input as _input("default", {"route": "internal-control"})
	rule.evidence == {{"path": "annexlint.yaml", "pointer": "/product/conformity_assessment"}} with input as _input("default", {"route": "internal-control"})
}

test_success_class_i_internal_control_with_a_standard_in_full if {
	count(rule.report) == 0 with input as _input("important-class-I", _full)
}

test_success_class_i_internal_control_with_certification if {
	count(rule.report) == 0 with input as _input("important-class-I", {"route": "internal-control", "certification": {"scheme": "EUCC"}})
}

test_fail_class_i_internal_control_with_a_standard_in_part if {
	rule.report == {{
		"path": "annexlint.yaml",
		"pointer": "/product/conformity_assessment/route",
		"message": "the product is an important product of class I (Annex III), so internal control (module A) is allowed only where harmonised standards, common specifications or a European cybersecurity certification were applied in full, and the manifest names none applied in full; apply one in full and list it with applied: full, or use modules B and C or H (Art. 32(2))",
	}} with input as _input("important-class-I", _part)
}

test_fail_class_ii_internal_control if {
	rule.report == {{
		"path": "annexlint.yaml",
		"pointer": "/product/conformity_assessment/route",
		"message": "the product is an important product of class II (Annex III), which internal control (module A) cannot assess; use EU-type examination (modules B and C), full quality assurance (module H) or a European cybersecurity certification scheme (Art. 32(3)-(4))",
	}} with input as _input("important-class-II", _full)
}

test_fail_critical_internal_control if {
	{f.message | some f in rule.report} == {"the product is a critical product (Annex IV), which internal control (module A) cannot assess; use EU-type examination (modules B and C), full quality assurance (module H) or a European cybersecurity certification scheme (Art. 32(3)-(4))"} with input as _input("critical", _full)
}

test_success_class_ii_third_party if {
	count(rule.report) == 0 with input as _input("important-class-II", {"route": "eu-type-examination", "notified_body": _nb})
	count(rule.report) == 0 with input as _input("critical", {"route": "full-quality-assurance", "notified_body": _nb})
	count(rule.report) == 0 with input as _input("critical", {"route": "european-cybersecurity-certification", "certification": {"scheme": "EUCC", "assurance_level": "substantial"}})
}

test_fail_notified_body_route_without_the_body if {
	rule.report == {{
		"path": "annexlint.yaml",
		"pointer": "/product/conformity_assessment",
		"message": "the procedure is full quality assurance (module H), which a notified body carries out, but the manifest names none; add notified_body with its name and four-digit number",
	}} with input as _input("important-class-II", {"route": "full-quality-assurance", "notified_body": {"name": "TBD"}})
}

test_fail_certification_without_a_scheme if {
	{f.pointer | some f in rule.report} == {"/product/conformity_assessment"} with input as _input("critical", {"route": "european-cybersecurity-certification", "certification": {"scheme": "n/a"}})
	{f.pointer | some f in rule.report} == {"/product/conformity_assessment"} with input as _input("critical", {"route": "european-cybersecurity-certification"})
}

test_insufficient_without_a_route if {
	bundle := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA", "classification": "default"}}}}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	{f.pointer | some f in rule.insufficient} == {"/product"} with input as bundle
}

test_success_foss_class_ii_internal_control_with_public_documentation if {
	ca := {"route": "internal-control", "free_and_open_source": true, "public_technical_documentation": "https://example.org/fhir-engine/techdoc"}
	count(rule.report) == 0 with input as _input("important-class-II", ca)
}

test_fail_foss_internal_control_without_public_documentation if {
	findings := rule.report with input as _input("important-class-II", {"route": "internal-control", "free_and_open_source": true})
	{f.pointer | some f in findings} == {"/product/conformity_assessment", "/product/conformity_assessment/route"}
	some f in findings
	contains(f.message, "Art. 32(5)")
}

test_fail_foss_critical_product_internal_control if {
	ca := {"route": "internal-control", "free_and_open_source": true, "public_technical_documentation": "https://example.org/x"}
	{f.pointer | some f in rule.report} == {"/product/conformity_assessment/route"} with input as _input("critical", ca)
}

test_fail_foss_public_documentation_not_a_url if {
	ca := {"route": "internal-control", "free_and_open_source": true, "public_technical_documentation": 42}
	{f.pointer | some f in rule.report} == {"/product/conformity_assessment", "/product/conformity_assessment/route"} with input as _input("important-class-I", ca)
}
