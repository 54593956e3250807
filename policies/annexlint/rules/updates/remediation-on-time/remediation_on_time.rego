# METADATA
# title: Affected vulnerabilities are fixed within the update plan's remediation timelines
# description: |
#   The security update plan promises, per severity, how many days may pass between a vulnerability becoming known
#   and its fix being available. A vulnerability the VEX still calls affected after that time, or whose planned
#   update is due after it or was due before the --as-of date, shows that vulnerabilities are not remediated
#   without delay (CRA Annex I Part II (2)) during the support period (Art. 13(8)), and for a device in the US that
#   patches do not follow the justified cycle the manufacturer set (FD&C Act 524B(b)(2)). The clock starts at the
#   earliest time the bundle shows the vulnerability known: the first issue of a VEX statement about it or the run
#   of the first scan that reports it. The severity is the highest a scan or VEX statement of the bundle gives it;
#   an unrated vulnerability gets the plan's shortest timeline. The fix counts as available on the date of a CSAF
#   remediation of category vendor_fix naming the product, or of a release of the update plan (releases) that lists
#   the vulnerability among its fixes; the statement may then stay affected for the version shipped before it. A
#   planned update past its due date counts as delivered only when the VEX no longer says affected or such a fix is
#   dated. A date announced for the fix after the deadline is a finding as soon as it is announced: a planned update's
#   due date, a release's date, or the date of a CSAF remediation of category vendor_fix, mitigation or
#   none_available (a mitigation is not the fix).
# scope: package
# custom:
#   id: AL-UPD-002
#   severity: error
#   clauses:
#     - id: CRA-AI-P2-2
#       cite: CRA Annex I Part II (2)
#     - id: CRA-ART13-8
#       cite: CRA Art. 13(8)
#     - id: MDR-ART83-4
#       cite: MDR Art. 83(4)
#     - id: IVDR-ART78-4
#       cite: IVDR Art. 78(4)
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#     - id: FDA-524B-B2A
#       cite: FD&C Act 524B(b)(2)(A)
#     - id: FDA-524B-B2B
#       cite: FD&C Act 524B(b)(2)(B)
#   remediation: |
#     Ship the fix and record it in the VEX (status fixed, not_affected once a mitigation removes the risk, or a dated
#     CSAF vendor_fix remediation) or in the update plan's releases, or,
#     where the timeline cannot be met, record the reason and the compensating measures in the risk file and the
#     VEX action statement and plan the update (security update plan, planned_updates with its due date) within the
#     timeline of the vulnerability's severity.
package annexlint.rules.updates["remediation-on-time"]

import data.annexlint.lib
import data.annexlint.lib.vuln

report contains lib.finding_related(path, _pointer(i), msg, related) if {
	some [path, i, st] in _affected
	some problem in _problem(path, i, st)
	msg := sprintf("%s in %s: %s; %s", [st.vulnerability, _products(st), problem[0], concat(" ", [
		"ship the fix and record it in the VEX, or record why the timeline cannot be met and the measures",
		"taken meanwhile, and plan the update within the timeline",
	])])
	related := problem[1]
}

# _problem says how an affected statement missed its timeline, as [text, related locations]: the deadline passed
# before the as-of date without a fix dated by it, a planned update for it was due before the as-of date and no fix
# is available, or a planned update, a CSAF remediation or a release of the update plan is dated after the deadline.
# At most one, in that order.
_problem(path, i, st) := {[text, [x[2] | some x in late]]} if {
	[since, deadline, sev, basis] := _deadline(st)
	deadline < vuln.as_of_ns
	not _fixed_by(path, i, st, deadline)
	late := {x | some x in _fixes(path, i, st); x[0] > deadline}
	text := sprintf("affected since %s (severity %s); %s put its fix due by %s, and on %s the VEX still says affected%s", [
		vuln.day(since), sev, basis, vuln.day(deadline), input.as_of, _late_text(late),
	])
} else := problems if {
	not _fixed_by(path, i, st, vuln.as_of_ns + vuln.day_ns)
	problems := {[text, [_plan_location(u)]] |
		some u in vuln.planned_for(vuln.ids(st))
		vuln.ns(u[2].due) < vuln.as_of_ns
		text := sprintf("the planned update %s was due on %s, and on %s the VEX still says affected", [
			_update_id(u), u[2].due, input.as_of,
		])
	}
	count(problems) > 0
} else := {[text, [location]] |
	[_, deadline, sev, basis] := _deadline(st)
	not _fixed_by(path, i, st, deadline)
	some [due, what, location] in _dated(path, i, st)
	due > deadline
	text := sprintf("%s, after the fix deadline of %s (severity %s), %s", [what, basis, sev, vuln.day(deadline)])
}

