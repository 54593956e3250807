package sbomquality

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/internal/sbom"
	"github.com/annexlint/annexlint/internal/scaletest"
	"github.com/annexlint/annexlint/policies"
)

// BenchmarkRules10k evaluates each SBOM and lifecycle rule alone (one query
// of that rule's report, not the group the engine evaluates it in) over the
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
	input, err := inputFor("sbom/fw.cdx.json", data, s)
	if err != nil {
		b.Fatal(err)
	}
	c, err := New(ctx)
	if err != nil {
		b.Fatal(err)
	}
	modules, err := policy.LoadModules([]policy.Source{{Name: "policies", FS: policies.FS}}, false)
	if err != nil {
		b.Fatal(err)
	}
	compiler := policy.NewCompiler()
	if compiler.Compile(modules); compiler.Failed() {
		b.Fatal(compiler.Errors)
	}
	for _, r := range c.engine.Catalog().Rules() {
		if r.Area != "sbom" && r.Area != "lifecycle" {
			continue
		}
		pq, err := rego.New(rego.Query(r.Query), rego.Compiler(compiler), rego.StrictBuiltinErrors(true)).PrepareForEval(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(r.ID, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := pq.Eval(ctx, rego.EvalParsedInput(input)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
