# METADATA
# title: Every essential requirement of CRA Annex I Part I is met by verified controls or shown not to apply
# description: |
#   The CRA makes the manufacturer say, for each essential requirement of Annex I Part I (point (1) and points
#   (2)(a) to (2)(m)), how the product meets it, or why it does not apply to the product, on the basis of the
#   cybersecurity risk assessment (Art. 13(3)-(4)); the assessment and that account belong in the technical
#   documentation (Annex VII point 3). annexlint reads this account from an `essential-requirements` document,
#   the applicability matrix: every point must be in it, a point met must name controls of the security risk file
#   that exist and are verified there (a verification whose evidence is in the bundle and whose result is neither
#   fail nor open), and a point that does not apply must say why in words, not with a placeholder. Facts the
#   bundle states elsewhere are cross-checked: a product with a security update plan cannot call point (2)(c)
#   (security updates) not applicable, and one whose update plan does not install updates automatically must
#   say why under (2)(c); a product that declares interfaces cannot call point (2)(j) (limit attack surfaces)
#   not applicable. Which products the CRA reaches on which date is the regime's decision (docs/regime.md):
#   products placed, or substantially modified, from 2027-12-11.
# scope: package
# custom:
#   id: AL-PDE-001
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-ART13-3
#       cite: CRA Art. 13(3)
#     - id: CRA-ART13-4
#       cite: CRA Art. 13(4)
#     - id: CRA-AVII-3
#       cite: CRA Annex VII point 3
#     - id: CRA-AI-P1-1
#       cite: CRA Annex I Part I (1)
#     - id: CRA-AI-P1-2A
#       cite: CRA Annex I Part I (2)(a)
#     - id: CRA-AI-P1-2B
#       cite: CRA Annex I Part I (2)(b)
#     - id: CRA-AI-P1-2C
#       cite: CRA Annex I Part I (2)(c)
#     - id: CRA-AI-P1-2D
#       cite: CRA Annex I Part I (2)(d)
#     - id: CRA-AI-P1-2E
#       cite: CRA Annex I Part I (2)(e)
#     - id: CRA-AI-P1-2F
#       cite: CRA Annex I Part I (2)(f)
#     - id: CRA-AI-P1-2G
#       cite: CRA Annex I Part I (2)(g)
#     - id: CRA-AI-P1-2H
#       cite: CRA Annex I Part I (2)(h)
#     - id: CRA-AI-P1-2I
#       cite: CRA Annex I Part I (2)(i)
#     - id: CRA-AI-P1-2J
#       cite: CRA Annex I Part I (2)(j)
#     - id: CRA-AI-P1-2K
#       cite: CRA Annex I Part I (2)(k)
#     - id: CRA-AI-P1-2L
#       cite: CRA Annex I Part I (2)(l)
#     - id: CRA-AI-P1-2M
#       cite: CRA Annex I Part I (2)(m)
#   remediation: |
#     Add an `essential-requirements` document (docs/bundle-format.md) listed in the manifest, with one entry per
#     point of CRA Annex I Part I (`1`, `2a` ... `2m`): `status: met` with the IDs of the risk file's controls that
#     meet it (each verified in the risk file, with its evidence in the bundle), or `status: not-applicable` with a
#     `justification` that says, from the risk assessment, why the point does not apply to this product.
package annexlint.rules.cra["essential-requirements"]

import data.annexlint.lib

# The points of CRA Annex I Part I, as the matrix writes them, with the citation used in messages.
points := {
	"1": "(1) appropriate level of cybersecurity",
	"2a": "(2)(a) no known exploitable vulnerabilities",
	"2b": "(2)(b) secure by default configuration",
	"2c": "(2)(c) security updates",
	"2d": "(2)(d) protection from unauthorised access",
	"2e": "(2)(e) confidentiality of data",
	"2f": "(2)(f) integrity of data, commands, programs and configuration",
	"2g": "(2)(g) data minimisation",
	"2h": "(2)(h) availability of essential functions",
	"2i": "(2)(i) limit the impact on other devices and networks",
	"2j": "(2)(j) limit attack surfaces",
	"2k": "(2)(k) reduce the impact of incidents",
	"2l": "(2)(l) security logging and monitoring",
	"2m": "(2)(m) secure removal of data and settings",
}

report contains lib.finding(matrix.path, "/requirements", msg) if {
	some matrix in lib.documents("essential-requirements")
	some point, title in points
	not _listed(point)
	msg := sprintf("CRA Annex I Part I %s is not in the applicability matrix; %s", [
		title,
		"add an entry for it with the risk-file controls that meet it, or the reason it does not apply to the product",
	])
}

report contains lib.finding(matrix.path, sprintf("/requirements/%d/controls", [i]), msg) if {
	some matrix in lib.documents("essential-requirements")
	some i, entry in _entries(matrix)
	entry.status == "met"
	count(_controls(entry)) == 0
	msg := sprintf("CRA Annex I Part I %s is marked met but names no control; %s", [
		_title(entry), "list the IDs of the risk-file controls that meet it, or mark it not-applicable with the reason",
	])
}

report contains lib.finding(matrix.path, sprintf("/requirements/%d/controls/%d", [i, k]), msg) if {
	some matrix in lib.documents("essential-requirements")
	some i, entry in _entries(matrix)
	entry.status == "met"
	some k, id in _controls(entry)
	not _control_exists(id)
	msg := sprintf("CRA Annex I Part I %s is met by control %q, which no security risk file defines; %s", [
		_title(entry), id, "correct the control ID or add the control, with its verification, to the risk file",
	])
}

