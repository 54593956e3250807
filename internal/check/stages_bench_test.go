package check_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/enrich"
	"github.com/annexlint/annexlint/internal/input"
	"github.com/annexlint/annexlint/internal/regime"
	"github.com/annexlint/annexlint/internal/scaletest"
	"github.com/annexlint/annexlint/internal/schema"
)

// Stage benchmarks: each step of check.Checker.Run alone, on the example
// bundle ("example"), on the 10k scale bundle (10,000 components, 2,000
// matches, CRA so the BSI rules run: "10k") and, when the reference corpus
// is there, on the example with the istio SPDX SBOM (MDR: "istio").
//
//	go test -run '^$' -bench 'Stage' -benchmem ./internal/check/
//
// Policy parse and compile: internal/policy (BenchmarkParse, BenchmarkNew);
// report writers: internal/report (BenchmarkWriters).

// stageBundles returns the bundle directories the stage benchmarks use.
func stageBundles(b *testing.B) map[string]string {
	b.Helper()
	dir := b.TempDir()
	if err := (scaletest.Bundle{Components: 10000, Matches: 2000, Framework: "CRA"}).Write(exampleDir, dir); err != nil {
		b.Fatal(err)
	}
	dirs := map[string]string{"example": exampleDir, "10k": dir}
	if _, err := os.Stat(istioSBOM); err == nil {
		istio := b.TempDir()
		if err := (scaletest.Bundle{SBOM: istioSBOM, Framework: "MDR"}).Write(exampleDir, istio); err != nil {
			b.Fatal(err)
		}
		dirs["istio"] = istio
	}
	return dirs
}

// stageNames are the bundles of stageBundles in order; istio (the corpus's
// istio SPDX SBOM, MDR) only when the corpus is there.
func stageNames(dirs map[string]string) []string {
	names := []string{"example", "10k"}
	if _, ok := dirs["istio"]; ok {
		names = append(names, "istio")
	}
	return names
}

// loaded is a bundle with every document loaded, as Run has it before
// validation.
func loaded(b *testing.B, dir string) (*bundle.Bundle, *os.Root) {
	b.Helper()
	c := sharedChecker(b)
	bun, root, err := c.Loader.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = root.Close() })
	if err := c.Loader.LoadDocuments(bun, root, bundle.Entries(bun.Manifest.Content)); err != nil {
		b.Fatal(err)
	}
	return bun, root
}

// BenchmarkStageLoad reads and normalises the documents of each type.
func BenchmarkStageLoad(b *testing.B) {
	c := sharedChecker(b)
	dirs := stageBundles(b)
	for _, name := range stageNames(dirs) {
		dir := dirs[name]
		bun, _ := loaded(b, dir)
		byType := map[string][]bundle.ManifestEntry{}
		var types []string
		for _, e := range bundle.Entries(bun.Manifest.Content) {
			if _, seen := byType[e.Type]; !seen {
				types = append(types, e.Type)
			}
			byType[e.Type] = append(byType[e.Type], e)
		}
		for _, typ := range types {
			b.Run(name+"/"+typ, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					fresh, r, err := c.Loader.Load(dir)
					if err != nil {
						b.Fatal(err)
					}
					if err := c.Loader.LoadDocuments(fresh, r, byType[typ]); err != nil {
						b.Fatal(err)
					}
					_ = r.Close()
				}
			})
		}
	}
}

// BenchmarkStageSchema validates the manifest and each native document
// against its schema (a warm validator: schemas are compiled once per run).
func BenchmarkStageSchema(b *testing.B) {
	v := schema.New()
	dirs := stageBundles(b)
	for _, name := range stageNames(dirs) {
		bun, _ := loaded(b, dirs[name])
		docs := append([]*bundle.Document{bun.Manifest}, bun.Documents...)
		for _, d := range docs {
			typ := d.Type
			if d == bun.Manifest {
				typ = "manifest"
			}
			if !schema.Known(typ) {
				continue
			}
			if _, err := v.Validate(typ, d.Content); err != nil {
				continue // a converted (non-native) document
			}
			b.Run(name+"/"+typ+"/"+strings.ReplaceAll(d.Path, "/", "_"), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := v.Validate(typ, d.Content); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkStageDerive derives the facts (internal/enrich) and builds the
// policy input.
func BenchmarkStageDerive(b *testing.B) {
	c := sharedChecker(b)
	dirs := stageBundles(b)
	for _, name := range stageNames(dirs) {
		bun, root := loaded(b, dirs[name])
		b.Run(name+"/derive", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := enrich.Derive(context.Background(), bun, root, c.Loader.MaxFileSize()); err != nil {
					b.Fatal(err)
				}
			}
		})
		facts, err := enrich.Derive(context.Background(), bun, root, c.Loader.MaxFileSize())
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name+"/input", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := input.Build(bun, benchAsOf, regime.Decide(bun.Manifest.Content, benchAsOf), facts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkStageEval evaluates each rule group alone (one query, as the
// engine runs it), whether or not it applies to the bundle's framework.
func BenchmarkStageEval(b *testing.B) {
	c := sharedChecker(b)
	ctx := context.Background()
	dirs := stageBundles(b)
	for _, name := range stageNames(dirs) {
		bun, root := loaded(b, dirs[name])
		facts, err := enrich.Derive(context.Background(), bun, root, c.Loader.MaxFileSize())
		if err != nil {
			b.Fatal(err)
		}
		polIn, err := input.Build(bun, benchAsOf, regime.Decide(bun.Manifest.Content, benchAsOf), facts)
		if err != nil {
			b.Fatal(err)
		}
		for _, ids := range c.Engine.Groups() {
			in := map[string]bool{}
			for _, id := range ids {
				in[id] = true
			}
			b.Run(name+"/"+strings.Join(ids, "+"), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := c.Engine.Eval(ctx, polIn, func(r catalog.Rule) bool { return in[r.ID] }); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
