package policy

import (
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/metrics"

	"github.com/annexlint/annexlint/internal/policycache"
	"github.com/annexlint/annexlint/policies"
)

// TestAllStagesListed: allStages names every stage of OPA's compiler, so
// the compiler of cached modules skips all but the index stages. Compiled
// with every listed stage skipped, no stage may run; a stage an OPA upgrade
// adds would run on modules compiled already and must be judged first.
func TestAllStagesListed(t *testing.T) {
	m := metrics.New()
	c := NewCompiler().WithSkipStages(allStages...).WithMetrics(m)
	c.Compile(map[string]*ast.Module{"x.rego": ast.MustParseModuleWithOpts("package x\np := 1", ast.ParserOptions{RegoVersion: ast.RegoV1})})
	for name := range m.All() {
		if len(name) > len("timer_compile_stage_") && name[:len("timer_compile_stage_")] == "timer_compile_stage_" {
			t.Errorf("stage %s ran although every listed stage was skipped: add it to allStages and decide whether cached modules need it", name)
		}
	}
}

// TestCacheRoundTrip: the built-in set compiled, encoded and read back is
// the same modules, locations and their source text included.
func TestCacheRoundTrip(t *testing.T) {
	set, err := Read([]Source{{Name: "policies", FS: policies.FS}}, false)
	if err != nil {
		t.Fatal(err)
	}
	modules, err := set.parse(set.files, false)
	if err != nil {
		t.Fatal(err)
	}
	c := RuntimeCompiler(true)
	c.Compile(modules)
	if c.Failed() {
		t.Fatal(c.Errors)
	}
	sources := map[string][]byte{}
	for _, f := range set.files {
		sources[f.name] = f.data
	}
	data, err := policycache.Encode(c.Modules, sources)
	if err != nil {
		t.Fatal(err)
	}
	back, err := policycache.Decode(data, sources)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(c.Modules) {
		t.Fatalf("%d modules read back, %d written", len(back), len(c.Modules))
	}
	for name, want := range c.Modules {
		got := back[name]
		if got == nil {
			t.Fatalf("%s not read back", name)
		}
		if !got.Equal(want) || got.String() != want.String() {
			t.Errorf("%s differs when read back", name)
		}
		if g, w := locations(got), locations(want); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: locations differ when read back", name)
		}
		for _, r := range got.Rules {
			if r.Module != got {
				t.Errorf("%s: a rule read back does not point to its module", name)
			}
		}
	}
}

type loc struct {
	File          string
	Row, Col, Off int
	Text          string
}

func locations(m *ast.Module) []loc {
	var out []loc
	add := func(l *ast.Location) {
		if l != nil {
			out = append(out, loc{l.File, l.Row, l.Col, l.Offset, string(l.Text)})
		}
	}
	add(m.Package.Location)
	ast.WalkRules(m, func(r *ast.Rule) bool {
		add(r.Location)
		add(r.Head.Location)
		return false
	})
	ast.WalkExprs(m, func(x *ast.Expr) bool {
		add(x.Location)
		return false
	})
	ast.WalkTerms(m, func(x *ast.Term) bool {
		add(x.Location)
		return false
	})
	return out
}

// TestCacheUsedWhenWarm: the second compile of the same rules reads every
// compiler from the cache and yields the same engine (catalog and groups);
// a cache turned off is never used.
func TestCacheUsedWhenWarm(t *testing.T) {
	t.Setenv(policycache.EnvDir, t.TempDir())
	compile := func() *Engine { return compileBuiltinCached(t) }
	cold := compile()
	if cold.FromCache() != 0 {
		t.Fatalf("a cold cache gave %d compilers", cold.FromCache())
	}
	warm := compile()
	if warm.FromCache() != warm.Compilers() {
		t.Fatalf("a warm cache gave %d of %d compilers", warm.FromCache(), warm.Compilers())
	}
	if !reflect.DeepEqual(warm.Groups(), cold.Groups()) || !reflect.DeepEqual(warm.Catalog().Rules(), cold.Catalog().Rules()) {
		t.Fatal("the engine read from the cache differs from the compiled one")
	}
	t.Setenv(policycache.EnvDir, "off")
	if off := compile(); off.FromCache() != 0 {
		t.Fatalf("the cache was used although turned off")
	}
}

// TestGroupRulesUsedWhenCached: a compile that fills the policy cache and
// one that reads it query every group through its generated rule (whose
// value is the very object the group would query: groupRule); without the
// cache no group does. TestOneBundleCompileSameResult compares the results
// with a full compile's on every example.
func TestGroupRulesUsedWhenCached(t *testing.T) {
	t.Setenv(policycache.EnvDir, t.TempDir())
	compile := func() *Engine { return compileBuiltinCached(t) }
	for _, run := range []string{"cold", "warm"} {
		e := compile()
		if len(e.groups) == 0 {
			t.Fatalf("%s: no group", run)
		}
		for _, g := range e.groups {
			if g.rule == nil {
				t.Errorf("%s: the group of %v queries its object, not its generated rule", run, g.ids)
				continue
			}
			if _, err := g.query(); err != nil {
				t.Errorf("%s: %v", run, err)
			}
		}
	}
	t.Setenv(policycache.EnvDir, "off")
	for _, g := range compile().groups {
		if g.rule != nil {
			t.Errorf("without the cache, the group of %v queries a generated rule", g.ids)
		}
	}
}

// compileBuiltinCached compiles the built-in policies with the policy cache
// of policycache.EnvDir, as a run does.
func compileBuiltinCached(t *testing.T) *Engine {
	t.Helper()
	set, err := Read([]Source{{Name: "policies", FS: policies.FS}}, false)
	if err != nil {
		t.Fatal(err)
	}
	set.UseCache(policycache.Open())
	e, err := CompileFor(t.Context(), set, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return e
}
