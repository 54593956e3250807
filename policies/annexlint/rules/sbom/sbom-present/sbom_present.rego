# METADATA
# title: The bundle contains a software bill of materials
# description: |
#   A software bill of materials (SBOM) lists the components the product is built from, so that the manufacturer,
#   its users and the authorities can tell quickly whether a newly published vulnerability affects the product.
#   The CRA requires one in a commonly used, machine-readable format covering at least the top-level dependencies,
#   as part of the technical documentation. For a medical device or IVD the software must be developed to the state
#   of the art, information security included (MDR Annex I 17.2, IVDR Annex I 16.2), and MDCG 2019-16 lists the SBOM
#   among a device's security documentation; the FDA requires one for cyber devices sold in the US. An SBOM that
#   lists no components documents nothing, so it is not evidence that the product has one.
# scope: package
# custom:
#   id: AL-SBOM-001
#   severity: error
#   clauses:
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: CRA-AVII-2B
#       cite: CRA Annex VII point 2(b)
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: MDCG-2019-16-4.2-SECDOC
#       cite: MDCG 2019-16 rev.1 section 4.2, MDR Annex I 23.4(ab) (security documentation beyond the IFU)
#     - id: FDA-524B-B3
#       cite: FD&C Act 524B(b)(3)
#   remediation: |
#     Generate an SBOM of the released software in CycloneDX or SPDX, covering at least the top-level
#     dependencies, put it in the bundle and list it under `documents` in the manifest with `type: sbom`.
package annexlint.rules.sbom["sbom-present"]

import data.annexlint.lib
import data.annexlint.lib.sbom as sbom_lib

report contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("sbom")
	msg := concat(" ", [
		"the manifest lists no document of type \"sbom\";",
		"add the software bill of materials of the product (CycloneDX or SPDX, covering at least its top-level",
		"dependencies) to the bundle and list it under documents",
	])
}

# evidence is every SBOM the manifest lists that names components; one that lists none is insufficient evidence
# (an SBOM is there, so the report above stays quiet, but it documents no component).
evidence contains lib.examined(sbom.path, "") if {
	some sbom in sbom_lib.with_components
}

insufficient contains sbom_lib.no_components(sbom, "its coverage of the product's top-level dependencies") if {
	some sbom in sbom_lib.without_components
}
