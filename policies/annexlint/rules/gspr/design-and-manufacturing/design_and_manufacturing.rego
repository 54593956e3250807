# METADATA
# title: The technical documentation describes the design stages, the build and release process and every design and manufacturing site
# description: |
#   For a device whose essential parts are software, "manufacturing" is the build and release of that software. MDR
#   Annex II section 3 asks the technical documentation for information that makes the design stages understandable,
#   the manufacturing processes with their validation, monitoring and final testing, and every site where design and
#   manufacturing take place, suppliers and subcontractors included. The manifest's design_and_manufacturing section
#   holds it: design_stages, build_and_release, release_testing and sites, each site with its name, address and role.
#   A supplier that delivered documents in the bundle (supplied_by) takes part in the device's design, so it is among
#   the sites; an auditor who finds a supplier's SBOM in the file and the supplier missing from the list of sites
#   asks why. Placeholders describe nothing.
# scope: package
# custom:
#   id: AL-GSPR-007
#   severity: error
#   frameworks: [MDR]
#   clauses:
#     - id: MDR-AII-3
#       cite: MDR Annex II section 3
#   remediation: |
#     In the manifest, add `design_and_manufacturing` with `design_stages` (the development stages and their reviews),
#     `build_and_release` (how a release is built, validated and monitored), `release_testing` (the final tests a
#     release passes before it ships) and `sites`: every design and manufacturing site, software supplier and
#     subcontractor, each with `name`, `address` and `role`, including every supplier named in a document's
#     `supplied_by`.
package annexlint.rules.gspr["design-and-manufacturing"]

import data.annexlint.lib

_texts := [
	["design_stages", "the design stages and their reviews"],
	["build_and_release", "how a release is built, validated and monitored"],
	["release_testing", "the final tests a release passes before it ships"],
]

report contains lib.finding(lib.manifest_path, "", msg) if {
	not _has_section
	msg := concat(" ", [
		"the manifest does not describe the device's design and manufacturing (design_and_manufacturing): add the",
		"design stages, the build and release process with its validation and final testing, and every design and",
		"manufacturing site, software supplier and subcontractor",
	])
}

report contains lib.finding(lib.manifest_path, "/design_and_manufacturing", msg) if {
	_has_section
	missing := [sprintf("%s (%s)", [t[1], t[0]]) | some t in _texts; not lib.has_text(_section, t[0])]
	count(missing) > 0
	msg := sprintf("the manifest's design and manufacturing information does not describe %s; describe it", [concat(", nor ", missing)])
}

report contains lib.finding(lib.manifest_path, "/design_and_manufacturing/sites", msg) if {
	_has_section
	count(_sites) == 0
	msg := concat(" ", [
		"the manifest's design and manufacturing information lists no sites; list every design and manufacturing",
		"site, software supplier and subcontractor with its name, address and role",
	])
}

report contains lib.finding(lib.manifest_path, sprintf("/design_and_manufacturing/sites/%d", [i]), msg) if {
	some i, site in _sites
	missing := [key | some key in ["name", "address", "role"]; not lib.has_text(site, key)]
	count(missing) > 0
	msg := sprintf("design and manufacturing site %d gives no %s; name the site, its address and its role", [i + 1, concat(", no ", missing)])
}

# One finding per missing supplier, however many documents it delivered, at the list of sites (where the fix goes),
# with the supplier's documents as related locations: neither the finding nor its place depends on the order the
# manifest lists the documents in.
report contains lib.finding_related(lib.manifest_path, "/design_and_manufacturing/sites", msg, related) if {
	_has_section
	some key, indexes in _supplier_documents
	not key in {_normal(site.name) | some site in _sites; is_string(site.name)}
	paths := sort({_documents[i].path | some i in indexes})
	some first in indexes
	_documents[first].path == paths[0]
	msg := sprintf(
		"%s supplied %s, but the design and manufacturing sites do not list it; add the supplier, with its address and role, to design_and_manufacturing.sites",
		[_documents[first].supplied_by.name, concat(" and ", paths)],
	)
	related := [{"path": lib.manifest_path, "pointer": sprintf("/documents/%d/supplied_by", [i]), "message": sprintf("%s, supplied by %s", [_documents[i].path, _documents[i].supplied_by.name])} |
		some i in sort(indexes)
	]
}

# _supplier_documents maps each supplier named in a document's supplied_by (normalised) to the indexes of its documents.
_supplier_documents[key] := {i |
	some i, doc in _documents
	_supplier_key(doc) == key
} if {
	some doc in _documents
	key := _supplier_key(doc)
}

_supplier_key(doc) := _normal(doc.supplied_by.name) if {
	is_string(doc.supplied_by.name)
	not lib.is_placeholder(doc.supplied_by.name)
	is_string(doc.path)
}

_has_section if is_object(input.manifest.content.design_and_manufacturing)

_section := input.manifest.content.design_and_manufacturing if _has_section

_sites := s if {
	s := _section.sites
	is_array(s)
} else := []

_documents := d if {
	d := input.manifest.content.documents
	is_array(d)
} else := []

_normal(s) := lower(trim_space(s))

evidence contains lib.examined(lib.manifest_path, "/design_and_manufacturing") if {
	_has_section
	count(_sites) > 0
}
