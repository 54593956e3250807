# METADATA
# title: The EU declaration of conformity, or the simplified one of Annex VI, accompanies a CRA product
# description: |
#   A CRA product is accompanied by a copy of its EU declaration of conformity or by the simplified declaration of
#   Annex VI, which gives the exact internet address where the full declaration can be read (Art. 13(20)). The user
#   information says which (`declaration_with_product.form`). A simplified declaration follows the one-sentence model
#   of Annex VI: the manufacturer declares that the product type complies with Regulation (EU) 2024/2847, and the full
#   text is at an internet address. annexlint checks that the text names the manufacturer of the manifest and the
#   Regulation, and gives an address that is the one users are given for the declaration
#   (`declaration_of_conformity_url`, Annex II point 6).
# scope: package
# custom:
#   id: AL-USER-007
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-ART13-20
#       cite: CRA Art. 13(20)
#     - id: CRA-AVI
#       cite: CRA Annex VI
#   remediation: |
#     State in the user security information how the declaration accompanies the product: `declaration_with_product:
#     {form: full}` when a copy of the full declaration goes with it, or `{form: simplified, text: ...}` with the
#     simplified declaration as printed: "Hereby, <manufacturer> declares that the product with digital elements type
#     <type> is in compliance with Regulation (EU) 2024/2847. The full text of the EU declaration of conformity is
#     available at the following internet address: <URL>", the URL being `declaration_of_conformity_url`.
package annexlint.rules["user-info"]["declaration-with-product"]

import data.annexlint.lib

_infos := lib.documents("user-security-information")

report contains lib.finding(info.path, "", msg) if {
	some info in _infos
	not _form_stated(info)
	msg := sprintf("the user security information %s does not say how the EU declaration of conformity accompanies the product (declaration_with_product.form: full or simplified); %s", [
		info.path, "CRA Art. 13(20) asks for a copy of the declaration or the simplified declaration of Annex VI with the product",
	])
}

report contains lib.finding(info.path, _text_pointer(info), msg) if {
	some info in _infos
	info.content.declaration_with_product.form == "simplified"
	missing := _simplified_missing(info)
	count(missing) > 0
	msg := sprintf("the simplified EU declaration of conformity in %s does not %s (CRA Annex VI); %s", [
		info.path, concat(", nor ", missing),
		"write it as Annex VI words it: the manufacturer declares the product type in compliance with Regulation (EU) 2024/2847, and the full text is at the internet address given",
	])
}

_form_stated(info) if info.content.declaration_with_product.form in {"full", "simplified"}

_simplified_missing(info) := [what |
	some [check, what] in [
		["manufacturer", sprintf("name the manufacturer %s", [_manufacturer])],
		["regulation", "name Regulation (EU) 2024/2847"],
		["address", _address_what(info)],
	]
	not _simplified_has(info, check)
]

_simplified_has(info, "manufacturer") if contains(lower(_text(info)), lower(_manufacturer))

_simplified_has(_, "manufacturer") if _manufacturer == ""

_manufacturer := name if {
	name := lib.product.manufacturer.name
	is_string(name)
} else := ""

_simplified_has(info, "regulation") if contains(_text(info), "2024/2847")

_simplified_has(info, "address") if {
	lib.has_text(info.content, "declaration_of_conformity_url")
	contains(_text(info), trim_space(info.content.declaration_of_conformity_url))
}

_simplified_has(info, "address") if {
	not lib.has_text(info.content, "declaration_of_conformity_url")
	regex.match(`https?://\S+\.\S+`, _text(info))
}

_address_what(info) := sprintf("give the address of the full declaration, %s", [info.content.declaration_of_conformity_url]) if {
	lib.has_text(info.content, "declaration_of_conformity_url")
} else := "give the internet address of the full declaration"

_text(info) := t if {
	t := info.content.declaration_with_product.text
	is_string(t)
	not lib.is_placeholder(t)
} else := ""

_text_pointer(info) := "/declaration_with_product/text" if is_string(info.content.declaration_with_product.text)

else := "/declaration_with_product"

evidence contains lib.examined(info.path, "/declaration_with_product") if {
	some info in _infos
	_form_stated(info)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count(_infos) == 0
	msg := "the manifest lists no user security information (type \"user-security-information\"), so it cannot be shown how the EU declaration of conformity accompanies the product (Art. 13(20)); add it to documents"
}
