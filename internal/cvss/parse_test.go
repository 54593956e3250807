package cvss

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseValid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		in        string
		version   Version
		canonical string
		nomen     string
	}{
		{"v3.1 base", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", Version31,
			"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", ""},
		{"v3.0 base", "CVSS:3.0/AV:L/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:H", Version30,
			"CVSS:3.0/AV:L/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:H", ""},
		{"v3.1 any order", "CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N", Version31,
			"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", ""},
		{"v3.1 temporal and environmental", "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:L/E:F/RL:O/RC:C/CR:H/MAV:X/MS:C", Version31,
			"CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:L/E:F/RL:O/RC:C/CR:H/MAV:X/MS:C", ""},
		{"v4.0 base", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", Version40,
			"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "CVSS-B"},
		{"v4.0 threat", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P", Version40,
			"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P", "CVSS-BT"},
		{"v4.0 all groups, supplemental last in input", "CVSS:4.0/U:Amber/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:L/SI:N/SA:N/E:U/CR:L/MSI:S/S:P/AU:Y/R:I/V:C/RE:H", Version40,
			"CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:L/SI:N/SA:N/E:U/CR:L/MSI:S/S:P/AU:Y/R:I/V:C/RE:H/U:Amber", "CVSS-BTE"},
		{"v4.0 explicit X is not defined", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/MAV:X", Version40,
			"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/MAV:X", "CVSS-B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if v.Version() != tt.version {
				t.Errorf("Version() = %q, want %q", v.Version(), tt.version)
			}
			if got := v.String(); got != tt.canonical {
				t.Errorf("String() = %q, want %q", got, tt.canonical)
			}
			if got := v.Nomenclature(); got != tt.nomen {
				t.Errorf("Nomenclature() = %q, want %q", got, tt.nomen)
			}
			// Every component of the input must be reported back by Get.
			for _, comp := range strings.Split(tt.in, "/")[1:] {
				k, val, _ := strings.Cut(comp, ":")
				if got, ok := v.Get(k); !ok || got != val {
					t.Errorf("Get(%q) = %q, %v; want %q", k, got, ok, val)
				}
			}
			if len(v.Metrics()) != strings.Count(tt.in, "/") {
				t.Errorf("Metrics() has %d entries, want %d", len(v.Metrics()), strings.Count(tt.in, "/"))
			}
		})
	}
}

func TestParseGetAbsent(t *testing.T) {
	t.Parallel()
	v, err := Parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"E", "MAV", "nope", ""} {
		if val, ok := v.Get(k); ok {
			t.Errorf("Get(%q) = %q, true; want absent", k, val)
		}
	}
	m := v.Metrics()
	if m[0] != (Metric{Key: "AV", Value: "N", Group: GroupBase}) {
		t.Errorf("Metrics()[0] = %+v", m[0])
	}
}

