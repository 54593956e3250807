# METADATA
# title: An investigational device's investigation describes its data protection and security arrangements
# description: |
#   The application for a clinical investigation describes how personal data and confidentiality are protected: the
#   organisational and technical measures against unauthorised access, disclosure, dissemination, alteration or loss
#   of information and personal data, the measures that keep the subjects' records confidential, and the measures
#   that limit the harm of a data security breach (MDR Annex XV Chapter II 4.5). For a connected investigational
#   device these are the security arrangements of the device and of the study's data flows. annexlint reads
#   `product.clinical_investigation.security_arrangements`: the description in the bundle and the three kinds of
#   measures, each in a few plain words. A description that is missing, not in the bundle, or a kind of measure that
#   is absent or a placeholder is a finding.
# scope: package
# custom:
#   id: AL-PROTO-005
#   severity: error
#   frameworks: [MDR]
#   clauses:
#     - id: MDR-AXV-II-4.5
#       cite: MDR Annex XV Chapter II section 4.5
#   remediation: |
#     Add `clinical_investigation.security_arrangements` to the manifest: `document` (the bundle-relative path of the
#     data protection and security description of the application), `unauthorised_access` (the technical and
#     organisational measures against unauthorised access, disclosure, alteration or loss), `confidentiality` (how the
#     subjects' records stay confidential) and `breach_response` (how the harm of a data security breach is limited).
package annexlint.rules.prototype["investigation-security-arrangements"]

import data.annexlint.lib

_ci := input.manifest.content.product.clinical_investigation

_arr := _ci.security_arrangements

_at := "/product/clinical_investigation/security_arrangements"

_measures := {
	"unauthorised_access": "the organisational and technical measures against unauthorised access, disclosure, dissemination, alteration or loss of information and personal data",
	"confidentiality": "the measures that keep the subjects' records and personal data confidential",
	"breach_response": "the measures that limit the possible adverse effects of a data security breach",
}

report contains lib.finding(lib.manifest_path, "/product/clinical_investigation", msg) if {
	_has_ci
	not _has_arr
	msg := "the manifest does not describe the data protection and security arrangements of the clinical investigation (clinical_investigation.security_arrangements, MDR Annex XV Chapter II 4.5); add the description to the bundle and name its measures"
}

report contains lib.finding(lib.manifest_path, _at, msg) if {
	_has_arr
	not lib.has_text(_arr, "document")
	msg := "the security arrangements name no document (security_arrangements.document); add the data protection and security description of the application to the bundle and give its path"
}

report contains lib.finding(lib.manifest_path, concat("/", [_at, "document"]), msg) if {
	lib.has_text(_arr, "document")
	not lib.file_exists(_arr.document)
	msg := sprintf("the description of the security arrangements %q is not in the bundle; add the file or correct the path (relative to the bundle root)", [_arr.document])
}

report contains lib.finding(lib.manifest_path, _at, msg) if {
	_has_arr
	some field, what in _measures
	not lib.has_text(_arr, field)
	msg := sprintf("the security arrangements do not state %s (security_arrangements.%s, MDR Annex XV Chapter II 4.5); describe them", [what, field])
}

_has_ci if is_object(_ci)

_has_arr if is_object(_arr)

evidence contains lib.examined(lib.manifest_path, concat("/", [_at, field])) if {
	some field, _ in _measures
	lib.has_text(_arr, field)
}

evidence contains lib.examined(_arr.document, "") if {
	lib.has_text(_arr, "document")
	lib.file_exists(_arr.document)
}

insufficient contains lib.finding(lib.manifest_path, "/product", msg) if {
	not _has_ci
	msg := "the manifest does not describe the clinical investigation of the investigational device (product.clinical_investigation), so its data protection and security arrangements cannot be checked (MDR Annex XV Chapter II 4.5); add it"
}
