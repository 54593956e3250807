# METADATA
# title: Every threat with an unacceptable initial risk has controls and a residual risk
# description: |
#   Risk management means evaluating each risk against the documented acceptance criteria and, where it is not
#   acceptable, reducing it with risk controls and evaluating what remains. A threat rated above the acceptable
#   levels that names no control, or whose risk after the controls is not stated, shows that the risk was
#   identified but not managed.
# scope: package
# custom:
#   id: AL-RISK-002
#   severity: error
#   clauses:
#     - id: MDCG-2019-16-3.2
#       cite: MDCG 2019-16 rev.1 section 3.2
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: MDR-AI-4
#       cite: MDR Annex I section 4
#     - id: IVDR-AI-4
#       cite: IVDR Annex I section 4
#     - id: CRA-ART13-2
#       cite: CRA Art. 13(2)
#   remediation: |
#     For the threat named, list under `controls` the IDs of the risk controls that reduce it (define them under
#     `controls` if needed) and record under `residual_risk` the level that remains after those controls.
package annexlint.rules.risk["unacceptable-risk-controlled"]

import data.annexlint.lib

report contains lib.finding(riskfile.path, sprintf("/threats/%d", [i]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	criteria := riskfile.content.acceptance_criteria
	some i, threat in riskfile.content.threats
	lib.has_text(threat, "initial_risk")
	not lib.acceptable(criteria, threat.initial_risk)
	gaps := array.concat(
		["names no control" | not _controlled(threat)],
		["states no residual risk" | not lib.has_text(threat, "residual_risk")],
	)
	count(gaps) > 0
	msg := sprintf("threat %q has initial risk %q, which the acceptance criteria do not accept, but %s; %s", [
		threat.id, threat.initial_risk, concat(" and ", gaps),
		"list the controls that reduce it and record the residual risk that remains after them",
	])
}

_controlled(threat) if {
	some control in threat.controls
	is_string(control)
	not lib.is_placeholder(control) # "TBD" names no control
}

# The rule examines every threat with an initial risk against the acceptance criteria. Without criteria, or without a
# rated threat, no risk can be judged acceptable or not, so there is no evidence.
evidence contains lib.examined(riskfile.path, pointer) if {
	some riskfile in lib.documents("security-risk-file")
	_has_criteria(riskfile)
	rated := [i | some i, threat in _threats(riskfile); lib.has_text(threat, "initial_risk")]
	count(rated) > 0
	some pointer in array.concat(["/acceptance_criteria"], [sprintf("/threats/%d", [i]) | some i in rated])
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-risk-file")
	msg := concat("", [
		"the manifest lists no security risk file (type \"security-risk-file\"), so no threat's risk can be judged ",
		"against acceptance criteria; add the risk file with its acceptance criteria, threats and controls to documents",
	])
}

insufficient contains lib.finding(riskfile.path, "/threats", msg) if {
	some riskfile in lib.documents("security-risk-file")
	count(_threats(riskfile)) == 0
	msg := sprintf("the security risk file %s lists no threats, so no risk can be judged acceptable or not; %s", [
		riskfile.path, "add the threats identified by threat modelling under threats, each with its initial_risk",
	])
}

insufficient contains lib.finding(riskfile.path, "/threats", msg) if {
	some riskfile in lib.documents("security-risk-file")
	count(_threats(riskfile)) > 0
	every threat in _threats(riskfile) {
		not lib.has_text(threat, "initial_risk")
	}
	msg := sprintf("no threat in the security risk file %s has an initial risk, so none can be judged acceptable; %s", [
		riskfile.path, "record for each threat its initial_risk, a level of acceptance_criteria.scale",
	])
}

insufficient contains lib.finding(riskfile.path, "", msg) if {
	some riskfile in lib.documents("security-risk-file")
	count(_threats(riskfile)) > 0
	not _has_criteria(riskfile)
	msg := sprintf("the security risk file %s states no acceptance criteria, so no risk can be judged acceptable; %s", [
		riskfile.path, "document under acceptance_criteria the scale of risk levels and the levels that are acceptable",
	])
}

_has_criteria(riskfile) if is_array(riskfile.content.acceptance_criteria.acceptable)

# _threats is the risk file's threats, or none when the file has no list of them (the schema reports that).
_threats(riskfile) := riskfile.content.threats if is_array(riskfile.content.threats)

else := []
