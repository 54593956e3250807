# METADATA
# title: Every declared interface is in scope of the threat model
# description: |
#   Each external interface declared in the manifest (network, wireless, USB, APIs...) is an attack surface.
#   MDCG 2019-16 expects the security risk assessment to consider every one of them, so each interface
#   must be named by at least one threat in the security risk file.
# scope: package
# custom:
#   id: AL-RISK-001
#   severity: error
#   clauses:
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: MDCG-2019-16-3.4
#       cite: MDCG 2019-16 rev.1 section 3.4
#     - id: MDR-AI-14.2D
#       cite: MDR Annex I 14.2(d)
#     - id: IVDR-AI-13.2D
#       cite: IVDR Annex I 13.2(d)
#   remediation: |
#     Add a threat to the security risk file whose `interfaces` list names the interface, or remove the
#     interface from the manifest if the product does not have it.
package annexlint.rules.risk["interface-threat-coverage"]

import data.annexlint.lib

report contains lib.finding_related(lib.manifest_path, sprintf("/product/interfaces/%d", [i]), msg, related) if {
	some riskfile in lib.documents("security-risk-file")
	some i, iface in lib.product.interfaces
	not _covered(riskfile, iface.id)
	msg := sprintf(
		"interface %q (%s) is declared in the manifest but no threat in %s names it; add a threat for it to the threat model",
		[iface.id, iface.name, riskfile.path],
	)
	related := [{"path": riskfile.path, "pointer": "/threats", "message": "threats of the security risk file"}]
}

_covered(riskfile, id) if {
	some threat in riskfile.content.threats
	id in threat.interfaces
}