report contains lib.finding_related(matrix.path, sprintf("/requirements/%d/controls/%d", [i, k]), msg, related) if {
	some matrix in lib.documents("essential-requirements")
	some i, entry in _entries(matrix)
	entry.status == "met"
	some k, id in _controls(entry)
	_control_exists(id)
	not _verified(id)
	msg := sprintf("CRA Annex I Part I %s rests on control %q, which the risk file does not show verified; %s", [
		_title(entry), id,
		"record a verification whose evidence is in the bundle and whose result is pass, or name a verified control",
	])
	related := [{"path": riskfile.path, "pointer": sprintf("/controls/%d", [j]), "message": "the control"} |
		some riskfile in lib.documents("security-risk-file")
		some j, control in _risk_controls(riskfile)
		control.id == id
	]
}

report contains lib.finding(matrix.path, sprintf("/requirements/%d", [i]), msg) if {
	some matrix in lib.documents("essential-requirements")
	some i, entry in _entries(matrix)
	entry.status == "not-applicable"
	not lib.has_text(entry, "justification")
	msg := sprintf("CRA Annex I Part I %s is marked not applicable without a justification; %s", [
		_title(entry), "say, from the risk assessment, why the requirement does not apply to this product (Art. 13(4))",
	])
}

# Cross-checks with what the bundle says elsewhere.

report contains lib.finding_related(matrix.path, sprintf("/requirements/%d", [i]), msg, related) if {
	some matrix in lib.documents("essential-requirements")
	some i, entry in _entries(matrix)
	entry.point == "2c"
	entry.status == "not-applicable"
	some plan in lib.documents("security-update-plan")
	msg := sprintf("CRA Annex I Part I %s is marked not applicable, but the security update plan %s provides security updates; %s", [
		_title(entry), plan.path, "mark it met, with the controls that deliver the updates securely",
	])
	related := [{"path": plan.path, "pointer": "", "message": "the security update plan"}]
}

report contains lib.finding_related(matrix.path, sprintf("/requirements/%d", [i]), msg, related) if {
	some matrix in lib.documents("essential-requirements")
	some i, entry in _entries(matrix)
	entry.point == "2c"
	entry.status == "met"
	not lib.has_text(entry, "justification")
	some plan in lib.documents("security-update-plan")
	plan.content.delivery.automatic == false
	msg := sprintf("the security update plan %s does not install security updates automatically, and CRA Annex I Part I %s gives no reason; %s", [
		plan.path, _title(entry),
		"enable automatic security updates by default with an opt-out, or say in the justification why they do not apply to this product",
	])
	related := [{"path": plan.path, "pointer": "/delivery/automatic", "message": "automatic updates off"}]
}

report contains lib.finding_related(matrix.path, sprintf("/requirements/%d", [i]), msg, related) if {
	some matrix in lib.documents("essential-requirements")
	some i, entry in _entries(matrix)
	entry.point == "2j"
	entry.status == "not-applicable"
	interfaces := [iface.id | some iface in _interfaces; is_string(iface.id)]
	count(interfaces) > 0
	msg := sprintf("CRA Annex I Part I %s is marked not applicable, but the manifest declares the interfaces %s, each part of the attack surface; %s", [
		_title(entry), concat(", ", sort(interfaces)), "mark it met, with the controls that limit the attack surface of each interface",
	])
	related := [{"path": lib.manifest_path, "pointer": "/product/interfaces", "message": "the declared interfaces"}]
}

_entries(matrix) := matrix.content.requirements if is_array(matrix.content.requirements)

else := []

_listed(point) if {
	some matrix in lib.documents("essential-requirements")
	some entry in _entries(matrix)
	entry.point == point
}

_title(entry) := points[entry.point]

_controls(entry) := [id | some id in entry.controls; is_string(id)] if is_array(entry.controls)

else := []

_risk_controls(riskfile) := riskfile.content.controls if is_array(riskfile.content.controls)

else := []

_interfaces := input.manifest.content.product.interfaces if is_array(input.manifest.content.product.interfaces)

else := []

_control_exists(id) if {
	some riskfile in lib.documents("security-risk-file")
	some control in _risk_controls(riskfile)
	control.id == id
}

# A control is verified when one of its verification records has its evidence in the bundle and a result that is
# neither fail nor open (AL-RISK-003 checks the records themselves).
_verified(id) if {
	some riskfile in lib.documents("security-risk-file")
	some control in _risk_controls(riskfile)
	control.id == id
	some check in control.verification
	lib.file_exists(check.evidence)
	not check.result in {"fail", "open"}
}

# The rule examines every entry of the matrix and the risk-file controls it names. A bundle without a matrix, or
# with an empty one, shows nothing about the essential requirements.
evidence contains lib.examined(matrix.path, sprintf("/requirements/%d", [i])) if {
	some matrix in lib.documents("essential-requirements")
	some i, _ in _entries(matrix)
}

evidence contains lib.examined(riskfile.path, sprintf("/controls/%d", [j])) if {
	some matrix in lib.documents("essential-requirements")
	some entry in _entries(matrix)
	some id in _controls(entry)
	some riskfile in lib.documents("security-risk-file")
	some j, control in _risk_controls(riskfile)
	control.id == id
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("essential-requirements")
	msg := concat("", [
		"the manifest lists no applicability matrix of the CRA essential requirements (type \"essential-requirements\"), ",
		"so nothing shows how each point of Annex I Part I is met or why it does not apply; add the matrix to documents",
	])
}

insufficient contains lib.finding(matrix.path, "/requirements", msg) if {
	some matrix in lib.documents("essential-requirements")
	count(_entries(matrix)) == 0
	msg := sprintf("the applicability matrix %s lists no requirement; %s", [
		matrix.path, "add one entry per point of CRA Annex I Part I, (1) and (2)(a) to (2)(m)",
	])
}
