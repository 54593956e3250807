package annexlint.lib.vuln_test

import data.annexlint.lib.vuln

# --- Fixtures ------------------------------------------------------------------------------------------------------

_fw_path := "sbom/fw.cdx.json"

_app_path := "sbom/app.spdx.json"

_fw_serial := "urn:uuid:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10"

_fw_primary := {
	"ref": "fw", "type": "firmware", "name": "VF300-Firmware", "version": "3.2.0",
	"purl": "pkg:generic/vitaflo/vf300-firmware@3.2.0",
	"cpes": ["cpe:2.3:o:vitaflo:vf300_firmware:3.2.0:*:*:*:*:*:*:*"],
}

_fw_components := [
	# 0: purl (github tag with a "v"), CPE 2.3
	{
		"ref": "mbedtls", "name": "mbedtls", "version": "3.6.2", "purl": "pkg:github/Mbed-TLS/mbedtls@v3.6.2",
		"cpes": ["cpe:2.3:a:arm:mbed_tls:3.6.2:*:*:*:*:*:*:*"],
	},
	# 1: purl with qualifiers and subpath; version written with a "v"
	{
		"ref": "zlib", "name": "zlib", "version": "v1.3.1",
		"purl": "pkg:generic/zlib@1.3.1?download_url=https%3A%2F%2Fzlib.net#contrib/minizip", "cpes": [],
	},
	# 2: no purl, CPE 2.2 only
	{"ref": "busybox", "name": "BusyBox", "version": "1.36.1", "cpes": ["cpe:/a:busybox:busybox:1.36.1"]},
	# 3: a purl that did not parse
	{"ref": "broken", "name": "broken", "version": "1.0", "purl": "pkg:generic/broken@1.0", "purl_error": "bad"},
	# 4: name only
	{"ref": "lwip", "name": " lwIP ", "version": "2.2.0"},
	# 5: version field differs from the purl's; epoch percent-encoded in the purl
	{"ref": "", "name": "curl", "version": "7.88.1-10+deb12u5 (patched)", "purl": "pkg:deb/debian/curl@1%3A7.88.1-10"},
	# 6: nothing to identify it by
	{"ref": "anon", "version": "1.0", "cpes": "not a list"},
]

_fw := {"id": "sbom-fw", "type": "sbom", "path": _fw_path, "content": {
	"serial_number": _fw_serial,
	"primary": _fw_primary,
	"components": _fw_components,
}}

# An SPDX SBOM: no serial number, so no BOM-Link identity; ships an older mbedtls.
_app := {"id": "sbom-app", "type": "sbom", "path": _app_path, "content": {
	"primary": {"ref": "SPDXRef-app", "name": "vf300-app", "version": "1.4.0"},
	"components": [{
		"ref": "SPDXRef-mbedtls", "name": "MbedTLS", "version": "3.5.0",
		"purl": "pkg:github/mbed-tls/mbedtls@v3.5.0", "cpes": [],
	}],
}}

_sboms := [_fw, _app]

_input := {"as_of": "2026-11-25", "documents": _sboms}

_fw_mbedtls := [_fw_path, 0]

_fw_zlib := [_fw_path, 1]

_fw_busybox := [_fw_path, 2]

_fw_lwip := [_fw_path, 4]

_fw_curl := [_fw_path, 5]

_app_mbedtls := [_app_path, 0]

# --- sboms, component, pointer, primary, label ---------------------------------------------------------------------

test_sboms_maps_path_to_content_of_sbom_documents_only if {
	s := vuln.sboms with input as {"documents": [
		_fw,
		{"type": "vex", "path": "vex/fw.json", "content": {"statements": []}},
		{"type": "sbom", "path": "sbom/empty.json", "content": null},
		_app,
	]}
	s == {_fw_path: _fw.content, _app_path: _app.content}
}

test_component_by_id if {
	vuln.component([_fw_path, -1]) == _fw_primary with input as _input
	vuln.component(_fw_zlib) == _fw_components[1] with input as _input
	vuln.component(_app_mbedtls).version == "3.5.0" with input as _input
}

test_component_undefined_for_unknown_id if {
	not vuln.component(["sbom/missing.json", 0]) with input as _input
	not vuln.component([_fw_path, 99]) with input as _input
	not vuln.component([_fw_path, -1]) with input as {"documents": [{"type": "sbom", "path": _fw_path, "content": {"components": []}}]}
}

test_pointer_of_component if {
	vuln.pointer([_fw_path, -1]) == "/primary"
	vuln.pointer([_fw_path, 0]) == "/components/0"
	vuln.pointer([_fw_path, 12]) == "/components/12"
}

test_primary if {
	vuln.primary([_fw_path, -1])
	not vuln.primary([_fw_path, 0])
}

test_label_names_component_version_and_sbom if {
	vuln.label(_fw_mbedtls) == "mbedtls 3.6.2 (sbom/fw.cdx.json)" with input as _input
	vuln.label([_fw_path, -1]) == "VF300-Firmware 3.2.0 (sbom/fw.cdx.json)" with input as _input
}

test_label_tolerates_missing_name if {
	vuln.label([_fw_path, 6]) == " 1.0 (sbom/fw.cdx.json)" with input as _input
	not vuln.label([_fw_path, 99]) with input as _input
}

# --- Identity indices ----------------------------------------------------------------------------------------------

test_by_purl_keys_are_lower_case_without_version_qualifiers_subpath if {
	idx := vuln.by_purl with input as _input
	idx == {
		"pkg:generic/vitaflo/vf300-firmware": {[_fw_path, -1]},
		"pkg:github/mbed-tls/mbedtls": {_fw_mbedtls, _app_mbedtls},
		"pkg:generic/zlib": {_fw_zlib},
		"pkg:deb/debian/curl": {_fw_curl},
	}
}

test_by_ref_keys_are_serial_and_ref if {
	idx := vuln.by_ref with input as _input
	idx == {
		"urn:uuid:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10#fw": {[_fw_path, -1]},
		"urn:uuid:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10#mbedtls": {_fw_mbedtls},
		"urn:uuid:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10#zlib": {_fw_zlib},
		"urn:uuid:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10#busybox": {_fw_busybox},
		"urn:uuid:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10#broken": {[_fw_path, 3]},
		"urn:uuid:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10#lwip": {_fw_lwip},
		"urn:uuid:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10#anon": {[_fw_path, 6]},
	}
}

test_by_ref_lower_cases_serial if {
	doc := {"type": "sbom", "path": "x.json", "content": {
		"serial_number": "URN:UUID:ABC", "primary": {"ref": "P"},
		"components": [{"ref": "C"}],
	}}
	idx := vuln.by_ref with input as {"documents": [doc]}
	idx == {"urn:uuid:abc#P": {["x.json", -1]}, "urn:uuid:abc#C": {["x.json", 0]}}
}

test_by_cpe_keys_stop_at_product if {
	idx := vuln.by_cpe with input as _input
	idx == {
		"cpe:2.3:o:vitaflo:vf300_firmware": {[_fw_path, -1]},
		"cpe:2.3:a:arm:mbed_tls": {_fw_mbedtls},
		"cpe:/a:busybox:busybox": {_fw_busybox},
	}
}

