package ruleexample_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/internal/ruleexample"
	"github.com/annexlint/annexlint/policies"
)

var builtin = []policy.Source{{Name: "policies", FS: policies.FS}}

func parse(t *testing.T, name, src string) *ast.Module {
	t.Helper()
	m, err := ast.ParseModuleWithOpts(name, src, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTakesInputWithItsHelpers(t *testing.T) {
	t.Parallel()
	src := `package annexlint.rules.demo["thing_test"]

import data.annexlint.rules.demo.thing as rule

_unused := 1

_doc(items) := {"type": "demo", "path": "d.yaml", "content": {"items": items, "base": _base}}

_base := "b"

test_other if {
	true
}

test_fail_missing if {
	items := [{"id": "I1"}]
	findings := rule.report with input as {
		"documents": [_doc(items)],
	}
	count(findings) == 1
}

test_fail_second if {
	count(rule.report) == 1 with input as {"second": true}
}

test_success_present if {
	count(rule.report) == 0 with input as {"documents": []}
}
`
	idx := ruleexample.NewIndex(map[string]*ast.Module{"t.rego": parse(t, "t.rego", src)})
	ex, err := idx.For("demo", "thing")
	if err != nil {
		t.Fatal(err)
	}
	if ex.Failing == nil || ex.Passing == nil {
		t.Fatalf("examples = %+v, want both", ex)
	}
	want := `_doc(items) := {"type": "demo", "path": "d.yaml", "content": {"items": items, "base": _base}}

_base := "b"

items := [{"id": "I1"}]

input := {
  "documents": [_doc(items)],
}`
	if got := ex.Failing.Rego(); got != want {
		t.Errorf("failing example:\n%s\nwant:\n%s", got, want)
	}
	if ex.Failing.Test != "test_fail_missing" || ex.Failing.Line != 15 || ex.Failing.File != "t.rego" {
		t.Errorf("failing example from %s (%s:%d), want the first test_fail_ (t.rego:15)", ex.Failing.Test, ex.Failing.File, ex.Failing.Line)
	}
	if got := ex.Passing.Rego(); got != `input := {"documents": []}` {
		t.Errorf("passing example = %q", got)
	}
}

func TestNoExamplesWithoutTests(t *testing.T) {
	t.Parallel()
	idx := ruleexample.NewIndex(map[string]*ast.Module{})
	ex, err := idx.For("demo", "thing")
	if err != nil || ex.Failing != nil || ex.Passing != nil {
		t.Errorf("For = %+v, %v; want no examples and no error", ex, err)
	}
}

func TestTestWithoutInputIsAnError(t *testing.T) {
	t.Parallel()
	src := `package annexlint.rules.demo["thing_test"]

test_fail_no_input if {
	1 == 1
}
`
	_, err := ruleexample.NewIndex(map[string]*ast.Module{"t.rego": parse(t, "t.rego", src)}).For("demo", "thing")
	if err == nil || !strings.Contains(err.Error(), "t.rego:3: test_fail_no_input has no `with input as") {
		t.Errorf("err = %v, want one naming t.rego:3 and the test", err)
	}
}

// TestEveryBuiltinRuleHasExamples requires a failing and a passing example
// for every built-in Rego rule, and proves each one: the failing input makes
// the rule report a finding, the passing input makes it report none. So
// `annexlint explain` and docs/rules/ never show an example that is wrong.
func TestEveryBuiltinRuleHasExamples(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	modules, err := policy.LoadModules(builtin, true)
	if err != nil {
		t.Fatal(err)
	}
	engine, err := policy.New(ctx, builtin, catalog.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	idx := ruleexample.NewIndex(modules)
	compiled := map[string]*ast.Module{}
	for name, m := range modules {
		if !strings.HasSuffix(name, "_test.rego") {
			compiled[name] = m
		}
	}
	type check struct {
		rule    catalog.Rule
		snippet *ruleexample.Snippet
		fires   bool
		pkg     string
	}
	var checks []check
	for i, r := range engine.Catalog().Rules() {
		if r.Query == "" {
			continue // checked in Go (schema validation): no Rego tests
		}
		ex, err := idx.For(r.Area, r.Slug)
		if err != nil {
			t.Errorf("%s: %v", r.ID, err)
			continue
		}
		if ex.Failing == nil || ex.Passing == nil {
			t.Errorf("%s (%s): needs a %s… and a %s… Rego test with `with input as` for its examples", r.ID, r.Name, ruleexample.FailPrefix, ruleexample.PassPrefix)
			continue
		}
		testModule := idx[ruleexample.TestPackage(r.Area, r.Slug).String()][0]
		for j, s := range []*ruleexample.Snippet{ex.Failing, ex.Passing} {
			pkg := fmt.Sprintf("examples.r%d_%d", i, j)
			var b strings.Builder
			fmt.Fprintf(&b, "package %s\n\n", pkg)
			for _, imp := range testModule.Imports {
				fmt.Fprintf(&b, "%s\n", imp)
			}
			for _, d := range s.Defs {
				fmt.Fprintf(&b, "\n%s\n", d)
			}
			fmt.Fprintf(&b, "\nexample_input := %s\n", s.Input)
			name := fmt.Sprintf("%s-%s.rego", r.ID, s.Test)
			m, err := ast.ParseModuleWithOpts(name, b.String(), ast.ParserOptions{RegoVersion: ast.RegoV1})
			if err != nil {
				t.Errorf("%s: the example of %s does not stand alone: %v\n%s", r.ID, s.Test, err, b.String())
				continue
			}
			compiled[name] = m
			checks = append(checks, check{rule: r, snippet: s, fires: j == 0, pkg: pkg})
		}
	}
	compiler := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1)
	if compiler.Compile(compiled); compiler.Failed() {
		t.Fatalf("the examples do not stand alone: %v", compiler.Errors)
	}
	for _, c := range checks {
		rs, err := rego.New(rego.Compiler(compiler), rego.Query("data."+c.pkg+".example_input")).Eval(ctx)
		if err != nil || len(rs) != 1 {
			t.Errorf("%s: the input of %s is undefined on its own (%v)", c.rule.ID, c.snippet.Test, err)
			continue
		}
		input := rs[0].Expressions[0].Value
		rs, err = rego.New(rego.Compiler(compiler), rego.Query("count("+c.rule.Query+")"), rego.Input(input)).Eval(ctx)
		if err != nil || len(rs) != 1 {
			t.Errorf("%s: evaluating %s on the input of %s: %v", c.rule.ID, c.rule.Query, c.snippet.Test, err)
			continue
		}
		n := fmt.Sprint(rs[0].Expressions[0].Value)
		if c.fires && n == "0" {
			t.Errorf("%s: the failing example (%s, %s:%d) makes the rule report nothing", c.rule.ID, c.snippet.Test, c.snippet.File, c.snippet.Line)
		}
		if !c.fires && n != "0" {
			t.Errorf("%s: the passing example (%s, %s:%d) makes the rule report %s findings", c.rule.ID, c.snippet.Test, c.snippet.File, c.snippet.Line, n)
		}
	}
}
