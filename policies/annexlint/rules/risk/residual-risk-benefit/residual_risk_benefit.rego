# METADATA
# title: Unacceptable residual risks are covered by a benefit-risk statement
# description: |
#   When a security risk is still above the acceptance criteria after all practicable controls, a medical device
#   may only be placed on the market if its medical benefit outweighs that risk. MDCG 2019-16 asks for an overall
#   benefit-risk analysis that includes the security-related risks. A threat whose residual risk is not acceptable,
#   in a risk file without a benefit-risk statement, is an open risk nobody has accepted; a statement that does not
#   record who accepted the residual risks and when is not a documented acceptance.
# scope: package
# custom:
#   id: AL-RISK-006
#   severity: error
#   frameworks: [MDR, IVDR]
#   clauses:
#     - id: MDCG-2019-16-3.5
#       cite: MDCG 2019-16 rev.1 section 3.5
#     - id: MDCG-2019-16-3.2
#       cite: MDCG 2019-16 rev.1 section 3.2
#     - id: MDR-AI-8
#       cite: MDR Annex I section 8
#     - id: IVDR-AI-8
#       cite: IVDR Annex I section 8
#   remediation: |
#     Reduce the risk further with additional controls, or document the overall benefit-risk analysis under
#     `benefit_risk` (`statement`, `accepted_by`, `date`) explaining why the benefit outweighs the residual risk,
#     who accepted it and when.
package annexlint.rules.risk["residual-risk-benefit"]

import data.annexlint.lib

report contains lib.finding(riskfile.path, sprintf("/threats/%d/residual_risk", [i]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	not _has_statement(riskfile)
	criteria := riskfile.content.acceptance_criteria
	some i, threat in riskfile.content.threats
	lib.has_text(threat, "residual_risk")
	not lib.acceptable(criteria, threat.residual_risk)
	msg := sprintf("threat %q keeps residual risk %q, which the acceptance criteria do not accept, and %s; %s", [
		threat.id, threat.residual_risk, "the risk file has no benefit-risk statement",
		"reduce the risk further or document under benefit_risk why the benefit outweighs it",
	])
}

report contains lib.finding(riskfile.path, "/benefit_risk", msg) if {
	some riskfile in lib.documents("security-risk-file")
	_has_statement(riskfile)
	criteria := riskfile.content.acceptance_criteria
	threats := [t.id |
		some t in riskfile.content.threats
		lib.has_text(t, "residual_risk")
		not lib.acceptable(criteria, t.residual_risk)
	]
	count(threats) > 0
	acceptance := riskfile.content.benefit_risk
	gaps := array.concat(
		["but does not record who accepted them (accepted_by)" | not lib.has_text(acceptance, "accepted_by")],
		["when (date)" | not lib.is_date(object.get(acceptance, "date", null))],
	)
	count(gaps) > 0
	msg := sprintf("the benefit-risk statement covers residual risks the acceptance criteria do not accept (%s) %s; %s", [
		concat(", ", [sprintf("%v", [id]) | some id in threats]), concat(" or ", gaps),
		"record the acceptance: the person or function who accepted the residual risks and the date",
	])
}

# _has_statement is a helper because `not f(x.y)` is undefined, not true, when x.y is undefined.
_has_statement(riskfile) if lib.has_text(riskfile.content.benefit_risk, "statement")

# The rule examines the risk that remains for every threat (its residual risk where stated) against the acceptance
# criteria, and the benefit-risk statement where there is one. Without criteria or threats it has nothing to judge.
evidence contains lib.examined(riskfile.path, pointer) if {
	some riskfile in lib.documents("security-risk-file")
	_has_criteria(riskfile)
	count(_threats(riskfile)) > 0
	some pointer in array.concat(
		array.concat(["/acceptance_criteria"], ["/benefit_risk" | _has_statement(riskfile)]),
		[sprintf("/threats/%d", [i]) | some i, _ in _threats(riskfile)],
	)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-risk-file")
	msg := concat("", [
		"the manifest lists no security risk file (type \"security-risk-file\"), so no residual risk can be weighed ",
		"against the benefit; add the risk file with its threats, residual risks and benefit-risk statement to documents",
	])
}

insufficient contains lib.finding(riskfile.path, "/threats", msg) if {
	some riskfile in lib.documents("security-risk-file")
	count(_threats(riskfile)) == 0
	msg := sprintf("the security risk file %s lists no threats, so no residual risk can be evaluated; %s", [
		riskfile.path, "add the threats identified by threat modelling under threats, with the residual risk of each",
	])
}

insufficient contains lib.finding(riskfile.path, "", msg) if {
	some riskfile in lib.documents("security-risk-file")
	count(_threats(riskfile)) > 0
	not _has_criteria(riskfile)
	msg := sprintf("the security risk file %s states no acceptance criteria, so no residual risk can be judged; %s", [
		riskfile.path, "document under acceptance_criteria the scale of risk levels and the levels that are acceptable",
	])
}

_has_criteria(riskfile) if is_array(riskfile.content.acceptance_criteria.acceptable)

# _threats is the risk file's threats, or none when the file has no list of them (the schema reports that).
_threats(riskfile) := riskfile.content.threats if is_array(riskfile.content.threats)

else := []
