# METADATA
# title: Every radio interface says how it is secured
# description: |
#   ACME house rule. A wireless or Bluetooth interface can be reached by anyone in radio range, so the
#   manifest describes, for each one, how access to it is protected (pairing, authentication,
#   encryption, when it is on). An auditor reads the description to see that the minimum IT security
#   measures against unauthorised access were defined for the interface.
# scope: package
# custom:
#   id: ACME-NET-001
#   severity: warning
#   frameworks: [MDR]
#   clauses:
#     - id: MDR-AI-17.4
#       cite: MDR Annex I 17.4
#   remediation: |
#     Give the interface a description that says how it is protected against unauthorised access:
#     pairing or authentication, encryption, and when the radio is on.
package annexlint.rules.acme["wireless-interface-described"]

import data.annexlint.lib

radio_types := {"wireless", "bluetooth"}

# report: one finding per radio interface whose description is missing, blank or a placeholder.
report contains lib.finding(lib.manifest_path, sprintf("/product/interfaces/%d", [i]), msg) if {
	some i, interface in lib.product.interfaces
	interface.type in radio_types
	not lib.has_text(interface, "description")
	msg := sprintf("%s interface %s has no description of how it is secured; describe its pairing or authentication, encryption and when it is on", [interface.type, interface.id])
}

# evidence: every radio interface the rule judged. With none, the rule has nothing to examine and cannot pass.
evidence contains lib.examined(lib.manifest_path, sprintf("/product/interfaces/%d", [i])) if {
	some i, interface in lib.product.interfaces
	interface.type in radio_types
}
