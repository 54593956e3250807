# METADATA
# title: A supplier's vulnerability notification is assessed within the manufacturer's own triage time
# description: |
#   A device or product maker learns of many vulnerabilities in its components from their suppliers. Post-market
#   surveillance gathers such information and evaluates it for the device (MDR Art. 83(2), IVDR Art. 78(2); MDCG
#   2019-16 section 3.8 names vulnerabilities in third-party software), and the CRA asks that vulnerabilities be
#   remediated without delay (Annex I Part II (2)). The register records each notice received (type
#   supplier-vulnerability-notification, aware_at = when it was received) and when the maker's assessment for its own
#   product was complete (assessed_at). The time allowed is the maker's own: the triage_days of its coordinated
#   vulnerability disclosure policy. An assessment completed late, or not recorded once that time has passed, is a
#   finding; without a triage time the timeliness cannot be judged.
# scope: package
# custom:
#   id: AL-REPORT-009
#   severity: error
#   clauses:
#     - id: MDR-ART83-2
#       cite: MDR Art. 83(2)
#     - id: IVDR-ART78-2
#       cite: IVDR Art. 78(2)
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#     - id: CRA-AI-P2-2
#       cite: CRA Annex I Part II (2)
#   remediation: |
#     Complete the assessment of the supplier's notice for the product (affected or not, and what follows) and record
#     when in assessed_at; if the triage time in the disclosure policy cannot be met, review the procedure or the time.
package annexlint.rules.reporting["supplier-notification-assessed"]

import data.annexlint.lib
import data.annexlint.lib.reporting
import data.annexlint.lib.vuln

report contains lib.finding(path, pointer, sprintf("%v: %s", [c.id, text])) if {
	days := _triage_days
	some [path, base, c] in _notices
	received := vuln.ns(c.aware_at)
	stage := {
		"field": "assessed_at", "what": "assessment of the supplier's notice", "verb": "completed",
		"due": received + (days * vuln.day_ns),
		"basis": sprintf("%d days after it was received at %s", [days, c.aware_at]),
		"clause": "the triage time of the manufacturer's disclosure policy",
	}
	[pointer, text] := reporting.stage_problem(base, c, stage)
}

_notices := [[path, base, c] |
	some [path, base, c] in reporting.channels
	c.type == "supplier-vulnerability-notification"
]

# _triage_days is the shortest triage time the bundle's disclosure policies state.
_triage_days := min(days) if {
	days := {d |
		some doc in lib.documents("disclosure-policy")
		d := doc.content.triage_days
		is_number(d)
		d >= 0
	}
	count(days) > 0
}

evidence contains lib.examined(path, base) if {
	_triage_days
	some [path, base, c] in _notices
	vuln.ns(c.aware_at)
}

# A register that shows its process and records no supplier notice is a record that none was received.
evidence contains lib.examined(doc.path, "/reports") if {
	_triage_days
	some doc in lib.documents("vulnerability-reports")
	lib.register_shows_process(doc)
}

insufficient contains lib.finding(path, base, msg) if {
	not _triage_days
	some [path, base, c] in _notices
	msg := sprintf("%v: no disclosure policy of the bundle states a triage time (triage_days), so %s; %s", [
		c.id, "whether the supplier's notice was assessed in time cannot be judged",
		"state the triage time in the coordinated vulnerability disclosure policy",
	])
}
