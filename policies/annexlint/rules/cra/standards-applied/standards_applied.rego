# METADATA
# title: The standards and specifications applied are the same in the technical description, the declaration and the conformity route
# description: |
#   The technical documentation lists the harmonised standards, common specifications and European cybersecurity
#   certification schemes applied, in full or in part (CRA Annex VII point 5); the EU declaration of conformity
#   refers to those used (Annex V point 6); and the manifest's `conformity_assessment` records those the route rests
#   on, from which AL-PDE-003 judges whether the route fits the category. When the three disagree, one of them
#   misstates the basis of the conformity assessment: a reference of the declaration that the technical description
#   does not list, a harmonised standard, common specification or certification scheme of the technical description
#   that the declaration leaves out, one applied in full in one and in part in the other, or one the manifest's route
#   rests on that the technical description does not list with the same extent. References are compared ignoring case
#   and spacing; one that contains the other (a number with or without its title) is the same.
# scope: package
# custom:
#   id: AL-PDE-022
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-AVII-5
#       cite: CRA Annex VII point 5
#     - id: CRA-AV-6
#       cite: CRA Annex V point 6
#   remediation: |
#     Write the same standards and specifications, with the same extent (applied: full or part), in the technical
#     description (`standards_applied`), the EU declaration of conformity (`references`) and, for harmonised standards,
#     common specifications and certification, the manifest's `product.conformity_assessment`; correct whichever is out
#     of date.
package annexlint.rules.cra["standards-applied"]

import data.annexlint.lib

_descriptions := lib.documents("technical-description")

_declarations := lib.documents("eu-declaration-of-conformity")

_declared_kinds := {"harmonised-standard", "common-specification", "certification-scheme"}

# A reference of the declaration the technical description does not list.
report contains lib.finding_related(doc.path, _list_pointer(doc), msg, related) if {
	some doc in _descriptions
	some decl in _declarations
	some j, ref in decl.content.references
	lib.has_text(ref, "reference")
	not _listed(doc, ref.reference)
	msg := sprintf("the EU declaration of conformity %s refers to %q, but the technical description %s does not list it among the standards and specifications applied (CRA Annex VII point 5); %s", [
		decl.path, ref.reference, doc.path, "list it with its kind and extent, or correct the declaration",
	])
	related := [{"path": decl.path, "pointer": sprintf("/references/%d", [j]), "message": "in the declaration"}]
}

# A harmonised standard, common specification or certification scheme the declaration does not refer to.
report contains lib.finding_related(doc.path, sprintf("/standards_applied/%d", [i]), msg, related) if {
	some doc in _descriptions
	some decl in _declarations
	some i, spec in doc.content.standards_applied
	spec.kind in _declared_kinds
	lib.has_text(spec, "reference")
	not _declared(decl, spec.reference)
	msg := sprintf("the technical description %s says %s (%s) was applied, but the EU declaration of conformity %s does not refer to it (CRA Annex V point 6); %s", [
		doc.path, spec.reference, spec.kind, decl.path, "add it to the declaration's references, or correct the technical description",
	])
	related := [{"path": decl.path, "pointer": "/references", "message": "the declaration's references"}]
}

# The same reference applied in full in one and in part in the other.
report contains lib.finding_related(doc.path, sprintf("/standards_applied/%d/applied", [i]), msg, related) if {
	some doc in _descriptions
	some decl in _declarations
	some i, spec in doc.content.standards_applied
	lib.has_text(spec, "reference")
	some j, ref in decl.content.references
	lib.has_text(ref, "reference")
	_same(spec.reference, ref.reference)
	is_string(ref.applied)
	is_string(spec.applied)
	ref.applied != spec.applied
	msg := sprintf("the technical description %s says %s was applied in %s, but the EU declaration of conformity %s says in %s; %s", [
		doc.path, spec.reference, spec.applied, decl.path, ref.applied, "state the extent it was applied to, the same in both",
	])
	related := [{"path": decl.path, "pointer": sprintf("/references/%d/applied", [j]), "message": "in the declaration"}]
}

