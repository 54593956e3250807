# METADATA
# title: An affected vulnerability has an action statement, a risk assessment and a planned update
# description: |
#   When a VEX statement says the product is affected, the vulnerability is exploitable in the field until it is
#   remediated. Users need to be told what to do meanwhile (the action statement or remediation of the VEX), its
#   risk has to be assessed like any other threat (the security risk file lists it under a threat's
#   vulnerabilities), and the fix has to be scheduled and delivered through the update process (the security
#   update plan lists it under a planned update). A fix already delivered needs no planned update: a release of the
#   update plan (releases) that lists the vulnerability among its fixes, or a CSAF remediation of category vendor_fix
#   naming the product, dated on or before the --as-of date (the statement may stay affected for the version shipped
#   before it). An undated or future release or vendor fix is not yet delivered, and one whose version or details are
#   a placeholder (such as "TBD") shows nothing delivered. A statement missing any of the three leaves the
#   vulnerability without remediation, without a risk decision or without a delivery date. For a medical device or
#   IVD, the post-market surveillance data, vulnerabilities included, must update the risk management and lead to
#   the corrective actions needed (MDR Art. 83(3) and (4), IVDR Art. 78(3) and (4)).
# scope: package
# custom:
#   id: AL-VEX-003
#   severity: error
#   clauses:
#     - id: CRA-AI-P2-2
#       cite: CRA Annex I Part II (2)
#     - id: CRA-AI-P2-7
#       cite: CRA Annex I Part II (7)
#     - id: CRA-AI-P2-8
#       cite: CRA Annex I Part II (8)
#     - id: MDR-ART83-3
#       cite: MDR Art. 83(3)
#     - id: MDR-ART83-4
#       cite: MDR Art. 83(4)
#     - id: IVDR-ART78-3
#       cite: IVDR Art. 78(3)
#     - id: IVDR-ART78-4
#       cite: IVDR Art. 78(4)
#     - id: MDCG-2019-16-5.1
#       cite: MDCG 2019-16 rev.1 section 5.1
#     - id: MDCG-2019-16-3.1-P7
#       cite: MDCG 2019-16 rev.1 section 3.1, Practice 7
#     - id: FDA-524B-B2
#       cite: FD&C Act 524B(b)(2)
#   remediation: |
#     In the VEX statement, say what users must do or which update fixes the vulnerability (OpenVEX
#     `action_statement`, a CSAF remediation naming the product, CycloneDX `recommendation`, `workaround` or an
#     analysis `response` of update, rollback or workaround_available). Add the vulnerability ID to the
#     `vulnerabilities` of the threat in the security risk file that assesses it, and to the `vulnerabilities` of the
#     planned update in the security update plan (`planned_updates`) that will deliver the fix; once the fix has
#     shipped, record the release in the plan's `releases` (version, date, fixes) or date the CSAF vendor_fix
#     remediation.
package annexlint.rules.vex["affected-remediation"]

import data.annexlint.lib
import data.annexlint.lib.vuln

report contains lib.finding(path, _pointer(i), msg) if {
	some [path, i, st] in _affected
	not _has_action(st)
	msg := sprintf("%s: %s is affected but the statement gives no action statement or remediation; %s", [
		st.vulnerability, _products(st),
		"say what users must do meanwhile or which update fixes it",
	])
}

report contains lib.finding_related(path, _pointer(i), msg, related) if {
	some [path, i, st] in _affected
	not _listed(st, _risk_vulnerabilities)
	msg := sprintf("%s: %s is affected, but %s; assess its risk there under a threat's vulnerabilities", [
		st.vulnerability, _products(st), _risk_missing,
	])
	related := [{"path": rf.path, "pointer": "/threats", "message": "the threats of the security risk file"} |
		some rf in lib.documents("security-risk-file")
	]
}

report contains lib.finding_related(path, _pointer(i), msg, related) if {
	some [path, i, st] in _affected
	not _listed(st, _planned_vulnerabilities)
	count(_delivered(path, i, st)) == 0
	msg := sprintf("%s: %s is affected, but %s; schedule the update that fixes it there, or %s", [
		st.vulnerability, _products(st), _plan_missing,
		"record the release that shipped the fix (releases: version, date, fixes) or the dated CSAF vendor_fix",
	])
	related := [{"path": plan.path, "pointer": "", "message": "the security update plan"} |
		some plan in lib.documents("security-update-plan")
	]
}