test_by_name_keys_are_lower_case_trimmed if {
	idx := vuln.by_name with input as _input
	idx == {
		"vf300-firmware": {[_fw_path, -1]},
		"mbedtls": {_fw_mbedtls, _app_mbedtls},
		"zlib": {_fw_zlib},
		"busybox": {_fw_busybox},
		"broken": {[_fw_path, 3]},
		"lwip": {_fw_lwip},
		"curl": {_fw_curl},
		"vf300-app": {[_app_path, -1]},
	}
}

test_indices_empty_without_sboms if {
	vuln.by_purl == {} with input as {"documents": []}
	vuln.by_ref == {} with input as {}
	vuln.by_cpe == {} with input as {}
	vuln.by_name == {} with input as {}
}

# --- resolve_package -----------------------------------------------------------------------------------------------

test_resolve_package_by_purl_ignores_version_qualifiers_subpath_and_case if {
	ids := {_fw_mbedtls, _app_mbedtls}
	vuln.resolve_package({"purl": "pkg:github/mbed-tls/mbedtls@v3.6.2"}) == ids with input as _input
	vuln.resolve_package({"purl": " PKG:GitHub/Mbed-TLS/MbedTLS?repository_url=x#lib "}) == ids with input as _input
	vuln.resolve_package({"purl": "pkg:generic/zlib@9.9?arch=arm"}) == {_fw_zlib} with input as _input
}

test_resolve_package_purl_level_decides_over_name if {
	# The purl finds zlib, so the name (which would find mbedtls) is not consulted.
	vuln.resolve_package({"purl": "pkg:generic/zlib", "name": "mbedtls"}) == {_fw_zlib} with input as _input
}

test_resolve_package_skips_component_whose_purl_did_not_parse if {
	# Not found by the purl, so the name decides.
	vuln.resolve_package({"purl": "pkg:generic/broken@1.0", "name": "broken"}) == {[_fw_path, 3]} with input as _input
	not vuln.by_purl["pkg:generic/broken"] with input as _input
}

test_resolve_package_by_bom_link if {
	vuln.resolve_package({"bom": _fw_serial, "ref": "zlib"}) == {_fw_zlib} with input as _input
	vuln.resolve_package({"bom": upper(_fw_serial), "ref": "fw"}) == {[_fw_path, -1]} with input as _input

	# An unknown purl falls through to the BOM-Link.
	vuln.resolve_package({"purl": "pkg:generic/other@1", "bom": _fw_serial, "ref": "busybox"}) == {_fw_busybox} with input as _input
}

test_resolve_package_bom_link_ref_is_case_sensitive if {
	vuln.resolve_package({"bom": _fw_serial, "ref": "ZLIB"}) == set() with input as _input
}

test_resolve_package_by_cpe if {
	vuln.resolve_package({"cpe": "cpe:2.3:a:arm:mbed_tls:*:*:*:*:*:*:*:*"}) == {_fw_mbedtls} with input as _input
	vuln.resolve_package({"cpes": ["cpe:2.3:a:nobody:nothing:1", "CPE:2.3:A:ARM:MBED_TLS:3.6.2"]}) == {_fw_mbedtls} with input as _input
	vuln.resolve_package({"cpe": "cpe:/a:busybox:busybox:1.0"}) == {_fw_busybox} with input as _input
}

test_resolve_package_by_name if {
	vuln.resolve_package({"name": "LWIP"}) == {_fw_lwip} with input as _input
	vuln.resolve_package({"name": "  mbedtls "}) == {_fw_mbedtls, _app_mbedtls} with input as _input

	# Every level is tried in turn: unknown purl, BOM-Link and CPE, then the name.
	vuln.resolve_package({
		"purl": "pkg:generic/x", "bom": _fw_serial, "ref": "nope",
		"cpe": "cpe:2.3:a:x:y", "name": "BusyBox",
	}) == {_fw_busybox} with input as _input
}

test_resolve_package_empty_when_nothing_matches if {
	vuln.resolve_package({"name": "openssl", "purl": "pkg:generic/openssl@3"}) == set() with input as _input
	vuln.resolve_package({}) == set() with input as _input
	vuln.resolve_package({"purl": "pkg:generic/zlib"}) == set() with input as {"documents": []}
}

test_resolve_package_silent_on_malformed_items if {
	vuln.resolve_package("pkg:generic/zlib") == set() with input as _input
	vuln.resolve_package(null) == set() with input as _input
	vuln.resolve_package({"purl": 7, "bom": 1, "ref": [], "cpe": 5, "cpes": "cpe:/a:busybox:busybox", "name": {}}) == set() with input as _input
	vuln.resolve_package({"bom": "", "ref": "zlib"}) == set() with input as _input
	vuln.resolve_package({"bom": _fw_serial, "ref": ""}) == set() with input as _input
}

# --- resolve: version narrowing ------------------------------------------------------------------------------------

test_resolve_narrows_by_version_with_v_prefix if {
	vuln.resolve({"purl": "pkg:github/mbed-tls/mbedtls@v3.6.2"}) == {_fw_mbedtls} with input as _input
	vuln.resolve({"purl": "pkg:github/mbed-tls/mbedtls@3.5.0"}) == {_app_mbedtls} with input as _input
	vuln.resolve({"name": "mbedtls", "version": "V3.6.2"}) == {_fw_mbedtls} with input as _input

	# The component's own version carries the "v" here.
	vuln.resolve({"purl": "pkg:generic/zlib", "version": "1.3.1"}) == {_fw_zlib} with input as _input
}

test_resolve_explicit_version_wins_over_purl_version if {
	vuln.resolve({"purl": "pkg:github/mbed-tls/mbedtls@3.5.0", "version": "3.6.2"}) == {_fw_mbedtls} with input as _input
}

test_resolve_matches_versions_the_component_is_known_by if {
	# The version field says "7.88.1-10+deb12u5 (patched)"; the purl's percent-decoded version matches.
	vuln.resolve({"name": "curl", "version": "1:7.88.1-10"}) == {_fw_curl} with input as _input

	# The CPE's version.
	vuln.resolve({"cpe": "cpe:2.3:a:arm:mbed_tls:3.6.2:*:*:*:*:*:*:*"}) == {_fw_mbedtls} with input as _input
	vuln.resolve({"cpe": "cpe:/a:busybox:busybox:1.36.1"}) == {_fw_busybox} with input as _input
}

test_resolve_version_mismatch_is_empty if {
	vuln.resolve({"purl": "pkg:github/mbed-tls/mbedtls@3.6.3"}) == set() with input as _input
	vuln.resolve({"cpe": "cpe:/a:busybox:busybox:1.35.0"}) == set() with input as _input
	vuln.resolve({"name": "zlib", "version": "1.3"}) == set() with input as _input
}

test_resolve_without_version_or_with_range_names_every_version if {
	every_version := {_fw_mbedtls, _app_mbedtls}
	vuln.resolve({"purl": "pkg:github/mbed-tls/mbedtls"}) == every_version with input as _input
	vuln.resolve({"name": "mbedtls", "version": "  "}) == every_version with input as _input
	vuln.resolve({"name": "mbedtls", "range": "vers:generic/<3.6.3"}) == every_version with input as _input
	vuln.resolve({"purl": "pkg:github/mbed-tls/mbedtls@3.6.3", "range": ">=3.0"}) == every_version with input as _input
	vuln.resolve({"cpe": "cpe:2.3:a:arm:mbed_tls:*:*:*:*:*:*:*:*"}) == {_fw_mbedtls} with input as _input
}

