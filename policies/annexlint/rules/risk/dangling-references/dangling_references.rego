# METADATA
# title: The risk file refers only to defined controls, assets, interfaces and risk levels
# description: |
#   The security risk file is a chain of references: threats name the interfaces (declared in the manifest),
#   assets and controls they concern, and rate their risk on the scale of the documented acceptance criteria;
#   trust boundaries name the interfaces and assets that cross them.
#   A reference to an ID that is not defined, or a level that is not on the scale, breaks that chain: an auditor
#   cannot tell which control mitigates the threat or how the risk was evaluated.
# scope: package
# custom:
#   id: AL-RISK-004
#   severity: error
#   clauses:
#     - id: MDCG-2019-16-3.2
#       cite: MDCG 2019-16 rev.1 section 3.2
#     - id: MDCG-2019-16-3.5
#       cite: MDCG 2019-16 rev.1 section 3.5
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: CRA-ART13-3
#       cite: CRA Art. 13(3)
#   remediation: |
#     Correct the ID or level, or define what is missing: controls and assets in the risk file, interfaces under
#     `product.interfaces` in the manifest, levels in `acceptance_criteria.scale`.
package annexlint.rules.risk["dangling-references"]

import data.annexlint.lib

report contains lib.finding(riskfile.path, sprintf("/threats/%d/%s/%d", [i, field, k]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some [field, kind, defined, where] in _references(riskfile)
	some i, threat in riskfile.content.threats
	some k, id in threat[field]
	not id in defined
	msg := sprintf("threat %q names %s %q, which is not defined %s; define it there or correct the ID", [
		threat.id, kind, id, where,
	])
}

report contains lib.finding(riskfile.path, sprintf("/trust_boundaries/%d/%s/%d", [i, field, k]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	some [field, kind, defined, where] in _references(riskfile)
	field in {"assets", "interfaces"}
	some i, boundary in riskfile.content.trust_boundaries
	some k, id in boundary[field]
	not id in defined
	msg := sprintf("trust boundary %q names %s %q, which is not defined %s; define it there or correct the ID", [
		boundary.id, kind, id, where,
	])
}

report contains lib.finding(riskfile.path, sprintf("/threats/%d/%s", [i, field]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	scale := riskfile.content.acceptance_criteria.scale
	some i, threat in riskfile.content.threats
	some field in ["initial_risk", "residual_risk"]
	level := threat[field]
	not level in scale
	msg := sprintf("threat %q has %s %q, which is not a level of the acceptance criteria scale (%s); use one of them", [
		threat.id, field, level, _levels(scale),
	])
}

report contains lib.finding(riskfile.path, sprintf("/acceptance_criteria/acceptable/%d", [k]), msg) if {
	some riskfile in lib.documents("security-risk-file")
	scale := riskfile.content.acceptance_criteria.scale
	some k, level in riskfile.content.acceptance_criteria.acceptable
	not level in scale
	msg := sprintf("acceptable level %q is not a level of the acceptance criteria scale (%s); use one of them", [
		level, _levels(scale),
	])
}

# _references lists, per threat field, the kind of ID it holds, the IDs defined and where they are defined.
_references(riskfile) := [
	["controls", "control", {c.id | some c in riskfile.content.controls}, "under controls in the risk file"],
	["assets", "asset", {a.id | some a in riskfile.content.assets}, "under assets in the risk file"],
	["interfaces", "interface", {x.id | some x in lib.product.interfaces}, "in the manifest's product.interfaces"],
]

_levels(scale) := concat(", ", [sprintf("%q", [level]) | some level in scale])

# The rule examines the references of every threat and trust boundary and the levels of the acceptance criteria.
# A risk file without threats has no chain of references to check, so it gives no evidence (trust boundaries and
# criteria alone show no analysed risk).
evidence contains lib.examined(riskfile.path, pointer) if {
	some riskfile in lib.documents("security-risk-file")
	count(_threats(riskfile)) > 0
	some pointer in array.concat(
		[sprintf("/threats/%d", [i]) | some i, _ in _threats(riskfile)],
		array.concat(
			[sprintf("/trust_boundaries/%d", [i]) | some i, _ in riskfile.content.trust_boundaries],
			["/acceptance_criteria" | _ := riskfile.content.acceptance_criteria],
		),
	)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-risk-file")
	msg := concat("", [
		"the manifest lists no security risk file (type \"security-risk-file\"), so no reference from a threat to a control, asset, interface or risk level can be checked; ",
		"add the risk file with its threats to documents",
	])
}

insufficient contains lib.finding(riskfile.path, "/threats", msg) if {
	some riskfile in lib.documents("security-risk-file")
	count(_threats(riskfile)) == 0
	msg := sprintf("the security risk file %s lists no threats, so no reference from a threat to a control, asset, interface or risk level can be checked; %s", [
		riskfile.path, "add the threats identified by threat modelling under threats, naming the controls, assets and interfaces they concern",
	])
}

# _threats is the risk file's threats, or none when the file has no list of them (the schema reports that).
_threats(riskfile) := riskfile.content.threats if is_array(riskfile.content.threats)

else := []
