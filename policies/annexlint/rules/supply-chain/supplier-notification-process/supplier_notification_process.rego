# METADATA
# title: The manufacturer has a process for receiving its suppliers' vulnerability notifications, with a timeline and a link to post-market surveillance
# description: |
#   From 11 September 2026 the makers of components that are CRA products report actively exploited vulnerabilities
#   and inform those who use their components (CRA Art. 14): device and product makers receive such notices, and
#   many more from suppliers' advisories. The manufacturer needs a process to receive them and assess each for its own
#   product: where suppliers send them, within how many days each is assessed, and where the result goes. For a
#   device on the market that is post-market surveillance, which gathers and evaluates such information (MDR Art.
#   83(2), IVDR Art. 78(2)); for a CRA product the vulnerability handling, with vulnerabilities the maker finds in a
#   component reported to the component's maker (CRA Art. 13(6)); an essential or important entity under NIS2 also
#   weighs each direct supplier's vulnerabilities and practices in its supply chain measures (NIS2 Art. 21(3)).
#   annexlint reads `supply_chain.vulnerability_notifications` in the manifest: the procedure in the bundle, the date
#   it took effect, the intake, the assessment time (at most the triage time of the disclosure policy, which
#   AL-REPORT-009 holds each supplier notice to), and, as the product's regime requires, the link to post-market
#   surveillance, the upstream reporting and the supplier evaluation.
# scope: package
# custom:
#   id: AL-SUPPLY-003
#   severity: error
#   applies_from: "2026-09-11"
#   clauses:
#     - id: MDR-ART83-2
#       cite: MDR Art. 83(2)
#     - id: IVDR-ART78-2
#       cite: IVDR Art. 78(2)
#     - id: CRA-ART13-6
#       cite: CRA Art. 13(6)
#     - id: NIS2-ART21-3
#       cite: NIS2 Art. 21(3)
#   remediation: |
#     Add `supply_chain.vulnerability_notifications` to the manifest: `procedure` (the bundle-relative path of the
#     procedure), `in_effect_from`, `intake` (where suppliers send notifications and how they are told),
#     `assessment_days` (no more than the disclosure policy's triage_days), `post_market_surveillance` (the PMS plan or
#     vulnerability handling step that takes assessed notices in), for CRA products `upstream_reporting` (how
#     vulnerabilities found in a component are reported to its maker, Art. 13(6)) and, for NIS2 entities,
#     `supplier_evaluation` (how each direct supplier's vulnerabilities and practices are weighed, Art. 21(3)).
package annexlint.rules["supply-chain"]["supplier-notification-process"]

import data.annexlint.lib

_process := input.manifest.content.supply_chain.vulnerability_notifications

_at := "/supply_chain/vulnerability_notifications"

_role(instrument) := object.get(input.regime.instrument_role, instrument, "")

# what each regime asks the process to state, beyond procedure, intake, effect and timeline
_needed contains ["post_market_surveillance", "how assessed notifications feed post-market surveillance (MDR Art. 83(2), IVDR Art. 78(2))"] if {
	some instrument in ["MDR post-market surveillance and vigilance", "IVDR"]
	_role(instrument) == "legal-basis"
}

_needed contains ["post_market_surveillance", "how assessed notifications feed the product's vulnerability handling"] if {
	_role("CRA product requirements") == "legal-basis"
}

_needed contains ["upstream_reporting", "how vulnerabilities found in a component are reported to its maker or maintainer (CRA Art. 13(6))"] if {
	_role("CRA product requirements") == "legal-basis"
}

_needed contains ["supplier_evaluation", "how each direct supplier's vulnerabilities, product quality and secure development practices are weighed (NIS2 Art. 21(3))"] if {
	_role("NIS2 the manufacturer as an entity") == "legal-basis"
}

report contains lib.finding(lib.manifest_path, _at, msg) if {
	_has_process
	not lib.has_text(_process, "procedure")
	msg := "the supplier vulnerability notification process names no procedure (vulnerability_notifications.procedure); add the procedure to the bundle and give its path"
}

report contains lib.finding(lib.manifest_path, concat("/", [_at, "procedure"]), msg) if {
	lib.has_text(_process, "procedure")
	not lib.file_exists(_process.procedure)
	msg := sprintf("the procedure %q for suppliers' vulnerability notifications is not in the bundle; add the file or correct the path (relative to the bundle root)", [_process.procedure])
}

report contains lib.finding(lib.manifest_path, _at, msg) if {
	_has_process
	not lib.has_text(_process, "intake")
	msg := "the process does not say where suppliers send vulnerability notifications and how they are told of it (vulnerability_notifications.intake); state the address or portal"
}

report contains lib.finding(lib.manifest_path, _at, msg) if {
	_has_process
	not _effective
	msg := "the process does not say from when it is in effect (vulnerability_notifications.in_effect_from as YYYY-MM-DD); suppliers' notifications under CRA Art. 14 arrive from 2026-09-11: give the date"
}

report contains lib.finding(lib.manifest_path, concat("/", [_at, "in_effect_from"]), msg) if {
	_effective
	_process.in_effect_from > input.as_of
	msg := sprintf("the process takes effect on %s, after %s: notifications received until then have no process; bring it into effect", [_process.in_effect_from, input.as_of])
}

report contains lib.finding(lib.manifest_path, _at, msg) if {
	_has_process
	not _timed
	msg := "the process does not say within how many days a supplier's notification is assessed for the product (vulnerability_notifications.assessment_days); state the timeline"
}

report contains lib.finding_related(lib.manifest_path, concat("/", [_at, "assessment_days"]), msg, [related]) if {
	_timed
	some policy in lib.documents("disclosure-policy")
	is_number(policy.content.triage_days)
	_process.assessment_days > policy.content.triage_days
	msg := sprintf("suppliers' notifications are assessed within %d days, but the disclosure policy %s triages every vulnerability report within %d days; align the two timelines", [
		_process.assessment_days, policy.path, policy.content.triage_days,
	])
	related := {"path": policy.path, "pointer": "/triage_days", "message": "the disclosure policy's triage time"}
}

report contains lib.finding(lib.manifest_path, _at, msg) if {
	_has_process
	some [field, what] in _needed
	not lib.has_text(_process, field)
	msg := sprintf("the process does not state %s (vulnerability_notifications.%s); describe it", [what, field])
}

_has_process if is_object(_process)

_effective if lib.is_date(_process.in_effect_from)

_timed if {
	is_number(_process.assessment_days)
	_process.assessment_days >= 0
}

evidence contains lib.examined(lib.manifest_path, _at) if {
	_has_process
	_timed
	_effective
}

evidence contains lib.examined(_process.procedure, "") if {
	lib.has_text(_process, "procedure")
	lib.file_exists(_process.procedure)
}

insufficient contains lib.finding(lib.manifest_path, "", msg) if {
	not _has_process
	msg := "the manifest does not describe how the manufacturer receives and assesses its suppliers' vulnerability notifications (supply_chain.vulnerability_notifications), which arrive from 2026-09-11; describe the procedure, its intake, its timeline and where the results go"
}