test_resolve_silent_on_malformed_items if {
	vuln.resolve("mbedtls") == set() with input as _input
	vuln.resolve({"name": "mbedtls", "version": 3}) == {_fw_mbedtls, _app_mbedtls} with input as _input
	vuln.resolve({"name": "mbedtls", "range": 5, "purl": ["x"]}) == {_fw_mbedtls, _app_mbedtls} with input as _input
}

# --- Versions and identifiers --------------------------------------------------------------------------------------

test_component_versions if {
	vuln.component_versions(_fw_components[0]) == {"3.6.2"}
	vuln.component_versions(_fw_components[5]) == {"7.88.1-10+deb12u5 (patched)", "1:7.88.1-10"}
	vuln.component_versions({
		"version": "2.0", "purl": "pkg:generic/x@2.1",
		"cpes": ["cpe:2.3:a:x:x:2.2:*:*:*:*:*:*:*", "cpe:2.3:a:x:x:*:*:*:*:*:*:*:*", "cpe:/a:x:x:V2.3"],
	}) == {"2.0", "2.1", "2.2", "2.3"}
}

test_component_versions_ignores_unparsed_purl_and_missing_fields if {
	vuln.component_versions(_fw_components[3]) == {"1.0"}
	vuln.component_versions({}) == set()
	vuln.component_versions({"version": 7, "purl": 7, "cpes": "cpe:2.3:a:x:x:1"}) == set()
	vuln.component_versions({"version": "", "purl": "not a purl", "cpes": [null, 3]}) == set()
}

test_item_versions if {
	vuln.item_versions({"version": " V1.2 "}) == {"1.2"}
	vuln.item_versions({"purl": "pkg:github/mbed-tls/mbedtls@v3.6.2?x=y#z"}) == {"3.6.2"}
	vuln.item_versions({"purl": "pkg:deb/debian/curl@1%3A7.88.1-10"}) == {"1:7.88.1-10"}
	vuln.item_versions({"cpe": "cpe:2.3:a:x:y:4.0:*:*:*:*:*:*:*", "cpes": ["cpe:/a:x:y:4.1", "cpe:2.3:a:x:y:*"]}) == {"4.0", "4.1"}
}

test_item_versions_range_or_nothing_means_any_version if {
	vuln.item_versions({"range": "vers:npm/>=1.0.0|<2.0.0", "purl": "pkg:npm/x@1.5.0"}) == set()
	vuln.item_versions({"version": "", "range": "<2"}) == set()
	vuln.item_versions({"name": "x"}) == set()
	vuln.item_versions({"purl": "pkg:npm/x", "cpe": "cpe:2.3:a:x:x:-"}) == set()
	vuln.item_versions({"version": 1, "range": false, "purl": 2, "cpe": 3}) == set()
}

test_purl_key if {
	vuln.purl_key("pkg:GitHub/Mbed-TLS/mbedtls@v3.6.2?a=b&c=d#sub/path") == "pkg:github/mbed-tls/mbedtls@v3.6.2"
	vuln.purl_key("  pkg:npm/%40angular/core@17.0.0  ") == "pkg:npm/%40angular/core@17.0.0"
	vuln.purl_key("PKG:generic/x") == "pkg:generic/x"
}

test_purl_key_undefined_for_non_purls if {
	not vuln.purl_key("cpe:2.3:a:x:y")
	not vuln.purl_key("")
	not vuln.purl_key(7)
	not vuln.purl_key(null)
}

test_purl_base if {
	vuln.purl_base("pkg:github/Mbed-TLS/mbedtls@v3.6.2?a=b#c") == "pkg:github/mbed-tls/mbedtls"
	vuln.purl_base("pkg:npm/%40angular/core@17.0.0") == "pkg:npm/%40angular/core"
	vuln.purl_base("pkg:generic/x?download_url=https://h/x@1") == "pkg:generic/x"
	vuln.purl_base("pkg:generic/x#a@b") == "pkg:generic/x"
	not vuln.purl_base("x@1")
}

test_purl_version if {
	vuln.purl_version("pkg:github/mbed-tls/mbedtls@V3.6.2?x=1#y") == "v3.6.2"
	vuln.purl_version("pkg:deb/debian/curl@1%3A7.88.1-10?arch=amd64") == "1:7.88.1-10"
	vuln.purl_version("pkg:generic/x@1.0.0%2Bbuild.5") == "1.0.0+build.5"

	# A "+" is kept (urlquery.decode would make it a space), and so is a malformed escape.
	vuln.purl_version("pkg:generic/x@1.0+build%2B1") == "1.0+build%2b1"
	vuln.purl_version("pkg:generic/x@50%") == "50%"
	vuln.purl_version("pkg:generic/x@%zz") == "%zz"
}

test_purl_version_empty_when_none if {
	vuln.purl_version("pkg:generic/x") == ""
	vuln.purl_version("pkg:generic/x?q=a@b") == ""
	vuln.purl_version("not a purl@1.0") == ""
	vuln.purl_version(42) == ""
}

test_cpe_base if {
	vuln.cpe_base("cpe:2.3:a:Arm:Mbed_TLS:3.6.2:*:*:*:*:*:*:*") == "cpe:2.3:a:arm:mbed_tls"
	vuln.cpe_base(" cpe:2.3:a:arm:mbed_tls ") == "cpe:2.3:a:arm:mbed_tls"
	vuln.cpe_base("cpe:/a:busybox:busybox:1.36.1") == "cpe:/a:busybox:busybox"
	vuln.cpe_base("cpe:/o:vendor:product") == "cpe:/o:vendor:product"
}

test_cpe_base_undefined_for_malformed if {
	not vuln.cpe_base("cpe:2.3:a:arm")
	not vuln.cpe_base("cpe:/a:busybox")
	not vuln.cpe_base("cpe:2.2:a:x:y:z")
	not vuln.cpe_base("mbedtls")
	not vuln.cpe_base("")
	not vuln.cpe_base(5)
	not vuln.cpe_base(null)
}

test_cpe_version if {
	vuln.cpe_version("cpe:2.3:a:arm:mbed_tls:3.6.2:*:*:*:*:*:*:*") == "3.6.2"
	vuln.cpe_version("CPE:2.3:a:arm:mbed_tls:V3.6.2") == "V3.6.2"
	vuln.cpe_version("cpe:/a:busybox:busybox:1.36.1") == "1.36.1"
	vuln.cpe_version("cpe:/a:busybox:busybox:1.36.1:sp1") == "1.36.1"
}

test_cpe_version_empty_for_wildcards_absent_or_malformed if {
	vuln.cpe_version("cpe:2.3:a:arm:mbed_tls:*:*:*:*:*:*:*:*") == ""
	vuln.cpe_version("cpe:2.3:a:arm:mbed_tls:-:*:*:*:*:*:*:*") == ""
	vuln.cpe_version("cpe:2.3:a:arm:mbed_tls::*") == ""
	vuln.cpe_version("cpe:2.3:a:arm:mbed_tls") == ""
	vuln.cpe_version("cpe:/a:busybox:busybox") == ""
	vuln.cpe_version("cpe:/a:busybox:busybox:") == ""
	vuln.cpe_version("pkg:generic/x@1") == ""
	vuln.cpe_version(3) == ""
}

