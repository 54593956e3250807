package cvss

import (
	"math"
	"os"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics and that accepted vectors behave:
// String re-parses to itself, every score is in 0-10 with one decimal, and
// Severity names it.
func FuzzParse(f *testing.F) {
	for _, path := range []string{"testdata/reference-v3.tsv", "testdata/reference-v4.tsv"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if i%25 == 0 && line != "" && !strings.HasPrefix(line, "#") {
				vec, _, _ := strings.Cut(line, "\t")
				f.Add(vec)
			}
		}
	}
	for _, s := range []string{"", "CVSS:3.1/", "CVSS:3.1//", "AV:N/AC:L/Au:N/C:P/I:N/A:N", "CVSS:4.0/U:Clear",
		"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:N", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/MSI:S"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, err := Parse(in)
		if err != nil {
			if v != nil {
				t.Fatalf("Parse returned both a vector and an error")
			}
			_ = err.Error()
			return
		}
		again, err := Parse(v.String())
		if err != nil {
			t.Fatalf("String() %q of accepted %q does not re-parse: %v", v.String(), in, err)
		}
		if again.String() != v.String() {
			t.Fatalf("String() not stable: %q vs %q", again.String(), v.String())
		}
		scores := []func() (float64, error){v.BaseScore, v.TemporalScore, v.EnvironmentalScore, v.Score}
		for i, fn := range scores {
			s, err := fn()
			if err != nil {
				if v.Version() == Version40 && i == 1 {
					continue // v4 has no temporal score
				}
				t.Fatalf("score %d of %q: %v", i, in, err)
			}
			if s < 0 || s > 10 || math.Abs(s*10-math.Round(s*10)) > 1e-9 {
				t.Fatalf("score %d of %q = %v, not a one-decimal value in 0-10", i, in, s)
			}
			if Severity(s) == "" {
				t.Fatalf("Severity(%v) is empty", s)
			}
		}
	})
}
