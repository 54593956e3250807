# METADATA
# title: Risk controls that rely on user information reach the users
# description: |
#   Information for security (warnings, configuration or operating instructions) is the last kind of risk control,
#   after secure design and protective measures; it only works if users actually receive it. A control of type
#   `user-information` in the risk file should therefore be traceable to the security information given to
#   users, which lists the controls it explains under `controls_covered`.
# scope: package
# custom:
#   id: AL-RISK-007
#   severity: warning
#   clauses:
#     - id: MDCG-2019-16-3.3
#       cite: MDCG 2019-16 rev.1 section 3.3
#     - id: MDCG-2019-16-3.1-P8
#       cite: MDCG 2019-16 rev.1 section 3.1, Practice 8
#     - id: MDR-AI-23.4G
#       cite: MDR Annex I 23.4(g)
#     - id: CRA-AII-8A
#       cite: CRA Annex II point 8(a)
#   remediation: |
#     Explain the control in the instructions for use or customer security documentation and add its ID to
#     `controls_covered` of the `user-security-information` document.
package annexlint.rules.risk["user-information-controls"]

import data.annexlint.lib

report contains lib.finding(riskfile.path, sprintf("/controls/%d", [j]), msg) if {
	covered := {id | some info in lib.documents("user-security-information"); some id in info.content.controls_covered}
	some riskfile in lib.documents("security-risk-file")
	some j, control in riskfile.content.controls
	control.type == "user-information"
	not control.id in covered
	msg := sprintf("control %q relies on information for users, but %s; explain it to users and add %q to %s", [
		control.id, "no user security information lists it under controls_covered",
		control.id, "controls_covered of the user security information",
	])
}

# The rule examines every risk control for reliance on user information, and the user security information it
# looks such controls up in. With no control there is nothing to examine.
evidence contains lib.examined(riskfile.path, sprintf("/controls/%d", [j])) if {
	some riskfile in lib.documents("security-risk-file")
	some j, _ in _controls(riskfile)
}

evidence contains lib.examined(info.path, "/controls_covered") if {
	some riskfile in lib.documents("security-risk-file")
	some control in _controls(riskfile)
	control.type == "user-information"
	some info in lib.documents("user-security-information")
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-risk-file")
	msg := concat("", [
		"the manifest lists no security risk file (type \"security-risk-file\"), so no risk control that relies on user information can be traced to the users; ",
		"add the risk file with its controls to documents",
	])
}

insufficient contains lib.finding(riskfile.path, "/controls", msg) if {
	some riskfile in lib.documents("security-risk-file")
	count(_controls(riskfile)) == 0
	msg := sprintf("the security risk file %s lists no controls, so no risk control that relies on user information can be traced to the users; %s", [
		riskfile.path, "list under controls the risk controls that reduce the threats, with their type",
	])
}

# _controls is the risk file's controls, or none when the file has no list of them (the schema reports that).
_controls(riskfile) := riskfile.content.controls if is_array(riskfile.content.controls)

else := []
