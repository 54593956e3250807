package cvss

import (
	"bufio"
	"errors"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestPublishedBaseScores checks vectors against the base scores published
// for them: the FIRST CVSS v3.1 "Examples" document (CVE ids given) and NVD
// for well-known CVEs; the v4.0 entries are FIRST calculator results quoted
// in the v4.0 examples and library documentation.
func TestPublishedBaseScores(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		vector   string
		score    float64
		severity string
	}{
		// Scope changed / unchanged, all PR values in both scopes.
		{"CVE-2021-44228 Log4Shell (NVD), S:C PR:N", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, "Critical"},
		{"CVE-2014-6271 Shellshock, S:U PR:N", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "Critical"},
		{"CVE-2022-22965 Spring4Shell (NVD)", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "Critical"},
		{"CVE-2022-0847 Dirty Pipe (NVD), S:U PR:L", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8, "High"},
		{"CVE-2014-3566 POODLE", "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", 3.1, "Low"},
		{"CVE-2014-0160 Heartbleed", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, "High"},
		{"CVE-2013-1937 phpMyAdmin reflected XSS, S:C UI:R", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, "Medium"},
		{"CVE-2013-0375 MySQL stored SQLi, S:C PR:L", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4, "Medium"},
		{"CVE-2012-1516 VMware guest-to-host escape, S:C PR:L", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9, "Critical"},
		{"CVE-2009-0783 Apache Tomcat, S:U PR:H", "CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L", 4.2, "Medium"},
		{"CVE-2012-0384 Cisco IOS, S:U PR:L", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 8.8, "High"},
		{"CVE-2015-1098 iWork", "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.8, "High"},
		{"CVE-2014-2005 Sophos Disk Encryption, AV:P", "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 6.8, "Medium"},
		{"CVE-2010-0467 Joomla directory traversal", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N", 5.8, "Medium"},
		{"CVE-2012-1342 Cisco ACL bypass", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:L/A:N", 5.8, "Medium"},
		{"CVE-2013-6014 Juniper proxy ARP, AV:A S:C", "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H", 9.3, "Critical"},
		{"CVE-2014-9253 DokuWiki stored XSS, S:C PR:L UI:R", "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N", 5.4, "Medium"},
		{"CVE-2011-1265 Bluetooth, AV:A", "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 8.8, "High"},
		{"CVE-2014-2019 iOS passcode bypass", "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N", 4.6, "Medium"},
		{"CVE-2015-0970 SearchBlox CSRF", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 8.8, "High"},
		{"CVE-2014-0224 OpenSSL CCS injection", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N", 7.4, "High"},
		{"CVE-2016-5729 Lenovo, S:C PR:H", "CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H", 8.2, "High"},
		{"CVE-2008-1447 DNS cache poisoning, AC:H S:C", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N", 6.8, "Medium"},
		{"CVE-2016-0128 Badlock", "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N", 6.8, "Medium"},
		{"CVE-2019-5736 runc (NVD), AV:L S:C UI:R", "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H", 8.6, "High"},
		{"PR:H scope changed", "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H", 9.1, "Critical"},
		{"PR:H scope unchanged", "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", 7.2, "High"},
		{"no impact", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0, "None"},
		{"no impact, scope changed", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N", 0.0, "None"},
		{"v3.0 Shellshock", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "Critical"},
		{"v3.0 scope changed", "CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9, "Critical"},
		{"BSI-2022-0001 (CSAF in corpus), temporal metrics ignored", "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:L/E:F/RL:O/RC:C", 6.1, "Medium"},
		// CVSS v4.0
		{"v4.0 network, no user interaction, high VS impact", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, "Critical"},
		{"v4.0 maximum", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0, "Critical"},
		{"v4.0 low VS impact", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N", 6.9, "Medium"},
		{"v4.0 PR:L", "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 8.7, "High"},
		{"v4.0 local PR:L", "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 8.5, "High"},
		{"v4.0 stored XSS", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N", 5.1, "Medium"},
		{"v4.0 no impact", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0, "None"},
		{"v4.0 CVSS-B ignores threat metrics", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", 9.3, "Critical"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v, err := Parse(tt.vector)
			if err != nil {
				t.Fatal(err)
			}
			got, err := v.BaseScore()
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.score {
				t.Errorf("BaseScore(%s) = %v, want %v", tt.vector, got, tt.score)
			}
			if s := Severity(got); s != tt.severity {
				t.Errorf("Severity(%v) = %q, want %q", got, s, tt.severity)
			}
		})
	}
}

func TestOtherScores(t *testing.T) {
	t.Parallel()
	tests := []struct {
		vector                    string
		temporal, environmental   float64
		score                     float64
		temporalErr, nomenclature string
	}{
		// FIRST v3.1 calculator results.
		{vector: "CVSS:3.1/AV:A/AC:H/PR:L/UI:N/S:C/C:H/I:L/A:L/E:F/RL:U/RC:R/CR:H/IR:M/AR:L/MAV:N/MAC:L/MPR:N/MUI:N/MS:C/MC:H/MI:H/MA:H",
			temporal: 6.7, environmental: 9.4, score: 9.4},
		{vector: "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:L/E:F/RL:O/RC:C", temporal: 5.7, environmental: 5.7, score: 5.7},
		// v3.1 environmental formula differs from the base formula for S:C even
		// with no environmental metric: Score then reports the base score.
		{vector: "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", temporal: 6.4, environmental: 6.4, score: 6.4},
		// The Red Hat/FIRST v4.0 calculator's own documented example (CVSS-BTE 8.7).
		{vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:L/SC:N/SI:N/SA:N/E:A/MAV:A",
			environmental: 8.7, score: 8.7, temporalErr: "no temporal score", nomenclature: "CVSS-BTE"},
		{vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U",
			environmental: 8.1, score: 8.1, temporalErr: "no temporal score", nomenclature: "CVSS-BT"},
	}
	for _, tt := range tests {
		t.Run(tt.vector, func(t *testing.T) {
			t.Parallel()
			v, err := Parse(tt.vector)
			if err != nil {
				t.Fatal(err)
			}
			tmp, err := v.TemporalScore()
			if tt.temporalErr != "" {
				if !errors.Is(err, ErrScoreUnavailable) || !strings.Contains(err.Error(), tt.temporalErr) {
					t.Errorf("TemporalScore error = %v, want ErrScoreUnavailable (%s)", err, tt.temporalErr)
				}
			} else if err != nil || tmp != tt.temporal {
				t.Errorf("TemporalScore = %v, %v; want %v", tmp, err, tt.temporal)
			}
			if env, err := v.EnvironmentalScore(); err != nil || env != tt.environmental {
				t.Errorf("EnvironmentalScore = %v, %v; want %v", env, err, tt.environmental)
			}
			if s, err := v.Score(); err != nil || s != tt.score {
				t.Errorf("Score = %v, %v; want %v", s, err, tt.score)
			}
			if n := v.Nomenclature(); n != tt.nomenclature {
				t.Errorf("Nomenclature = %q, want %q", n, tt.nomenclature)
			}
		})
	}
}

func TestRoundup(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in       float64
		v31, v30 float64
	}{
		{4.02, 4.1, 4.1},
		{4.00, 4.0, 4.0},
		{0, 0, 0},
		{10, 10, 10},
		// v3.1 Appendix A: floating-point noise must not round up.
		{4.000000000000001, 4.0, 4.1},
		{sum(0.1, 0.2), 0.3, 0.4}, // 0.30000000000000004 at run time
		{sum(1, -0.58), 0.5, 0.5},
		{8.14, 8.2, 8.2},
	}
	for _, tt := range tests {
		if got := roundup31(tt.in); got != tt.v31 {
			t.Errorf("roundup31(%v) = %v, want %v", tt.in, got, tt.v31)
		}
		if got := roundup30(tt.in); got != tt.v30 {
			t.Errorf("roundup30(%v) = %v, want %v", tt.in, got, tt.v30)
		}
	}
}

// sum adds at run time; a Go constant expression would be exact.
func sum(a, b float64) float64 { return a + b }

func TestSeverity(t *testing.T) {
	t.Parallel()
	tests := []struct {
		score float64
		want  string
	}{
		{0, "None"}, {0.1, "Low"}, {3.9, "Low"}, {3.95, "Low"}, {4.0, "Medium"}, {6.9, "Medium"},
		{7.0, "High"}, {8.9, "High"}, {9.0, "Critical"}, {10.0, "Critical"},
		{-0.1, ""}, {10.1, ""}, {math.NaN(), ""}, {math.Inf(1), ""},
	}
	for _, tt := range tests {
		if got := Severity(tt.score); got != tt.want {
			t.Errorf("Severity(%v) = %q, want %q", tt.score, got, tt.want)
		}
	}
}

// TestBaseScoreV30EqualsV31 checks, over every one of the 2,592 base metric
// combinations, that v3.0 and v3.1 base scores agree: the base formula is the
// same and the two Roundup definitions give the same result on base scores.
// Temporal and environmental scores can differ (see testdata).
func TestBaseScoreV30EqualsV31(t *testing.T) {
	t.Parallel()
	n := 0
	forEachBase3(func(metrics string) {
		v30, err30 := Parse("CVSS:3.0/" + metrics)
		v31, err31 := Parse("CVSS:3.1/" + metrics)
		if err30 != nil || err31 != nil {
			t.Fatalf("%s: %v %v", metrics, err30, err31)
		}
		b30, _ := v30.BaseScore()
		b31, _ := v31.BaseScore()
		if b30 != b31 {
			t.Errorf("%s: v3.0 %v != v3.1 %v", metrics, b30, b31)
		}
		n++
	})
	if n != 2592 {
		t.Errorf("enumerated %d base vectors, want 2592", n)
	}
}

func forEachBase3(f func(string)) {
	var rec func(i int, acc []string)
	rec = func(i int, acc []string) {
		if i == 8 {
			f(strings.Join(acc, "/"))
			return
		}
		for _, val := range v3Defs[i].values {
			rec(i+1, append(acc, v3Defs[i].key+":"+val))
		}
	}
	rec(0, nil)
}

// readReference reads a testdata TSV of vector and expected scores.
func readReference(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			rows = append(rows, strings.Split(line, "\t"))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func checkScore(t *testing.T, vector, what string, got float64, err error, want string) {
	t.Helper()
	w, perr := strconv.ParseFloat(want, 64)
	if perr != nil {
		t.Fatalf("%s: bad expected %s %q", vector, what, want)
	}
	if err != nil || got != w {
		t.Errorf("%s: %s = %v (%v), want %v", vector, what, got, err, w)
	}
}

// TestV3Reference checks base, temporal and environmental scores against
// FIRST's v3.0/v3.1 reference calculators (testdata/reference-v3.tsv).
func TestV3Reference(t *testing.T) {
	t.Parallel()
	rows := readReference(t, "testdata/reference-v3.tsv")
	if len(rows) < 300 {
		t.Fatalf("only %d reference rows", len(rows))
	}
	for _, r := range rows {
		v, err := Parse(r[0])
		if err != nil {
			t.Fatalf("%s: %v", r[0], err)
		}
		b, err := v.BaseScore()
		checkScore(t, r[0], "base", b, err, r[1])
		tm, err := v.TemporalScore()
		checkScore(t, r[0], "temporal", tm, err, r[2])
		e, err := v.EnvironmentalScore()
		checkScore(t, r[0], "environmental", e, err, r[3])
	}
	t.Logf("%d v3 vectors agree with the FIRST reference calculators", len(rows))
}

// TestV4Reference checks CVSS-B and full scores against the FIRST/Red Hat
// v4.0 reference calculator (testdata/reference-v4.tsv).
func TestV4Reference(t *testing.T) {
	t.Parallel()
	rows := readReference(t, "testdata/reference-v4.tsv")
	if len(rows) < 500 {
		t.Fatalf("only %d reference rows", len(rows))
	}
	for _, r := range rows {
		v, err := Parse(r[0])
		if err != nil {
			t.Fatalf("%s: %v", r[0], err)
		}
		b, err := v.BaseScore()
		checkScore(t, r[0], "CVSS-B", b, err, r[1])
		e, err := v.EnvironmentalScore()
		checkScore(t, r[0], v.Nomenclature(), e, err, r[2])
	}
	t.Logf("%d v4 vectors agree with the reference calculator", len(rows))
}

// TestV4MacroVectorsCovered makes sure the lookup table has exactly the 270
// MacroVectors the specification defines and that every base vector lands on
// one of them.
func TestV4MacroVectorsCovered(t *testing.T) {
	t.Parallel()
	if len(v4Lookup) != 270 {
		t.Fatalf("lookup table has %d entries, want 270", len(v4Lookup))
	}
	for k, s := range v4Lookup {
		if s < 0 || s > 10 {
			t.Errorf("MacroVector %s has score %v", k, s)
		}
	}
	for _, r := range readReference(t, "testdata/reference-v4.tsv") {
		v, err := Parse(r[0])
		if err != nil {
			t.Fatal(err)
		}
		for _, full := range []bool{false, true} {
			if _, ok := v4Lookup[mvKey(v.macroVector(full))]; !ok {
				t.Errorf("%s: MacroVector %v not in table", r[0], v.macroVector(full))
			}
		}
	}
}
