package annexlint.rules.pms["periodic-report-current_test"]

import data.annexlint.rules.pms["periodic-report-current"] as rule

_psur(id, issued) := {
	"id": id, "type": "psur", "period_start": "2025-03-02", "period_end": "2026-03-01", "issued_on": issued,
	"cybersecurity": "14 vulnerabilities assessed (none exploitable), no security incident, update 3.1.2 on 92% of pumps",
}

_input(framework, class, placed, reports) := {
	"as_of": "2026-11-25",
	"manifest": {"path": "annexlint.yaml", "content": {"product": {
		"framework": framework, "classification": class, "placed_on_market": placed,
	}}},
	"files": {},
	"documents": [{"type": "post-market-surveillance", "path": "security/pms.yaml", "content": {
		"kind": "post-market-surveillance", "plan": {"reference": "PMS-PLAN rev. A"}, "reports": reports,
	}}],
}

test_fail_class_iib_psur_older_than_a_year if {
	findings := rule.report with input as _input("MDR", "IIb", "2024-03-02", [_psur("PSUR-2025", "2025-04-15")])
	findings == {{
		"path": "security/pms.yaml", "pointer": "/reports",
		"message": concat("", [
			"the latest PSUR was issued on 2025-04-15; a class IIb device's PSUR is updated at least every year ",
			"(MDR Art. 86(1)), so the next was due by 2026-04-15; issue it and record it under reports",
		]),
	}}
}

test_success_class_iib_psur_within_a_year if {
	bundle := _input("MDR", "IIb", "2024-03-02", [_psur("PSUR-2025", "2025-04-15"), _psur("PSUR-2026", "2026-04-10")])
	count(rule.report) == 0 with input as bundle
	count(rule.insufficient) == 0 with input as bundle
	count(rule.evidence) == 2 with input as bundle
}

test_success_class_iia_psur_within_two_years if {
	bundle := _input("MDR", "IIa", "2023-01-10", [_psur("PSUR-2025", "2025-01-05")])
	count(rule.report) == 0 with input as bundle
}

test_fail_class_iii_first_psur_overdue if {
	findings := rule.report with input as _input("MDR", "III", "2025-06-01", [])
	{f.pointer | some f in findings} == {"/reports"}
	some f in findings
	contains(f.message, "first PSUR was due by 2026-06-01")
}

test_success_first_psur_not_yet_due if {
	bundle := _input("MDR", "IIb", "2026-03-02", [])
	count(rule.report) == 0 with input as bundle
	count(rule.insufficient) == 0 with input as bundle
	rule.evidence == {{"path": "annexlint.yaml", "pointer": "/product/placed_on_market"}} with input as bundle
}

test_fail_psur_silent_on_cybersecurity if {
	findings := rule.report with input as _input("IVDR", "C", "2025-06-01", [object.remove(_psur("PSUR-2026", "2026-05-20"), ["cybersecurity"])])
	{f.pointer | some f in findings} == {"/reports/0"}
}

test_fail_report_document_missing if {
	r := object.union(_psur("PSUR-2026", "2026-05-20"), {"document": "pms/psur-2026.pdf"})
	findings := rule.report with input as _input("IVDR", "D", "2025-06-01", [r])
	{f.pointer | some f in findings} == {"/reports/0/document"}
}

test_insufficient_class_i_without_pms_report if {
	bundle := _input("MDR", "I", "2025-06-01", [])
	{f.pointer | some f in rule.insufficient} == {"/reports"} with input as bundle
	count(rule.report) == 0 with input as bundle
}

test_success_class_a_with_pms_report if {
	r := {"id": "PMSR-2026", "type": "pms-report", "issued_on": "2026-09-01", "cybersecurity": "no vulnerability affected the analyser software"}
	bundle := _input("IVDR", "A", "2025-06-01", [r])
	count(rule.report) == 0 with input as bundle
	count(rule.insufficient) == 0 with input as bundle
	count(rule.evidence) == 1 with input as bundle
}

test_insufficient_no_pms_document if {
	bundle := {"as_of": "2026-11-25", "documents": [], "manifest": {"path": "annexlint.yaml", "content": {"product": {
		"framework": "MDR", "classification": "III", "placed_on_market": "2024-01-01",
	}}}}
	{f.pointer | some f in rule.insufficient} == {"/documents"} with input as bundle
}

test_fail_report_issued_after_as_of_is_not_counted if {
	bundle := _input("MDR", "IIb", "2024-03-02", [_psur("PSUR-2026", "2026-12-01")])
	{f.pointer | some f in rule.report} == {"/reports"} with input as bundle
}

test_insufficient_no_pms_document_psur_not_yet_due if {
	bundle := {"as_of": "2026-11-25", "documents": [], "manifest": {"path": "annexlint.yaml", "content": {"product": {
		"framework": "MDR", "classification": "IIb", "placed_on_market": "2026-06-01",
	}}}}
	{f.pointer | some f in rule.insufficient} == {"/documents"} with input as bundle
	count(rule.evidence) == 0 with input as bundle
}

test_success_not_yet_placed if {
	bundle := {"as_of": "2026-11-25", "documents": [], "manifest": {"path": "annexlint.yaml", "content": {"product": {
		"framework": "MDR", "classification": "I", "placed_on_market": "2027-01-10",
	}}}}
	count(rule.insufficient) == 0 with input as bundle
	rule.evidence == {{"path": "annexlint.yaml", "pointer": "/product/placed_on_market"}} with input as bundle
}
