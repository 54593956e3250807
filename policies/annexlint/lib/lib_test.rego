package annexlint.lib_test

import data.annexlint.lib

_sbom_a := {"id": "sbom-a", "type": "sbom", "path": "sbom/a.cdx.json", "content": {}}

_sbom_b := {"id": "sbom-b", "type": "sbom", "path": "sbom/b.spdx.json", "content": {}}

_vex := {"id": "vex", "type": "vex", "path": "vex/fw.json", "content": {}}

_criteria := {"scale": ["low", "medium", "high"], "acceptable": ["low", "medium"]}

# --- documents, has_document ---------------------------------------------------------------------------------------

test_documents_returns_documents_of_type_in_bundle_order if {
	lib.documents("sbom") == [_sbom_a, _sbom_b] with input as {"documents": [_sbom_a, _vex, _sbom_b]}
	lib.documents("vex") == [_vex] with input as {"documents": [_sbom_a, _vex, _sbom_b]}
}

test_documents_empty_for_absent_type_or_missing_documents if {
	lib.documents("kev-catalog") == [] with input as {"documents": [_sbom_a, _vex]}
	lib.documents("sbom") == [] with input as {}
}

test_documents_skips_malformed_entries if {
	docs := lib.documents("sbom") with input as {"documents": [null, "sbom", 3, {"path": "x"}, {"type": 7}, _sbom_a]}
	docs == [_sbom_a]
}

test_has_document if {
	lib.has_document("vex") with input as {"documents": [_sbom_a, _vex]}
	not lib.has_document("kev-catalog") with input as {"documents": [_sbom_a, _vex]}
	not lib.has_document("sbom") with input as {}
	not lib.has_document("sbom") with input as {"documents": [null, {"type": "vex"}]}
}

_supplier := {"name": "Nordwind Radio GmbH", "component": "pkg:generic/nordwind/bt-module@4.2.1"}

_sbom_supplied := {"id": "sbom-bt", "type": "sbom", "path": "sbom/bt.cdx.json", "content": {}, "supplied_by": _supplier}

_vex_supplied := {"id": "vex-bt", "type": "vex", "path": "vex/bt.json", "content": {}, "supplied_by": _supplier}

_vex_adopted := {"id": "vex-bt", "type": "vex", "path": "vex/bt.json", "content": {}, "supplied_by": object.union(
	_supplier,
	{"adopted": {"by": "J. Doe, product security", "date": "2026-10-05"}},
)}

test_documents_leave_out_a_suppliers_delivery if {
	lib.documents("sbom") == [_sbom_a] with input as {"documents": [_sbom_a, _sbom_supplied]}
	lib.documents("vex") == [] with input as {"documents": [_sbom_a, _vex_supplied]}
	not lib.has_document("vex") with input as {"documents": [_sbom_a, _vex_supplied]}
	lib.supplied_documents("sbom") == [_sbom_supplied] with input as {"documents": [_sbom_a, _sbom_supplied]}
}

test_documents_keep_a_suppliers_vex_the_maker_adopted if {
	lib.documents("vex") == [_vex_adopted] with input as {"documents": [_vex_adopted]}
	not_adopted := json.patch(_vex_adopted, [{"op": "replace", "path": "/supplied_by/adopted/by", "value": "TBD"}])
	lib.documents("vex") == [] with input as {"documents": [not_adopted]}
}

# --- manifest_path, product ----------------------------------------------------------------------------------------

_manifest := {"path": "annexlint.yaml", "content": {"product": {"name": "VF300", "nis2_entity": "important"}}}

test_manifest_path_and_product if {
	lib.manifest_path == "annexlint.yaml" with input as {"manifest": _manifest}
	lib.product == {"name": "VF300", "nis2_entity": "important"} with input as {"manifest": _manifest}
}