func TestParseInvalid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      string
		metric  string
		value   string
		allowed []string
		missing []string
		offset  int
		msg     string // substring of Error()
	}{
		{name: "empty", in: "", offset: -1, msg: "empty vector"},
		{name: "cvss v2", in: "AV:N/AC:L/Au:N/C:P/I:N/A:N", offset: 0, msg: "CVSS v2 vectors are not supported"},
		{name: "no prefix", in: "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", offset: 0, msg: "version prefix"},
		{name: "unsupported version", in: "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", value: "3.2",
			allowed: []string{"3.0", "3.1", "4.0"}, offset: 0, msg: `unsupported CVSS version "3.2"`},
		{name: "prefix only", in: "CVSS:3.1", offset: -1, msg: "has no metrics"},
		{name: "prefix and slash", in: "CVSS:3.1/", offset: -1, msg: "has no metrics"},
		{name: "leading space", in: " CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", offset: 0, msg: "white space"},
		{name: "trailing newline", in: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n", offset: 0, msg: "white space"},
		{name: "trailing slash", in: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/", offset: 44, msg: "trailing"},
		{name: "double slash", in: "CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", offset: 14, msg: "empty metric"},
		{name: "no colon", in: "CVSS:3.1/AV:N/ACL/PR:N/UI:N/S:U/C:H/I:H/A:H", offset: 14, msg: `"ACL" is not of the form`},
		{name: "unknown metric v3", in: "CVSS:3.1/AV:N/AC:L/AT:N/PR:N/UI:N/S:U/C:H/I:H/A:H", metric: "AT", value: "N",
			offset: 19, msg: `unknown metric "AT" for CVSS 3.1`},
		{name: "v4 metric in v3", in: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/VC:H", metric: "VC", value: "H",
			offset: 45, msg: `unknown metric "VC"`},
		{name: "v3 scope in v4", in: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:U", metric: "S", value: "U",
			allowed: []string{"X", "N", "P"}, offset: 64, msg: `metric S has invalid value "U"`},
		{name: "duplicate", in: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L", metric: "AV", value: "L",
			offset: 45, msg: "metric AV appears more than once"},
		{name: "duplicate same value", in: "CVSS:4.0/AV:N/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", metric: "AV", value: "N",
			offset: 14, msg: "appears more than once"},
		{name: "invalid value", in: "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", metric: "AV", value: "Q",
			allowed: []string{"N", "A", "L", "P"}, offset: 9, msg: `metric AV has invalid value "Q" (allowed: N, A, L, P) at byte 9`},
		{name: "lower case value", in: "CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", metric: "AV", value: "n",
			allowed: []string{"N", "A", "L", "P"}, offset: 9, msg: "invalid value"},
		{name: "X not allowed for base", in: "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", metric: "AV", value: "X",
			allowed: []string{"N", "A", "L", "P"}, offset: 9, msg: "invalid value"},
		{name: "v3 exploit maturity value in v4", in: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:F", metric: "E", value: "F",
			allowed: []string{"X", "A", "P", "U"}, offset: 64, msg: "invalid value"},
		{name: "safety only in MSI/MSA", in: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N", metric: "SI", value: "S",
			allowed: []string{"H", "L", "N"}, offset: 54, msg: "invalid value"},
		{name: "empty value", in: "CVSS:3.1/AV:/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", metric: "AV", value: "",
			allowed: []string{"N", "A", "L", "P"}, offset: 9, msg: `invalid value ""`},
		{name: "missing one", in: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H", metric: "S", missing: []string{"S"},
			offset: -1, msg: "missing mandatory base metric(s) S for CVSS 3.1"},
		{name: "missing several v4", in: "CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H", metric: "AT",
			missing: []string{"AT", "SC", "SI", "SA"}, offset: -1, msg: "missing mandatory base metric(s) AT, SC, SI, SA"},
		{name: "only optional", in: "CVSS:3.1/E:F", metric: "AV",
			missing: []string{"AV", "AC", "PR", "UI", "S", "C", "I", "A"}, offset: -1, msg: "missing"},
		{name: "too long", in: "CVSS:3.1/" + strings.Repeat("AV:N/", 300), offset: -1, msg: "bytes long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v, err := Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q) = %v, want error", tt.in, v)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not *ParseError: %v", err, err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Error() = %q, want it to contain %q", err.Error(), tt.msg)
			}
			if pe.Metric != tt.metric || pe.Value != tt.value || pe.Offset != tt.offset {
				t.Errorf("metric/value/offset = %q/%q/%d, want %q/%q/%d", pe.Metric, pe.Value, pe.Offset, tt.metric, tt.value, tt.offset)
			}
			if !slices.Equal(pe.Allowed, tt.allowed) {
				t.Errorf("Allowed = %v, want %v", pe.Allowed, tt.allowed)
			}
			if !slices.Equal(pe.Missing, tt.missing) {
				t.Errorf("Missing = %v, want %v", pe.Missing, tt.missing)
			}
			if pe.Offset >= 0 && pe.Metric != "" && !strings.HasPrefix(tt.in[pe.Offset:], pe.Metric+":") {
				t.Errorf("Offset %d does not point at metric %s in %q", pe.Offset, pe.Metric, tt.in)
			}
		})
	}
}
