# METADATA
# title: Every declared interface is in scope of the threat model
# description: |
#   Each external interface declared in the manifest (network, wireless, USB, APIs...) is an attack surface.
#   MDCG 2019-16 expects the security risk assessment to consider every one of them, so each interface
#   must be named by at least one threat. The threat model may be split over several risk files (a native risk file
#   beside an imported Threat Dragon or Threagile model, one file per subsystem): an interface is covered when a
#   threat of any of them names it.
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
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: CRA-ART13-3
#       cite: CRA Art. 13(3)
#   remediation: |
#     Add a threat to the security risk file whose `interfaces` list names the interface, or remove the
#     interface from the manifest if the product does not have it.
package annexlint.rules.risk["interface-threat-coverage"]

import data.annexlint.lib

report contains lib.finding_related(lib.manifest_path, sprintf("/product/interfaces/%d", [i]), msg, related) if {
	riskfiles := lib.documents("security-risk-file")
	count(riskfiles) > 0
	some i, iface in lib.product.interfaces
	not _covered(iface.id)
	msg := sprintf(
		"interface %q (%s) is declared in the manifest but no threat in %s names it; add a threat for it to the threat model",
		[iface.id, iface.name, concat(", ", sort([r.path | some r in riskfiles]))],
	)
	related := [{"path": r.path, "pointer": "/threats", "message": "threats of the security risk file"} | some r in riskfiles]
}

# _covered looks in every risk file of the bundle: the threat model is the union of them.
_covered(id) if {
	some riskfile in lib.documents("security-risk-file")
	some threat in riskfile.content.threats
	id in threat.interfaces
}

# The rule examines every interface the manifest declares against the threats of each risk file. Without a declared
# interface, or without a risk file, there is no attack surface to hold against a threat model.
evidence contains lib.examined(lib.manifest_path, sprintf("/product/interfaces/%d", [i])) if {
	lib.has_document("security-risk-file")
	some i, _ in _interfaces
}

evidence contains lib.examined(riskfile.path, "/threats") if {
	count(_interfaces) > 0
	some riskfile in lib.documents("security-risk-file")
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count(_interfaces) > 0
	not lib.has_document("security-risk-file")
	msg := concat("", [
		"the manifest lists no security risk file (type \"security-risk-file\"), so no declared interface can be ",
		"checked against a threat model; add the risk file, with threats naming the interfaces, to documents",
	])
}

insufficient contains lib.finding(lib.manifest_path, "/product", msg) if {
	count(_interfaces) == 0
	msg := concat("", [
		"the manifest declares no interfaces (product.interfaces), so nothing shows which attack surface the threat ",
		"model covers; declare each external interface (network, wireless, USB, API, user interface...) with its id",
	])
}

# _interfaces is the manifest's interface list, or none when it has no list (the schema reports a malformed one).
_interfaces := lib.product.interfaces if is_array(lib.product.interfaces)

else := []
