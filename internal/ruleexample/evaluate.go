package ruleexample

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/annexlint/annexlint/internal/policy"
)

// Case is an example to evaluate and the rule's report query
// (data.annexlint.rules.<area>["<slug>"].report).
type Case struct {
	Query   string
	Snippet *Snippet
}

// Finding is one entry of a rule's report, as the rule built it.
type Finding struct {
	Path    string `json:"path"`
	Pointer string `json:"pointer"`
	Message string `json:"message"`
}

// Evaluate compiles each case's example on its own, beside the policies
// (the rules and library, without tests), in one compilation, and returns
// for each case the findings its rule reports on the example's input, in
// order. The compiler has the sandbox of a run (policy.Capabilities) but is
// not strict: an example need not use every import of its test file. An
// example that does not stand alone is an error naming its test.
func Evaluate(ctx context.Context, policies map[string]*ast.Module, cases []Case) ([][]Finding, error) {
	compiler := ast.NewCompiler().
		WithCapabilities(policy.Capabilities()).
		WithEnablePrintStatements(false).
		WithDefaultRegoVersion(ast.RegoV1)
	modules := make(map[string]*ast.Module, len(policies)+len(cases))
	for name, m := range policies {
		modules[name] = m
	}
	pkgs := make([]string, len(cases))
	for i, c := range cases {
		pkgs[i] = fmt.Sprintf("annexlint_examples.e%d", i)
		name := fmt.Sprintf("the example of %s (%s:%d)", c.Snippet.Test, c.Snippet.File, c.Snippet.Line)
		m, err := ast.ParseModuleWithOpts(name, c.Snippet.module(pkgs[i]), ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			return nil, fmt.Errorf("%s does not stand alone: %w", name, err)
		}
		modules[name] = m
	}
	if compiler.Compile(modules); compiler.Failed() {
		return nil, fmt.Errorf("the examples do not stand alone: %w", compiler.Errors)
	}
	out := make([][]Finding, len(cases))
	for i, c := range cases {
		at := fmt.Sprintf("%s:%d (%s)", c.Snippet.File, c.Snippet.Line, c.Snippet.Test)
		rs, err := rego.New(rego.Compiler(compiler), rego.Query("data."+pkgs[i]+".example_input")).Eval(ctx)
		if err != nil {
			return nil, fmt.Errorf("the input of %s: %w", at, err)
		}
		if len(rs) != 1 {
			return nil, fmt.Errorf("the input of %s is undefined on its own", at)
		}
		rs, err = rego.New(rego.Compiler(compiler), rego.Query(c.Query), rego.Input(rs[0].Expressions[0].Value)).Eval(ctx)
		if err != nil {
			return nil, fmt.Errorf("%s on the input of %s: %w", c.Query, at, err)
		}
		out[i] = []Finding{}
		if len(rs) == 1 {
			out[i] = findings(rs[0].Expressions[0].Value)
		}
	}
	return out, nil
}

// module renders the snippet as a module of its own: the test file's
// imports, the helpers, and the input as the rule example_input.
func (s Snippet) module(pkg string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\n", pkg)
	for _, imp := range s.imports {
		fmt.Fprintf(&b, "%s\n", imp)
	}
	for _, d := range s.Defs {
		fmt.Fprintf(&b, "\n%s\n", d)
	}
	fmt.Fprintf(&b, "\nexample_input := %s\n", s.Input)
	return b.String()
}

// findings reads a report set; an entry that is not a finding object (a
// custom rule's bare string) is kept as its message.
func findings(v any) []Finding {
	list, _ := v.([]any)
	out := make([]Finding, 0, len(list))
	for _, e := range list {
		obj, ok := e.(map[string]any)
		if !ok {
			out = append(out, Finding{Message: fmt.Sprint(e)})
			continue
		}
		str := func(k string) string { s, _ := obj[k].(string); return s }
		out = append(out, Finding{Path: str("path"), Pointer: str("pointer"), Message: str("message")})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Pointer != b.Pointer {
			return a.Pointer < b.Pointer
		}
		return a.Message < b.Message
	})
	return out
}
