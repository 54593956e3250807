package policy_test

import (
	"context"
	"testing"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/policy"
)

// Stage benchmarks of policy start-up (docs/performance.md):
//
//	go test -run '^$' -bench . -benchmem ./internal/policy/

// BenchmarkParse parses the embedded policies (no tests) with annotations.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := policy.LoadModules(builtinSource, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompileFull compiles the parsed embedded policies with every
// check (strict mode, type checking), as custom policies and the tests are.
func BenchmarkCompileFull(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		modules, err := policy.LoadModules(builtinSource, false)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c := policy.NewCompiler()
		c.Compile(modules)
		if c.Failed() {
			b.Fatal(c.Errors)
		}
	}
}

// BenchmarkNew is the whole policy start-up of one run: parse, compile,
// read the metadata, prepare one query per rule group.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		if _, err := policy.New(ctx, builtinSource, catalog.Builtin()); err != nil {
			b.Fatal(err)
		}
	}
}
