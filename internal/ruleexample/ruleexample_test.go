package ruleexample_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

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
	policies := map[string]*ast.Module{}
	for name, m := range modules {
		if !strings.HasSuffix(name, "_test.rego") {
			policies[name] = m
		}
	}
	var cases []ruleexample.Case
	var rules []catalog.Rule
	for _, r := range engine.Catalog().Rules() {
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
		cases = append(cases, ruleexample.Case{Query: r.Query, Snippet: ex.Failing}, ruleexample.Case{Query: r.Query, Snippet: ex.Passing})
		rules = append(rules, r, r)
	}
	reports, err := ruleexample.Evaluate(ctx, policies, cases)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		fires := i%2 == 0
		if fires && len(reports[i]) == 0 {
			t.Errorf("%s: the failing example (%s, %s:%d) makes the rule report nothing; the first test_fail_ test is the example: put one whose input makes report fire first", rules[i].ID, c.Snippet.Test, c.Snippet.File, c.Snippet.Line)
		}
		if !fires && len(reports[i]) != 0 {
			t.Errorf("%s: the passing example (%s, %s:%d) makes the rule report %v; the first test_success_ test is the example: put one whose input is compliant first", rules[i].ID, c.Snippet.Test, c.Snippet.File, c.Snippet.Line, reports[i])
		}
	}
}

// TestEvaluate: an example is evaluated on its own, beside the policies;
// one that leans on something outside what it shows is an error naming
// its test.
func TestEvaluate(t *testing.T) {
	t.Parallel()
	rule := parse(t, "rule.rego", `package annexlint.rules.demo.thing

report contains {"path": "d.yaml", "pointer": "/items", "message": sprintf("%d items", [count(input.items)])} if {
	count(input.items) > 1
}
`)
	tests := parse(t, "t.rego", `package annexlint.rules.demo["thing_test"]

import data.annexlint.rules.demo.thing as rule

_items := [1, 2]

test_fail_two if {
	count(rule.report) == 1 with input as {"items": _items}
}

test_success_one if {
	some n in [1]
	count(rule.report) == 0 with input as {"items": [n]}
}
`)
	ex, err := ruleexample.NewIndex(map[string]*ast.Module{"t.rego": tests}).For("demo", "thing")
	if err != nil {
		t.Fatal(err)
	}
	policies := map[string]*ast.Module{"rule.rego": rule}
	query := "data.annexlint.rules.demo.thing.report"
	got, err := ruleexample.Evaluate(context.Background(), policies, []ruleexample.Case{{Query: query, Snippet: ex.Failing}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []ruleexample.Finding{{Path: "d.yaml", Pointer: "/items", Message: "2 items"}}; len(got) != 1 || !slices.Equal(got[0], want) {
		t.Errorf("report = %v, want %v", got, want)
	}
	_, err = ruleexample.Evaluate(context.Background(), policies, []ruleexample.Case{{Query: query, Snippet: ex.Passing}})
	if err == nil || !strings.Contains(err.Error(), "the example of test_success_one (t.rego:11):5: rego_unsafe_var_error: var n is unsafe") {
		t.Errorf("an example with a variable it does not define: err = %v, want one naming the test and the variable", err)
	}
}
