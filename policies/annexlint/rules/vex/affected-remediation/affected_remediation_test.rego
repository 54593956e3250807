package annexlint.rules.vex["affected-remediation_test"]

import data.annexlint.rules.vex["affected-remediation"] as rule

_product := {"id": "pkg:github/Mbed-TLS/mbedtls@v3.6.2", "purl": "pkg:github/mbed-tls/mbedtls@v3.6.2", "loc": {"pointer": "/statements/0/products/0"}}

_affected(fields) := object.union(
	{"vulnerability": "CVE-2025-27809", "aliases": [], "products": [_product], "status": "affected", "action_statement": "Update to firmware 3.2.1.", "responses": []},
	fields,
)

_vex(statements) := {"type": "vex", "path": "vex/fw.openvex.json", "content": {"kind": "openvex", "statements": statements}}

_risk(vulns) := {"type": "security-risk-file", "path": "security/risk-file.yaml", "content": {"threats": [
	{"id": "TH-01", "vulnerabilities": []},
	{"id": "TH-06", "vulnerabilities": vulns},
]}}

_plan(vulns) := {"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {"planned_updates": [
	{"id": "FW-3.2.1", "vulnerabilities": vulns},
]}}

test_fail_no_action_statement if {
	findings := rule.report with input as {"documents": [
		_vex([_affected({"action_statement": " ", "responses": ["will_not_fix"]})]),
		_risk(["CVE-2025-27809"]), _plan(["cve-2025-27809"]),
	]}
	findings == {{
		"path": "vex/fw.openvex.json",
		"pointer": "/statements/0",
		"message": concat("", [
			"CVE-2025-27809: pkg:github/Mbed-TLS/mbedtls@v3.6.2 is affected but the statement gives no action ",
			"statement or remediation; say what users must do meanwhile or which update fixes it",
		]),
	}}
}

test_fail_not_in_risk_file_nor_update_plan if {
	findings := rule.report with input as {"documents": [_vex([_affected({})]), _risk(["CVE-2024-1"]), _plan([])]}
	findings == {
		{
			"path": "vex/fw.openvex.json",
			"pointer": "/statements/0",
			"message": concat("", [
				"CVE-2025-27809: pkg:github/Mbed-TLS/mbedtls@v3.6.2 is affected, but no threat in the security risk ",
				"file lists it; assess its risk there under a threat's vulnerabilities",
			]),
			"related": [{"path": "security/risk-file.yaml", "pointer": "/threats", "message": "the threats of the security risk file"}],
		},
		{
			"path": "vex/fw.openvex.json",
			"pointer": "/statements/0",
			"message": concat("", [
				"CVE-2025-27809: pkg:github/Mbed-TLS/mbedtls@v3.6.2 is affected, but no planned update in the security ",
				"update plan lists it; schedule the update that fixes it there, or record the release that shipped the fix ",
				"(releases: version, date, fixes) or the dated CSAF vendor_fix",
			]),
			"related": [{"path": "security/update-plan.yaml", "pointer": "", "message": "the security update plan"}],
		},
	}
}

test_fail_documents_missing if {
	findings := rule.report with input as {"documents": [_vex([_affected({})])]}
	{f.message | some f in findings} == {
		concat("", [
			"CVE-2025-27809: pkg:github/Mbed-TLS/mbedtls@v3.6.2 is affected, but the bundle has no security risk ",
			"file; assess its risk there under a threat's vulnerabilities",
		]),
		concat("", [
			"CVE-2025-27809: pkg:github/Mbed-TLS/mbedtls@v3.6.2 is affected, but the bundle has no security update ",
			"plan; schedule the update that fixes it there, or record the release that shipped the fix (releases: ",
			"version, date, fixes) or the dated CSAF vendor_fix",
		]),
	}
}

