package check_test

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/check"
	"github.com/annexlint/annexlint/internal/cli"
	"github.com/annexlint/annexlint/internal/result"
	"github.com/annexlint/annexlint/internal/scaletest"
)

// Run the scale benchmarks with bench/scale.sh (medians over -count runs) or
//
//	go test -run '^$' -bench 'Check|Precommit' -benchmem ./internal/check/
//
// docs/performance.md records the figures and where the time goes.

const benchAsOf = "2026-11-25"

// exampleDir is the compliant example the scale bundles are built on: its
// risk file, plans and matrix keep every other rule busy as in real use.
var exampleDir = filepath.Join("..", "..", "examples", "infusion-pump")

var (
	checkerOnce sync.Once
	checker     *check.Checker
	checkerErr  error
)

// sharedChecker compiles the policies once per process, as the CLI does per
// run; the benchmarks below measure one check of one bundle without it.
func sharedChecker(tb testing.TB) *check.Checker {
	tb.Helper()
	checkerOnce.Do(func() {
		checker, checkerErr = cli.NewChecker(context.Background(), nil, bundle.DefaultMaxFileSize)
		if checkerErr == nil {
			// The benchmarks measure cost; the default 30 s limit, which a
			// 50 000-component bundle can reach on a busy 2-core machine, is a
			// user-facing policy and not what is measured here.
			checker.Engine.SetTimeout(10 * time.Minute)
		}
	})
	if checkerErr != nil {
		tb.Fatal(checkerErr)
	}
	return checker
}

// withScan drops the scan when this build cannot read vulnerability-scan
// documents, so the SBOM part still runs.
func withScan(tb testing.TB, s scaletest.Bundle) scaletest.Bundle {
	tb.Helper()
	probe := scaletest.Bundle{Components: 2, Matches: 1, Framework: s.Framework}
	dir := tb.TempDir()
	if err := probe.Write(exampleDir, dir); err != nil {
		tb.Fatal(err)
	}
	if _, err := sharedChecker(tb).Run(context.Background(), dir, check.Options{AsOf: benchAsOf}); err != nil {
		if strings.Contains(err.Error(), "vulnerability-scan") {
			tb.Logf("vulnerability-scan documents are not readable in this build (%v); benchmarking the SBOM only", err)
			s.Matches = 0
			return s
		}
		tb.Fatal(err)
	}
	return s
}

func benchmarkCheck(b *testing.B, components int) {
	for _, framework := range []string{"MDR", "CRA"} {
		b.Run(framework, func(b *testing.B) {
			s := withScan(b, scaletest.Bundle{Components: components, Matches: components / 5, Framework: framework})
			dir := b.TempDir()
			if err := s.Write(exampleDir, dir); err != nil {
				b.Fatal(err)
			}
			c := sharedChecker(b)
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			defer reportCPU(b)()
			for b.Loop() {
				if _, err := c.Run(ctx, dir, check.Options{AsOf: benchAsOf}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCheck1k, 10k and 50k check the example bundle with an SBOM of that
// many components and a Grype scan of a fifth as many matches. The target is
// 10k components and 2k matches in under 2 s on a 2-core machine.
func BenchmarkCheck1k(b *testing.B)  { benchmarkCheck(b, 1000) }
func BenchmarkCheck10k(b *testing.B) { benchmarkCheck(b, 10000) }
func BenchmarkCheck50k(b *testing.B) { benchmarkCheck(b, 50000) }

// BenchmarkPrecommit is what a pre-commit hook costs: the whole command on
// the compliant example, policy compilation included.
func BenchmarkPrecommit(b *testing.B) {
	args := []string{"check", exampleDir, "--as-of", benchAsOf, "--format", "json", "--fail-on", "none"}
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		if code := cli.Run(context.Background(), args, io.Discard, io.Discard); code != cli.ExitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkCompile is the policy compilation part of BenchmarkPrecommit.
func BenchmarkCompile(b *testing.B) {
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		if _, err := cli.NewChecker(context.Background(), nil, bundle.DefaultMaxFileSize); err != nil {
			b.Fatal(err)
		}
	}
}

// reportCPU starts counting process CPU time and returns the function that
// reports it per operation as "cpu-ns/op" (with GC and the parallel rule
// evaluation on both cores included, it can exceed the wall time).
func reportCPU(b *testing.B) func() {
	start, ok := processCPU()
	return func() {
		end, ok2 := processCPU()
		if ok && ok2 && b.N > 0 {
			b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

// TestScaleBundle keeps the benchmark honest: the synthetic bundle loads,
// the scan is read when supported, and the SBOM rules find exactly the gaps
// put into it (every tenth component lacks supplier and SHA-512 hash).
func TestScaleBundle(t *testing.T) {
	t.Parallel()
	for _, framework := range []string{"MDR", "CRA"} {
		t.Run(framework, func(t *testing.T) {
			t.Parallel()
			s := withScan(t, scaletest.Bundle{Components: 200, Matches: 40, Framework: framework})
			dir := t.TempDir()
			if err := s.Write(exampleDir, dir); err != nil {
				t.Fatal(err)
			}
			res, err := sharedChecker(t).Run(context.Background(), dir, check.Options{AsOf: benchAsOf})
			if err != nil {
				t.Fatal(err)
			}
			counts := map[string]int{}
			for _, f := range res.Findings {
				counts[f.RuleID]++
			}
			want := map[string]int{"AL-SBOM-003": 20}
			if framework == "CRA" {
				want["AL-SBOM-007"] = 20
			}
			for id, n := range want {
				if counts[id] != n {
					t.Errorf("%s: %d findings, want %d (all: %v)", id, counts[id], n, counts)
				}
			}
			for _, id := range []string{"AL-SCHEMA-001", "AL-SBOM-002", "AL-SBOM-004", "AL-SBOM-005", "AL-SBOM-006", "AL-SBOM-008"} {
				if counts[id] != 0 {
					t.Errorf("%s: %d unexpected findings, e.g. %v", id, counts[id], first(res, id))
				}
			}
			if s.Matches > 0 && !hasDoc(res, "vulnerability-scan") {
				t.Errorf("the scan was not loaded: %v", res.Documents)
			}
		})
	}
}

func first(res *result.Result, id string) string {
	for _, f := range res.Findings {
		if f.RuleID == id {
			return fmt.Sprintf("%s: %s", f.Pos, f.Message)
		}
	}
	return ""
}

func hasDoc(res *result.Result, typ string) bool {
	for _, d := range res.Documents {
		if d.Type == typ && filepath.Ext(d.Path) == ".json" {
			return true
		}
	}
	return false
}