test_norm_version if {
	vuln.norm_version("V3.6.2") == "3.6.2"
	vuln.norm_version(" v10 ") == "10"
	vuln.norm_version("1.0-RC1") == "1.0-rc1"

	# Only a "v" before a digit is a prefix.
	vuln.norm_version("version-2") == "version-2"
	vuln.norm_version("vv1") == "vv1"
	vuln.norm_version("1.0v2") == "1.0v2"
	vuln.norm_version("") == ""
	not vuln.norm_version(3)
	not vuln.norm_version(null)
}

# --- VEX statements and scan matches -------------------------------------------------------------------------------

test_ids_are_upper_case_vulnerability_and_aliases if {
	vuln.ids({"vulnerability": " cve-2025-27809 ", "aliases": ["GHSA-abcd-efgh-ijkl", "CVE-2025-27809"]}) == {
		"CVE-2025-27809",
		"GHSA-ABCD-EFGH-IJKL",
	}
	vuln.ids({"vulnerability": "CVE-2025-1"}) == {"CVE-2025-1"}
	vuln.ids({"aliases": ["osv-2025-1"]}) == {"OSV-2025-1"}
}

test_ids_skips_blank_and_mistyped_values if {
	vuln.ids({"vulnerability": "", "aliases": ["  ", 7, null, "CVE-2025-2"]}) == {"CVE-2025-2"}
	vuln.ids({"vulnerability": 5, "aliases": "CVE-2025-3"}) == set()
	vuln.ids({}) == set()
	not vuln.ids("CVE-2025-1")
	not vuln.ids(null)
}

_product_fw := {"id": "pkg:oci/vf300-firmware", "container": true}

_sub_mbedtls := {
	"purl": "pkg:github/mbed-tls/mbedtls@v3.6.2", "parent": _product_fw,
}

# A part is looked for inside the product it is part of: the firmware's mbedtls is not the app's.
_fw_parent := {"purl": "pkg:generic/vitaflo/vf300-firmware@3.2.0", "name": "VF300-Firmware", "version": "3.2.0"}

_app_parent := {"name": "vf300-app", "version": "1.4.0"}

test_part_of_scopes_subcomponents_to_their_product if {
	mbedtls := {"name": "mbedtls"}
	vuln.resolve(mbedtls) == {[_fw_path, 0], [_app_path, 0]} with input as _input
	vuln.resolve(object.union(mbedtls, {"parent": _fw_parent})) == {[_fw_path, 0]} with input as _input
	vuln.resolve(object.union(mbedtls, {"parent": _app_parent})) == {[_app_path, 0]} with input as _input
	vuln.resolve_package(object.union(mbedtls, {"parent": _app_parent})) == {[_app_path, 0]} with input as _input
	vuln.part_of(object.union(mbedtls, {"parent": _fw_parent})) == {_fw_path} with input as _input
}

test_part_of_another_version_of_the_product_covers_nothing if {
	# A statement about firmware 3.1.0's mbedtls says nothing of the 3.2.0 the SBOM ships.
	parent := object.union(_fw_parent, {"purl": "pkg:generic/vitaflo/vf300-firmware@3.1.0", "version": "3.1.0"})
	vuln.resolve({"name": "mbedtls", "parent": parent}) == set() with input as _input
}

test_part_of_unknown_parent_matches_as_standalone if {
	# A parent the SBOMs do not name at all (an @id that is no package) cannot narrow the match.
	not vuln.part_of(_sub_mbedtls) with input as _input
	vuln.resolve(_sub_mbedtls) == {[_fw_path, 0]} with input as _input
	not vuln.part_of({"name": "mbedtls", "parent": "not an object"}) with input as _input
}

test_targets_are_subcomponents_of_parent_products if {
	vuln.targets({"products": [_product_fw, _sub_mbedtls]}) == [_sub_mbedtls]
}

test_targets_keep_products_without_subcomponents if {
	other := {"purl": "pkg:generic/zlib@1.3.1"}
	vuln.targets({"products": [_product_fw, _sub_mbedtls, other]}) == [_sub_mbedtls, other]
	vuln.targets({"products": [other]}) == [other]
	vuln.targets({"products": [{"name": "no container"}]}) == [{"name": "no container"}]
}

test_targets_silent_on_malformed_statements if {
	vuln.targets({}) == []
	vuln.targets({"products": "pkg:generic/x"}) == []
	vuln.targets({"products": [null, "x", 3, {"name": "ok", "parent": "not an object"}]}) == [{"name": "ok", "parent": "not an object"}]
	not vuln.targets("statement")
}

test_product_label if {
	# A BOM-Link is shown by the purl it resolves to.
	vuln.product_label({"id": "urn:cdx:6f1c/1#mbedtls", "purl": "pkg:github/mbed-tls/mbedtls@v3.6.2"}) == "pkg:github/mbed-tls/mbedtls@v3.6.2"
	vuln.product_label({"id": "urn:cdx:6f1c/1#mbedtls"}) == "urn:cdx:6f1c/1#mbedtls"
	vuln.product_label({"id": "CSAFPID-0001", "purl": "pkg:generic/x@1", "name": "x"}) == "CSAFPID-0001"
	vuln.product_label({"id": " ", "purl": "pkg:generic/x@1", "name": "x"}) == "pkg:generic/x@1"
	vuln.product_label({"name": "mbedtls", "version": "3.6.2"}) == "mbedtls 3.6.2"
	vuln.product_label({"name": "mbedtls", "range": "<3.6.3"}) == "mbedtls <3.6.3"
	vuln.product_label({"name": "mbedtls"}) == "mbedtls"
	vuln.product_label({"name": " "}) == "an unnamed product"
	vuln.product_label({}) == "an unnamed product"
}

_fixed(products) := {"vulnerability": "CVE-2025-27809", "aliases": [], "status": "fixed", "products": products}

test_shipped_statement if {
	vuln.shipped_statement(_fixed([_product_fw, _sub_mbedtls])) with input as _input
	vuln.shipped_statement(_fixed([{"name": "zlib"}])) with input as _input
	not vuln.shipped_statement(_fixed([{"purl": "pkg:github/mbed-tls/mbedtls@3.6.3"}])) with input as _input
	not vuln.shipped_statement(_fixed([{"name": "openssl"}])) with input as _input
	not vuln.shipped_statement(_fixed([])) with input as _input
	not vuln.shipped_statement("statement") with input as _input
}

test_fixed_unshipped_returns_fixed_versions_not_shipped if {
	later := {"purl": "pkg:github/mbed-tls/mbedtls@v3.6.3", "name": "mbedtls", "version": "v3.6.3"}
	vuln.fixed_unshipped(_fixed([later])) == [later] with input as _input
}

