# METADATA
# title: Every fixed vulnerability has a published security advisory
# description: |
#   Once a security update is available, users and the public must be told which vulnerability it fixes, which
#   products it affected, how severe it is and what to do (CRA Annex I Part II (4)); without that, users cannot tell
#   that they need the update, and others using the same component cannot react. A VEX statement that a
#   vulnerability is fixed shows the update exists; the advisory is shown by its address: in the VEX itself
#   (CycloneDX advisories, CSAF vulnerability references) or, for formats that cannot name one (OpenVEX), in the
#   security update plan's advisories with the vulnerabilities each covers. An address must be an http(s) URL with
#   a host.
# scope: package
# custom:
#   id: AL-VEX-011
#   severity: error
#   clauses:
#     - id: CRA-AI-P2-4
#       cite: CRA Annex I Part II (4)
#     - id: MDCG-2019-16-3.8
#       cite: MDCG 2019-16 rev.1 section 3.8
#   remediation: |
#     Publish a security advisory for the fixed vulnerability (affected products and versions, impact, severity,
#     the fixing update and what users must do) and record its URL: in the VEX (CycloneDX vulnerabilities[].advisories,
#     CSAF vulnerabilities[].references) or in the security update plan (advisories, with url, published and the
#     vulnerabilities it covers).
package annexlint.rules.vex["fixed-advisory-published"]

import data.annexlint.lib
import data.annexlint.lib.vuln

report contains lib.finding(path, _pointer(i), msg) if {
	some [path, i, st] in _fixed
	not _advised(st)
	msg := sprintf("%s is fixed according to the VEX, but %s; %s", [
		st.vulnerability, "neither the statement nor the update plan's advisories name a published security advisory for it",
		"publish an advisory (affected products, impact, severity, the fixing update) and record its URL in the VEX or in the update plan's advisories",
	])
}

_fixed contains [doc.path, i, st] if {
	some doc in lib.documents("vex")
	some i, st in doc.content.statements
	is_object(st)
	st.status == "fixed"
}

_advised(st) if {
	some url in st.advisories
	_url(url)
}

_advised(st) if {
	some v in vuln.ids(st)
	v in _plan_advised
}

# _plan_advised are the vulnerability IDs the update plans' advisories cover, upper case, where the advisory has a URL.
_plan_advised := {upper(trim_space(v)) |
	some plan in lib.documents("security-update-plan")
	some advisory in plan.content.advisories
	_url(advisory.url)
	some v in advisory.vulnerabilities
	is_string(v)
}

_url(s) if {
	is_string(s)
	regex.match(`^https?://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]+)?(/\S*)?$`, trim_space(s))
}

_pointer(i) := concat("", ["/statements/", format_int(i, 10)])

evidence contains lib.examined(path, _pointer(i)) if some [path, i, _] in _fixed

# A VEX whose statements fix nothing has nothing to disclose: its statements are the evidence.
evidence contains lib.examined(doc.path, "/statements") if {
	count(_fixed) == 0
	some doc in lib.documents("vex")
	count(doc.content.statements) > 0
}
