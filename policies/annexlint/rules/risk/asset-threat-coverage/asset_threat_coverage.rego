# METADATA
# title: Every asset of the risk file is in scope of at least one threat
# description: |
#   The assets are what the security risk management protects: data, functions and software whose confidentiality,
#   integrity or availability matters. Threat modelling looks at each of them from an attacker's point of view. An
#   asset that no threat names was listed but never analysed, so nothing shows how it could be attacked or whether
#   its protection is adequate.
# scope: package
# custom:
#   id: AL-RISK-009
#   severity: error
#   clauses:
#     - id: MDCG-2019-16-3.4
#       cite: MDCG 2019-16 rev.1 section 3.4
#     - id: MDCG-2019-16-3.2
#       cite: MDCG 2019-16 rev.1 section 3.2
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: FDA-CSG-V-A-1
#       cite: FDA premarket cybersecurity guidance section V.A.1
#   remediation: |
#     Analyse how the asset can be attacked and add the threats (or name the asset under `assets` of the threats that
#     already concern it); remove the asset if the product does not have it.
package annexlint.rules.risk["asset-threat-coverage"]

import data.annexlint.lib

report contains lib.finding_related(riskfile.path, sprintf("/assets/%d", [i]), msg, related) if {
	some riskfile in lib.documents("security-risk-file")
	some i, asset in riskfile.content.assets
	lib.has_text(asset, "id")
	not _covered(riskfile, asset.id)
	msg := sprintf("asset %q (%s) is not named by any threat; %s", [
		asset.id, object.get(asset, "name", ""),
		"analyse how it can be attacked and name it under assets of the threats that concern it",
	])
	related := [{"path": riskfile.path, "pointer": "/threats", "message": "threats of the security risk file"}]
}

_covered(riskfile, id) if {
	some threat in riskfile.content.threats
	id in threat.assets
}