test_fixed_unshipped_undefined_when_fix_is_shipped_or_not_applicable if {
	later := {"purl": "pkg:github/mbed-tls/mbedtls@v3.6.3"}

	# The fixed version is shipped.
	not vuln.fixed_unshipped(_fixed([{"purl": "pkg:generic/zlib@1.3.1"}])) with input as _input

	# Not a fixed statement.
	not vuln.fixed_unshipped(object.union(_fixed([later]), {"status": "affected"})) with input as _input

	# No version named, a version the CycloneDX affects entry marks affected or unknown, or nothing shipped by that name.
	not vuln.fixed_unshipped(_fixed([{"name": "mbedtls", "range": "<3.7"}])) with input as _input
	not vuln.fixed_unshipped(_fixed([object.union(later, {"version_status": "affected"})])) with input as _input
	not vuln.fixed_unshipped(_fixed([object.union(later, {"version_status": "unknown"})])) with input as _input
	not vuln.fixed_unshipped(_fixed([{"purl": "pkg:generic/openssl@3.0.14"}])) with input as _input
	not vuln.fixed_unshipped({"status": "fixed"}) with input as _input
}

test_fixed_unshipped_per_package if {
	# Another product of the statement being shipped does not make mbedtls 3.6.2 contain the fix of 3.6.3.
	later := {"purl": "pkg:github/mbed-tls/mbedtls@v3.6.3"}
	vuln.fixed_unshipped(_fixed([later, {"purl": "pkg:generic/zlib@1.3.1"}])) == [later] with input as _input
}

# Versions are ordered as the package's ecosystem orders them (input.derived.version_order, computed in Go).
_ordered_input(order) := object.union(_input, {"derived": {"version_order": order}})

test_fixed_unshipped_shipped_version_predates_fix if {
	fix := {"name": "lwip", "version": "2.2.10"}

	# Shipped 2.2.0 predates 2.2.10, though "2.2.0" < "2.2.10" as text too; the order decides, not the text.
	vuln.fixed_unshipped(_fixed([fix])) == [fix] with input as _ordered_input({"2.2.10": {"2.2.0": -1}})
	vuln.unfixed_ids(_fixed([fix])) == {[_fw_path, 4]} with input as _ordered_input({"2.2.10": {"2.2.0": -1}})

	# Without an order, a different text is not the fixed version.
	vuln.fixed_unshipped(_fixed([fix])) == [fix] with input as _input
}

test_fixed_unshipped_undefined_when_shipped_version_contains_fix if {
	# A later version contains the fix; an equal one however written is the fix.
	not vuln.fixed_unshipped(_fixed([{"name": "lwip", "version": "2.1.9"}])) with input as _ordered_input({"2.1.9": {"2.2.0": 1}})
	not vuln.fixed_unshipped(_fixed([{"name": "lwip", "version": "2.2.0.0"}])) with input as _ordered_input({"2.2.0.0": {"2.2.0": 0}})
	vuln.fixed_judged(_fixed([{"name": "lwip", "version": "2.1.9"}])) with input as _ordered_input({"2.1.9": {"2.2.0": 1}})
	not vuln.fixed_judged(_fixed([{"name": "openssl", "version": "3.0.14"}])) with input as _input
}

test_listed_affected_is_never_read_as_fixed if {
	# CycloneDX "resolved" whose affects versions list the shipped 3.6.2 (a range) as affected and 3.6.1 unaffected.
	affected := {"bom": _fw_serial, "ref": "mbedtls", "range": "vers:generic/<3.6.3", "version_status": "affected"}
	fixed := {"bom": _fw_serial, "ref": "mbedtls", "version": "3.6.1", "version_status": "unaffected"}
	inp := object.union(_input, {"derived": {
		"version_ranges": {"vers:generic/<3.6.3": {"3.6.2": true, "3.5.0": true}},
		"version_order": {"3.6.1": {"3.6.2": 1}},
	}})
	vuln.listed_affected(_fixed([affected, fixed])) == {[_fw_path, 0]} with input as inp
	vuln.fixed_unshipped(_fixed([affected, fixed])) == [affected] with input as inp

	# The shipped version outside the affected range: nothing is listed affected.
	outside := object.union(inp, {"derived": {"version_ranges": {"vers:generic/<3.6.3": {"3.6.2": false}}}})
	vuln.listed_affected(_fixed([affected, fixed])) == set() with input as outside
	not vuln.fixed_unshipped(_fixed([affected, fixed])) with input as outside
}

test_fixed_unshipped_keeps_unaffected_version_status if {
	p := {"bom": _fw_serial, "ref": "mbedtls", "version": "3.6.3", "version_status": "unaffected"}
	vuln.fixed_unshipped(_fixed([p, object.union(p, {"version": "3.6.1", "version_status": "affected"})])) == [p] with input as _input
}

_vex_doc(statements) := {"type": "vex", "path": "vex/fw.json", "content": {"kind": "openvex", "statements": statements}}

_coverage_input := {"documents": array.concat(_sboms, [_vex_doc([
	{"vulnerability": "cve-2025-27809", "aliases": ["GHSA-1"], "status": "not_affected", "products": [_sub_mbedtls]},
	{"vulnerability": "CVE-2024-0001", "status": "under_investigation", "products": [{"purl": "pkg:generic/vitaflo/vf300-firmware@3.2.0"}]},
	{"vulnerability": "CVE-2024-0002", "status": "affected", "products": [{"name": "openssl"}]},
])])}

test_coverage_pairs_vulnerabilities_with_assessed_components if {
	c := vuln.coverage with input as _coverage_input
	c == {
		["CVE-2025-27809", _fw_mbedtls],
		["GHSA-1", _fw_mbedtls],
		["CVE-2024-0001", [_fw_path, -1]],
		["CVE-2024-0001", "sbom:sbom/fw.cdx.json"],
	}
}

test_covered if {
	vuln.covered({"CVE-2025-27809"}, _fw_mbedtls) with input as _coverage_input
	vuln.covered(["CVE-2099-1", "GHSA-1"], _fw_mbedtls) with input as _coverage_input

	# A statement about the SBOM's product covers every component of that SBOM.
	vuln.covered({"CVE-2024-0001"}, _fw_zlib) with input as _coverage_input
}

test_unassessed_leaves_out_the_components_a_statement_assesses if {
	# mbedtls 3.6.2 is assessed for CVE-2025-27809 (by alias too); the SPDX SBOM's 3.5.0 is not
	vuln.unassessed({"vulnerability": "GHSA-1", "purl": "pkg:github/mbed-tls/mbedtls"}) == {_app_mbedtls} with input as _coverage_input
	vuln.unassessed({"vulnerability": "CVE-2025-27809", "purl": "pkg:github/mbed-tls/mbedtls@3.6.2"}) == set() with input as _coverage_input

	# a statement about the SBOM's product assesses every component of it
	vuln.unassessed({"vulnerability": "CVE-2024-0001", "purl": "pkg:generic/zlib@1.3.1"}) == set() with input as _coverage_input
	vuln.unassessed({"vulnerability": "CVE-2024-0002", "purl": "pkg:generic/zlib@1.3.1"}) == {_fw_zlib} with input as _coverage_input
}

test_not_covered if {
	not vuln.covered({"CVE-2025-27809"}, _app_mbedtls) with input as _coverage_input
	not vuln.covered({"CVE-2024-0001"}, _app_mbedtls) with input as _coverage_input
	not vuln.covered({"CVE-2024-0002"}, _fw_zlib) with input as _coverage_input
	not vuln.covered(set(), _fw_mbedtls) with input as _coverage_input
	not vuln.covered({"CVE-2025-27809"}, _fw_mbedtls) with input as {"documents": _sboms}
}

