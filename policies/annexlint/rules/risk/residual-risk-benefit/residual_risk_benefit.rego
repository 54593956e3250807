# METADATA
# title: Unacceptable residual risks are covered by a benefit-risk statement
# description: |
#   When a security risk is still above the acceptance criteria after all practicable controls, a medical device
#   may only be placed on the market if its medical benefit outweighs that risk. MDCG 2019-16 asks for an overall
#   benefit-risk analysis that includes the security-related risks. A threat whose residual risk is not acceptable,
#   in a risk file without a benefit-risk statement, is an open risk nobody has accepted; a statement that does not
#   record who accepted the residual risks and when is not a documented acceptance. The acceptance must also name each
#   threat it covers, with the SHA-256 digest of that threat's entry as it was when accepted (`benefit_risk.threats`):
#   a threat edited since (a new attack path, a control removed, a higher rating) was not part of what was accepted,
#   so the acceptance no longer covers it until it is reviewed and the new digest recorded.
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
#     who accepted it and when, and list under `benefit_risk.threats` each threat it covers with the `sha256` of the
#     threat entry as accepted (the finding states the current digest). When a covered threat changes, review the
#     acceptance and record its new digest.
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

# The acceptance names each threat it covers, with the digest of the entry it accepted.
report contains lib.finding(riskfile.path, "/benefit_risk", msg) if {
	some riskfile in lib.documents("security-risk-file")
	_has_statement(riskfile)
	criteria := riskfile.content.acceptance_criteria
	some threat in riskfile.content.threats
	lib.has_text(threat, "residual_risk")
	not lib.acceptable(criteria, threat.residual_risk)
	not threat.id in _named(riskfile)
	msg := sprintf("the benefit-risk acceptance does not name threat %q (residual risk %q) among the threats it covers; %s", [
		threat.id, threat.residual_risk,
		sprintf("once the acceptance has been reviewed for it, add {id: %s, sha256: %s} under benefit_risk.threats", [
			threat.id, digest(threat),
		]),
	])
}

report contains lib.finding(riskfile.path, sprintf("/benefit_risk/threats/%d/sha256", [k]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some k, entry in riskfile.content.benefit_risk.threats
	some threat in riskfile.content.threats
	threat.id == entry.id
	is_string(entry.sha256)
	lower(entry.sha256) != digest(threat)
	msg := sprintf("threat %q changed after the benefit-risk acceptance: it was accepted as sha256 %s, its entry is now %s; %s", [
		threat.id, entry.sha256, digest(threat),
		"review whether the benefit still outweighs its residual risk and record the new digest, or reduce the risk",
	])
}

report contains lib.finding(riskfile.path, sprintf("/benefit_risk/threats/%d", [k]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some k, entry in riskfile.content.benefit_risk.threats
	some threat in riskfile.content.threats
	threat.id == entry.id
	not _has_digest(entry)
	msg := sprintf("the benefit-risk acceptance names threat %q without the digest of the entry it accepted, so a later change to the threat cannot be told; %s", [
		threat.id, sprintf("record sha256: %s once the acceptance has been reviewed for it", [digest(threat)]),
	])
}

report contains lib.finding(riskfile.path, sprintf("/benefit_risk/threats/%d/id", [k]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some k, entry in riskfile.content.benefit_risk.threats
	is_string(entry.id)
	not entry.id in {t.id | some t in riskfile.content.threats}
	msg := sprintf("the benefit-risk acceptance names threat %q, which is not in the risk file; %s", [
		entry.id, "correct the ID, or remove the entry if the threat was removed",
	])
}

# digest is the lower-case hex SHA-256 of a threat entry as compact JSON with its keys sorted: any change to the
# entry as written changes it, a change of key order or YAML layout does not.
digest(threat) := crypto.sha256(json.marshal(threat))

# _has_digest is a helper because `not f(x.y)` is undefined, not true, when x.y is undefined.
_has_digest(entry) if is_string(entry.sha256)

_named(riskfile) := {entry.id | some entry in riskfile.content.benefit_risk.threats}

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
