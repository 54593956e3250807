package check_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/annexlint/annexlint/internal/check"
	"github.com/annexlint/annexlint/internal/scaletest"
)

// istioSBOM is the largest SPDX SBOM of the reference corpus (3,461
// packages), outside this repository; the benchmark is skipped without it.
var istioSBOM = filepath.Join("..", "..", "..", "shared", "corpus", "sbom", "spdx", "istio-release.spdx-2.2.spdx")

// BenchmarkIstio checks the example bundle with its SBOM replaced by the
// istio SPDX SBOM: MDR runs the NTIA (and FDA) SBOM rules, CRA the BSI
// TR-03183-2 rules. bench/run times the same bundles as whole processes
// against sbomqs compliance --ntia / --bsi.
//
//	go test -run '^$' -bench Istio -benchtime 5x -cpuprofile cpu.out ./internal/check/
func BenchmarkIstio(b *testing.B) {
	if _, err := os.Stat(istioSBOM); err != nil {
		b.Skipf("corpus SBOM not found: %v", err)
	}
	for _, framework := range []string{"MDR", "CRA"} {
		b.Run(framework, func(b *testing.B) {
			dir := b.TempDir()
			if err := (scaletest.Bundle{SBOM: istioSBOM, Framework: framework}).Write(exampleDir, dir); err != nil {
				b.Fatal(err)
			}
			c := sharedChecker(b)
			ctx := context.Background()
			b.ReportAllocs()
			defer reportCPU(b)()
			for b.Loop() {
				if _, err := c.Run(ctx, dir, check.Options{AsOf: benchAsOf}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
