# METADATA
# title: An NIS2 essential or important entity has its incident-handling procedure in the bundle
# description: |
#   An essential or important entity's cybersecurity risk-management measures include incident handling (NIS2 Art.
#   21(2)(b)), and the notifications of Art. 23 come out of it: who decides that an incident is significant, who
#   submits the early warning within 24 hours, who writes the final report. A register of notifications shows that
#   notifications were made; the procedure shows how incidents are handled so that they can be. The register names
#   the procedure (incident_handling_procedure: its reference and the bundle path of the document), and the
#   document is in the bundle.
# scope: package
# custom:
#   id: AL-REPORT-008
#   severity: error
#   applies_from: "2024-10-18"
#   clauses:
#     - id: NIS2-ART21-2B
#       cite: NIS2 Art. 21(2)(b)
#     - id: NIS2-ART23-1
#       cite: NIS2 Art. 23(1)
#   remediation: |
#     Add the incident-handling procedure to the bundle and name it in the register of notifications as
#     incident_handling_procedure, with its reference (ID and revision) and document (bundle-relative path).
package annexlint.rules.reporting["nis2-incident-procedure"]

import data.annexlint.lib

report contains lib.finding(doc.path, "", msg) if {
	_entity
	some doc in lib.documents("vulnerability-reports")
	not _procedure_named(doc)
	msg := concat(" ", [
		"the register of notifications does not name the entity's incident-handling procedure",
		"(incident_handling_procedure, with its reference and document), which an essential or important entity",
		"needs under NIS2 Art. 21(2)(b); add the procedure to the bundle and name it",
	])
}

report contains lib.finding(doc.path, "/incident_handling_procedure/document", msg) if {
	_entity
	some doc in lib.documents("vulnerability-reports")
	_procedure_named(doc)
	document := doc.content.incident_handling_procedure.document
	not lib.file_exists(document)
	msg := sprintf("the incident-handling procedure %s names the document %s, which is not in the bundle; %s", [
		doc.content.incident_handling_procedure.reference, document,
		"add the procedure to the bundle, or correct the path (relative to the bundle root)",
	])
}

_entity if lib.product.nis2_entity in {"essential", "important"}

_procedure_named(doc) if {
	lib.has_text(doc.content.incident_handling_procedure, "reference")
	lib.has_text(doc.content.incident_handling_procedure, "document")
}

evidence contains lib.examined(doc.path, "/incident_handling_procedure") if {
	_entity
	some doc in lib.documents("vulnerability-reports")
	_procedure_named(doc)
}

evidence contains lib.examined(doc.content.incident_handling_procedure.document, "") if {
	_entity
	some doc in lib.documents("vulnerability-reports")
	_procedure_named(doc)
	lib.file_exists(doc.content.incident_handling_procedure.document)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	_entity
	not lib.has_document("vulnerability-reports")
	msg := concat(" ", [
		"the manifest lists no register of notifications (type \"vulnerability-reports\"), so the entity's",
		"incident-handling procedure is not named; add the register and name the procedure in it",
	])
}
