package policy

import (
	"testing"

	"github.com/annexlint/annexlint/internal/policycache"
	"github.com/annexlint/annexlint/policies"
)

// BenchmarkCacheDecode reads the whole compiled built-in set back from its
// encoding, and BenchmarkCacheIndexStages compiles what was read with the
// index stages only, without Compile's copy (compileDecoded, as a run
// does): together, the compiling part of a warm run's policy start-up.
func BenchmarkCacheDecode(b *testing.B) {
	data, sources := encodedBuiltin(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := policycache.DecodeMarked(data, sources); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCacheIndexStages(b *testing.B) {
	data, sources := encodedBuiltin(b)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		modules, indexed, err := policycache.DecodeMarked(data, sources)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c := compileDecoded(modules, indexed)
		if c.Failed() {
			b.Fatal(c.Errors)
		}
	}
}

func encodedBuiltin(b testing.TB) ([]byte, map[string][]byte) {
	b.Helper()
	set, err := Read([]Source{{Name: "policies", FS: policies.FS}}, false)
	if err != nil {
		b.Fatal(err)
	}
	modules, err := set.parse(set.files, false)
	if err != nil {
		b.Fatal(err)
	}
	// With the generated module of the rule groups, as a run caches them.
	idx := set.builtinIndex()
	if idx == nil {
		b.Fatal("the built-in index is stale")
	}
	cat, err := indexCatalog(idx, nil)
	if err != nil {
		b.Fatal(err)
	}
	groups, err := groupsModule(cat, modules)
	if err != nil || groups == nil {
		b.Fatalf("no groups module: %v", err)
	}
	modules[groupsFile] = groups
	c := RuntimeCompiler(true)
	c.Compile(modules)
	sources := map[string][]byte{}
	for _, f := range set.files {
		sources[f.name] = f.data
	}
	data, err := encodeCompiled(c, sources)
	if err != nil {
		b.Fatal(err)
	}
	return data, sources
}
