package annexlint.lib.reporting_test

import data.annexlint.lib.reporting

_register(reports) := {"documents": [{"type": "vulnerability-reports", "path": "r.yaml", "content": {"reports": reports}}]}

test_channels_share_the_case_and_keep_their_own_times if {
	bundle := _register([{
		"id": "SI-1", "type": "serious-incident", "aware_at": "2026-10-01T06:00:00Z", "member_states": ["DE"],
		"notification_at": "2026-10-05T06:00:00Z", "recipients": ["BfArM"],
		"also": [{"type": "significant-incident", "early_warning_at": "2026-10-01T20:00:00Z"}],
	}])
	channels := reporting.channels with input as bundle
	[[_, first, own], [_, second, extra]] := channels
	first == "/reports/0"
	second == "/reports/0/also/0"
	own.notification_at == "2026-10-05T06:00:00Z"
	extra == {
		"id": "SI-1", "type": "significant-incident", "aware_at": "2026-10-01T06:00:00Z", "member_states": ["DE"],
		"early_warning_at": "2026-10-01T20:00:00Z",
	}
}

test_reported_ids_include_channels_under_also if {
	bundle := _register([{
		"id": "SI-2", "type": "severe-incident", "vulnerability": "cve-2026-1", "aware_at": "2026-10-01T06:00:00Z",
		"also": [{"type": "actively-exploited-vulnerability"}],
	}])
	reporting.reported_ids == {"CVE-2026-1"} with input as bundle
}

test_add_month_ends_on_the_last_day_of_a_shorter_month if {
	reporting.add_month(time.parse_rfc3339_ns("2026-01-31T10:00:00Z")) == time.parse_rfc3339_ns("2026-02-28T10:00:00Z")
	reporting.add_month(time.parse_rfc3339_ns("2026-03-15T10:00:00Z")) == time.parse_rfc3339_ns("2026-04-15T10:00:00Z")
}

test_nis2_from_defaults_to_art_41 if {
	reporting.nis2_from == time.parse_rfc3339_ns("2024-10-18T00:00:00Z") with input as _register([])
}

test_member_states_outside_the_eu if {
	reporting.not_member_states({"member_states": ["DE", "EL", "GR", "ch", "UK", "TBD", 7]}) == {[3, "ch"], [4, "UK"]}
	reporting.names_member_state({"member_states": ["TBD", "AT"]})
	not reporting.names_member_state({"member_states": ["TBD"]})
	not reporting.names_member_state({})
}

test_member_states_at_follows_inheritance if {
	bundle := _register([{
		"id": "SI-1", "type": "serious-incident", "aware_at": "2026-10-01T06:00:00Z", "member_states": ["DE"],
		"also": [{"type": "significant-incident"}, {"type": "significant-incident", "member_states": ["AT"]}],
	}])
	reporting.member_states_at("r.yaml", "/reports/0") == "/reports/0/member_states" with input as bundle
	reporting.member_states_at("r.yaml", "/reports/0/also/0") == "/reports/0/member_states" with input as bundle
	reporting.member_states_at("r.yaml", "/reports/0/also/1") == "/reports/0/also/1/member_states" with input as bundle
}