test_success_traced_by_alias_with_response_as_remediation if {
	statement := _affected({"vulnerability": "GHSA-q4f9-6rxx-m2x4", "aliases": ["CVE-2025-27809"], "action_statement": "", "responses": ["update"]})
	count(rule.report) == 0 with input as {"documents": [_vex([statement]), _risk(["CVE-2025-27809"]), _plan(["CVE-2025-27809"])]}
}

test_success_other_statuses_and_malformed_native_documents if {
	count(rule.report) == 0 with input as {"documents": [
		_vex([_affected({"status": "fixed", "action_statement": ""}), _affected({"status": "not_affected"})]),
		{"type": "security-risk-file", "path": "r.yaml", "content": {"threats": "none"}},
		{"type": "security-update-plan", "path": "u.yaml", "content": {"planned_updates": [{"vulnerabilities": 7}]}},
	]}
}

test_evidence_affected_statement_with_risk_file_and_plan if {
	bundle := {"documents": [_vex([_affected({})]), _risk(["CVE-2025-27809"]), _plan(["CVE-2025-27809"])]}
	count(rule.report) == 0 with input as bundle
	rule.evidence == {
		{"path": "vex/fw.openvex.json", "pointer": "/statements"},
		{"path": "vex/fw.openvex.json", "pointer": "/statements/0"},
		{"path": "security/risk-file.yaml", "pointer": "/threats"},
		{"path": "security/update-plan.yaml", "pointer": "/planned_updates"},
	} with input as bundle
	count(rule.insufficient) == 0 with input as bundle
}

test_evidence_statements_read_when_none_is_affected if {
	bundle := {"documents": [_vex([_affected({"status": "fixed"})]), _risk([]), _plan([])]}
	rule.evidence == {{"path": "vex/fw.openvex.json", "pointer": "/statements"}} with input as bundle
}

test_insufficient_vex_without_statements if {
	bundle := {"documents": [_vex([]), _risk([]), _plan([])]}
	count(rule.report) == 0 with input as bundle
	count(rule.evidence) == 0 with input as bundle
	rule.insufficient == {{
		"path": "vex/fw.openvex.json",
		"pointer": "",
		"message": concat("", [
			"the VEX document vex/fw.openvex.json holds no statements, so whether its affected vulnerabilities have an ",
			"action, a risk assessment and a planned update cannot be checked; assess the known vulnerabilities of the ",
			"product's components and record each assessment as a statement",
		]),
	}} with input as bundle
}

test_fail_placeholder_action_statement if {
	# "TBD" says nothing users can do; it is no action statement.
	findings := rule.report with input as {"documents": [
		_vex([_affected({"action_statement": "TBD"})]),
		_risk(["CVE-2025-27809"]), _plan(["CVE-2025-27809"]),
	]}
	{f.message | some f in findings} == {concat("", [
		"CVE-2025-27809: pkg:github/Mbed-TLS/mbedtls@v3.6.2 is affected but the statement gives no action ",
		"statement or remediation; say what users must do meanwhile or which update fixes it",
	])}
}

# --- A fix already delivered stands in for the planned update ----------------------------------------------------

_plan_with_releases(releases) := {"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {
	"planned_updates": [{"id": "FW-3.3.0", "vulnerabilities": ["CVE-2024-1"]}],
	"releases": releases,
}}

_release(fields) := object.union({"version": "3.2.1", "date": "2026-10-21", "fixes": ["CVE-2025-27809"]}, fields)

_vendor_fix(fields) := object.union(
	{"category": "vendor_fix", "details": "Update to firmware 3.2.1.", "date": "2026-10-21T00:00:00Z", "url": ""},
	fields,
)

_plan_finding := {
	"path": "vex/fw.openvex.json",
	"pointer": "/statements/0",
	"message": concat("", [
		"CVE-2025-27809: pkg:github/Mbed-TLS/mbedtls@v3.6.2 is affected, but no planned update in the security ",
		"update plan lists it; schedule the update that fixes it there, or record the release that shipped the fix ",
		"(releases: version, date, fixes) or the dated CSAF vendor_fix",
	]),
	"related": [{"path": "security/update-plan.yaml", "pointer": "", "message": "the security update plan"}],
}

