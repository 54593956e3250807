package input_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/enrich"
	"github.com/annexlint/annexlint/internal/input"
	"github.com/annexlint/annexlint/internal/regime"
)

// TestCoverageNotSquared: one VEX statement with thousands of aliases about
// a product that resolves to thousands of SBOM components (hostile, or only
// careless) costs memory in proportion to the two, not to their product
// (which made the input about 1 GB for 3,000 of each).
func TestCoverageNotSquared(t *testing.T) {
	const n = 3000
	components := make([]any, n)
	for i := range components {
		components[i] = map[string]any{"name": "x", "ref": fmt.Sprint("c", i), "version": "1"}
	}
	aliases := make([]any, n)
	for i := range aliases {
		aliases[i] = fmt.Sprintf("GHSA-%04d", i)
	}
	statement := map[string]any{"vulnerability": "CVE-2026-0001", "aliases": aliases, "status": "not_affected", "products": []any{map[string]any{"name": "x"}}}
	manifest := map[string]any{"product": map[string]any{"framework": "MDR"}}
	b := &bundle.Bundle{
		Manifest: &bundle.Document{ID: "manifest", Type: "manifest", Path: "annexlint.yaml", Content: manifest},
		Documents: []*bundle.Document{
			{ID: "sbom", Type: "sbom", Path: "sbom.json", Content: map[string]any{"components": components}},
			{ID: "vex", Type: "vex", Path: "vex.json", Content: map[string]any{"statements": []any{statement}}},
		},
		Files: map[string]int64{},
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if _, err := input.Build(b, "2026-11-25", regime.Decide(manifest, "2026-11-25"), &enrich.Facts{}); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 64<<20 {
		t.Errorf("building the input of %d components and a statement of %d aliases allocated %d MB", n, n, grown>>20)
	}
}