# --- KEV catalogs and the reports document -------------------------------------------------------------------------

_kev_input := {"documents": [
	{"type": "kev-catalog", "path": "kev/a.json", "content": {"kev": [
		{"cve_id": "CVE-2024-1", "date_added": "2024-05-01"},
		{"cve_id": 7},
		{"cve_id": " cve-2024-2 ", "date_added": "2024-06-01"},
	]}},
	{"type": "kev-catalog", "path": "kev/b.json", "content": {"kev": [
		{"cve_id": "CVE-2024-2", "date_added": "2024-07-01"},
		{"product": "no id"},
	]}},
]}

test_kev_ids if {
	vuln.kev_ids == {"CVE-2024-1", "CVE-2024-2"} with input as _kev_input
	vuln.kev_ids == set() with input as {"documents": []}
}

test_kev_by_id_lists_every_entry_in_document_order if {
	idx := vuln.kev_by_id with input as _kev_input
	idx == {
		"CVE-2024-1": [["kev/a.json", 0, {"cve_id": "CVE-2024-1", "date_added": "2024-05-01"}]],
		"CVE-2024-2": [
			["kev/a.json", 2, {"cve_id": " cve-2024-2 ", "date_added": "2024-06-01"}],
			["kev/b.json", 0, {"cve_id": "CVE-2024-2", "date_added": "2024-07-01"}],
		],
	}
}

test_kev_entry_is_first_entry if {
	vuln.kev_entry("CVE-2024-2") == ["kev/a.json", 2, {"cve_id": " cve-2024-2 ", "date_added": "2024-06-01"}] with input as _kev_input
	not vuln.kev_entry("CVE-2024-9") with input as _kev_input
	not vuln.kev_entry("cve-2024-1") with input as _kev_input
}

_report_ev := {"id": "R-1", "type": "actively-exploited-vulnerability", "vulnerability": "cve-2025-1", "aliases": ["GHSA-x", 3, " "]}

_report_inc := {"id": "R-2", "type": "severe-incident", "vulnerability": "CVE-2025-9"}

_reports_input := {"documents": [
	{"type": "vulnerability-reports", "path": "reports/a.yaml", "content": {"reports": [_report_ev, "junk", null, _report_inc]}},
	{"type": "vulnerability-reports", "path": "reports/b.yaml", "content": {"reports": "not a list"}},
	{"type": "vulnerability-reports", "path": "reports/c.yaml", "content": ["not an object"]},
	{"type": "vulnerability-reports", "path": "reports/d.yaml", "content": null},
	{"type": "vulnerability-reports", "path": "reports/e.yaml", "content": {"reports": [{"id": "R-3", "type": "actively-exploited-vulnerability", "aliases": ["CVE-2025-5"]}]}},
]}

test_reports_lists_object_entries_with_path_and_index if {
	r := vuln.reports with input as _reports_input
	r == [
		["reports/a.yaml", 0, _report_ev],
		["reports/a.yaml", 3, _report_inc],
		["reports/e.yaml", 0, {"id": "R-3", "type": "actively-exploited-vulnerability", "aliases": ["CVE-2025-5"]}],
	]
}

test_reported_ids_are_exploited_vulnerabilities_only if {
	vuln.reported_ids == {"CVE-2025-1", "GHSA-X", "CVE-2025-5"} with input as _reports_input
	vuln.reported_ids == set() with input as {}
}

# --- Deadlines -----------------------------------------------------------------------------------------------------

_ts(s) := time.parse_rfc3339_ns(s)

test_time_constants if {
	vuln.hour_ns == 3600000000000
	vuln.day_ns == 86400000000000
	vuln.cra_art14_from_ns == _ts("2026-09-11T00:00:00Z")
}

_early := {
	"field": "early_warning_at", "what": "early warning", "due": _ts("2026-10-02T10:00:00Z"),
	"basis": "24 hours after awareness at 2026-10-01T10:00:00Z", "clause": "CRA Art. 14(2)(a)",
}

test_stage_problem_late_submission if {
	r := {"id": "R-1", "early_warning_at": "2026-10-02T10:00:01Z"}
	vuln.stage_problem(r, 4, _early) == [
		"/reports/4/early_warning_at",
		concat("", [
			"the early warning was submitted 2026-10-02T10:00:01Z, after its deadline 2026-10-02T10:00:00Z ",
			"(24 hours after awareness at 2026-10-01T10:00:00Z) under CRA Art. 14(2)(a)",
		]),
	] with input as {"as_of": "2026-11-25"}
}

test_stage_problem_uses_due_text if {
	r := {"final_report_at": "2026-10-20"}
	stage := {
		"field": "final_report_at", "what": "final report", "due": _ts("2026-10-15T23:59:59.999999999Z"),
		"due_text": "2026-10-15", "basis": "14 days after the corrective measure of 2026-10-01", "clause": "CRA Art. 14(2)(c)",
	}
	[_, text] := vuln.stage_problem(r, 0, stage) with input as {"as_of": "2026-11-25"}
	text == "the final report was submitted 2026-10-20, after its deadline 2026-10-15 (14 days after the corrective measure of 2026-10-01) under CRA Art. 14(2)(c)"
}

test_stage_problem_on_time_is_undefined if {
	not vuln.stage_problem({"early_warning_at": "2026-10-02T10:00:00Z"}, 0, _early) with input as {"as_of": "2026-11-25"}
	not vuln.stage_problem({"early_warning_at": "2026-10-02T12:00:00+02:00"}, 0, _early) with input as {"as_of": "2026-11-25"}
	not vuln.stage_problem({"early_warning_at": "2026-10-01"}, 0, _early) with input as {"as_of": "2026-11-25"}
}

test_stage_problem_missing_stage_past_due if {
	msg := concat("", [
		"no early warning is recorded (early_warning_at), though it was due by 2026-10-02T10:00:00Z ",
		"(24 hours after awareness at 2026-10-01T10:00:00Z) under CRA Art. 14(2)(a)",
	])
	vuln.stage_problem({"id": "R-1"}, 2, _early) == ["/reports/2", msg] with input as {"as_of": "2026-10-03"}
	vuln.stage_problem({"early_warning_at": null}, 2, _early) == ["/reports/2", msg] with input as {"as_of": "2026-10-03"}
	vuln.stage_problem({"early_warning_at": "  "}, 2, _early) == ["/reports/2", msg] with input as {"as_of": "2026-10-03"}
}

test_stage_problem_placeholder_is_no_stage if {
	# "TBD" in place of a submission time records nothing: the missed deadline is reported, not passed over.
	msg := concat("", [
		"no early warning is recorded (early_warning_at), though it was due by 2026-10-02T10:00:00Z ",
		"(24 hours after awareness at 2026-10-01T10:00:00Z) under CRA Art. 14(2)(a)",
	])
	vuln.stage_problem({"early_warning_at": "TBD"}, 2, _early) == ["/reports/2", msg] with input as {"as_of": "2026-10-03"}
	vuln.stage_problem({"early_warning_at": "n/a"}, 2, _early) == ["/reports/2", msg] with input as {"as_of": "2026-10-03"}
}

