package policy_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
	"go.yaml.in/yaml/v3"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/policies"
)

var builtinSource = []policy.Source{{Name: "policies", FS: policies.FS}}

// TestRegoUnitTests runs every *_test.rego of the embedded policies through
// OPA's tester with the production compiler (strict, restricted
// capabilities), so `go test ./...` runs Go and Rego tests together.
func TestRegoUnitTests(t *testing.T) {
	t.Parallel()
	modules, err := policy.LoadModules(builtinSource, true)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := tester.NewRunner().
		SetCompiler(policy.NewCompiler()).
		SetStore(inmem.New()).
		SetModules(modules).
		RaiseBuiltinErrors(true).
		RunTests(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := range ch {
		n++
		name := r.Package + "." + r.Name
		switch {
		case r.Error != nil:
			t.Errorf("%s: error: %v", name, r.Error)
		case r.Fail:
			t.Errorf("%s: FAIL (%s:%d)", name, r.Location.File, r.Location.Row)
		case r.Skip:
			t.Errorf("%s: skipped tests are not allowed", name)
		}
	}
	if n == 0 {
		t.Fatal("no Rego tests ran")
	}
	t.Logf("%d Rego tests ran", n)
}

// TestEveryRuleTestedBothWays requires for each rule package a test package
// with at least one test_fail_ and one test_success_ test.
func TestEveryRuleTestedBothWays(t *testing.T) {
	t.Parallel()
	modules, err := policy.LoadModules(builtinSource, true)
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]map[string]bool{}
	for _, m := range modules {
		pkg := m.Package.Path.String()
		if !strings.HasSuffix(pkg, `_test"]`) {
			continue
		}
		rulePkg := strings.TrimSuffix(pkg, `_test"]`) + `"]`
		if tests[rulePkg] == nil {
			tests[rulePkg] = map[string]bool{}
		}
		for _, r := range m.Rules {
			name := r.Head.Name.String()
			if strings.HasPrefix(name, "test_fail_") {
				tests[rulePkg]["fail"] = true
			}
			if strings.HasPrefix(name, "test_success_") {
				tests[rulePkg]["success"] = true
			}
		}
	}
	e := newEngine(t)
	for _, r := range e.Catalog().Rules() {
		if r.Query == "" {
			continue
		}
		pkg := strings.TrimSuffix(r.Query, ".report")
		if !tests[pkg]["fail"] || !tests[pkg]["success"] {
			t.Errorf("%s (%s): needs a test_fail_ and a test_success_ Rego test", r.ID, r.Name)
		}
	}
}

