# METADATA
# title: VEX documents and scans are not older than the SBOM they assess
# description: |
#   A VEX document or a vulnerability scan assesses the components of an SBOM. If it was issued before the SBOM,
#   it assessed an earlier bill of materials: components added or upgraded since were never scanned or assessed,
#   and statements may describe versions that no longer ship. Compared are the document's own timestamp (OpenVEX
#   timestamp, CSAF current_release_date, CycloneDX metadata.timestamp, the scanner's run time) and the SBOM's;
#   a document assesses the SBOMs whose components its statements or findings name (the only SBOM, if it names none).
#   For a medical device or IVD, assessing the software as it ships is part of its risk management, information
#   security included (MDR Annex I 17.2, IVDR Annex I 16.2).
# scope: package
# custom:
#   id: AL-VEX-007
#   severity: warning
#   clauses:
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: CRA-AI-P2-3
#       cite: CRA Annex I Part II (3)
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
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

# evidence is every dated VEX document and scan, with the dated SBOMs it was compared with. The pairs are not
# resolved here: which SBOM a document assesses is worked out only for the few issued before an SBOM (above).
evidence contains lib.examined(doc.path, _pointer(doc)) if {
	count(_dated_sboms) > 0
	some doc in _documents
	vuln.ns(doc.content.timestamp)
}

evidence contains lib.examined(path, "") if {
	some doc in _documents
	vuln.ns(doc.content.timestamp)
	some path in _dated_sboms
}

# A document whose date cannot be read cannot be compared with the SBOM: say so, rather than pass it.
insufficient contains lib.finding(doc.path, _pointer(doc), msg) if {
	count(_dated_sboms) > 0
	some doc in _documents
	not _dated(doc)
	msg := sprintf("the %s states no date and time of issue that can be read (%s), so it cannot be told whether %s; %s", [
		_what(doc.type), _given(doc.content), "it assesses the current SBOM",
		"record when it was issued as an RFC 3339 date-time (OpenVEX timestamp, CSAF current_release_date, CycloneDX metadata.timestamp, the scanner's run time)",
	])
}

# An SBOM whose date cannot be read leaves the VEX documents and scans nothing to be compared with. AL-SBOM-004
# reports the missing timestamp as a defect of the SBOM; here it is the reason this check could not be made.
insufficient contains lib.finding(sbom.path, "", msg) if {
	count(_documents) > 0
	some sbom in lib.documents("sbom")
	not _dated(sbom)
	msg := sprintf("the SBOM %s states no date and time of assembly that can be read, so it cannot be told whether %s; %s", [
		sbom.path, "the VEX documents and scans were issued after it and assess it as it is",
		"record when it was assembled as an RFC 3339 date-time (CycloneDX metadata.timestamp, SPDX creationInfo created)",
	])
}

# _dated is a helper, because `not vuln.ns(x)` is undefined, not true, when x is undefined.
_dated(doc) if vuln.ns(doc.content.timestamp)

_dated_sboms := {sbom.path | some sbom in lib.documents("sbom"); vuln.ns(sbom.content.timestamp)}

_given(content) := sprintf("timestamp %q", [content.timestamp]) if lib.has_text(content, "timestamp")

else := "no timestamp"

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