test_manifest_path_and_product_undefined_without_manifest if {
	not lib.manifest_path with input as {"documents": []}
	not lib.product with input as {"documents": []}
	not lib.product with input as {"manifest": {"path": "annexlint.yaml", "content": "not an object"}}
}

# --- finding, finding_related --------------------------------------------------------------------------------------

test_finding_shape if {
	lib.finding("security/risk.yaml", "/threats/3", "threat T-4 has no control") == {
		"path": "security/risk.yaml",
		"pointer": "/threats/3",
		"message": "threat T-4 has no control",
	}
}

test_finding_related_adds_related_locations if {
	related := [{"path": "security/risk.yaml", "pointer": "/controls/0", "message": "the control"}]
	lib.finding_related("security/risk.yaml", "/threats/3", "msg", related) == {
		"path": "security/risk.yaml",
		"pointer": "/threats/3",
		"message": "msg",
		"related": related,
	}
}

# --- file_exists ---------------------------------------------------------------------------------------------------

_files := {"security/risk.yaml": {"size": 10, "sha256": "ab"}, "docs/ifu.pdf": {}}

test_file_exists if {
	lib.file_exists("security/risk.yaml") with input as {"files": _files}
	lib.file_exists("docs/ifu.pdf") with input as {"files": _files}
}

test_file_exists_false_for_unknown_path_or_no_files if {
	not lib.file_exists("security/missing.yaml") with input as {"files": _files}
	not lib.file_exists("./security/risk.yaml") with input as {"files": _files}
	not lib.file_exists(7) with input as {"files": _files}
	not lib.file_exists("security/risk.yaml") with input as {}
}

# --- level_rank, acceptable ----------------------------------------------------------------------------------------

test_level_rank_is_position_on_scale if {
	lib.level_rank(_criteria, "low") == 0
	lib.level_rank(_criteria, "medium") == 1
	lib.level_rank(_criteria, "high") == 2
}

test_level_rank_undefined_for_unknown_level_or_missing_scale if {
	not lib.level_rank(_criteria, "critical")
	not lib.level_rank(_criteria, "High")
	not lib.level_rank({"acceptable": ["low"]}, "low")
	not lib.level_rank({"scale": "low"}, "low")
	not lib.level_rank("not an object", "low")
	not lib.level_rank(null, "low")
}

# A scale that repeats a level fails the schema, but rules still run on it: the first position wins rather than
# the function producing two values (a conflict error that would stop the whole evaluation).
test_level_rank_repeated_level_takes_first_position if {
	lib.level_rank({"scale": ["low", "medium", "low", "high"]}, "low") == 0
	lib.level_rank({"scale": ["low", "medium", "low", "high"]}, "high") == 3
}

test_acceptable if {
	lib.acceptable(_criteria, "low")
	lib.acceptable(_criteria, "medium")
	not lib.acceptable(_criteria, "high")
	not lib.acceptable(_criteria, "unknown")
}

test_acceptable_false_on_malformed_criteria if {
	not lib.acceptable({"scale": ["low"]}, "low")
	not lib.acceptable({"acceptable": "low"}, "low")
	not lib.acceptable({"acceptable": null}, "low")
	not lib.acceptable("criteria", "low")
}

# --- days_between, add_years ---------------------------------------------------------------------------------------

test_days_between if {
	lib.days_between("2026-01-01", "2026-01-02") == 1
	lib.days_between("2026-01-01", "2026-01-01") == 0
	lib.days_between("2026-01-02", "2026-01-01") == -1
	lib.days_between("2026-01-01", "2027-01-01") == 365
	lib.days_between("2024-02-28", "2024-03-01") == 2
	lib.days_between("2024-01-01", "2025-01-01") == 366
}

test_add_years if {
	lib.add_years("2026-03-15", 5) == "2031-03-15"
	lib.add_years("2026-12-31", 1) == "2027-12-31"
	lib.add_years("2031-03-15", -5) == "2026-03-15"
	lib.add_years("2026-01-09", 0) == "2026-01-09"
}

