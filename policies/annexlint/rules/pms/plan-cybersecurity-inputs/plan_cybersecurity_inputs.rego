# METADATA
# title: The post-market surveillance plan collects cybersecurity information and feeds it back into the risk file
# description: |
#   A device on the market is watched through a post-market surveillance system based on a PMS plan that is part of
#   the technical documentation (MDR Art. 83(1), 84 and Annex III 1.1; IVDR Art. 78(1), 79). For a connected device the
#   plan must say how cybersecurity information reaches it: vulnerability monitoring of the components the device
#   ships (feeds matched against the SBOM) and complaints and feedback from users, distributors and importers, which
#   is where security problems seen in the field are first reported. MDCG 2019-16 section 2.4 treats the exploitation
#   of vulnerabilities as reasonably foreseeable misuse that calls for such monitoring in the field. What the plan collects must reach the security
#   risk file, so that the risk management is reassessed; and the plan must say how corrective actions are started
#   and how the devices concerned by a field action are traced. A device bundle without a PMS document
#   (type "post-market-surveillance") shows none of this: insufficient evidence, never a pass.
# scope: package
# custom:
#   id: AL-PMS-001
#   severity: error
#   frameworks: [MDR, IVDR]
#   clauses:
#     - id: MDR-ART83-1
#       cite: MDR Art. 83(1)
#     - id: MDR-ART84
#       cite: MDR Art. 84
#     - id: MDR-AIII-1.1
#       cite: MDR Annex III section 1.1
#     - id: IVDR-ART78-1
#       cite: IVDR Art. 78(1)
#     - id: IVDR-ART79
#       cite: IVDR Art. 79
#     - id: MDCG-2019-16-5.1
#       cite: MDCG 2019-16 rev.1 section 5.1
#     - id: MDCG-2019-16-2.4
#       cite: MDCG 2019-16 rev.1 section 2.4
#   remediation: |
#     Record the PMS plan in the post-market-surveillance document: its reference, the sources it collects (at least
#     vulnerability-monitoring and complaints, each with what is collected, from where and how often), the security
#     risk file its findings feed (risk_file, a security-risk-file listed in the manifest), how corrective actions are
#     started (corrective_actions) and how affected devices are traced (traceability).
package annexlint.rules.pms["plan-cybersecurity-inputs"]

import data.annexlint.lib

# _required are the sources a connected device's plan must collect, with what each brings.
_required := {
	"vulnerability-monitoring": "vulnerability monitoring of the components the device ships (feeds matched against the SBOM)",
	"complaints": "feedback and complaints from users, distributors and importers",
}

_texts := {
	"corrective_actions": "how corrective actions are started from what the surveillance finds",
	"traceability": "how the devices concerned by a field action are traced (e.g. UDI or serial number to software version)",
}

_device if lib.product.framework in {"MDR", "IVDR"}

_plans contains [doc.path, doc.content.plan] if {
	_device
	some doc in lib.documents("post-market-surveillance")
	is_object(doc.content.plan)
}

# _collects is true when the plan names the source with a description of substance.
_collects(plan, type) if {
	some s in plan.sources
	s.type == type
	lib.has_text(s, "description")
}

report contains lib.finding(path, "/plan/sources", msg) if {
	some [path, plan] in _plans
	some type, what in _required
	not _collects(plan, type)
	msg := sprintf("the PMS plan %v does not collect %s (a source of type %q with a description); add it, saying what is collected, from where and how often", [
		_ref(plan), what, type,
	])
}

report contains lib.finding(path, "/plan", msg) if {
	some [path, plan] in _plans
	some key, what in _texts
	not lib.has_text(plan, key)
	msg := sprintf("the PMS plan %v does not say %s (%s); describe it, naming the procedure", [_ref(plan), what, key])
}

report contains lib.finding(path, "/plan", msg) if {
	some [path, plan] in _plans
	not lib.has_text(plan, "risk_file")
	msg := sprintf("the PMS plan %v does not name the security risk file its findings feed (risk_file), so it does not show that the risk management is reassessed from post-market data; name it", [_ref(plan)])
}

report contains lib.finding(path, "/plan/risk_file", msg) if {
	some [path, plan] in _plans
	lib.has_text(plan, "risk_file")
	not _risk_file_listed(plan.risk_file)
	msg := sprintf("the PMS plan %v feeds the risk file %s, which the manifest does not list as a security-risk-file; name the risk file of this bundle", [_ref(plan), plan.risk_file])
}

report contains lib.finding(path, "/plan/document", msg) if {
	some [path, plan] in _plans
	lib.has_text(plan, "document")
	not lib.file_exists(plan.document)
	msg := sprintf("the PMS plan %v is said to be filed at %s, which is not in the bundle; add the file or correct the path", [_ref(plan), plan.document])
}

_risk_file_listed(p) if {
	some doc in lib.documents("security-risk-file")
	doc.path == p
}

evidence contains lib.examined(path, "/plan") if {
	some [path, plan] in _plans
	lib.has_text(plan, "reference")
	some s in plan.sources
	lib.has_text(s, "description")
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	_device
	not lib.has_document("post-market-surveillance")
	msg := concat(" ", [
		"the manifest lists no post-market surveillance documentation (type \"post-market-surveillance\"), so it cannot",
		"be shown that the device's PMS plan collects cybersecurity information (vulnerability monitoring, complaints)",
		"and feeds it back into the risk file; add the PMS document with its plan and list it under documents",
	])
}

insufficient contains lib.finding(doc.path, "/plan", msg) if {
	_device
	some doc in lib.documents("post-market-surveillance")
	plan := object.get(doc.content, "plan", null)
	not _substantial(plan)
	msg := sprintf("the PMS document %s has no plan of substance (a reference and at least one source with a description); record the PMS plan", [doc.path])
}

_substantial(plan) if {
	is_object(plan)
	lib.has_text(plan, "reference")
	some s in plan.sources
	lib.has_text(s, "description")
}

_ref(plan) := plan.reference if lib.has_text(plan, "reference")

else := "(no reference)"
