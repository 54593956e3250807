# METADATA
# title: A residual risk above the initial risk is explained
# description: |
#   Risk controls exist to reduce a risk: the residual risk of a threat is normally at or below its initial risk.
#   A residual risk rated higher than the initial one means either an error in the evaluation (the levels were
#   swapped, or the initial risk was underestimated) or that a control itself introduced a new risk, which the risk
#   management must then analyse. Either way the risk file must say why, in `residual_risk_rationale`; without it
#   the evaluation of that threat cannot be followed.
# scope: package
# custom:
#   id: AL-RISK-012
#   severity: error
#   clauses:
#     - id: MDR-AI-4
#       cite: MDR Annex I section 4
#     - id: MDR-AI-3
#       cite: MDR Annex I section 3
#     - id: IVDR-AI-4
#       cite: IVDR Annex I section 4
#     - id: IVDR-AI-3
#       cite: IVDR Annex I section 3
#     - id: MDCG-2019-16-3.2
#       cite: MDCG 2019-16 rev.1 section 3.2
#     - id: CRA-ART13-2
#       cite: CRA Art. 13(2)
#   remediation: |
#     Check the two ratings of the threat. If the residual risk really is higher than the initial risk (for example
#     because a control introduces a new risk), explain why under `residual_risk_rationale` and analyse the new risk;
#     otherwise correct `initial_risk` or `residual_risk`.
package annexlint.rules.risk["residual-not-above-initial"]

import data.annexlint.lib

report contains lib.finding(riskfile.path, sprintf("/threats/%d/residual_risk", [i]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	criteria := riskfile.content.acceptance_criteria
	some i, threat in riskfile.content.threats
	lib.level_rank(criteria, threat.residual_risk) > lib.level_rank(criteria, threat.initial_risk)
	not lib.has_text(threat, "residual_risk_rationale")
	msg := sprintf("threat %q has residual risk %q, higher than its initial risk %q, and does not say why; %s", [
		threat.id, threat.residual_risk, threat.initial_risk,
		"correct the ratings, or explain under residual_risk_rationale how the controls raise the risk and analyse that risk",
	])
}

# The rule examines every threat rated before and after control on the file's scale.
evidence contains lib.examined(riskfile.path, sprintf("/threats/%d", [i])) if {
	some riskfile in lib.documents("security-risk-file")
	criteria := riskfile.content.acceptance_criteria
	some i, threat in _threats(riskfile)
	lib.level_rank(criteria, threat.residual_risk)
	lib.level_rank(criteria, threat.initial_risk)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-risk-file")
	msg := concat("", [
		"the manifest lists no security risk file (type \"security-risk-file\"), so no residual risk can be compared with ",
		"the initial risk; add the risk file with its threats and their ratings to documents",
	])
}

insufficient contains lib.finding(riskfile.path, "/threats", msg) if {
	some riskfile in lib.documents("security-risk-file")
	count(_threats(riskfile)) == 0
	msg := sprintf("the security risk file %s lists no threats, so no residual risk can be compared with the initial risk; %s", [
		riskfile.path, "add the threats identified by threat modelling under threats, each with its initial_risk and residual_risk",
	])
}

# _threats is the risk file's threats, or none when the file has no list of them (the schema reports that).
_threats(riskfile) := riskfile.content.threats if is_array(riskfile.content.threats)

else := []
