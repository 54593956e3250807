# METADATA
# title: The EU declaration of conformity has the contents of CRA Annex V and matches the product
# description: |
#   Once the conformity assessment is done, the manufacturer draws up the EU declaration of conformity (Art. 13(12),
#   Art. 28) and keeps a copy in the technical documentation (Annex VII point 7). It follows the model of Annex V:
#   the product's name and type and what identifies it (point 1), the manufacturer's name and address (2), the
#   statement that it is issued under the manufacturer's sole responsibility (3), the object of the declaration (4),
#   the statement that it conforms to the Union legislation, for the CRA Regulation (EU) 2024/2847 (5), the harmonised
#   standards, common specifications or certification used (6), the notified body, the procedure and its certificate
#   where one took part (7), and the signature block: on whose behalf, place and date, name and function of the
#   signatory. annexlint reads the declaration from an `eu-declaration-of-conformity` document: a point that is
#   missing or holds a placeholder is a finding naming the point, and so is a declaration that names another product
#   or manufacturer than the manifest, leaves out a standard or specification the manifest says was applied, lacks
#   the notified body of a route that has one, or was signed after the product was placed on the market.
# scope: package
# custom:
#   id: AL-PDE-004
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-ART28-1
#       cite: CRA Art. 28(1)
#     - id: CRA-ART28-2
#       cite: CRA Art. 28(2)
#     - id: CRA-ART13-12
#       cite: CRA Art. 13(12)
#     - id: CRA-AVII-7
#       cite: CRA Annex VII point 7
#     - id: CRA-AV-1
#       cite: CRA Annex V point 1
#     - id: CRA-AV-2
#       cite: CRA Annex V point 2
#     - id: CRA-AV-3
#       cite: CRA Annex V point 3
#     - id: CRA-AV-4
#       cite: CRA Annex V point 4
#     - id: CRA-AV-5
#       cite: CRA Annex V point 5
#     - id: CRA-AV-6
#       cite: CRA Annex V point 6
#     - id: CRA-AV-7
#       cite: CRA Annex V point 7
#     - id: CRA-AV-SIGN
#       cite: CRA Annex V (signature block after point 8)
#   remediation: |
#     Add a copy of the signed EU declaration of conformity to the bundle as an `eu-declaration-of-conformity` document
#     (docs/bundle-format.md), with every point of Annex V filled in as signed: product (name, type or version,
#     identification), manufacturer (name, address), sole_responsibility, object, conformity_statement naming
#     Regulation (EU) 2024/2847, references to the standards and specifications applied, notified_body where one took
#     part, and signature (signed_for, place, date, name, function).
package annexlint.rules.cra["declaration-of-conformity"]

import data.annexlint.lib

_product := input.manifest.content.product

_ca := _product.conformity_assessment

# The members of the declaration that Annex V requires in words, with the point and what it must say.
_texts := {
	"sole_responsibility": ["point 3", "the statement that the declaration is issued under the sole responsibility of the manufacturer"],
	"object": ["point 4", "the object of the declaration, identifying the product for traceability"],
	"conformity_statement": ["point 5", "the statement that the object of the declaration conforms to Regulation (EU) 2024/2847"],
}

_signature_fields := {
	"signed_for": "on whose behalf it is signed",
	"place": "the place of issue",
	"date": "the date of issue",
	"name": "the signatory's name",
	"function": "the signatory's function",
}

report contains lib.finding(doc.path, "/product", msg) if {
	some doc in _declarations
	not _identifies_product(doc)
	msg := concat("", [
		"the EU declaration of conformity does not give the product's name with its type, version or identification ",
		"(Annex V point 1); add product.name and product.type, product.version or product.identification",
	])
}

report contains lib.finding(doc.path, "/manufacturer", msg) if {
	some doc in _declarations
	not _names_manufacturer(doc)
	msg := "the EU declaration of conformity does not give the name and address of the manufacturer (Annex V point 2); add manufacturer.name and manufacturer.address"
}

report contains lib.finding(doc.path, concat("/", ["", key]), msg) if {
	some doc in _declarations
	some key, [point, what] in _texts
	not lib.has_text(doc.content, key)
	msg := sprintf("the EU declaration of conformity lacks %s (Annex V %s); add %s as signed", [what, point, key])
}

report contains lib.finding(doc.path, "/conformity_statement", msg) if {
	some doc in _declarations
	lib.has_text(doc.content, "conformity_statement")
	not contains(doc.content.conformity_statement, "2024/2847")
	msg := "the conformity statement of the EU declaration of conformity does not name Regulation (EU) 2024/2847 (Annex V point 5); name the Cyber Resilience Act the product conforms to"
}

