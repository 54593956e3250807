# METADATA
# title: The conformity assessment procedure fits the product's CRA category
# description: |
#   Before placing a product on the market the manufacturer carries out a conformity assessment procedure
#   (Art. 13(12), Art. 32), and which procedures it may choose depends on the product's category. Any product may use
#   internal control (Annex VIII module A), EU-type examination with internal production control (modules B and C),
#   full quality assurance (module H) or a European cybersecurity certification scheme (Art. 32(1)). An important
#   product of class I (Annex III) may use internal control only where it applied harmonised standards, common
#   specifications or a European cybersecurity certification in full; otherwise it needs modules B and C or H
#   (Art. 32(2)). An important product of class II (Annex III) never uses internal control (Art. 32(3)), nor does a
#   critical product (Annex IV), which uses a European cybersecurity certificate where a delegated act requires one and
#   otherwise the class II procedures (Art. 32(4)). annexlint reads the category from `product.classification` and the
#   procedure from `product.conformity_assessment`; a route through a notified body must name it. A free and
#   open-source product of an Annex III category may use any of the Art. 32(1) procedures, internal control included,
#   provided its technical documentation is made public when it is placed on the market (Art. 32(5)): the manifest
#   then says so (free_and_open_source) and gives the public address (public_technical_documentation).
# scope: package
# custom:
#   id: AL-PDE-003
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-ART32-1
#       cite: CRA Art. 32(1)
#     - id: CRA-ART32-2
#       cite: CRA Art. 32(2)
#     - id: CRA-ART32-3
#       cite: CRA Art. 32(3)
#     - id: CRA-ART32-4
#       cite: CRA Art. 32(4)
#     - id: CRA-AIII-CLASS-I
#       cite: CRA Annex III Class I
#     - id: CRA-AIII-CLASS-II
#       cite: CRA Annex III Class II
#     - id: CRA-AIV
#       cite: CRA Annex IV
#     - id: CRA-ART32-5
#       cite: CRA Art. 32(5)
#   remediation: |
#     State the procedure under `product.conformity_assessment.route` (internal-control, eu-type-examination,
#     full-quality-assurance or european-cybersecurity-certification) with what it rests on: the harmonised standards
#     and common specifications applied (`applied: full` or `part`), the certification scheme, and for a notified body
#     route its name and number. If the category does not allow the procedure, carry out one it allows.
package annexlint.rules.cra["conformity-route"]

import data.annexlint.lib

_product := input.manifest.content.product

_ca := _product.conformity_assessment

_routes := {
	"internal-control": "internal control (Annex VIII module A)",
	"eu-type-examination": "EU-type examination with internal production control (modules B and C)",
	"full-quality-assurance": "full quality assurance (module H)",
	"european-cybersecurity-certification": "a European cybersecurity certification scheme",
}

_categories := {
	"important-class-I": "an important product of class I (Annex III)",
	"important-class-II": "an important product of class II (Annex III)",
	"critical": "a critical product (Annex IV)",
}

report contains lib.finding(lib.manifest_path, "/product/conformity_assessment/route", msg) if {
	_product.classification == "important-class-I"
	_ca.route == "internal-control"
	not _applied_in_full
	not _foss_public
	msg := concat("", [
		"the product is an important product of class I (Annex III), so internal control (module A) is allowed only where ",
		"harmonised standards, common specifications or a European cybersecurity certification were applied in full, and the manifest ",
		"names none applied in full; apply one in full and list it with applied: full, or use modules B and C or H (Art. 32(2))",
	])
}

report contains lib.finding(lib.manifest_path, "/product/conformity_assessment/route", msg) if {
	category := _categories[_product.classification]
	_product.classification in {"important-class-II", "critical"}
	_ca.route == "internal-control"
	not _foss_exempt(_product.classification)
	msg := sprintf("the product is %s, which internal control (module A) cannot assess; %s", [
		category, "use EU-type examination (modules B and C), full quality assurance (module H) or a European cybersecurity certification scheme (Art. 32(3)-(4))",
	])
}

report contains lib.finding(lib.manifest_path, "/product/conformity_assessment", msg) if {
	_ca.route in {"eu-type-examination", "full-quality-assurance"}
	not _names_notified_body
	msg := sprintf("the procedure is %s, which a notified body carries out, but the manifest names none; %s", [
		_routes[_ca.route], "add notified_body with its name and four-digit number",
	])
}

report contains lib.finding(lib.manifest_path, "/product/conformity_assessment", msg) if {
	_ca.route == "european-cybersecurity-certification"
	not _names_scheme
	msg := "the procedure is a European cybersecurity certification scheme, but the manifest names no scheme; add certification with its scheme, assurance level and certificate"
}

# Art. 32(5): a free and open-source product of an Annex III category (not Annex IV) may use any Art. 32(1)
# procedure when its technical documentation is public.
_foss_exempt(class) if {
	class in {"important-class-I", "important-class-II"}
	_foss_public
}

_foss_public if {
	_ca.free_and_open_source == true
	_public_url
}

_public_url if {
	is_string(_ca.public_technical_documentation)
	regex.match(`^https://[^\s]+$`, _ca.public_technical_documentation)
}

report contains lib.finding(lib.manifest_path, "/product/conformity_assessment", msg) if {
	_product.classification in {"important-class-I", "important-class-II"}
	_ca.free_and_open_source == true
	_ca.route == "internal-control"
	not _public_url
	msg := concat("", [
		"the product is declared free and open-source software and uses internal control (module A), which Art. 32(5) ",
		"allows an Annex III product only if its technical documentation is made public; give the https address where it ",
		"is published (public_technical_documentation), or use a procedure its class allows",
	])
}

_applied_in_full if {
	some list in ["harmonised_standards", "common_specifications"]
	some spec in _ca[list]
	spec.applied == "full"
	lib.has_text(spec, "reference")
}

_applied_in_full if _names_scheme

_names_scheme if lib.has_text(_ca.certification, "scheme")

_names_notified_body if {
	lib.has_text(_ca.notified_body, "name")
	lib.has_text(_ca.notified_body, "number")
}

# The rule examines the stated procedure; without one there is nothing to judge.
evidence contains lib.examined(lib.manifest_path, "/product/conformity_assessment") if _has_route

_has_route if _routes[_ca.route]

insufficient contains lib.finding(lib.manifest_path, "/product", msg) if {
	not _has_route
	msg := concat("", [
		"the manifest does not say which conformity assessment procedure the product went through ",
		"(product.conformity_assessment.route), so it cannot be shown to fit the product's category (Art. 32)",
	])
}
