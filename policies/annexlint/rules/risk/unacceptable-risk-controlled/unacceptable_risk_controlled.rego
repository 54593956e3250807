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
}