report contains lib.finding(doc.path, "/signature", msg) if {
	some doc in _declarations
	_has_signature(doc)
	missing := [what | some key, what in _signature_fields; not _signature_has(doc, key)]
	count(missing) > 0
	msg := sprintf("the signature block of the EU declaration of conformity lacks %s; %s", [
		concat(", ", sort(missing)), "complete it as signed: on whose behalf, place and date of issue, name and function of the signatory",
	])
}

report contains lib.finding(doc.path, "/signature", msg) if {
	some doc in _declarations
	not _has_signature(doc)
	msg := "the EU declaration of conformity has no signature block; complete it as signed: on whose behalf, place and date of issue, name and function of the signatory"
}

report contains lib.finding(doc.path, "/signature/date", msg) if {
	some doc in _declarations
	date := doc.content.signature.date
	lib.is_date(date)
	lib.is_date(_product.placed_on_market)
	date > _product.placed_on_market
	msg := sprintf("the EU declaration of conformity was signed on %s, after the product was placed on the market on %s; %s", [
		date, _product.placed_on_market, "the declaration is drawn up before the placing on the market (Art. 13(12)): correct the date or the placing date",
	])
}

report contains lib.finding_related(doc.path, "/product/name", msg, related) if {
	some doc in _declarations
	lib.has_text(doc.content.product, "name")
	lib.has_text(_product, "name")
	_norm(doc.content.product.name) != _norm(_product.name)
	msg := sprintf("the EU declaration of conformity is for %q, but the manifest describes %q; %s", [
		doc.content.product.name, _product.name, "add the declaration of this product, or correct the product name",
	])
	related := [{"path": lib.manifest_path, "pointer": "/product/name", "message": "the product"}]
}

report contains lib.finding_related(doc.path, "/manufacturer/name", msg, related) if {
	some doc in _declarations
	not _authorised_representative(doc)
	lib.has_text(doc.content.manufacturer, "name")
	lib.has_text(_product.manufacturer, "name")
	_norm(doc.content.manufacturer.name) != _norm(_product.manufacturer.name)
	msg := sprintf("the EU declaration of conformity is issued by %q, but the manifest names the manufacturer %q; %s", [
		doc.content.manufacturer.name, _product.manufacturer.name,
		"correct the name, or mark an authorised representative with authorised_representative: true",
	])
	related := [{"path": lib.manifest_path, "pointer": "/product/manufacturer/name", "message": "the manufacturer"}]
}

report contains lib.finding_related(doc.path, "/references", msg, related) if {
	some doc in _declarations
	some list in ["harmonised_standards", "common_specifications"]
	some i, spec in _ca[list]
	lib.has_text(spec, "reference")
	not _referenced(doc, spec.reference)
	msg := sprintf("the manifest says %s was applied, but the EU declaration of conformity does not refer to it (Annex V point 6); %s", [
		spec.reference, "list it under references, with applied: full or part",
	])
	related := [{"path": lib.manifest_path, "pointer": sprintf("/product/conformity_assessment/%s/%d", [list, i]), "message": "applied here"}]
}

report contains lib.finding(doc.path, "/notified_body", msg) if {
	some doc in _declarations
	_ca.route in {"eu-type-examination", "full-quality-assurance"}
	missing := [key | some key in ["name", "number", "certificate"]; not _notified_body_has(doc, key)]
	count(missing) > 0
	msg := sprintf("a notified body took part in the conformity assessment (%s), but the EU declaration of conformity does not give its %s (Annex V point 7); %s", [
		_ca.route, concat(", ", missing), "add the notified body's name and number, the procedure it performed and the certificate it issued",
	])
}

_declarations := lib.documents("eu-declaration-of-conformity")

_identifies_product(doc) if {
	lib.has_text(doc.content.product, "name")
	some key in ["type", "version", "identification"]
	lib.has_text(doc.content.product, key)
}

_names_manufacturer(doc) if {
	lib.has_text(doc.content.manufacturer, "name")
	lib.has_text(doc.content.manufacturer, "address")
}

_has_signature(doc) if is_object(doc.content.signature)

_signature_has(doc, key) if lib.has_text(doc.content.signature, key)

_notified_body_has(doc, key) if lib.has_text(doc.content.notified_body, key)

_authorised_representative(doc) if doc.content.manufacturer.authorised_representative == true

_referenced(doc, reference) if {
	some ref in doc.content.references
	is_string(ref.reference)
	contains(_norm(ref.reference), _norm(reference))
}

_norm(s) := lower(trim_space(s))

# The rule examines each declaration it finds; without one the technical documentation holds no copy of it.
evidence contains lib.examined(doc.path, "") if {
	some doc in _declarations
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count(_declarations) == 0
	msg := concat("", [
		"the manifest lists no EU declaration of conformity (type \"eu-declaration-of-conformity\"), so the technical documentation ",
		"holds no copy of it (Annex VII point 7); add the signed declaration to documents",
	])
}
