# METADATA
# title: Threats that can affect safety are linked to the hazards of the safety risk file
# description: |
#   A security risk with safety impact must feed the safety risk management (ISO 14971) and the other way round:
#   MDCG 2019-16 describes the two processes exchanging information (its Annex IV). In the risk file a threat can
#   affect safety when it says so (`affects_safety: true`) or when it names an asset marked `safety_function: true`
#   (an asset whose integrity or availability a safety function or the essential performance depends on) and does
#   not state `affects_safety: false`. Such a threat must name the hazards it can cause under `safety_hazards`, so the
#   auditor can follow it into the safety risk file. A threat that names hazards but says it cannot affect safety
#   contradicts itself. A threat to an asset of a safety function that states `affects_safety: false` overrides the
#   presumption that it can harm, so it must say why under `safety_rationale` (for example: the safety function does
#   not depend on the attacked property, or an independent protection in the safety risk file catches it).
# scope: package
# custom:
#   id: AL-RISK-010
#   severity: error
#   frameworks: [MDR, IVDR]
#   clauses:
#     - id: MDCG-2019-16-10
#       cite: MDCG 2019-16 rev.1 section 10
#     - id: MDCG-2019-16-3.2
#       cite: MDCG 2019-16 rev.1 section 3.2
#     - id: MDCG-2019-16-2.2
#       cite: MDCG 2019-16 rev.1 section 2.2
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#   remediation: |
#     Analyse in the safety risk file which hazardous situations the threat can lead to and list those hazard IDs under
#     `safety_hazards`; if exploiting it cannot harm anyone, state `affects_safety: false` (and remove the hazards) and,
#     for a threat to an asset of a safety function, explain why under `safety_rationale`.
package annexlint.rules.risk["safety-hazard-link"]

import data.annexlint.lib

report contains lib.finding(riskfile.path, sprintf("/threats/%d", [i]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some i, threat in riskfile.content.threats
	reason := _affects_safety(riskfile, threat)
	not _names_hazard(threat)
	msg := sprintf("threat %q can affect safety (%s) but names no safety hazard; %s", [
		threat.id, reason,
		"list under safety_hazards the ISO 14971 hazards it can cause, or state affects_safety: false",
	])
}

report contains lib.finding(riskfile.path, sprintf("/threats/%d/affects_safety", [i]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some i, threat in riskfile.content.threats
	threat.affects_safety == false
	_names_hazard(threat)
	msg := sprintf("threat %q states affects_safety: false but names safety hazards (%s); %s", [
		threat.id, concat(", ", [h | some h in threat.safety_hazards; is_string(h)]),
		"correct one of them so the security and safety risk files agree",
	])
}

report contains lib.finding(riskfile.path, sprintf("/threats/%d/affects_safety", [i]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some i, threat in riskfile.content.threats
	threat.affects_safety == false
	ids := _safety_assets(riskfile, threat)
	count(ids) > 0
	not _names_hazard(threat) # a contradiction, reported above
	not lib.has_text(threat, "safety_rationale")
	msg := sprintf("threat %q concerns %s of a safety function but states affects_safety: false without saying why; %s", [
		threat.id, concat(", ", ids),
		"explain under safety_rationale why exploiting it cannot cause a hazardous situation, or name the hazards it can cause",
	])
}

# _safety_assets lists the assets of a safety function the threat names.
_safety_assets(riskfile, threat) := [a.id |
	some a in riskfile.content.assets
	a.safety_function == true
	a.id in threat.assets
]

# _affects_safety says why a threat can affect safety, undefined when it cannot.
_affects_safety(_, threat) := "affects_safety: true" if threat.affects_safety == true

_affects_safety(riskfile, threat) := sprintf("it concerns %s", [concat(", ", ids)]) if {
	not _states_affects_safety(threat)
	ids := [sprintf("%s, an asset of a safety function", [id]) | some id in _safety_assets(riskfile, threat)]
	count(ids) > 0
}

# _states_affects_safety is a helper because `not f(x.y)` is undefined, not true, when x.y is undefined.
_states_affects_safety(threat) if is_boolean(threat.affects_safety)

# A placeholder ("TBD", "n/a") names no hazard (lib.is_placeholder).
_names_hazard(threat) if {
	some h in threat.safety_hazards
	is_string(h)
	trim_space(h) != ""
	not lib.is_placeholder(h)
}

# The rule examines every threat for its effect on safety; with no threat there is nothing to link to the hazards.
evidence contains lib.examined(riskfile.path, sprintf("/threats/%d", [i])) if {
	some riskfile in lib.documents("security-risk-file")
	some i, _ in _threats(riskfile)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-risk-file")
	msg := concat("", [
		"the manifest lists no security risk file (type \"security-risk-file\"), so no threat can be traced to the hazards of the safety risk file; ",
		"add the risk file with its threats to documents",
	])
}

insufficient contains lib.finding(riskfile.path, "/threats", msg) if {
	some riskfile in lib.documents("security-risk-file")
	count(_threats(riskfile)) == 0
	msg := sprintf("the security risk file %s lists no threats, so no threat can be traced to the hazards of the safety risk file; %s", [
		riskfile.path, "add the threats identified by threat modelling under threats and name the safety hazards each can cause",
	])
}

# _threats is the risk file's threats, or none when the file has no list of them (the schema reports that).
_threats(riskfile) := riskfile.content.threats if is_array(riskfile.content.threats)

else := []
