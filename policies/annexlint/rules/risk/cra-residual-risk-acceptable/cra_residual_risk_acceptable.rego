# METADATA
# title: A CRA product keeps no residual cybersecurity risk its own criteria call unacceptable
# description: |
#   A product with digital elements must be designed, developed and produced to give a level of cybersecurity
#   appropriate to its risks, and the manufacturer's risk assessment is what decides that level. Unlike a medical
#   device, whose residual risks may be accepted against its medical benefit, a CRA product has no benefit-risk
#   route: a threat whose residual risk is still above the manufacturer's own acceptance criteria after all controls
#   shows a product that does not meet the essential requirements, whatever a benefit-risk statement says.
# scope: package
# custom:
#   id: AL-RISK-013
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-AI-P1-1
#       cite: CRA Annex I Part I (1)
#     - id: CRA-ART13-2
#       cite: CRA Art. 13(2)
#     - id: CRA-AVII-3
#       cite: CRA Annex VII point 3
#   remediation: |
#     Reduce the risk with further controls (secure design first) until the residual risk is one of the acceptable
#     levels, verify the controls and record the new residual risk. Until then the product does not meet Annex I Part I
#     (1) and must not be placed on the market.
package annexlint.rules.risk["cra-residual-risk-acceptable"]

import data.annexlint.lib

report contains lib.finding(riskfile.path, sprintf("/threats/%d/residual_risk", [i]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	criteria := riskfile.content.acceptance_criteria
	is_array(criteria.acceptable)
	some i, threat in riskfile.content.threats
	lib.has_text(threat, "residual_risk")
	not lib.acceptable(criteria, threat.residual_risk)
	msg := sprintf("threat %q keeps residual risk %q, which the acceptance criteria do not accept (%s); %s", [
		threat.id, threat.residual_risk, concat(", ", [sprintf("%q", [l]) | some l in criteria.acceptable]),
		"a product with digital elements has no benefit-risk route: reduce the risk with further controls until it is acceptable",
	])
}

# The rule examines every threat whose risk is rated, against the acceptance criteria: the residual risk where it is
# stated, else the initial risk (no control was needed).
evidence contains lib.examined(riskfile.path, pointer) if {
	some riskfile in lib.documents("security-risk-file")
	is_array(riskfile.content.acceptance_criteria.acceptable)
	rated := [i | some i, threat in _threats(riskfile); _rated(threat)]
	count(rated) > 0
	some pointer in array.concat(["/acceptance_criteria"], [sprintf("/threats/%d", [i]) | some i in rated])
}

_rated(threat) if lib.has_text(threat, "residual_risk")

_rated(threat) if lib.has_text(threat, "initial_risk")

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-risk-file")
	msg := concat("", [
		"the manifest lists no security risk file (type \"security-risk-file\"), so it cannot be shown that no unacceptable ",
		"cybersecurity risk remains; add the risk assessment with its acceptance criteria, threats and residual risks to documents",
	])
}

insufficient contains lib.finding(riskfile.path, "/threats", msg) if {
	some riskfile in lib.documents("security-risk-file")
	count([t | some t in _threats(riskfile); _rated(t)]) == 0
	msg := sprintf("the security risk file %s rates no threat, so it cannot be shown that no unacceptable risk remains; %s", [
		riskfile.path, "add the threats identified by threat modelling, each with its initial_risk and the residual_risk after controls",
	])
}

# _threats is the risk file's threats, or none when the file has no list of them (the schema reports that).
_threats(riskfile) := riskfile.content.threats if is_array(riskfile.content.threats)

else := []