func newEngine(t *testing.T) *policy.Engine {
	t.Helper()
	e, err := policy.New(context.Background(), builtinSource, catalog.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestRegoStyle fails when a policy is not formatted as `opa fmt` would
// format it or does not live in the directory its package names.
func TestRegoStyle(t *testing.T) {
	t.Parallel()
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".rego" {
			return err
		}
		src, err := fs.ReadFile(policies.FS, p)
		if err != nil {
			return err
		}
		want, err := format.SourceWithOpts(p, src, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		if !bytes.Equal(src, want) {
			t.Errorf("%s is not formatted as `opa fmt` formats it", p)
		}
		m, err := ast.ParseModuleWithOpts(p, string(src), ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		if !packageMatchesDir(m.Package.Path, filepath.Dir(p)) {
			t.Errorf("%s: package %s does not match its directory", p, m.Package.Path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func packageMatchesDir(pkg ast.Ref, dir string) bool {
	var parts []string
	for _, term := range pkg[1:] {
		s, ok := term.Value.(ast.String)
		if !ok {
			return false
		}
		parts = append(parts, strings.TrimSuffix(string(s), "_test"))
	}
	return strings.Join(parts, "/") == filepath.ToSlash(dir)
}

// TestClausesExistInReference loads ../shared/reference and checks that
// every clause any rule cites exists there with the same citation text.
func TestClausesExistInReference(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "..", "shared", "reference")
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if len(files) == 0 {
		t.Skipf("reference catalog not found at %s", dir)
	}
	known := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Entries []struct {
				ID   string `yaml:"id"`
				Cite string `yaml:"cite"`
			} `yaml:"entries"`
		}
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, e := range doc.Entries {
			known[e.ID] = e.Cite
		}
	}
	for _, r := range newEngine(t).Catalog().Rules() {
		if len(r.Clauses) == 0 {
			t.Errorf("%s cites no clause", r.ID)
		}
		for _, c := range r.Clauses {
			cite, ok := known[c.ID]
			switch {
			case !ok:
				t.Errorf("%s cites %s, which is not in the reference catalog", r.ID, c.ID)
			case cite != c.Cite:
				t.Errorf("%s cites %s as %q; the catalog says %q", r.ID, c.ID, c.Cite, cite)
			}
		}
	}
}

// TestRuntimeCompilerSameModules keeps the run-time compiler honest: the
// stages it skips for the embedded policies only check, so the compiled
// modules are exactly those of the production compiler with every check.
func TestRuntimeCompilerSameModules(t *testing.T) {
	t.Parallel()
	compile := func(c *ast.Compiler) map[string]*ast.Module {
		modules, err := policy.LoadModules(builtinSource, false)
		if err != nil {
			t.Fatal(err)
		}
		c.Compile(modules)
		if c.Failed() {
			t.Fatal(c.Errors)
		}
		return c.Modules
	}
	full, fast := compile(policy.NewCompiler()), compile(policy.RuntimeCompiler(true))
	if len(full) != len(fast) {
		t.Fatalf("%d modules with every check, %d without", len(full), len(fast))
	}
	for name, m := range full {
		if got, want := fast[name].String(), m.String(); got != want {
			t.Errorf("%s compiles differently without the check stages:\n%s\nwant\n%s", name, got, want)
		}
	}
}

// TestEmbeddedSameCatalog compares the engine of the embedded policies
// (compiled in parts, metadata read before compilation) with the engine of
// the same files from disk (one compiler, every check, metadata read by the
// compiler): same catalog, same findings on a sample input.
func TestEmbeddedSameCatalog(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	fast, err := policy.New(ctx, builtinSource, catalog.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	disk, err := policy.New(ctx, []policy.Source{{Name: "policies", FS: os.DirFS(filepath.Join("..", "..", "policies"))}}, catalog.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	got, want := fast.Catalog().Rules(), disk.Catalog().Rules()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("catalogues differ:\n%+v\nwant\n%+v", got, want)
	}
}

// TestCompileForLeavesOutRefusedRules: a rule CompileFor leaves out stays in
// the catalog, is in no evaluation group, and asking to evaluate it is an
// internal error, never a silent pass.
func TestCompileForLeavesOutRefusedRules(t *testing.T) {
	t.Parallel()
	set, err := policy.Read(builtinSource, false)
	if err != nil {
		t.Fatal(err)
	}
	const left = "AL-CVD-001"
	e, err := policy.CompileFor(context.Background(), set, catalog.Builtin(), func(r catalog.Rule) bool { return r.ID != left })
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := e.Catalog().Rule(left); !ok {
		t.Fatalf("%s is missing from the catalog", left)
	}
	for _, g := range e.Groups() {
		if slices.Contains(g, left) {
			t.Fatalf("%s was compiled into group %v", left, g)
		}
	}
	_, err = e.Evaluate(context.Background(), ast.NewObject(), func(catalog.Rule) bool { return true })
	if !errors.Is(err, policy.ErrInternal) {
		t.Fatalf("evaluating a rule left out: err = %v, want an internal error", err)
	}
	if _, err := e.Evaluate(context.Background(), ast.NewObject(), func(r catalog.Rule) bool { return r.ID != left }); err != nil {
		t.Fatalf("evaluating the compiled rules: %v", err)
	}
}
