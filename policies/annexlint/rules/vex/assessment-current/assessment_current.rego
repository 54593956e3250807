# METADATA
# title: VEX documents and scans are not older than the SBOM they assess
# description: |
#   A VEX document or a vulnerability scan assesses the components of an SBOM. If it was issued before the SBOM,
#   it assessed an earlier bill of materials: components added or upgraded since were never scanned or assessed,
#   and statements may describe versions that no longer ship. Compared are the document's own timestamp (OpenVEX
#   timestamp, CSAF current_release_date, CycloneDX metadata.timestamp, the scanner's run time) and the SBOM's;
#   a document assesses the SBOMs whose components its statements or findings name (the only SBOM, if it names none).
# scope: package
# custom:
#   id: AL-VEX-007
#   severity: warning
#   clauses:
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: CRA-AI-P2-3
#       cite: CRA Annex I Part II (3)
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#   remediation: |
#     Scan the current SBOM again and review the VEX against it: re-assess statements for components that changed,
#     add statements for new findings, and issue the VEX document again with a new timestamp and version.
package annexlint.rules.vex["assessment-current"]

import data.annexlint.lib
import data.annexlint.lib.vuln

report contains lib.finding_related(doc.path, _pointer(doc), msg, [related]) if {
	some doc in _documents
	issued := vuln.ns(doc.content.timestamp)
	some sbom in lib.documents("sbom")
	issued < vuln.ns(sbom.content.timestamp)
	_assesses(doc.path, sbom.path)
	msg := sprintf("the %s was issued %s, before the SBOM %s it assesses (%s); %s", [
		_what(doc.type), doc.content.timestamp, sbom.path, sbom.content.timestamp,
		"components added or changed since were not assessed: scan and assess the current SBOM and issue it again",
	])
	related := {"path": sbom.path, "pointer": "", "message": "the newer SBOM"}
}

_documents := array.concat(lib.documents("vex"), lib.documents("vulnerability-scan"))

_what("vex") := "VEX document"

_what("vulnerability-scan") := "scan"

_pointer(doc) := "/timestamp_source" if is_object(doc.content.timestamp_source)

else := ""

# _assesses is true when a statement or finding of the document names a component of the SBOM, or, for a
# document that names no component of any SBOM, when the bundle has only this SBOM. Arguments are paths, not
# documents: OPA memoises calls by their arguments, and hashing a large document per call would be costly.
_assesses(doc_path, sbom_path) if {
	some item in _items[doc_path]
	some id in vuln.resolve(item)
	id[0] == sbom_path
}

_assesses(doc_path, _) if {
	count(lib.documents("sbom")) == 1
	not _names_any(doc_path)
}

_names_any(doc_path) if {
	some item in _items[doc_path]
	count(vuln.resolve(item)) > 0
}

_items := {doc.path: items |
	some doc in _documents
	items := array.concat(
		[p | some st in doc.content.statements; some p in vuln.targets(st)],
		[m | some m in doc.content.matches],
	)
}
