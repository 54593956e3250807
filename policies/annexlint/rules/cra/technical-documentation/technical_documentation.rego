# METADATA
# title: The technical documentation of a CRA product covers every point of Annex VII
# description: |
#   Before placing a product with digital elements on the market the manufacturer draws up technical documentation
#   with at least the contents of Annex VII (Art. 31(1)). Several points have documents of their own that other rules
#   check (the user information of point 1(d), vulnerability handling of 2(b), the risk assessment of 3, the support
#   period of 4, test reports of 6, the declaration of 7). The others are read from a `technical-description`
#   document: the intended purpose (point 1(a)), the versions of software that affect compliance (1(b)), whether the
#   product has hardware and, if it does, the photographs or illustrations of its external features, marking and
#   internal layout (1(c)), the design with the system architecture (2(a)), the production and monitoring processes
#   and their validation (2(c)), and the harmonised standards, common specifications, certification schemes or
#   other specifications applied, with a description of the solutions adopted where none is applied in full (5).
#   The SBOM the manufacturer hands over on a reasoned request (point 8) must be in the bundle. A point that is
#   missing or holds a placeholder is a finding naming the point.
# scope: package
# custom:
#   id: AL-PDE-020
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-ART31-1
#       cite: CRA Art. 31(1)
#     - id: CRA-AVII-1A
#       cite: CRA Annex VII point 1(a)
#     - id: CRA-AVII-1B
#       cite: CRA Annex VII point 1(b)
#     - id: CRA-AVII-1C
#       cite: CRA Annex VII point 1(c)
#     - id: CRA-AVII-2A
#       cite: CRA Annex VII point 2(a)
#     - id: CRA-AVII-2C
#       cite: CRA Annex VII point 2(c)
#     - id: CRA-AVII-5
#       cite: CRA Annex VII point 5
#     - id: CRA-AVII-8
#       cite: CRA Annex VII point 8
#   remediation: |
#     Add a `technical-description` document (docs/bundle-format.md) that summarises the technical file and fill in
#     the points named: `intended_purpose`, `software_versions` (name and version of each), `hardware` (present, and
#     illustrations when it is), `design.architecture`, `production_and_monitoring` (production, monitoring,
#     validation), and `standards_applied` with `other_solutions` where nothing is applied in full. List the SBOM of
#     the product under documents.
package annexlint.rules.cra["technical-documentation"]

import data.annexlint.lib

_descriptions := lib.documents("technical-description")

# _texts: the texts Annex VII asks for, with the point and what it is.
_texts := [
	[["intended_purpose"], "point 1(a)", "the intended purpose"],
	[["design", "architecture"], "point 2(a)", "the design and the system architecture: how the software components build on or feed into each other"],
	[["production_and_monitoring", "production"], "point 2(c)", "the production process"],
	[["production_and_monitoring", "monitoring"], "point 2(c)", "the monitoring process"],
	[["production_and_monitoring", "validation"], "point 2(c)", "how the production and monitoring processes are validated"],
]

report contains lib.finding(doc.path, _pointer(doc, path), msg) if {
	some doc in _descriptions
	some [path, point, what] in _texts
	not _stated(doc, path)
	msg := sprintf("the technical description %s does not state %s (CRA Annex VII %s, %s); %s", [
		doc.path, what, point, concat(".", path), "describe it as the technical file does",
	])
}

report contains lib.finding(doc.path, _pointer(doc, ["software_versions"]), msg) if {
	some doc in _descriptions
	not _versions_listed(doc)
	msg := sprintf("the technical description %s lists no versions of software that affect compliance (CRA Annex VII point 1(b), software_versions); %s", [
		doc.path, "list the product's release and each software version the conformity assessment covers, with name and version",
	])
}

