package annexlint.rules.gspr["evidence-signed-off_test"]

import data.annexlint.rules.gspr["evidence-signed-off"] as rule

_hash := "66639591d6ab282b85cee90978502c9e2a79f47509e5ef764476411533e4ea0b"

_input(evidence) := {
	"as_of": "2026-11-25",
	"manifest": {"path": "annexlint.yaml", "content": {"product": {"framework": "MDR"}}},
	"documents": [{"type": "gspr-evidence-matrix", "path": "gspr.yaml", "content": {"entries": [
		{"gspr": "17.2", "evidence": evidence},
	]}}],
}

_signed := {"document": "risk.yaml", "sha256": _hash, "reviewed_by": "A. Weber, security architect", "reviewed_on": "2026-02-10"}

test_success_signed_off if {
	count(rule.report) == 0 with input as _input([_signed])
	rule.evidence == {{"path": "gspr.yaml", "pointer": "/entries/0/evidence/0"}} with input as _input([_signed])
}

test_fail_hash_without_reviewer_or_date if {
	findings := rule.report with input as _input([{"document": "risk.yaml", "sha256": _hash}])
	findings == {{
		"path": "gspr.yaml",
		"pointer": "/entries/0/evidence/0",
		"message": concat("", [
			"the evidence risk.yaml for GSPR 17.2 records the hash of a reviewed version but not who reviewed it or ",
			"when (as a date); record who reviewed it (reviewed_by) and when (reviewed_on, YYYY-MM-DD)",
		]),
	}}
}

test_fail_placeholder_reviewer if {
	findings := rule.report with input as _input([object.union(_signed, {"reviewed_by": "TBD"})])
	[f] := [f | some f in findings]
	contains(f.message, "but not who reviewed it;")
}

test_fail_review_dated_after_check if {
	findings := rule.report with input as _input([object.union(_signed, {"reviewed_on": "2026-12-01"})])
	[f] := [f | some f in findings]
	f.pointer == "/entries/0/evidence/0/reviewed_on"
}

test_success_unhashed_evidence_is_another_rule if {
	count(rule.report) == 0 with input as _input([{"document": "risk.yaml"}, _signed])
}

test_insufficient_no_hash_at_all if {
	bundle := _input([{"document": "risk.yaml"}])
	count(rule.evidence) == 0 with input as bundle
	[f] := [f | some f in rule.insufficient] with input as bundle
	f.pointer == "/entries"
}
