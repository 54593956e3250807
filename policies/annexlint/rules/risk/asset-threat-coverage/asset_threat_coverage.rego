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
#     - id: CRA-ART13-3
#       cite: CRA Art. 13(3)
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

# The rule examines every asset with an ID and the threats that could name it. With no asset there is nothing
# whose analysis it could check.
evidence contains lib.examined(riskfile.path, pointer) if {
	some riskfile in lib.documents("security-risk-file")
	some i, asset in _assets(riskfile)
	lib.has_text(asset, "id")
	some pointer in [sprintf("/assets/%d", [i]), "/threats"]
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-risk-file")
	msg := concat("", [
		"the manifest lists no security risk file (type \"security-risk-file\"), so no asset can be checked for a threat analysis; ",
		"add the risk file with its assets and threats to documents",
	])
}

insufficient contains lib.finding(riskfile.path, "/assets", msg) if {
	some riskfile in lib.documents("security-risk-file")
	count(_assets(riskfile)) == 0
	msg := sprintf("the security risk file %s lists no assets, so nothing shows which data, functions and software the threat model protects; %s", [
		riskfile.path, "list under assets what the product must protect (data, functions, software) and name them in the threats that concern them",
	])
}

# _assets is the risk file's assets, or none when the file has no list of them (the schema reports that).
_assets(riskfile) := riskfile.content.assets if is_array(riskfile.content.assets)

else := []
