# METADATA
# title: The technical description of a CRA product is about the product as released, with the files it names
# description: |
#   The general description of the technical documentation gives the versions of software that affect compliance
#   (CRA Annex VII point 1(b)): the product's own release must be among them, and a version given for a component
#   the SBOM lists must be the version the SBOM says is shipped, otherwise the documentation describes another build.
#   The photographs or illustrations of hardware (point 1(c)) and the drawings and schemes of the design (point 2(a))
#   must be files of the bundle: a path that names no file is evidence nobody can open. Names are compared ignoring
#   case.
# scope: package
# custom:
#   id: AL-PDE-021
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-AVII-1B
#       cite: CRA Annex VII point 1(b)
#     - id: CRA-AVII-1C
#       cite: CRA Annex VII point 1(c)
#     - id: CRA-AVII-2A
#       cite: CRA Annex VII point 2(a)
#   remediation: |
#     List the product's release (the manifest's `product.version`) under `software_versions`, give each component the
#     version the SBOM lists, and add to the bundle every illustration and drawing the technical description names
#     (or correct its path, relative to the bundle folder).
package annexlint.rules.cra["technical-description-agrees"]

import data.annexlint.lib

_descriptions := lib.documents("technical-description")

report contains lib.finding_related(doc.path, "/software_versions", msg, related) if {
	some doc in _descriptions
	is_array(doc.content.software_versions)
	count(doc.content.software_versions) > 0
	version := lib.product.version
	is_string(version)
	not _lists_version(doc, version)
	msg := sprintf("the technical description %s does not list the product's release %s among the software versions that affect compliance (CRA Annex VII point 1(b)); %s", [
		doc.path, version, "add it, or correct the manifest's product.version if the description is for the release placed on the market",
	])
	related := [{"path": lib.manifest_path, "pointer": "/product/version", "message": "the product's release"}]
}

report contains lib.finding_related(doc.path, sprintf("/software_versions/%d/version", [i]), msg, related) if {
	some doc in _descriptions
	some i, entry in doc.content.software_versions
	lib.has_text(entry, "name")
	lib.has_text(entry, "version")
	shipped := _sbom_versions(entry.name)
	count(shipped) > 0
	not entry.version in shipped
	[sbom_path, pointer] := _sbom_place(entry.name)
	msg := sprintf("the technical description %s gives %s version %s, but the SBOM lists %s; %s", [
		doc.path, entry.name, entry.version, concat(", ", sort(shipped)),
		"describe the versions the product ships, or regenerate the SBOM from the release build",
	])
	related := [{"path": sbom_path, "pointer": pointer, "message": "in the SBOM"}]
}

report contains lib.finding(doc.path, pointer, msg) if {
	some doc in _descriptions
	some [pointer, path, point] in _named_files(doc)
	not lib.file_exists(path)
	msg := sprintf("the technical description %s names %s (CRA Annex VII %s), but the bundle holds no such file; %s", [
		doc.path, path, point, "add it, or correct the path (relative to the bundle folder)",
	])
}

_named_files(doc) := array.concat(
	[[sprintf("/hardware/illustrations/%d/path", [i]), ill.path, "point 1(c)"] |
		some i, ill in object.get(doc, ["content", "hardware", "illustrations"], [])
		is_string(ill.path)
	],
	[[sprintf("/design/drawings/%d", [i]), path, "point 2(a)"] |
		some i, path in object.get(doc, ["content", "design", "drawings"], [])
		is_string(path)
	],
)

_lists_version(doc, version) if {
	some entry in doc.content.software_versions
	entry.version == version
}

_sbom_components contains [sbom.path, "/primary", sbom.content.primary] if {
	some sbom in lib.documents("sbom")
	is_object(sbom.content.primary)
}

_sbom_components contains [sbom.path, sprintf("/components/%d", [i]), component] if {
	some sbom in lib.documents("sbom")
	some i, component in sbom.content.components
}

_sbom_versions(name) := {c.version |
	some [_, _, c] in _sbom_components
	is_string(c.name)
	lower(c.name) == lower(name)
	is_string(c.version)
}

_sbom_place(name) := [path, pointer] if {
	places := [[path, pointer] |
		some [path, pointer, c] in _sbom_components
		is_string(c.name)
		lower(c.name) == lower(name)
	]
	[path, pointer] := places[0]
}

evidence contains lib.examined(doc.path, "/software_versions") if {
	some doc in _descriptions
	_lists_version(doc, lib.product.version)
}

evidence contains lib.examined(doc.path, pointer) if {
	some doc in _descriptions
	some [pointer, path, _] in _named_files(doc)
	lib.file_exists(path)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count(_descriptions) == 0
	msg := "the manifest lists no technical description (type \"technical-description\"), so the software versions and the files of the technical documentation cannot be compared with the product; add it to documents"
}

insufficient contains lib.finding(doc.path, "", msg) if {
	some doc in _descriptions
	count(evidence) == 0
	msg := sprintf("the technical description %s lists no software versions with the product's release and names no illustration or drawing in the bundle, so nothing can be compared with the product; AL-PDE-020 lists what to add", [doc.path])
}
