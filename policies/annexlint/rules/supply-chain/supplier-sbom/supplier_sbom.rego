# METADATA
# title: A supplier's SBOM is the SBOM of the component it is marked for, names the supplier and is dated
# description: |
#   A device or product maker may hold in its bundle the SBOM a component's maker delivered with the component (a
#   radio module, an embedded operating system, a library sold under licence), marked in the manifest with
#   `supplied_by: {name, component}`. It is the supplier's delivery, not the product's SBOM (the product's own SBOM
#   lists the component; annexlint's SBOM rules read only the maker's own SBOMs), and it is checked against what a
#   CRA manufacturer of that component delivers with it: an SBOM whose primary component is the component, at the
#   version the product ships, with the component's supplier named and the time it was drawn up (Annex I Part II (1);
#   NTIA minimum elements); due diligence in integrating the component (Art. 13(5)) includes checking that the
#   supplier's SBOM is the SBOM of what was integrated. The component must be one the product's own SBOM lists. For
#   a medical device the CRA is cited as the state of the art, so findings are warnings there. A bundle without a
#   supplier's SBOM has nothing of this kind to be wrong: the rule then records that it examined the product's own
#   SBOMs, and a bundle whose SBOMs list no component has insufficient evidence.
# scope: package
# custom:
#   id: AL-SUPPLY-001
#   severity: error
#   clauses:
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: NTIA-SBOM-SUPPLIER
#       cite: NTIA SBOM Minimum Elements (2021), data field 'Supplier Name'
#     - id: NTIA-SBOM-TIMESTAMP
#       cite: NTIA SBOM Minimum Elements (2021), data field 'Timestamp'
#   remediation: |
#     Ask the supplier for the SBOM of the component version you integrate, with the component as its primary
#     component (CycloneDX metadata.component, SPDX documentDescribes), its supplier named and its timestamp, and mark
#     it in the manifest with `supplied_by: {name, component}` (component: the package URL or the name under which
#     your product's SBOM lists it). List the component in your product's own SBOM.
package annexlint.rules["supply-chain"]["supplier-sbom"]

import data.annexlint.lib
import data.annexlint.lib.supply as component
import data.annexlint.lib.vuln

report contains lib.finding(sbom.path, "", msg) if {
	some sbom in lib.supplied_documents("sbom")
	not component.ref(sbom)
	msg := sprintf("the SBOM %s is marked as supplied by %s but the marking names no component (supplied_by.component); give the package URL or the name of the component it documents", [sbom.path, _supplier(sbom)])
}

report contains lib.finding(sbom.path, "/primary", msg) if {
	some sbom in lib.supplied_documents("sbom")
	ref := component.ref(sbom)
	not component.matches(sbom.content.primary, ref)
	msg := sprintf("the SBOM %s from %s describes %s, not the component %s it is marked for; ask the supplier for the SBOM of that component, or correct supplied_by.component", [
		sbom.path, _supplier(sbom), _described(sbom), ref,
	])
}

report contains lib.finding(sbom.path, "/primary", msg) if {
	some sbom in lib.supplied_documents("sbom")
	ref := component.ref(sbom)
	component.matches(sbom.content.primary, ref)
	some shipped in _shipped_versions(sbom, ref)
	lib.has_text(sbom.content.primary, "version") # a placeholder is no version: the finding below says so
	vuln.norm_version(sbom.content.primary.version) != vuln.norm_version(shipped)
	msg := sprintf("the SBOM %s from %s documents version %s of %s, but the product ships version %s; ask the supplier for the SBOM of the version you integrate", [
		sbom.path, _supplier(sbom), sbom.content.primary.version, sbom.content.primary.name, shipped,
	])
}

report contains lib.finding(sbom.path, "/primary", msg) if {
	some sbom in lib.supplied_documents("sbom")
	component.matches(sbom.content.primary, component.ref(sbom))
	not lib.has_text(sbom.content.primary, "version")
	msg := sprintf("the SBOM %s from %s states no version of its primary component %s, so it cannot be told that it documents the version the product ships; ask the supplier for an SBOM that names the version", [
		sbom.path, _supplier(sbom), sbom.content.primary.name,
	])
}

