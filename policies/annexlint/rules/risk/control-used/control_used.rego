# METADATA
# title: Every risk control is named by a threat it reduces
# description: |
#   Risk controls are chosen to reduce identified risks, and the risk file traces each control to the risks it
#   reduces so that its effect on the residual risk can be evaluated. A control that no threat names either reduces
#   nothing the analysis found (an unanalysed threat is missing) or lost its link when a threat was edited (the
#   residual risk of that threat then rests on a control it no longer names). Threats of every risk file of the
#   bundle count. The traceability is asked for by the guidance and standards rather than spelled out in the law, so
#   the finding is a warning.
# scope: package
# custom:
#   id: AL-RISK-014
#   severity: warning
#   clauses:
#     - id: MDCG-2019-16-3.2
#       cite: MDCG 2019-16 rev.1 section 3.2
#     - id: MDCG-2019-16-3.3
#       cite: MDCG 2019-16 rev.1 section 3.3
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: CRA-ART13-3
#       cite: CRA Art. 13(3)
#   remediation: |
#     Name the control under `controls` of each threat it reduces; if it reduces a threat the risk file does not list
#     yet, add that threat; remove the control if it reduces nothing.
package annexlint.rules.risk["control-used"]

import data.annexlint.lib

report contains lib.finding(riskfile.path, sprintf("/controls/%d", [j]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some j, control in riskfile.content.controls
	lib.has_text(control, "id")
	not control.id in _used
	msg := sprintf("control %q (%v) is named by no threat, so nothing shows which risk it reduces; %s", [
		control.id, object.get(control, "title", ""),
		"name it under controls of the threats it reduces, add the threat it was chosen for, or remove it",
	])
}

# _used holds the controls named by a threat of any risk file of the bundle.
_used contains id if {
	some riskfile in lib.documents("security-risk-file")
	some threat in riskfile.content.threats
	some id in threat.controls
}

# The rule examines every control with an ID against the threats of the bundle.
evidence contains lib.examined(riskfile.path, sprintf("/controls/%d", [j])) if {
	some riskfile in lib.documents("security-risk-file")
	some j, control in _controls(riskfile)
	lib.has_text(control, "id")
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-risk-file")
	msg := concat("", [
		"the manifest lists no security risk file (type \"security-risk-file\"), so no risk control can be traced to the ",
		"threats it reduces; add the risk file with its threats and controls to documents",
	])
}

insufficient contains lib.finding(riskfile.path, "/controls", msg) if {
	some riskfile in lib.documents("security-risk-file")
	count(_controls(riskfile)) == 0
	msg := sprintf("the security risk file %s lists no controls, so no risk control can be traced to the threats it reduces; %s", [
		riskfile.path, "list under controls the risk controls that reduce the threats and name them in those threats",
	])
}

# _controls is the risk file's controls, or none when the file has no list of them (the schema reports that).
_controls(riskfile) := riskfile.content.controls if is_array(riskfile.content.controls)

else := []