_with_release(release) := {"as_of": "2026-11-25", "documents": [
	_vex([_affected({})]), _risk(["CVE-2025-27809"]), _plan_with_releases([_release({"fixes": ["CVE-2024-1"]}), release]),
]}

_with_remediation(remediation) := {"as_of": "2026-11-25", "documents": [
	_vex([_affected({"remediations": [_vendor_fix({"category": "mitigation"}), remediation]})]),
	_risk(["CVE-2025-27809"]), _plan_with_releases([]),
]}

test_success_release_shipped_the_fix if {
	bundle := _with_release(_release({}))
	count(rule.report) == 0 with input as bundle
	{"path": "security/update-plan.yaml", "pointer": "/releases/1"} in rule.evidence with input as bundle
	not {"path": "security/update-plan.yaml", "pointer": "/releases/0"} in rule.evidence with input as bundle
}

test_success_release_on_the_as_of_day_fixing_an_alias if {
	# The release lists the statement's alias, in lower case; released on the --as-of day itself, it is delivered.
	statement := _affected({"vulnerability": "GHSA-q4f9-6rxx-m2x4", "aliases": ["CVE-2025-27809"]})
	count(rule.report) == 0 with input as {"as_of": "2026-11-25", "documents": [
		_vex([statement]), _risk(["CVE-2025-27809"]),
		_plan_with_releases([_release({"date": "2026-11-25", "fixes": ["cve-2025-27809"]})]),
	]}
}

test_fail_release_after_the_as_of_date if {
	rule.report == {_plan_finding} with input as _with_release(_release({"date": "2026-11-26"}))
}

test_fail_release_undated if {
	rule.report == {_plan_finding} with input as _with_release(object.remove(_release({}), ["date"]))
	rule.report == {_plan_finding} with input as _with_release(_release({"date": "TBD"}))
}

test_fail_release_with_placeholder_version if {
	rule.report == {_plan_finding} with input as _with_release(_release({"version": "TBD"}))
	rule.report == {_plan_finding} with input as _with_release(_release({"version": " "}))
}

test_fail_release_that_fixes_something_else if {
	rule.report == {_plan_finding} with input as _with_release(_release({"fixes": ["CVE-2025-27808", "TBD"]}))
}

test_success_dated_csaf_vendor_fix if {
	bundle := _with_remediation(_vendor_fix({}))
	count(rule.report) == 0 with input as bundle
	{"path": "vex/fw.openvex.json", "pointer": "/statements/0/remediations/1"} in rule.evidence with input as bundle
	not {"path": "vex/fw.openvex.json", "pointer": "/statements/0/remediations/0"} in rule.evidence with input as bundle
}

test_success_csaf_vendor_fix_later_on_the_as_of_day if {
	count(rule.report) == 0 with input as _with_remediation(_vendor_fix({"date": "2026-11-25T18:30:00Z"}))
}

test_fail_csaf_vendor_fix_in_the_future if {
	# A vendor_fix dated after the --as-of date announces the fix; it has not been delivered yet.
	rule.report == {_plan_finding} with input as _with_remediation(_vendor_fix({"date": "2026-11-26T00:00:00Z"}))
}

test_fail_csaf_vendor_fix_undated if {
	rule.report == {_plan_finding} with input as _with_remediation(_vendor_fix({"date": ""}))
}

test_fail_csaf_vendor_fix_with_placeholder_details if {
	rule.report == {_plan_finding} with input as _with_remediation(_vendor_fix({"details": "TBD"}))
}

test_fail_dated_csaf_mitigation_or_workaround_is_not_the_fix if {
	# Every bundle of _with_remediation holds a dated mitigation too: a measure meanwhile, not the fix.
	rule.report == {_plan_finding} with input as _with_remediation(_vendor_fix({"category": "workaround"}))
}
