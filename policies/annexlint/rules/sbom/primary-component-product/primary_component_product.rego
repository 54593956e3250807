# METADATA
# title: Every SBOM describes the product and version of the manifest
# description: |
#   An SBOM is evidence for the product only if it is the SBOM of that product at the version the technical
#   documentation covers. Its primary component (CycloneDX metadata.component, the SPDX element the document
#   describes) names what it lists the components of. An SBOM of another product, of an earlier release or of a
#   single part sold apart documents other software: the vulnerability assessments made against it say nothing
#   about the version placed on the market. The CRA asks for the software versions that affect compliance and for
#   the SBOM of the product (Annex VII point 1(b), Annex I Part II (1)); the MDR asks for the device description
#   with its software (Annex II section 1), the FD&C Act for the device's SBOM (524B(b)(3)). Names compare without
#   case, spaces and punctuation, and an SBOM may name the product's software by a shorter name the product name
#   contains (vf-service-app for "VF Service app for Android") or a longer one that contains the product name
#   ("VF-300 infusion pump firmware"); versions compare without a leading "v".
# scope: package
# custom:
#   id: AL-SBOM-010
#   severity: error
#   clauses:
#     - id: CRA-AVII-1B
#       cite: CRA Annex VII point 1(b)
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: MDR-AII-1
#       cite: MDR Annex II section 1
#     - id: FDA-524B-B3
#       cite: FD&C Act 524B(b)(3)
#     - id: NTIA-SBOM-COMPONENT-NAME
#       cite: NTIA SBOM Minimum Elements (2021), data field 'Component Name'
#     - id: NTIA-SBOM-VERSION
#       cite: NTIA SBOM Minimum Elements (2021), data field 'Version of the Component'
#   remediation: |
#     Generate the SBOM from the build of the released version, with the product as its primary component
#     (CycloneDX metadata.component; SPDX documentDescribes or a DESCRIBES relationship) named as in the manifest
#     (or by the name of the product's software) and with the manifest's product version. An SBOM of an earlier
#     release or of another product does not document this one: replace it.
package annexlint.rules.sbom["primary-component-product"]

import data.annexlint.lib

report contains lib.finding_related(sbom.path, "/primary", msg, [_manifest_name]) if {
	some sbom in _described
	not _name_matches(sbom.content.primary.name)
	msg := sprintf("the SBOM %s describes %q, but the manifest %s names the product %q; %s", [
		sbom.path, sbom.content.primary.name, lib.manifest_path, lib.product.name,
		"the SBOM documents another product's software: generate it from the build of this product",
	])
}

report contains lib.finding_related(sbom.path, "/primary", msg, [_manifest_version]) if {
	some sbom in _described
	_norm_version(sbom.content.primary.version) != _norm_version(lib.product.version)
	msg := sprintf("the SBOM %s describes %s version %q, but the manifest %s is for version %q; %s", [
		sbom.path, sbom.content.primary.name, sbom.content.primary.version, lib.manifest_path, lib.product.version,
		"the SBOM does not document the version on the market: generate it from the build of this release",
	])
}

report contains lib.finding_related(sbom.path, "/primary", msg, [_manifest_version]) if {
	some sbom in _described
	not lib.has_text(sbom.content.primary, "version")
	msg := sprintf("the SBOM %s describes %s without a version, so it cannot be told that it is version %q of the manifest %s; %s", [
		sbom.path, sbom.content.primary.name, lib.product.version, lib.manifest_path,
		"give the primary component the product version",
	])
}

report contains lib.finding(sbom.path, "", msg) if {
	_product_known
	some sbom in lib.documents("sbom")
	not _has_primary(sbom)
	msg := sprintf("the SBOM %s does not say which product it describes (no primary component), so it cannot be told that it documents %s %s of the manifest; %s", [
		sbom.path, lib.product.name, lib.product.version,
		"name the product as the primary component (CycloneDX metadata.component; SPDX documentDescribes)",
	])
}

evidence contains lib.examined(sbom.path, "/primary") if some sbom in _described

evidence contains lib.examined(lib.manifest_path, "/product") if count(_described) > 0

insufficient contains lib.finding(lib.manifest_path, "/product", msg) if {
	lib.has_document("sbom")
	not _product_known
	msg := "the manifest does not name the product and its version, so it cannot be told whether the SBOMs describe it; give product.name and product.version"
}

_product_known if {
	lib.has_text(lib.product, "name")
	lib.has_text(lib.product, "version")
}

_has_primary(sbom) if lib.has_text(sbom.content.primary, "name")

_described := [sbom |
	_product_known
	some sbom in lib.documents("sbom")
	_has_primary(sbom)
]

# _name_matches compares names as letters and digits only, in lower case; a name of the product's software may be
# part of the product name, or contain it, but not be a fragment of four characters or fewer.
_name_matches(name) if _squash(name) == _squash(lib.product.name)

_name_matches(name) if {
	count(_squash(name)) > 4
	contains(_squash(lib.product.name), _squash(name))
}

_name_matches(name) if {
	count(_squash(lib.product.name)) > 0
	contains(_squash(name), _squash(lib.product.name))
}

_squash(s) := regex.replace(lower(s), `[^a-z0-9]`, "")

_norm_version(v) := regex.replace(lower(trim_space(v)), `^v([0-9])`, "$1") if is_string(v)

_manifest_name := {"path": lib.manifest_path, "pointer": "/product/name", "message": "the product the manifest names"}

_manifest_version := {"path": lib.manifest_path, "pointer": "/product/version", "message": "the version the manifest covers"}
