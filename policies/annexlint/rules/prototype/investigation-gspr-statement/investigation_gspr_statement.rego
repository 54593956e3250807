# METADATA
# title: An investigational device has the signed statement that it meets the GSPRs apart from the aspects investigated
# description: |
#   An investigational device is not placed on the market, but a clinical investigation may only be conducted if the
#   device meets the general safety and performance requirements apart from the aspects the investigation covers,
#   with every precaution taken for the subjects on those (MDR Art. 62(4)(l)); the GSPRs include information security
#   (Annex I 17.2, 17.4, 18.8). The application holds a statement signed by the person responsible for manufacturing
#   the device that this is so (Annex XV Chapter II 4.1). annexlint reads `product.clinical_investigation`: the aspects
#   under investigation (the statement's only exception), and the signed statement in the bundle, who signed it and
#   when. A statement that is missing, not in the bundle, unsigned, dated after the check, or an investigation that
#   names no aspect under investigation is a finding.
# scope: package
# custom:
#   id: AL-PROTO-004
#   severity: error
#   frameworks: [MDR]
#   clauses:
#     - id: MDR-ART62-4L
#       cite: MDR Art. 62(4)(l)
#     - id: MDR-AXV-II-4.1
#       cite: MDR Annex XV Chapter II section 4.1
#   remediation: |
#     Add `product.clinical_investigation` to the manifest with `id`, `aspects_under_investigation` (the aspects the
#     investigation covers) and `gspr_statement`: `document` (the bundle-relative path of the signed statement),
#     `signed_by` (name and function of the person responsible for manufacturing the device) and `signed_on`.
package annexlint.rules.prototype["investigation-gspr-statement"]

import data.annexlint.lib

_ci := input.manifest.content.product.clinical_investigation

_statement := _ci.gspr_statement

_at := "/product/clinical_investigation/gspr_statement"

report contains lib.finding(lib.manifest_path, "/product/clinical_investigation", msg) if {
	_has_ci
	not _has_statement
	msg := "the manifest names no signed statement that the investigational device meets the GSPRs apart from the aspects under investigation (clinical_investigation.gspr_statement, MDR Annex XV Chapter II 4.1); add the signed statement to the bundle and name it"
}

report contains lib.finding(lib.manifest_path, _at, msg) if {
	_has_statement
	not lib.has_text(_statement, "document")
	msg := "the GSPR statement names no document (gspr_statement.document); add the signed statement to the bundle and give its path"
}

report contains lib.finding(lib.manifest_path, concat("/", [_at, "document"]), msg) if {
	lib.has_text(_statement, "document")
	not lib.file_exists(_statement.document)
	msg := sprintf("the signed GSPR statement %q is not in the bundle; add the file or correct the path (relative to the bundle root)", [_statement.document])
}

report contains lib.finding(lib.manifest_path, _at, msg) if {
	_has_statement
	not lib.has_text(_statement, "signed_by")
	msg := "the GSPR statement does not say who signed it (gspr_statement.signed_by); Annex XV Chapter II 4.1 asks for the signature of the natural or legal person responsible for manufacturing the device: name the signatory and function"
}

report contains lib.finding(lib.manifest_path, _at, msg) if {
	_has_statement
	not _signed_on
	msg := "the GSPR statement is not dated (gspr_statement.signed_on); give the date of signature (YYYY-MM-DD)"
}

report contains lib.finding(lib.manifest_path, concat("/", [_at, "signed_on"]), msg) if {
	_signed_on
	_statement.signed_on > input.as_of
	msg := sprintf("the GSPR statement is dated %s, after %s: it is not yet signed; sign it before the device is used in the investigation", [_statement.signed_on, input.as_of])
}

report contains lib.finding(lib.manifest_path, "/product/clinical_investigation", msg) if {
	_has_ci
	count(_aspects) == 0
	msg := "the manifest does not name the aspects under investigation (clinical_investigation.aspects_under_investigation); the device must meet every GSPR apart from them (MDR Art. 62(4)(l)), so without them the statement's exception is unbounded: name them"
}

_has_ci if is_object(_ci)

_has_statement if is_object(_statement)

_signed_on if lib.is_date(_statement.signed_on)

_aspects := [a | some a in _ci.aspects_under_investigation; is_string(a); not lib.is_placeholder(a); trim_space(a) != ""]

evidence contains lib.examined(lib.manifest_path, _at) if {
	lib.has_text(_statement, "signed_by")
	_signed_on
}

evidence contains lib.examined(_statement.document, "") if {
	lib.has_text(_statement, "document")
	lib.file_exists(_statement.document)
}

insufficient contains lib.finding(lib.manifest_path, "/product", msg) if {
	not _has_ci
	msg := "the manifest does not describe the clinical investigation of the investigational device (product.clinical_investigation), so its signed GSPR statement cannot be checked (MDR Art. 62(4)(l), Annex XV Chapter II 4.1); add it"
}
