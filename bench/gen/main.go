// Command gen writes the synthetic bundles of bench/run from
// internal/scaletest: deterministic, so nothing large is committed.
//
//	go run ./bench/gen -components 10000 -matches 2000 -framework MDR -out DIR
//	go run ./bench/gen -sbom ../shared/corpus/sbom/spdx/istio-release.spdx-2.2.spdx -framework CRA -out DIR
//	go run ./bench/gen -sbom FILE -framework MDR -minimal -out DIR
//	go run ./bench/gen -copies 100 -out DIR
//
// The bundle is examples/infusion-pump with its SBOM replaced by a generated
// CycloneDX SBOM of -components components (or by the -sbom file) and, with
// -matches, a Grype scan of that many matches added. -framework CRA switches
// the manifest to the CRA so the BSI rules run instead of the FDA rule.
// -minimal leaves the example's other documents out: the bundle is the
// manifest (product block, the SBOM and scan listed) and those files, so
// that a run costs what the SBOM costs, as for an SBOM-only peer.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/annexlint/annexlint/internal/scaletest"
)

func main() {
	var s scaletest.Bundle
	flag.IntVar(&s.Components, "components", 1000, "components of the generated SBOM")
	flag.IntVar(&s.Matches, "matches", 0, "matches of the generated Grype scan (0: no scan)")
	flag.StringVar(&s.Framework, "framework", "MDR", "MDR or CRA")
	flag.StringVar(&s.SBOM, "sbom", "", "an existing SBOM to use instead of the generated one")
	flag.BoolVar(&s.Minimal, "minimal", false, "write the manifest and the SBOM (and scan) only, without the example's other documents")
	example := flag.String("example", "", "the example bundle (default examples/infusion-pump of this module)")
	out := flag.String("out", "", "directory to write the bundle into (must not exist)")
	copies := flag.Int("copies", 0, "write this many copies of the shipped examples instead of one generated bundle")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out is required")
		os.Exit(2)
	}
	if *example == "" {
		_, file, _, _ := runtime.Caller(0)
		*example = filepath.Join(filepath.Dir(file), "..", "..", "examples", "infusion-pump")
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "gen: %s exists\n", *out)
		os.Exit(1)
	}
	if *copies > 0 {
		_, file, _, _ := runtime.Caller(0)
		if err := copyExamples(filepath.Join(filepath.Dir(file), "..", "..", "examples"), *out, *copies); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		return
	}
	if err := s.Write(*example, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// benchExamples are the shipped examples the copies cycle through: clean
// and flawed, MDR and CRA, so a run evaluates every area of rules and
// renders findings, as a repository of many products would.
var benchExamples = []string{"infusion-pump", "infusion-pump-flawed", "companion-app", "companion-app-flawed", "companion-app-modified", "prototype-dashboard"}

// copyExamples writes n bundles into out, bundle-001 onwards, each a copy
// of the next of benchExamples.
func copyExamples(examples, out string, n int) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for i := range n {
		src := filepath.Join(examples, benchExamples[i%len(benchExamples)])
		if err := os.CopyFS(filepath.Join(out, fmt.Sprintf("bundle-%03d", i+1)), os.DirFS(src)); err != nil {
			return err
		}
	}
	return nil
}