test_stage_problem_missing_stage_not_yet_past_due if {
	# The deadline falls on the as-of day, which began before it passed.
	not vuln.stage_problem({}, 0, _early) with input as {"as_of": "2026-10-02"}
	not vuln.stage_problem({}, 0, object.union(_early, {"due": _ts("2026-10-02T00:00:00Z")})) with input as {"as_of": "2026-10-02"}
	vuln.stage_problem({}, 0, object.union(_early, {"due": _ts("2026-10-01T23:59:59Z")})) with input as {"as_of": "2026-10-02"}
}

test_stage_problem_silent_on_malformed_values if {
	as_of := {"as_of": "2026-11-25"}
	not vuln.stage_problem({"early_warning_at": "yesterday"}, 0, _early) with input as as_of
	not vuln.stage_problem({"early_warning_at": "2026-10-31T25:00:00Z"}, 0, _early) with input as as_of
	not vuln.stage_problem({"early_warning_at": "2026-02-30"}, 0, _early) with input as as_of
	not vuln.stage_problem({"early_warning_at": 1793000000}, 0, _early) with input as as_of
	not vuln.stage_problem({"early_warning_at": ["2026-10-05"]}, 0, _early) with input as as_of
	not vuln.stage_problem({"early_warning_at": false}, 0, _early) with input as as_of
}

test_stage_problem_missing_stage_without_as_of_is_undefined if {
	not vuln.stage_problem({}, 0, _early) with input as {}
	not vuln.stage_problem({}, 0, _early) with input as {"as_of": "25/11/2026"}
}

test_final_due_after_measure_date_counts_to_end_of_fourteenth_day if {
	vuln.final_due_after_measure("2026-10-01") == [_ts("2026-10-15T23:59:59.999999999Z"), "2026-10-15"]
	vuln.final_due_after_measure("2026-12-25") == [_ts("2027-01-08T23:59:59.999999999Z"), "2027-01-08"]
}

test_final_due_after_measure_timestamp if {
	vuln.final_due_after_measure("2026-10-01T09:30:00Z") == [_ts("2026-10-15T09:30:00Z"), "2026-10-15T09:30:00Z"]
	vuln.final_due_after_measure("2026-10-01T09:30:00+02:00") == [_ts("2026-10-15T07:30:00Z"), "2026-10-15T07:30:00Z"]
}

test_final_due_after_measure_undefined_for_malformed if {
	not vuln.final_due_after_measure("2026-02-30")
	not vuln.final_due_after_measure("next week")
	not vuln.final_due_after_measure("")
	not vuln.final_due_after_measure(null)
	not vuln.final_due_after_measure(20261001)
}

test_final_due_after_notification if {
	aware := _ts("2026-10-01T10:00:00Z")
	vuln.final_due_after_notification({"notification_at": "2026-10-03T08:00:00Z"}, aware) == _ts("2026-11-03T08:00:00Z")
	vuln.final_due_after_notification({"notification_at": "2026-10-03"}, aware) == _ts("2026-11-03T00:00:00Z")
}

test_final_due_after_notification_falls_back_to_notification_deadline if {
	aware := _ts("2026-10-01T10:00:00Z")
	want := _ts("2026-11-04T10:00:00Z")
	vuln.final_due_after_notification({}, aware) == want
	vuln.final_due_after_notification({"notification_at": "2026-02-30T10:00:00Z"}, aware) == want
	vuln.final_due_after_notification({"notification_at": 5}, aware) == want
	vuln.final_due_after_notification("not an object", aware) == want
}

# One month from the 31st ends on the last day of a shorter month (Regulation 1182/71 Art. 3(2)(c)), not days
# into the month after, as time.add_date's normalisation would have it.
test_final_due_after_notification_at_month_end if {
	vuln.final_due_after_notification({"notification_at": "2026-01-31T10:00:00Z"}, 0) == _ts("2026-02-28T10:00:00Z")
	vuln.final_due_after_notification({"notification_at": "2028-01-30T10:00:00Z"}, 0) == _ts("2028-02-29T10:00:00Z")
	vuln.final_due_after_notification({"notification_at": "2026-03-31T23:00:00Z"}, 0) == _ts("2026-04-30T23:00:00Z")
	vuln.final_due_after_notification({"notification_at": "2026-12-31T10:00:00Z"}, 0) == _ts("2027-01-31T10:00:00Z")

	# Aware on 28 January: notification due 31 January, final report 28 February.
	vuln.final_due_after_notification({}, _ts("2026-01-28T10:00:00Z")) == _ts("2026-02-28T10:00:00Z")
}

# --- Time ----------------------------------------------------------------------------------------------------------

test_ns_timestamps if {
	vuln.ns("2026-10-01T12:00:00Z") == _ts("2026-10-01T12:00:00Z")
	vuln.ns("2026-10-01T12:00:00+02:00") == _ts("2026-10-01T10:00:00Z")
	vuln.ns("2026-10-01T12:00:00-05:30") == _ts("2026-10-01T17:30:00Z")
	vuln.ns("2026-10-01T12:00:00.123456789Z") == _ts("2026-10-01T12:00:00.123456789Z")
	vuln.ns("2024-02-29T23:59:59Z") == _ts("2024-02-29T23:59:59Z")
}

test_ns_dates_are_midnight_utc if {
	vuln.ns("2026-10-01") == _ts("2026-10-01T00:00:00Z")
	vuln.ns("2024-02-29") == _ts("2024-02-29T00:00:00Z")
	vuln.ns("2000-02-29") == _ts("2000-02-29T00:00:00Z")
	vuln.ns("2026-12-31") == _ts("2026-12-31T00:00:00Z")
}

test_ns_undefined_for_impossible_dates if {
	not vuln.ns("2026-02-29")
	not vuln.ns("2100-02-29")
	not vuln.ns("2026-02-30T10:00:00Z")
	not vuln.ns("2026-04-31")
	not vuln.ns("2026-13-01")
	not vuln.ns("2026-00-10")
	not vuln.ns("2026-10-00")
	not vuln.ns("2026-10-01T24:00:00Z")
	not vuln.ns("2026-10-01T10:60:00Z")
}

test_ns_undefined_for_other_shapes if {
	not vuln.ns("2026-10-01T10:00:00")
	not vuln.ns("2026-10-01 10:00:00Z")
	not vuln.ns("2026-10-01t10:00:00z")
	not vuln.ns("2026-10-01T10:00Z")
	not vuln.ns("1899-12-31")
	not vuln.ns("2200-01-01")
	not vuln.ns(" 2026-10-01")
	not vuln.ns("")
	not vuln.ns(1793000000)
	not vuln.ns(null)
}

test_is_date if {
	vuln.is_date("2026-10-01")
	not vuln.is_date("2026-10-01T00:00:00Z")
	not vuln.is_date("2026-13-01")
	not vuln.is_date("2026-1-01")
	not vuln.is_date(20261001)
	not vuln.is_date(null)
}

test_as_of_ns_is_midnight_of_as_of_day if {
	vuln.as_of_ns == _ts("2026-11-25T00:00:00Z") with input as {"as_of": "2026-11-25"}
	not vuln.as_of_ns with input as {}
	not vuln.as_of_ns with input as {"as_of": "2026-02-30"}
	not vuln.as_of_ns with input as {"as_of": 20261125}
}