report contains lib.finding(sbom.path, "/primary", msg) if {
	some sbom in lib.supplied_documents("sbom")
	component.matches(sbom.content.primary, component.ref(sbom))
	not _names_supplier(sbom)
	msg := sprintf("the SBOM %s does not name %s as the supplier of its primary component %s (supplier or author); the supplier name is a minimum element: ask the supplier to state it", [
		sbom.path, _supplier(sbom), sbom.content.primary.name,
	])
}

report contains lib.finding(sbom.path, "", msg) if {
	some sbom in lib.supplied_documents("sbom")
	not _dated(sbom)
	msg := sprintf("the SBOM %s from %s states no time it was drawn up, so it cannot be told which delivery of the component it documents; ask the supplier for an SBOM with its timestamp", [sbom.path, _supplier(sbom)])
}

report contains lib.finding(lib.manifest_path, sprintf("/documents/%d/supplied_by/component", [i]), msg) if {
	some i, entry in input.manifest.content.documents
	entry.type == "sbom"
	some sbom in lib.supplied_documents("sbom")
	sbom.path == entry.path
	ref := component.ref(sbom)
	count(component.in_product_sbom(sbom)) == 0
	lib.has_document("sbom")
	msg := sprintf("the product's own SBOMs do not list the component %s that the supplier's SBOM %s documents; list it in the product's SBOM, or correct supplied_by.component", [ref, sbom.path])
}

# _shipped_versions are the versions at which the product ships the component: those of its entries in the
# product's own SBOMs, or, when they give none, the one the marking's package URL names. Versions compare as
# vuln.norm_version does, without a leading "v" (a GitHub tag v3.7.0 is release 3.7.0).
_shipped_versions(sbom, ref) := listed if {
	listed := {c.version | some [_, _, c] in component.in_product_sbom(sbom); lib.has_text(c, "version")}
	count(listed) > 0
} else := {v | v := component.version(ref)}

_dated(sbom) if vuln.ns(sbom.content.timestamp)

_supplier(doc) := sprintf("%q", [doc.supplied_by.name]) if lib.has_text(doc.supplied_by, "name")

else := "a supplier it does not name"

_described(sbom) := sprintf("%q", [sbom.content.primary.name]) if lib.has_text(sbom.content.primary, "name")

else := "no primary component"

_names_supplier(sbom) if _contains_name(sbom.content.primary.supplier, sbom.supplied_by.name)

_names_supplier(sbom) if {
	some author in sbom.content.authors
	_contains_name(author, sbom.supplied_by.name)
}

_contains_name(text, name) if {
	is_string(text)
	is_string(name)
	count(component.squash(name)) > 0
	contains(component.squash(text), component.squash(name))
}

evidence contains lib.examined(sbom.path, "/primary") if {
	some sbom in lib.supplied_documents("sbom")
	component.matches(sbom.content.primary, component.ref(sbom))
}

evidence contains lib.examined(path, sprintf("/components/%d", [i])) if {
	some sbom in lib.supplied_documents("sbom")
	some [path, i, _] in component.in_product_sbom(sbom)
}

# Without a supplier's SBOM, the product's own SBOMs were examined: none of them is a supplier's delivery.
evidence contains lib.examined(sbom.path, "/components") if {
	count(lib.supplied_documents("sbom")) == 0
	some sbom in lib.documents("sbom")
	count(sbom.content.components) > 0
}

insufficient contains lib.finding(sbom.path, "/components", msg) if {
	some sbom in lib.supplied_documents("sbom")
	count(sbom.content.components) == 0
	msg := sprintf("the SBOM %s from %s lists no components of the component it describes; ask the supplier for its full SBOM", [sbom.path, _supplier(sbom)])
}
