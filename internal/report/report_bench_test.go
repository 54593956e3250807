package report_test

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/check"
	"github.com/annexlint/annexlint/internal/cli"
	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/report/jsonreport"
	"github.com/annexlint/annexlint/internal/report/sarif"
	"github.com/annexlint/annexlint/internal/report/text"
	"github.com/annexlint/annexlint/internal/scaletest"
)

// BenchmarkWriters renders one result with each report writer: the example
// bundle's and the 10k scale bundle's (10,000 components, CRA, so 2,000
// findings of AL-SBOM-003 and -007 each).
//
//	go test -run '^$' -bench Writers -benchmem ./internal/report/
func BenchmarkWriters(b *testing.B) {
	ctx := context.Background()
	c, err := cli.NewChecker(ctx, nil, bundle.DefaultMaxFileSize)
	if err != nil {
		b.Fatal(err)
	}
	example := filepath.Join("..", "..", "examples", "infusion-pump")
	large := b.TempDir()
	if err := (scaletest.Bundle{Components: 10000, Matches: 2000, Framework: "CRA"}).Write(example, large); err != nil {
		b.Fatal(err)
	}
	writers := []struct {
		name string
		w    report.Writer
	}{{"text", text.Writer{}}, {"json", jsonreport.Writer{}}, {"sarif", sarif.Writer{}}}
	for _, bundleCase := range []struct{ name, dir string }{{"example", example}, {"10k", large}} {
		res, err := c.Run(ctx, bundleCase.dir, check.Options{AsOf: "2026-11-25"})
		if err != nil {
			b.Fatal(err)
		}
		for _, w := range writers {
			b.Run(bundleCase.name+"/"+w.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := w.w.Write(io.Discard, report.Meta{ToolVersion: "bench"}, res); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