# evidence is the statements of every VEX document, read for the affected ones, and each affected statement with
# the risk file's threats and the update plan's planned updates it was looked up in.
evidence contains lib.examined(doc.path, "/statements") if {
	some doc in lib.documents("vex")
	_has_statements(doc)
}

evidence contains lib.examined(path, _pointer(i)) if some [path, i, _] in _affected

evidence contains lib.examined(rf.path, "/threats") if {
	count(_affected) > 0
	some rf in lib.documents("security-risk-file")
}

evidence contains lib.examined(plan.path, "/planned_updates") if {
	count(_affected) > 0
	some plan in lib.documents("security-update-plan")
}

# A fix delivered by a release or a CSAF vendor_fix is evidence that the affected statement's update exists.
evidence contains lib.examined(fix.path, fix.pointer) if {
	some [path, i, st] in _affected
	some fix in _delivered(path, i, st)
}

# A VEX document without statements assesses nothing: insufficient evidence, not a pass.
insufficient contains lib.finding(doc.path, "", msg) if {
	some doc in lib.documents("vex")
	not _has_statements(doc)
	msg := sprintf("the VEX document %s holds no statements, so %s cannot be checked; %s", [
		doc.path, "whether its affected vulnerabilities have an action, a risk assessment and a planned update",
		"assess the known vulnerabilities of the product's components and record each assessment as a statement",
	])
}

_has_statements(doc) if {
	is_array(doc.content.statements)
	count(doc.content.statements) > 0
}

_affected contains [doc.path, i, st] if {
	some doc in lib.documents("vex")
	some i, st in doc.content.statements
	st.status == "affected"
}

_pointer(i) := concat("", ["/statements/", format_int(i, 10)])

_has_action(st) if lib.has_text(st, "action_statement")

_has_action(st) if {
	some response in st.responses
	response in {"update", "rollback", "workaround_available"}
}

_listed(st, listed) if {
	some v in vuln.ids(st)
	v in listed
}

_risk_vulnerabilities := {upper(trim_space(v)) |
	some rf in lib.documents("security-risk-file")
	some threat in rf.content.threats
	some v in threat.vulnerabilities
	is_string(v)
}

_planned_vulnerabilities := {upper(trim_space(v)) |
	some plan in lib.documents("security-update-plan")
	some update in plan.content.planned_updates
	some v in update.vulnerabilities
	is_string(v)
}

# _delivered are the places ({path, pointer}) that show the fix of an affected statement delivered by the end of the
# --as-of day, read as AL-UPD-002 and AL-REPORT-002 read them: a release of the update plan that lists any of the
# statement's IDs among its fixes, and a CSAF vendor_fix remediation naming the statement's product. A release or
# remediation without a date, or dated later, is still to come, and a placeholder version or details (such as "TBD")
# shows no fix: neither stands in for the planned update.
_delivered(path, i, st) := {{"path": r[0], "pointer": sprintf("/releases/%d", [r[1]])} |
	some r in vuln.releases_fixing(vuln.ids(st))
	vuln.ns(r[2].date) < vuln.as_of_ns + vuln.day_ns
	lib.has_text(r[2], "version")
} | {{"path": path, "pointer": sprintf("/statements/%d/remediations/%d", [i, j])} |
	some [j, rem, t] in vuln.dated_remediations(st)
	rem.category == "vendor_fix"
	t < vuln.as_of_ns + vuln.day_ns
	lib.has_text(rem, "details")
}

_risk_missing := "no threat in the security risk file lists it" if {
	lib.has_document("security-risk-file")
} else := "the bundle has no security risk file"

_plan_missing := "no planned update in the security update plan lists it" if {
	lib.has_document("security-update-plan")
} else := "the bundle has no security update plan"

_products(st) := concat(", ", sort({vuln.product_label(p) | some p in vuln.targets(st)})) if {
	count(vuln.targets(st)) > 0
} else := "the product"