# What the manifest's conformity route rests on, and the technical description does not list with the same extent.
report contains lib.finding_related(doc.path, _list_pointer(doc), msg, related) if {
	some doc in _descriptions
	some [kind, applied, reference, pointer] in _route_bases
	not _listed_as(doc, kind, applied, reference)
	msg := sprintf("the manifest's conformity assessment rests on %s (%s, applied in %s), but the technical description %s does not list it so (CRA Annex VII point 5); %s", [
		reference, kind, applied, doc.path, "list it with the same kind and extent, or correct the manifest",
	])
	related := [{"path": lib.manifest_path, "pointer": pointer, "message": "in the manifest"}]
}

# A harmonised standard or common specification applied in full that the manifest's route does not record: the route
# is judged (AL-PDE-003) on what the manifest records.
report contains lib.finding_related(doc.path, sprintf("/standards_applied/%d", [i]), msg, related) if {
	some doc in _descriptions
	is_object(lib.product.conformity_assessment)
	some i, spec in doc.content.standards_applied
	[kind, list] := _manifest_lists[_]
	spec.kind == kind
	spec.applied == "full"
	lib.has_text(spec, "reference")
	not _in_manifest(list, spec.reference)
	msg := sprintf("the technical description %s says the %s %s was applied in full, but the manifest's conformity assessment does not record it (product.conformity_assessment.%s); %s", [
		doc.path, replace(kind, "-", " "), spec.reference, list, "record it there, so the route is judged on what was applied, or correct the technical description",
	])
	related := [{"path": lib.manifest_path, "pointer": "/product/conformity_assessment", "message": "the conformity assessment"}]
}

_manifest_lists := [["harmonised-standard", "harmonised_standards"], ["common-specification", "common_specifications"]]

_route_bases contains [kind, spec.applied, spec.reference, sprintf("/product/conformity_assessment/%s/%d", [list, i])] if {
	some [kind, list] in _manifest_lists
	some i, spec in lib.product.conformity_assessment[list]
	lib.has_text(spec, "reference")
	is_string(spec.applied)
}

_route_bases contains ["certification-scheme", null, cert.scheme, "/product/conformity_assessment/certification"] if {
	cert := lib.product.conformity_assessment.certification
	lib.has_text(cert, "scheme")
}

_listed(doc, reference) if {
	some spec in doc.content.standards_applied
	lib.has_text(spec, "reference")
	_same(spec.reference, reference)
}

_listed_as(doc, kind, applied, reference) if {
	some spec in doc.content.standards_applied
	spec.kind == kind
	_extent_agrees(spec, applied)
	lib.has_text(spec, "reference")
	_same(spec.reference, reference)
}

_extent_agrees(_, null)

_extent_agrees(spec, applied) if spec.applied == applied

_declared(decl, reference) if {
	some ref in decl.content.references
	lib.has_text(ref, "reference")
	_same(ref.reference, reference)
}

_in_manifest(list, reference) if {
	some spec in lib.product.conformity_assessment[list]
	lib.has_text(spec, "reference")
	_same(spec.reference, reference)
}

_same(a, b) if contains(_norm(a), _norm(b))

_same(a, b) if contains(_norm(b), _norm(a))

_norm(s) := regex.replace(lower(trim_space(s)), `\s+`, " ")

_list_pointer(doc) := "/standards_applied" if is_array(doc.content.standards_applied)

else := ""

# The evidence is each standard or specification of the technical description, compared with the declaration and the
# route.
evidence contains lib.examined(doc.path, sprintf("/standards_applied/%d", [i])) if {
	some doc in _descriptions
	count(_declarations) > 0
	some i, spec in doc.content.standards_applied
	lib.has_text(spec, "reference")
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count(_descriptions) == 0
	msg := "the manifest lists no technical description (type \"technical-description\"), so the standards and specifications applied cannot be compared with the declaration and the conformity route (CRA Annex VII point 5); add it to documents"
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count(_descriptions) > 0
	count(_declarations) == 0
	msg := "the manifest lists no EU declaration of conformity (type \"eu-declaration-of-conformity\"), so the standards and specifications the technical description lists cannot be compared with those it refers to (CRA Annex V point 6); add it to documents"
}

insufficient contains lib.finding(doc.path, "", msg) if {
	some doc in _descriptions
	count(_declarations) > 0
	count(evidence) == 0
	msg := sprintf("the technical description %s lists no standard or specification applied, so nothing can be compared with the declaration and the conformity route; list them under standards_applied (CRA Annex VII point 5)", [doc.path])
}
