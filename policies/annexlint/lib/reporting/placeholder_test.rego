package annexlint.lib.reporting_test

import data.annexlint.lib.reporting

_early := {
	"field": "early_warning_at", "what": "early warning", "due": time.parse_rfc3339_ns("2026-10-02T10:00:00Z"),
	"basis": "24 hours after awareness at 2026-10-01T10:00:00Z", "clause": "CRA Art. 14(2)(a)",
}

# A placeholder in place of a submission time records nothing (lib.placeholders).
test_placeholder_is_not_recorded if {
	not reporting.recorded({"early_warning_at": "TBD"}, "early_warning_at")
	not reporting.recorded({"early_warning_at": " n/a "}, "early_warning_at")
	not reporting.recorded({"early_warning_at": "-"}, "early_warning_at")
	reporting.recorded({"early_warning_at": "2026-10-02T09:00:00Z"}, "early_warning_at")
	reporting.recorded({"recipients": ["CSIRT-DE"]}, "recipients")
}

test_placeholder_stage_past_due_is_reported if {
	[pointer, text] := reporting.stage_problem("/reports/0", {"early_warning_at": "TODO"}, _early) with input as {"as_of": "2026-10-03"}
	pointer == "/reports/0"
	startswith(text, "no early warning is recorded (early_warning_at), though it was due by 2026-10-02T10:00:00Z")
}
