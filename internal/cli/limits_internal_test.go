package cli

import (
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/result"
)

func TestSARIFLimits(t *testing.T) {
	t.Parallel()
	bundles := func(n, results int) []report.Bundle {
		out := make([]report.Bundle, n)
		for i := range out {
			out[i] = report.Bundle{Result: &result.Result{Bundle: "b", Findings: make([]finding.Finding, results)}}
		}
		return out
	}
	cases := map[string]struct {
		bundles []report.Bundle
		want    string
	}{
		"within":         {bundles(20, 25000), ""},
		"21 runs":        {bundles(21, 1), "21 runs in one SARIF file; GitHub code scanning accepts at most 20"},
		"25,001 results": {bundles(1, 25001), "b has 25001 results; GitHub code scanning accepts at most 25000 per run"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := strings.Join(sarifLimits(tc.bundles), "\n")
			if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
