# METADATA
# title: Each threat's CVSS vector is valid and agrees with the score stated beside it
# description: |
#   MDCG 2019-16 lets manufacturers rate how exploitable a threat is with a scoring system such as CVSS. The rating
#   is only worth something if it can be reproduced: a vector that is not valid CVSS, or a stated score the vector
#   does not compute to, leaves the auditor with a different number than the risk evaluation used. annexlint parses
#   every vector (CVSS 3.0, 3.1 and 4.0) and computes its scores as FIRST specifies them; the stated `cvss_score`
#   must equal the vector's base score (CVSS-B for 4.0) or its score with the temporal/environmental metrics given.
# scope: package
# custom:
#   id: AL-RISK-008
#   severity: error
#   clauses:
#     - id: MDCG-2019-16-3.4
#       cite: MDCG 2019-16 rev.1 section 3.4
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: FDA-CSG-V-A-2
#       cite: FDA premarket cybersecurity guidance section V.A.2
#   remediation: |
#     Correct the vector (for example with FIRST's calculator) so that it is valid CVSS 3.x or 4.0, and state as
#     `cvss_score` the score it computes to; a score without its vector cannot be checked, so add the vector.
package annexlint.rules.risk["cvss-score"]

import data.annexlint.lib

report contains lib.finding(riskfile.path, sprintf("/threats/%d/cvss", [i]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some i, threat in riskfile.content.threats
	facts := input.derived.cvss[threat.cvss]
	facts.valid == false
	msg := sprintf("threat %q has CVSS vector %q, which is not valid: %s; %s", [
		threat.id, threat.cvss, facts.error,
		"correct it to a CVSS 3.x or 4.0 vector (e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H)",
	])
}

report contains lib.finding(riskfile.path, sprintf("/threats/%d/cvss_score", [i]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some i, threat in riskfile.content.threats
	facts := input.derived.cvss[threat.cvss]
	facts.valid == true
	is_number(threat.cvss_score)
	not _agrees(threat.cvss_score, facts)
	msg := sprintf("threat %q states cvss_score %s, but its vector %s computes to %s; %s", [
		threat.id, _score(threat.cvss_score), threat.cvss, _computed(facts),
		"correct the score or the vector so that they agree",
	])
}

report contains lib.finding(riskfile.path, sprintf("/threats/%d/cvss_score", [i]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some i, threat in riskfile.content.threats
	is_number(threat.cvss_score)
	not lib.has_text(threat, "cvss")
	msg := sprintf("threat %q states cvss_score %s but no cvss vector, so the score cannot be reproduced; %s", [
		threat.id, _score(threat.cvss_score), "add the vector it was computed from",
	])
}

# _agrees allows for the representation of decimals: scores have one decimal place.
_agrees(stated, facts) if abs(stated - facts.base_score) < 0.001

_agrees(stated, facts) if abs(stated - facts.score) < 0.001

_computed(facts) := sprintf("%s (%s)", [_score(facts.base_score), facts.severity]) if {
	facts.score == facts.base_score
} else := sprintf("base score %s (%s), %s with its temporal/environmental metrics", [
	_score(facts.base_score), facts.severity, _score(facts.score),
])

# _score writes a score with its one decimal, as CVSS does (8.0, not 8).
_score(x) := s if {
	s := sprintf("%v", [x])
	contains(s, ".")
} else := sprintf("%v.0", [x])

# The rule examines the rating of every threat: a CVSS vector and score where stated (CVSS is optional, so a
# threat rated otherwise is examined and has nothing to contradict). With no threat there is nothing to examine.
evidence contains lib.examined(riskfile.path, sprintf("/threats/%d", [i])) if {
	some riskfile in lib.documents("security-risk-file")
	some i, _ in _threats(riskfile)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-risk-file")
	msg := concat("", [
		"the manifest lists no security risk file (type \"security-risk-file\"), so no threat's CVSS rating can be checked; ",
		"add the risk file with its threats to documents",
	])
}

insufficient contains lib.finding(riskfile.path, "/threats", msg) if {
	some riskfile in lib.documents("security-risk-file")
	count(_threats(riskfile)) == 0
	msg := sprintf("the security risk file %s lists no threats, so no threat's exploitability rating can be checked; %s", [
		riskfile.path, "add the threats identified by threat modelling under threats, with their CVSS vector where you rate with CVSS",
	])
}

# _threats is the risk file's threats, or none when the file has no list of them (the schema reports that).
_threats(riskfile) := riskfile.content.threats if is_array(riskfile.content.threats)

else := []