# EU law ends a period of years that starts on 29 February on 28 February when the last year has no 29th
# (Regulation 1182/71 Art. 3(2)(c)); time.add_date alone would overflow into 1 March.
test_add_years_from_leap_day if {
	lib.add_years("2024-02-29", 1) == "2025-02-28"
	lib.add_years("2024-02-29", 4) == "2028-02-29"
	lib.add_years("2028-02-29", 5) == "2033-02-28"
	lib.add_years("2024-02-28", 1) == "2025-02-28"
}

# --- pointer -------------------------------------------------------------------------------------------------------

test_pointer_appends_keys_and_indices if {
	lib.pointer("", "threats") == "/threats"
	lib.pointer("/threats", 3) == "/threats/3"
	lib.pointer("/threats/3", "controls") == "/threats/3/controls"
	lib.pointer("/a", "") == "/a/"
}

test_pointer_escapes_tilde_before_slash if {
	lib.pointer("", "a/b") == "/a~1b"
	lib.pointer("", "m~n") == "/m~0n"

	# "~1" written literally must not turn into "/" when read back: the tilde is escaped first.
	lib.pointer("/x", "~1") == "/x/~01"
	lib.pointer("/x", "a~/b") == "/x/a~0~1b"
}

# --- has_text ------------------------------------------------------------------------------------------------------

test_has_text_true_for_non_blank_string if {
	lib.has_text({"id": "T-1"}, "id")
	lib.has_text({"id": "  T-1 "}, "id")
	lib.has_text(["x", "y"], 1)
}

test_has_text_false_for_blank_missing_or_other_types if {
	not lib.has_text({"id": ""}, "id")
	not lib.has_text({"id": " \t\n"}, "id")
	not lib.has_text({"id": "T-1"}, "name")
	not lib.has_text({"id": 7}, "id")
	not lib.has_text({"id": null}, "id")
	not lib.has_text({"id": ["T-1"]}, "id")
	not lib.has_text({"id": {"value": "T-1"}}, "id")
	not lib.has_text({"id": true}, "id")
}

test_has_text_silent_on_non_object_holder if {
	not lib.has_text("id", "id")
	not lib.has_text("text", 0)
	not lib.has_text(null, "id")
	not lib.has_text(42, "id")
	not lib.has_text(["x"], "id")
	not lib.has_text(["x"], 5)
	not lib.has_text(true, "id")
}

# --- is_date -------------------------------------------------------------------------------------------------------

test_is_date_true_for_date_shaped_strings if {
	lib.is_date("2026-11-25")
	lib.is_date("1999-01-01")

	# Only the shape is checked, so an impossible date is accepted instead of raising the error time.parse_ns would.
	lib.is_date("2027-02-30")
}

test_is_date_false_otherwise if {
	not lib.is_date("2026-1-5")
	not lib.is_date("26-11-25")
	not lib.is_date("2026/11/25")
	not lib.is_date("2026-11-25T00:00:00Z")
	not lib.is_date(" 2026-11-25")
	not lib.is_date("2026-11-25\n")
	not lib.is_date("")
	not lib.is_date(20261125)
	not lib.is_date(null)
	not lib.is_date(["2026-11-25"])
}

test_placeholders_are_not_content if {
	every s in ["", "  ", "-", "n/a", "N/A.", "TBD", "tbd: ask QA", "TODO later", "to be defined", "x", "...", "\u2026", "Lorem ipsum dolor", "None"] {
		lib.is_placeholder(s)
		not lib.has_text({"k": s}, "k")
	}
}

test_real_content_is_not_a_placeholder if {
	every s in ["Signed firmware images over HTTPS", "NA-1234 (ticket)", "todos are tracked in JIRA", "monthly", "TLS 1.3", "x86-64 only"] {
		not lib.is_placeholder(s)
		lib.has_text({"k": s}, "k")
	}
}
