# METADATA
# title: The update plan shows how updates are protected from the publisher to the installed product
# description: |
#   An update channel is also the easiest way into every installed product. The CRA requires mechanisms to
#   distribute updates securely (Annex I Part II (7)): an update must reach the product as published and from the
#   manufacturer, or not be installed. That takes three things the security update plan states, each in words a
#   reviewer can hold the product to, not a placeholder: how updates are protected (`delivery.integrity`, e.g. code
#   signing and where the key is kept), where and how the product or its installer checks that protection before
#   installing, and what happens when the check fails (`delivery.authenticity_check`), and the channel that protects
#   them in transit (`delivery.channel`). When the plan names the risk file's controls that protect updates
#   (`delivery.risk_controls`), each must be a control of the risk file with a verification that did not fail:
#   a plan that rests on a control nobody verified shows an intention, not a mechanism.
# scope: package
# custom:
#   id: AL-UPD-012
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-AI-P2-7
#       cite: CRA Annex I Part II (7)
#   remediation: |
#     In the security update plan's `delivery`, describe `integrity` (how packages and metadata are signed, and where
#     the key is kept), `authenticity_check` (where the signature is checked before installation and what happens when
#     it fails) and `channel` (e.g. HTTPS with TLS 1.3 and server authentication). Name the risk file's controls that
#     protect updates in `risk_controls`, and record a passing verification for each in the risk file.
package annexlint.rules.updates["secure-distribution"]

import data.annexlint.lib

# _parts are what the plan must describe, each with how an auditor names it.
_parts := [
	["integrity", "how updates are protected against tampering and forgery (delivery.integrity)"],
	["authenticity_check", "where and how the protection is checked before an update is installed (delivery.authenticity_check)"],
	["channel", "the channel that protects updates in transit (delivery.channel)"],
]

report contains lib.finding(plan.path, _pointer(plan, missing), msg) if {
	some plan in lib.documents("security-update-plan")
	missing := [[key, name] | some [key, name] in _parts; not lib.has_text(_delivery(plan), key)]
	count(missing) > 0
	msg := sprintf("the security update plan does not describe %s, so it cannot be shown that updates are distributed securely; %s", [
		concat(", nor ", [name | some [_, name] in missing]),
		"describe each in words the product can be held to",
	])
}

report contains lib.finding(plan.path, sprintf("/delivery/risk_controls/%d", [i]), msg) if {
	some plan in lib.documents("security-update-plan")
	some i, id in _risk_controls(plan)
	not _control_exists(id)
	msg := sprintf("the security update plan says control %q protects updates, but no security risk file defines it; %s", [
		id, "name the risk file's control, or add it to the risk file with its verification",
	])
}

report contains lib.finding_related(plan.path, sprintf("/delivery/risk_controls/%d", [i]), msg, related) if {
	some plan in lib.documents("security-update-plan")
	some i, id in _risk_controls(plan)
	_control_exists(id)
	not _verified(id)
	msg := sprintf("the security update plan says control %q protects updates, but the risk file does not show it verified; %s", [
		id, "record a verification whose evidence is in the bundle and whose result is pass",
	])
	related := [{"path": riskfile.path, "pointer": sprintf("/controls/%d", [j]), "message": "the control"} |
		some riskfile in lib.documents("security-risk-file")
		some j, control in _controls(riskfile)
		control.id == id
	]
}

_delivery(plan) := d if {
	d := plan.content.delivery
	is_object(d)
} else := {}

# _pointer points at the first missing part when it is written (a placeholder), else at the delivery section.
_pointer(plan, missing) := sprintf("/delivery/%s", [missing[0][0]]) if {
	is_string(_delivery(plan)[missing[0][0]])
} else := "/delivery" if {
	is_object(plan.content.delivery)
} else := ""

_risk_controls(plan) := [id | some id in _delivery(plan).risk_controls; is_string(id)] if is_array(_delivery(plan).risk_controls)

else := []

_controls(riskfile) := riskfile.content.controls if is_array(riskfile.content.controls)

else := []

_control_exists(id) if {
	some riskfile in lib.documents("security-risk-file")
	some control in _controls(riskfile)
	control.id == id
}

_verified(id) if {
	some riskfile in lib.documents("security-risk-file")
	some control in _controls(riskfile)
	control.id == id
	some check in control.verification
	lib.file_exists(check.evidence)
	not check.result in {"fail", "open"}
}

evidence contains lib.examined(plan.path, "/delivery") if {
	some plan in lib.documents("security-update-plan")
	every part in _parts {
		lib.has_text(_delivery(plan), part[0])
	}
}

evidence contains lib.examined(plan.path, sprintf("/delivery/risk_controls/%d", [i])) if {
	some plan in lib.documents("security-update-plan")
	some i, id in _risk_controls(plan)
	_verified(id)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-update-plan")
	msg := concat(" ", [
		"the manifest lists no security update plan (type \"security-update-plan\"), so it cannot be shown how",
		"updates are protected on their way to the product; add the plan",
	])
}