report contains lib.finding(doc.path, _pointer(doc, ["hardware"]), msg) if {
	some doc in _descriptions
	not is_boolean(object.get(doc, ["content", "hardware", "present"], null))
	msg := sprintf("the technical description %s does not say whether the product has hardware (CRA Annex VII point 1(c), hardware.present); %s", [
		doc.path, "state present: false for software, or present: true with the photographs or illustrations of its external features, marking and internal layout",
	])
}

report contains lib.finding(doc.path, "/hardware", msg) if {
	some doc in _descriptions
	doc.content.hardware.present == true
	not _illustrated(doc)
	msg := sprintf("the technical description %s says the product has hardware but gives no photographs or illustrations of it (CRA Annex VII point 1(c), hardware.illustrations); %s", [
		doc.path, "add the files that show its external features, marking and internal layout",
	])
}

report contains lib.finding(doc.path, _pointer(doc, ["standards_applied"]), msg) if {
	some doc in _descriptions
	not _specifications_listed(doc)
	not lib.has_text(doc.content, "other_solutions")
	msg := sprintf("the technical description %s lists no standard or specification applied and describes no other solution (CRA Annex VII point 5, standards_applied, other_solutions); %s", [
		doc.path, "list the harmonised standards, common specifications, certification schemes and other specifications applied, in full or in part, or describe the solutions adopted to meet Annex I",
	])
}

report contains lib.finding(doc.path, _pointer(doc, ["other_solutions"]), msg) if {
	some doc in _descriptions
	_specifications_listed(doc)
	not _applied_in_full(doc)
	not lib.has_text(doc.content, "other_solutions")
	msg := sprintf("the technical description %s applies no harmonised standard, common specification or certification scheme in full, but does not describe the solutions adopted to meet Annex I Parts I and II (CRA Annex VII point 5, other_solutions); %s", [
		doc.path, "describe them, naming the parts the standards applied in part do not cover",
	])
}

report contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count(_descriptions) > 0
	not lib.has_document("sbom")
	msg := "the manifest lists no SBOM (type \"sbom\"), which the technical documentation must be able to hand over on a reasoned request of a market surveillance authority (CRA Annex VII point 8); add the product's SBOM to documents"
}

_stated(doc, path) if {
	text := object.get(doc, array.concat(["content"], path), "")
	is_string(text)
	not lib.is_placeholder(text)
}

_illustrated(doc) if {
	some illustration in doc.content.hardware.illustrations
	lib.has_text(illustration, "path")
}

_versions_listed(doc) if {
	some entry in doc.content.software_versions
	lib.has_text(entry, "name")
	lib.has_text(entry, "version")
}

_specifications_listed(doc) if {
	some spec in doc.content.standards_applied
	lib.has_text(spec, "reference")
}

_applied_in_full(doc) if {
	some spec in doc.content.standards_applied
	spec.kind in {"harmonised-standard", "common-specification", "certification-scheme"}
	spec.applied == "full"
}

_pointer(doc, path) := concat("", ["/", concat("/", path)]) if {
	object.get(doc, array.concat(["content"], path), null) != null
} else := ""

# The evidence is each point the description states.
evidence contains lib.examined(doc.path, _pointer(doc, path)) if {
	some doc in _descriptions
	some [path, _, _] in _texts
	_stated(doc, path)
}

evidence contains lib.examined(doc.path, "/software_versions") if {
	some doc in _descriptions
	_versions_listed(doc)
}

evidence contains lib.examined(doc.path, "/hardware") if {
	some doc in _descriptions
	is_boolean(doc.content.hardware.present)
}

evidence contains lib.examined(doc.path, "/standards_applied") if {
	some doc in _descriptions
	_specifications_listed(doc)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count(_descriptions) == 0
	msg := concat("", [
		"the manifest lists no technical description (type \"technical-description\"), so it cannot be shown that the ",
		"technical documentation gives the intended purpose, the software versions, the design and architecture, the ",
		"production and monitoring processes and the standards applied (CRA Annex VII points 1, 2(a), 2(c) and 5); ",
		"add the summary of the technical file to documents",
	])
}
