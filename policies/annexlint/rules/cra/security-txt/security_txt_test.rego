package annexlint.rules.cra["security-txt_test"]

import data.annexlint.rules.cra["security-txt"] as rule

_manifest := {"path": "annexlint.yaml", "content": {"product": {"framework": "CRA"}}}

_policy := {"type": "disclosure-policy", "path": "policies/disclosure.yaml", "content": {
	"kind": "disclosure-policy",
	"contact": {"email": "PSIRT@example.com", "url": "https://www.example.com/security/report/"},
}}

# _txt is a security.txt as the reader gives it (internal/securitytxt Content), with the given fields and problems.
_txt(fields, problems) := {"type": "security-txt", "path": ".well-known/security.txt", "content": {
	"format": "security.txt", "signed": false, "fields": fields, "problems": problems,
}}

_contact := {"name": "Contact", "value": "mailto:psirt@example.com"}

_expires := {"name": "Expires", "value": "2027-06-30T23:00:00+02:00", "utc": "2027-06-30T21:00:00Z"}

_input(txt) := {"as_of": "2026-12-01", "manifest": _manifest, "documents": [_policy, txt]}

test_success_contact_of_the_policy_and_current if {
	bundle := _input(_txt([_contact, _expires], []))
	count(rule.report) == 0 with input as bundle
	rule.evidence == {
		{"path": ".well-known/security.txt", "pointer": "/fields/0"},
		{"path": ".well-known/security.txt", "pointer": "/fields/1"},
	} with input as bundle
}

test_success_policy_url_as_contact if {
	fields := [{"name": "Contact", "value": "https://www.example.com/security/report"}, _expires]
	count(rule.report) == 0 with input as _input(_txt(fields, []))
}

test_success_without_security_txt_the_policy_contact_is_examined if {
	bundle := {"as_of": "2026-12-01", "manifest": _manifest, "documents": [_policy]}
	count(rule.report) == 0 with input as bundle
	rule.evidence == {{"path": "policies/disclosure.yaml", "pointer": "/contact"}} with input as bundle
}

test_no_evidence_without_security_txt_or_policy if {
	count(rule.evidence) == 0 with input as {"as_of": "2026-12-01", "manifest": _manifest, "documents": []}
}

test_insufficient_without_security_txt_and_policy_contact if {
	bundle := {"as_of": "2026-12-01", "manifest": _manifest, "documents": [{
		"type": "disclosure-policy", "path": "policies/disclosure.yaml",
		"content": {"kind": "disclosure-policy", "contact": {"email": "", "security_txt": "https://example.com/.well-known/security.txt"}},
	}]}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	{[f.path, f.pointer] | some f in rule.insufficient} == {["policies/disclosure.yaml", "/contact"]} with input as bundle
}

test_fail_required_fields_missing if {
	problems := [
		{"code": "contact_missing", "message": "no Contact field; RFC 9116 requires at least one"},
		{"code": "expires_missing", "message": "no Expires field; RFC 9116 requires exactly one"},
		{"code": "unknown_field", "message": "unknown field \"Hiring-Now\" (RFC 9116: ignored by consumers)"},
	]
	rule.report == {
		{
			"path": ".well-known/security.txt",
			"pointer": "/problems/0",
			"message": "the security.txt breaks RFC 9116: no Contact field; RFC 9116 requires at least one; add a Contact line with the address for vulnerability reports",
		},
		{
			"path": ".well-known/security.txt",
			"pointer": "/problems/1",
			"message": "the security.txt breaks RFC 9116: no Expires field; RFC 9116 requires exactly one; add one Expires line, an RFC 3339 date-time less than a year ahead",
		},
	} with input as _input(_txt([{"name": "Hiring-Now", "value": "yes"}], problems))
}

test_fail_expired if {
	expires := {"name": "Expires", "value": "2026-11-30T23:59:59Z", "utc": "2026-11-30T23:59:59Z"}
	rule.report == {{
		"path": ".well-known/security.txt",
		"pointer": "/fields/1",
		"message": "the security.txt expired on 2026-11-30T23:59:59Z, before 2026-12-01: readers must treat it as stale; publish it again with an Expires date less than a year ahead",
	}} with input as _input(_txt([_contact, expires], []))
}

test_success_expires_on_the_day_and_a_year_ahead if {
	today := {"name": "Expires", "value": "2026-12-01T00:00:00Z", "utc": "2026-12-01T00:00:00Z"}
	count(rule.report) == 0 with input as _input(_txt([_contact, today], []))
	year := {"name": "Expires", "value": "2027-12-01T00:00:00Z", "utc": "2027-12-01T00:00:00Z"}
	count(rule.report) == 0 with input as _input(_txt([_contact, year], []))
}

test_fail_more_than_a_year_ahead if {
	expires := {"name": "Expires", "value": "2027-12-01T00:00:01Z", "utc": "2027-12-01T00:00:01Z"}
	rule.report == {{
		"path": ".well-known/security.txt",
		"pointer": "/fields/1",
		"message": "the security.txt expires on 2027-12-01T00:00:01Z, more than a year after 2026-12-01; RFC 9116 recommends less than a year, so that a stale contact is noticed: set an earlier Expires and renew it",
	}} with input as _input(_txt([_contact, expires], []))
}

test_fail_contact_differs_from_the_policy if {
	fields := [_expires, {"name": "Contact", "value": "mailto:security@example.org"}, {"name": "Contact", "value": "tel:+49-30-1234"}]
	rule.report == {{
		"path": ".well-known/security.txt",
		"pointer": "/fields/1",
		"message": "the security.txt gives the contact mailto:security@example.org, tel:+49-30-1234, but the disclosure policy policies/disclosure.yaml gives https://www.example.com/security/report, mailto:psirt@example.com; publish the policy's single point of contact in the security.txt, or correct the policy",
		"related": [{"path": "policies/disclosure.yaml", "pointer": "/contact", "message": "the disclosure policy's contact"}],
	}} with input as _input(_txt(fields, []))
}

test_fail_insecure_contact if {
	fields := [{"name": "Contact", "value": "https://www.example.com/security/report"}, _expires]
	problems := [{"code": "insecure_uri", "message": "Contact \"http://www.example.com/\": web URIs must begin with https://"}]
	{f.pointer | some f in rule.report} == {"/problems/0"} with input as _input(_txt(fields, problems))
}

test_success_invalid_expires_is_not_compared if {
	# An Expires that is no date-time has no utc; only the RFC problem is reported.
	expires := {"name": "Expires", "value": "next year"}
	problems := [{"code": "expires_invalid", "message": "Expires \"next year\" is not an RFC 3339 date-time such as 2026-12-31T23:00:00Z"}]
	{f.pointer | some f in rule.report} == {"/problems/0"} with input as _input(_txt([_contact, expires], problems))
}
