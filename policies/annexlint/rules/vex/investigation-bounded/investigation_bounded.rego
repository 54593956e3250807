# METADATA
# title: A vulnerability is not under investigation for longer than the update plan allows
# description: |
#   "Under investigation" is a temporary answer: while it stands, users do not know whether the product is affected
#   and no fix is planned. An investigation that outlasts the time the manufacturer allows itself for triage, or the
#   time it allows itself to fix a vulnerability of that severity, leaves a known vulnerability unhandled: the CRA
#   asks that vulnerabilities are addressed and remediated without delay (Annex I Part II (2)) and documented
#   systematically (Art. 13(7)); MDCG 2019-16 asks that post-market vulnerability information is evaluated and
#   acted on. The bound is, in this order, the update plan's monitoring.triage_days, the plan's remediation timeline
#   for the vulnerability's severity (the highest a scan or VEX statement gives it; the shortest timeline when none
#   rates it), or, without a plan that says, 30 days, annexlint's default. The investigation starts when the bundle
#   first shows the vulnerability known (the statement's first issue or the first scan that reports it).
# scope: package
# custom:
#   id: AL-VEX-008
#   severity: error
#   clauses:
#     - id: CRA-AI-P2-2
#       cite: CRA Annex I Part II (2)
#     - id: CRA-ART13-7
#       cite: CRA Art. 13(7)
#     - id: MDR-ART83-3
#       cite: MDR Art. 83(3)
#     - id: IVDR-ART78-3
#       cite: IVDR Art. 78(3)
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#     - id: FDA-524B-B2
#       cite: FD&C Act 524B(b)(2)
#   remediation: |
#     Finish the analysis and record its result in the VEX: not_affected with a justification, affected with the
#     action taken and a planned update, or fixed. If the analysis needs longer, say why in the statement and set the
#     triage time the process allows in the update plan (monitoring.triage_days).
package annexlint.rules.vex["investigation-bounded"]

import data.annexlint.lib
import data.annexlint.lib.vuln

# default_days is annexlint's bound when no update plan gives one.
default_days := 30

report contains lib.finding(path, concat("", ["/statements/", format_int(i, 10)]), msg) if {
	some [path, i, st, since, days, basis] in _open
	since + (days * vuln.day_ns) < vuln.as_of_ns
	msg := sprintf("%s has been under investigation since %s; under %s a result was due by %s, and on %s there is none; %s", [
		st.vulnerability, vuln.day(since), basis, vuln.day(since + (days * vuln.day_ns)), input.as_of,
		"finish the analysis and record it in the VEX (not_affected with a justification, affected with the action and planned update, or fixed)",
	])
}

_open contains [doc.path, i, st, since, days, basis] if {
	some doc in lib.documents("vex")
	some i, st in doc.content.statements
	is_object(st)
	st.status == "under_investigation"
	vulnerabilities := vuln.ids(st)
	since := vuln.first_known(vulnerabilities)
	[days, basis] := _bound(vulnerabilities)
}

_bound(vulnerabilities) := [d, sprintf("the update plan's triage time of %d days (monitoring.triage_days)", [d])] if {
	d := min({x |
		some plan in lib.documents("security-update-plan")
		x := plan.content.monitoring.triage_days
		is_number(x)
		x >= 0
	})
} else := [days, basis] if {
	[days, basis] := vuln.timeline(vuln.severity(vulnerabilities))
} else := [default_days, "annexlint's default of 30 days (no update plan gives a triage time or remediation timelines)"]

evidence contains lib.examined(path, concat("", ["/statements/", format_int(i, 10)])) if some [path, i, _, _, _, _] in _open

evidence contains lib.examined(doc.path, "/statements") if {
	some doc in lib.documents("vex")
	count(doc.content.statements) > 0
}

insufficient contains lib.finding(doc.path, concat("", ["/statements/", format_int(i, 10)]), msg) if {
	some doc in lib.documents("vex")
	some i, st in doc.content.statements
	is_object(st)
	st.status == "under_investigation"
	not vuln.first_known(vuln.ids(st))
	msg := sprintf("%s is under investigation, but neither the statement nor a scan says since when, so %s; %s", [
		st.vulnerability, "it cannot be told whether the investigation has run too long",
		"record when the statement was first issued (CycloneDX analysis.firstIssued, OpenVEX timestamp)",
	])
}
