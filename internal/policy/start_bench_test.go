package policy

import (
	"testing"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/policycache"
	"github.com/annexlint/annexlint/policies"
)

// BenchmarkWarmStart is a warm run's whole policy start-up: the built-in
// set read back from a filled policy cache, compiled with the index stages,
// and every group's query prepared (a run prepares those of the groups it
// evaluates).
//
//	go test -run '^$' -bench WarmStart -benchmem ./internal/policy/
func BenchmarkWarmStart(b *testing.B) {
	b.Setenv(policycache.EnvDir, b.TempDir())
	set, err := Read([]Source{{Name: "policies", FS: policies.FS}}, false)
	if err != nil {
		b.Fatal(err)
	}
	set.UseCache(policycache.Open())
	start := func() *Engine {
		e, err := CompileFor(b.Context(), set, catalog.Builtin(), nil)
		if err != nil {
			b.Fatal(err)
		}
		for _, g := range e.groups {
			if _, err := g.query(); err != nil {
				b.Fatal(err)
			}
		}
		return e
	}
	start() // fills the cache
	b.ReportAllocs()
	for b.Loop() {
		if e := start(); e.FromCache() != e.Compilers() {
			b.Fatalf("%d of %d compilers read from the cache", e.FromCache(), e.Compilers())
		}
	}
}
