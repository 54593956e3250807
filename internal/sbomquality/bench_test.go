package sbomquality

import (
	"context"
	"testing"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/sbom"
	"github.com/annexlint/annexlint/internal/scaletest"
)

// BenchmarkRules10k evaluates each SBOM and lifecycle rule alone over the
// generated 10 000-component SBOM of the scale benchmarks, to show which rule
// costs what (docs/performance.md). bench/scale.sh runs it.
func BenchmarkRules10k(b *testing.B) {
	ctx := context.Background()
	data, err := scaletest.JSON(scaletest.CycloneDX(10000))
	if err != nil {
		b.Fatal(err)
	}
	s, err := sbom.Parse("sbom/fw.cdx.json", data)
	if err != nil {
		b.Fatal(err)
	}
	input, err := inputFor("sbom/fw.cdx.json", s)
	if err != nil {
		b.Fatal(err)
	}
	c, err := New(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range c.engine.Catalog().Rules() {
		if r.Area != "sbom" && r.Area != "lifecycle" {
			continue
		}
		b.Run(r.ID, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.engine.Eval(ctx, input, func(x catalog.Rule) bool { return x.ID == r.ID }); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
