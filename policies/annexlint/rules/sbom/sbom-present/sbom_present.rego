# METADATA
# title: The bundle contains a software bill of materials
# description: |
#   A software bill of materials (SBOM) lists the components the product is built from, so that the manufacturer,
#   its users and the authorities can tell quickly whether a newly published vulnerability affects the product.
#   The CRA requires one in a commonly used, machine-readable format covering at least the top-level dependencies,
#   as part of the technical documentation. MDCG 2019-16 lists it among the security documentation of a medical
#   device, and the FDA requires one for cyber devices.
# scope: package
# custom:
#   id: AL-SBOM-001
#   severity: error
#   clauses:
#     - id: CRA-AI-P2-1
#       cite: CRA Annex I Part II (1)
#     - id: CRA-AVII-2B
#       cite: CRA Annex VII point 2(b)
#     - id: MDCG-2019-16-4.2-SECDOC
#       cite: MDCG 2019-16 rev.1 section 4.2, MDR Annex I 23.4(ab) (security documentation beyond the IFU)
#     - id: FDA-524B-B3
#       cite: FD&C Act 524B(b)(3)
#   remediation: |
#     Generate an SBOM of the released software in CycloneDX or SPDX, covering at least the top-level
#     dependencies, put it in the bundle and list it under `documents` in the manifest with `type: sbom`.
package annexlint.rules.sbom["sbom-present"]

import data.annexlint.lib

report contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("sbom")
	msg := concat(" ", [
		"the manifest lists no document of type \"sbom\";",
		"add the software bill of materials of the product (CycloneDX or SPDX, covering at least its top-level",
		"dependencies) to the bundle and list it under documents",
	])
}
