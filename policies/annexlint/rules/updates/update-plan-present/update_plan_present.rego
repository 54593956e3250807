# METADATA
# title: The bundle contains a security update plan
# description: |
#   Vulnerabilities will be found after release, so the manufacturer must be able to deliver security updates
#   securely and in time: how updates reach the product and are protected, how fast critical and high severity
#   vulnerabilities are fixed, and which sources are monitored. For medical devices and IVDs the device law
#   requires software maintained to the state of the art of the life cycle including information security (MDR
#   Annex I 17.2, IVDR 16.2) and a post-market surveillance system that actively gathers safety data and
#   determines and implements corrective actions (MDR Art. 83(2), IVDR Art. 78(2)); MDCG 2019-16 reads these as
#   security update management and post-market handling of vulnerabilities. For the US market the FDA requires a
#   plan to monitor and address vulnerabilities in a reasonable time and the processes to make updates and
#   patches available. The CRA requires remediation through security updates without delay, their secure
#   distribution and prompt, free dissemination with advisory messages, and a description of the update
#   solutions in the technical documentation.
# scope: package
# custom:
#   id: AL-UPD-001
#   severity: error
#   clauses:
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: IVDR-AI-16.2
#       cite: IVDR Annex I 16.2
#     - id: MDR-ART83-2
#       cite: MDR Art. 83(2)
#     - id: IVDR-ART78-2
#       cite: IVDR Art. 78(2)
#     - id: FDA-524B-B1
#       cite: FD&C Act 524B(b)(1)
#     - id: FDA-524B-B2
#       cite: FD&C Act 524B(b)(2)
#     - id: MDCG-2019-16-3.1-P7
#       cite: MDCG 2019-16 rev.1 section 3.1, Practice 7
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#     - id: CRA-AI-P2-2
#       cite: CRA Annex I Part II (2)
#     - id: CRA-AI-P2-7
#       cite: CRA Annex I Part II (7)
#     - id: CRA-AI-P2-8
#       cite: CRA Annex I Part II (8)
#     - id: CRA-AVII-2B
#       cite: CRA Annex VII point 2(b)
#   remediation: |
#     Add a `security-update-plan` document to the bundle (listed in the manifest) stating the update delivery
#     mechanism and its integrity protection, remediation timelines per severity, and the vulnerability sources
#     monitored and how often.
package annexlint.rules.updates["update-plan-present"]

import data.annexlint.lib

report contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-update-plan")
	msg := concat(" ", [
		"the manifest lists no security update plan (type \"security-update-plan\"); add one stating how security",
		"updates are delivered and protected, how fast vulnerabilities are fixed and which sources are monitored,",
		"and list it under documents",
	])
}

# _parts are what a plan must state to show how security updates are handled: the part (checked by _stated) and
# how an auditor would name it when it is missing.
_parts := [
	["delivery", "how updates are delivered (delivery.mechanism) and protected (delivery.integrity)"],
	["remediation_timelines", "how fast critical and high vulnerabilities are fixed (remediation_timelines)"],
	["monitoring", "which vulnerability sources are monitored and how often (monitoring.sources, monitoring.frequency)"],
]

_stated(plan, "delivery") if {
	lib.has_text(plan.content.delivery, "mechanism")
	lib.has_text(plan.content.delivery, "integrity")
}

_stated(plan, "remediation_timelines") if {
	is_number(plan.content.remediation_timelines.critical)
	is_number(plan.content.remediation_timelines.high)
}

_stated(plan, "monitoring") if {
	count([s | some s in plan.content.monitoring.sources; is_string(s); not lib.is_placeholder(s)]) > 0
	lib.has_text(plan.content.monitoring, "frequency")
}

evidence contains lib.examined(plan.path, concat("", ["/", part])) if {
	some plan in lib.documents("security-update-plan")
	some [part, _] in _parts
	_stated(plan, part)
}

# A plan that leaves a part out cannot show that part; the schema check names the missing field, this entry
# says what the auditor cannot see because of it.
insufficient contains lib.finding(plan.path, "", msg) if {
	some plan in lib.documents("security-update-plan")
	missing := [name | some [part, name] in _parts; not _stated(plan, part)]
	count(missing) > 0
	msg := sprintf("the security update plan does not state %s; add it to the plan", [concat("; ", missing)])
}