# _fixed_by is true when a fix of the statement's vulnerability was available before the instant t: a CSAF vendor_fix
# naming the product, or a release of the update plan that fixes it, dated before t.
_fixed_by(path, i, st, t) if {
	some fix in _fixes(path, i, st)
	fix[0] < t
}

# _fixes are the dated fixes of an affected statement, as [time, what, related location]: the CSAF vendor_fix
# remediations naming its product (the date the fix is, or is announced to be, available) and the releases of the
# update plan that fix its vulnerability.
_fixes(path, i, st) := _vendor_fixes(path, i, st) | _release_fixes(st)

_vendor_fixes(path, i, st) := {[t, sprintf("the vendor fix the CSAF remediation dates %s", [rem.date]), location] |
	some [j, rem, t] in vuln.dated_remediations(st)
	rem.category == "vendor_fix"
	location := _remediation_location(path, i, j)
}

_release_fixes(st) := {[t, sprintf("release %v of the update plan, dated %v, fixes it", [r[2].version, r[2].date]), location] |
	some r in vuln.releases_fixing(vuln.ids(st))
	t := vuln.ns(r[2].date)
	location := {"path": r[0], "pointer": sprintf("/releases/%d", [r[1]]), "message": "the release"}
}

# _dated are the dates announced for the statement's fix, as [time, text, related location]: the planned updates
# of the update plan, the dated CSAF remediations (vendor_fix, mitigation, none_available) and the releases.
_dated(path, i, st) := ({[vuln.ns(u[2].due), text, _plan_location(u)] |
	some u in vuln.planned_for(vuln.ids(st))
	vuln.ns(u[2].due)
	text := sprintf("the planned update %s is due on %s", [_update_id(u), u[2].due])
} | {[t, text, _remediation_location(path, i, j)] |
	some [j, rem, t] in vuln.dated_remediations(st)
	text := sprintf("the CSAF remediation (%s) dates it %s", [rem.category, rem.date])
}) | _release_fixes(st)

_late_text(late) := "" if count(late) == 0

else := concat("", ["; ", concat("; ", sort([sprintf("%s, after that deadline", [x[1]]) | some x in late]))])

_remediation_location(path, i, j) := {
	"path": path,
	"pointer": sprintf("/statements/%d/remediations/%d", [i, j]),
	"message": "the CSAF remediation",
}

# _deadline is [known since, fix deadline, severity, basis] in nanoseconds for an affected statement.
_deadline(st) := [since, since + (days * vuln.day_ns), sev, basis] if {
	vulnerabilities := vuln.ids(st)
	since := vuln.first_known(vulnerabilities)
	sev := vuln.severity(vulnerabilities)
	[days, basis] := vuln.timeline(sev)
}

_affected contains [doc.path, i, st] if {
	some doc in lib.documents("vex")
	some i, st in doc.content.statements
	is_object(st)
	count(vuln.affected_ids(st)) > 0
}

evidence contains lib.examined(path, _pointer(i)) if {
	some [path, i, st] in _affected
	_deadline(st)
}

evidence contains lib.examined(plan.path, "/remediation_timelines") if {
	count(vuln.timelines) > 0
	some doc in lib.documents("vex")
	count(doc.content.statements) > 0
	some plan in lib.documents("security-update-plan")
}

# A VEX without an affected statement has nothing to be late: its statements are the evidence.
evidence contains lib.examined(doc.path, "/statements") if {
	count(_affected) == 0
	count(vuln.timelines) > 0
	some doc in lib.documents("vex")
	count(doc.content.statements) > 0
}

insufficient contains lib.finding(path, _pointer(i), msg) if {
	count(vuln.timelines) > 0
	some [path, i, st] in _affected
	not _deadline(st)
	msg := sprintf("%s in %s is affected, but neither the statement nor a scan says when it became known, so %s; %s", [
		st.vulnerability, _products(st), "it cannot be told whether its fix is on time",
		"record when the statement was first issued (CycloneDX analysis.firstIssued, OpenVEX timestamp)",
	])
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	count(vuln.timelines) == 0
	lib.has_document("vex")
	msg := concat(" ", [
		"no security update plan of the bundle gives remediation timelines, so it cannot be told whether affected",
		"vulnerabilities are fixed on time; add the plan (type security-update-plan) with the days allowed per severity",
	])
}

_pointer(i) := concat("", ["/statements/", format_int(i, 10)])

_plan_location(u) := {"path": u[0], "pointer": concat("", ["/planned_updates/", format_int(u[1], 10)]), "message": "the planned update"}

_update_id(u) := u[2].id if lib.has_text(u[2], "id")

else := sprintf("number %d", [u[1] + 1])

_products(st) := concat(", ", sort({vuln.product_label(p) | some p in vuln.targets(st)})) if {
	count(vuln.targets(st)) > 0
} else := "the product"