test_show_formats_utc_rfc3339 if {
	vuln.show(0) == "1970-01-01T00:00:00Z"
	vuln.show(_ts("2026-10-01T12:00:00+02:00")) == "2026-10-01T10:00:00Z"
	vuln.show(_ts("2026-10-01T10:00:00.5Z")) == "2026-10-01T10:00:00.5Z"
}

_range_sbom := {"type": "sbom", "path": "sbom/app.cdx.json", "content": {"components": [
	{"name": "bcprov-jdk18on", "version": "1.78.1", "purl": "pkg:maven/org.bouncycastle/bcprov-jdk18on@1.78.1"},
	{"name": "bcprov-jdk18on", "version": "1.80", "purl": "pkg:maven/org.bouncycastle/bcprov-jdk18on@1.80"},
	{"name": "bcprov-jdk18on", "version": "1.81-beta", "purl": "pkg:maven/org.bouncycastle/bcprov-jdk18on@1.81-beta"},
]}}

test_resolve_range_as_evaluated_in_go if {
	item := {"purl": "pkg:maven/org.bouncycastle/bcprov-jdk18on", "range": "vers:maven/<1.79"}
	ids := vuln.resolve(item) with input as {
		"documents": [_range_sbom],
		"derived": {"version_ranges": {"vers:maven/<1.79": {"1.78.1": true, "1.80": false}}},
	}

	# 1.81-beta was not evaluated: it counts as possibly inside
	ids == {["sbom/app.cdx.json", 0], ["sbom/app.cdx.json", 2]}
}

test_resolve_range_unevaluated_names_every_version if {
	item := {"purl": "pkg:maven/org.bouncycastle/bcprov-jdk18on", "range": "from 1.70 onwards"}
	count(vuln.resolve(item)) == 3 with input as {"documents": [_range_sbom], "derived": {"version_ranges": {}}}
}

_rated := {"documents": [
	{"type": "vulnerability-scan", "path": "s.json", "content": {"timestamp": "2026-11-10T00:00:00Z", "matches": [
		{"vulnerability": "CVE-1", "aliases": ["GHSA-1"], "severity": "medium"},
		{"vulnerability": "CVE-1", "aliases": [], "severity": "high"},
	]}},
	{"type": "vex", "path": "v.json", "content": {"timestamp": "2026-11-20T00:00:00Z", "statements": [
		{"vulnerability": "GHSA-1", "aliases": [], "severity": "critical", "first_issued": "2026-11-01T00:00:00Z"},
		{"vulnerability": "CVE-2", "aliases": [], "severity": "unknown"},
	]}},
	{"type": "security-update-plan", "path": "p.yaml", "content": {"remediation_timelines": {"critical": 14, "high": 30}}},
]}

test_severity_is_the_highest_rating_of_any_alias if {
	vuln.severity({"CVE-1"}) == "high" with input as _rated
	vuln.severity({"CVE-1", "GHSA-1"}) == "critical" with input as _rated
	vuln.severity({"CVE-2"}) == "unknown" with input as _rated
}

test_timeline_falls_back_to_the_shortest if {
	vuln.timeline("high") == [30, "the update plan's high timeline of 30 days"] with input as _rated
	vuln.timeline("unknown")[0] == 14 with input as _rated
	not vuln.timeline("low") with input as {"documents": []}
}

test_first_known_is_the_earliest_scan_or_first_issue if {
	vuln.day(vuln.first_known({"CVE-1"})) == "2026-11-10" with input as _rated
	vuln.day(vuln.first_known({"GHSA-1"})) == "2026-11-01" with input as _rated
	vuln.day(vuln.first_known({"CVE-2"})) == "2026-11-20" with input as _rated
}

test_releases_fixing_matches_ids_and_aliases if {
	plan := {"type": "security-update-plan", "path": "security/update-plan.yaml", "content": {"releases": [
		{"version": "2.4.2", "date": "2026-11-22", "fixes": [" cve-2025-27363 "]},
		{"version": "2.4.3", "date": "2026-12-01", "fixes": ["CVE-2026-0001"]},
		"not a release",
	]}}
	found := vuln.releases_fixing({"CVE-2025-27363", "GHSA-X"}) with input as {"documents": [plan]}
	found == {["security/update-plan.yaml", 0, {"version": "2.4.2", "date": "2026-11-22", "fixes": [" cve-2025-27363 "]}]}
}

test_dated_remediations_keep_fix_categories_with_a_date if {
	st := {"remediations": [
		{"category": "vendor_fix", "date": "2026-12-01T00:00:00Z"},
		{"category": "workaround", "date": "2026-12-01T00:00:00Z"},
		{"category": "mitigation"},
		{"category": "none_available", "date": "2026-13-01T00:00:00Z"},
		{"category": "mitigation", "date": "2026-12-02"},
	]}
	{[x[0], x[2]] | some x in vuln.dated_remediations(st)} == {
		[0, vuln.ns("2026-12-01T00:00:00Z")],
		[4, vuln.ns("2026-12-02")],
	}
}

# --- The facts annexlint check computes in Go (input.derived.vuln_index) ------------------------------------------
#
# With the facts, the helpers read them; without them, or for an item they do not list, they compute the same in Rego
# (TestVulnIndexMatchesRego holds the two to the same result on real bundles). The facts below deliberately differ from
# what the Rego would compute, so each test tells which was used.

_go_item := {"purl": "pkg:generic/zlib@1.3.1", "vulnerability": "CVE-2025-9"}

_go_facts := {"vuln_index": {
	"items": {_go_item: {"ids": {"GO-1"}, "package": {["sbom/go.json", 1]}, "resolve": {["sbom/go.json", 2]}, "unassessed": {["sbom/go.json", 3]}}},
	"labels": {_fw_zlib: "zlib from Go"},
}}

_with_go_facts := object.union(_input, {"derived": _go_facts})

test_item_helpers_read_the_go_facts if {
	vuln.ids(_go_item) == {"GO-1"} with input as _with_go_facts
	vuln.resolve_package(_go_item) == {["sbom/go.json", 1]} with input as _with_go_facts
	vuln.resolve(_go_item) == {["sbom/go.json", 2]} with input as _with_go_facts
	vuln.unassessed(_go_item) == {["sbom/go.json", 3]} with input as _with_go_facts
	vuln.label(_fw_zlib) == "zlib from Go" with input as _with_go_facts
}

test_item_helpers_compute_an_item_the_go_facts_lack if {
	other := {"purl": "pkg:generic/zlib@1.3.1", "vulnerability": "cve-2025-10"}
	vuln.ids(other) == {"CVE-2025-10"} with input as _with_go_facts
	vuln.resolve_package(other) == {_fw_zlib} with input as _with_go_facts
	vuln.resolve(other) == {_fw_zlib} with input as _with_go_facts
	vuln.unassessed(other) == {_fw_zlib} with input as _with_go_facts
	vuln.label(_fw_mbedtls) == "mbedtls 3.6.2 (sbom/fw.cdx.json)" with input as _with_go_facts
	vuln.resolve(_go_item) == {_fw_zlib} with input as _input
	vuln.ids(_go_item) == {"CVE-2025-9"} with input as _input
	vuln.unassessed(_go_item) == {_fw_zlib} with input as _input
	vuln.label(_fw_zlib) == "zlib v1.3.1 (sbom/fw.cdx.json)" with input as _input
}
