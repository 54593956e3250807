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
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
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

# The rule examines every threat of every risk file; with no threat there is nothing whose rating it could check.
evidence contains lib.examined(riskfile.path, sprintf("/threats/%d", [i])) if {
	some riskfile in lib.documents("security-risk-file")
	some i, _ in _threats(riskfile)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-risk-file")
	msg := concat("", [
		"the manifest lists no security risk file (type \"security-risk-file\"), so no threat's risk rating can be ",
		"checked; add the risk file with its threats and their initial_risk to documents",
	])
}

insufficient contains lib.finding(riskfile.path, "/threats", msg) if {
	some riskfile in lib.documents("security-risk-file")
	count(_threats(riskfile)) == 0
	msg := sprintf("the security risk file %s lists no threats, so no risk rating can be checked; %s", [
		riskfile.path, "add the threats identified by threat modelling under threats, each with its initial_risk",
	])
}

# _threats is the risk file's threats, or none when the file has no list of them (the schema reports that).
_threats(riskfile) := riskfile.content.threats if is_array(riskfile.content.threats)

else := []
