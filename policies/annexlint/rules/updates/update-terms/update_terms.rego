# METADATA
# title: Security updates of a CRA product are free, separate where feasible, and automatic by default with an opt-out
# description: |
#   The CRA asks more of security updates than that they exist. They are disseminated free of charge, unless a
#   tailor-made product for a business user is agreed otherwise (Annex I Part II (8)); they are shipped separately
#   from feature updates where that is technically feasible (Part II (2)); and, where applicable, they install
#   automatically by default, with a clear and easy way for users to opt out (Part I (2)(c)). The security update
#   plan states each of these in its delivery section: free_of_charge (or, if not, charge_agreement naming the
#   agreement), security_updates_separate (or, if not, separation_rationale saying why it is not feasible), automatic
#   (or, if not, automatic_rationale saying why automatic updates do not apply) and, for automatic updates,
#   automatic_opt_out. A placeholder rationale explains nothing. Without an update plan nothing can be judged: that is
#   insufficient evidence, not a pass.
# scope: package
# custom:
#   id: AL-UPD-010
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-AI-P1-2C
#       cite: CRA Annex I Part I (2)(c)
#     - id: CRA-AI-P2-2
#       cite: CRA Annex I Part II (2)
#     - id: CRA-AI-P2-8
#       cite: CRA Annex I Part II (8)
#   remediation: |
#     In the security update plan's `delivery`, set `free_of_charge: true` (or, for a tailor-made product whose
#     business user agreed otherwise, name the agreement in `charge_agreement`); set `security_updates_separate: true`
#     once security fixes ship apart from feature releases (or explain in `separation_rationale` why that is not
#     technically feasible); set `automatic: true` with `automatic_opt_out: true` once updates install by default and
#     users can turn that off (or explain in `automatic_rationale` why automatic updates do not apply to the product).
package annexlint.rules.updates["update-terms"]

import data.annexlint.lib

# The terms a plan leaves unstated are one finding, so a hollow plan is one fault and not three.
report contains lib.finding(plan.path, "/delivery", msg) if {
	some plan in lib.documents("security-update-plan")
	missing := [term | some check in ["charge", "separate", "automatic"]; term := _unstated(plan.content, check)]
	count(missing) > 0
	msg := sprintf("the security update plan does not state that %s; %s", [
		concat(", nor that ", [t[0] | some t in missing]),
		concat("; ", [t[1] | some t in missing]),
	])
}

report contains lib.finding(plan.path, pointer, msg) if {
	some plan in lib.documents("security-update-plan")
	[pointer, msg] := _problem(plan.content, "opt_out")
}

_unstated(content, "charge") := [
	"security updates are free of charge (delivery.free_of_charge)",
	"state it, or, for a tailor-made product whose business user agreed otherwise, name that agreement in delivery.charge_agreement",
] if {
	not _delivery(content).free_of_charge == true
	not lib.has_text(_delivery(content), "charge_agreement")
}

_unstated(content, "separate") := [
	"they ship separately from feature updates (delivery.security_updates_separate)",
	"ship them separately, or explain in delivery.separation_rationale why that is not technically feasible for this product",
] if {
	not _delivery(content).security_updates_separate == true
	not lib.has_text(_delivery(content), "separation_rationale")
}

_unstated(content, "automatic") := [
	"they install automatically by default (delivery.automatic)",
	"make that the default setting, or explain in delivery.automatic_rationale why automatic updates do not apply to this product",
] if {
	not _delivery(content).automatic == true
	not lib.has_text(_delivery(content), "automatic_rationale")
}

_problem(content, "opt_out") := ["/delivery/automatic", msg] if {
	_delivery(content).automatic == true
	not _delivery(content).automatic_opt_out == true
	msg := concat(" ", [
		"security updates install automatically, but the security update plan does not state that users can opt",
		"out of them (delivery.automatic_opt_out); provide a clear and easy way to turn automatic updates off and",
		"record it",
	])
}

# _delivery is the plan's delivery section, or an empty object when it is missing or malformed, so the checks above
# never raise a type error.
_delivery(content) := d if {
	d := content.delivery
	is_object(d)
} else := {}

evidence contains lib.examined(plan.path, "/delivery") if {
	some plan in lib.documents("security-update-plan")
	is_object(plan.content.delivery)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-update-plan")
	msg := concat(" ", [
		"the manifest lists no security update plan (type \"security-update-plan\"), so it cannot be shown that",
		"security updates are free of charge, separate from feature updates and automatic by default; add the plan",
	])
}
