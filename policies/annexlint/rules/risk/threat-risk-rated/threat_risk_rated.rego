# METADATA
# title: Every threat has an initial risk rating
# description: |
#   Identifying a threat is only the first step: its risk must be estimated and evaluated against the documented
#   acceptance criteria to decide whether it needs risk control. A threat without an initial risk rating has not
#   been evaluated, so nothing shows whether leaving it without controls is acceptable.
# scope: package
# custom:
#   id: AL-RISK-005
#   severity: error
#   clauses:
#     - id: MDCG-2019-16-3.2
#       cite: MDCG 2019-16 rev.1 section 3.2
#     - id: MDCG-2019-16-3.4
#       cite: MDCG 2019-16 rev.1 section 3.4
#     - id: CRA-ART13-3
#       cite: CRA Art. 13(3)
#   remediation: |
#     Estimate the risk of the threat before controls and record it as `initial_risk`, using a level of
#     `acceptance_criteria.scale`.
package annexlint.rules.risk["threat-risk-rated"]

import data.annexlint.lib

report contains lib.finding(riskfile.path, sprintf("/threats/%d", [i]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some i, threat in riskfile.content.threats
	not lib.has_text(threat, "initial_risk")
	msg := sprintf("threat %q has no initial risk rating; %s", [
		threat.id, "estimate its risk before controls and record it as initial_risk, a level of the acceptance scale",
	])
}
