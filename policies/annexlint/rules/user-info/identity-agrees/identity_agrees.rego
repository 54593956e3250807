# METADATA
# title: The user information names the manufacturer and the product as the manifest and the declaration do
# description: |
#   Users must be able to tell who is responsible for the product and which product the information is for: the
#   manufacturer's name and postal address (CRA Annex II point 1, Art. 13(16)) and the product's name and version
#   (Annex II point 3, Art. 13(15)). When the user information names another manufacturer, another address or
#   another product or version than the manifest, or another manufacturer or address than the EU declaration of
#   conformity, one of them is out of date and users may contact or trust the wrong party. The SBOM's primary
#   component is held to the manifest by AL-SBOM-010, so the three agree through the manifest. Names and addresses
#   are compared ignoring case, punctuation and spacing.
# scope: package
# custom:
#   id: AL-USER-004
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-AII-1
#       cite: CRA Annex II point 1
#     - id: CRA-ART13-16
#       cite: CRA Art. 13(16)
#     - id: CRA-AII-3
#       cite: CRA Annex II point 3
#     - id: CRA-ART13-15
#       cite: CRA Art. 13(15)
#   remediation: |
#     Write the manufacturer's name and postal address and the product's name and version the same way in the user
#     security information (`manufacturer`, `product_identification`), the manifest (`product.manufacturer`,
#     `product.name`, `product.version`) and the EU declaration of conformity, correcting whichever is out of date.
package annexlint.rules["user-info"]["identity-agrees"]

import data.annexlint.lib

_infos := lib.documents("user-security-information")

# _comparisons: the field of the user information, the field of the manifest it must equal, and what it is.
_comparisons := [
	[["manufacturer", "name"], ["product", "manufacturer", "name"], "the manufacturer's name"],
	[["manufacturer", "address"], ["product", "manufacturer", "address"], "the manufacturer's postal address"],
	[["product_identification", "name"], ["product", "name"], "the product name"],
	[["product_identification", "version"], ["product", "version"], "the product version"],
]

report contains lib.finding_related(info.path, _pointer(field), msg, related) if {
	some info in _infos
	some [field, manifest_field, what] in _comparisons
	stated := _text(info.content, field)
	expected := _text(input.manifest.content, manifest_field)
	_norm(stated) != _norm(expected)
	msg := sprintf("the user security information %s gives %s as %q, but the manifest says %q; %s", [
		info.path, what, stated, expected, "users must be told the same: correct whichever is out of date",
	])
	related := [{"path": lib.manifest_path, "pointer": _pointer(manifest_field), "message": "in the manifest"}]
}

report contains lib.finding_related(info.path, _pointer(["manufacturer", key]), msg, related) if {
	some info in _infos
	some doc in lib.documents("eu-declaration-of-conformity")
	not doc.content.manufacturer.authorised_representative == true
	some key, what in {"name": "name", "address": "postal address"}
	stated := _text(info.content, ["manufacturer", key])
	declared := _text(doc.content, ["manufacturer", key])
	_norm(stated) != _norm(declared)
	msg := sprintf("the user security information %s gives the manufacturer's %s as %q, but the EU declaration of conformity %s says %q; %s", [
		info.path, what, stated, doc.path, declared, "users must be told the same: correct whichever is out of date",
	])
	related := [{"path": doc.path, "pointer": _pointer(["manufacturer", key]), "message": "in the declaration"}]
}

_text(obj, path) := s if {
	s := object.get({"obj": obj}, array.concat(["obj"], path), "")
	is_string(s)
	not lib.is_placeholder(s)
}

_pointer(path) := concat("", ["/", concat("/", path)])

# Letters and digits only, lower case: "Kehrwieder 8, 20457 Hamburg" and "kehrwieder 8 20457 hamburg" agree.
_norm(s) := regex.replace(lower(s), `[^\p{L}\p{N}]+`, "")

# The evidence is each statement of the user information that could be compared with the manifest.
evidence contains lib.examined(info.path, _pointer(field)) if {
	some info in _infos
	some [field, manifest_field, _] in _comparisons
	_text(info.content, field)
	_text(input.manifest.content, manifest_field)
}

insufficient contains lib.finding(info.path, "", msg) if {
	some info in _infos
	count([field |
		some [field, manifest_field, _] in _comparisons
		_text(info.content, field)
		_text(input.manifest.content, manifest_field)
	]) == 0
	msg := sprintf("the user security information %s names neither the manufacturer nor the product (manufacturer, product_identification), so it cannot be shown that users are told who made which product; AL-USER-003 lists what to add", [info.path])
}
