// Package ruleexample takes a failing and a passing example of each rule
// from the rule's own Rego tests, so that `annexlint explain` and the rule
// pages show inputs that the test suite proves right rather than samples
// written a second time by hand (which would drift).
//
// The convention is the one every rule already follows (docs/writing-rules.md):
// the test package annexlint.rules.<area>["<slug>_test"] has tests named
// test_fail_… and test_success_…. The first of each, in source order, is the
// example; its input is the value of its first `with input as …`, taken from
// the parsed module as written, together with the helpers of the test module
// and the local variables of the test that the input uses.
package ruleexample

import (
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Test name prefixes of the convention.
const (
	FailPrefix = "test_fail_"
	PassPrefix = "test_success_"
)

// Snippet is the input of one Rego test, as written in its source.
type Snippet struct {
	Test string `json:"test"` // the test rule, e.g. test_fail_interface_without_threat
	File string `json:"file"` // the test file, as the policies were loaded
	Line int    `json:"line"` // the test rule's line
	// Defs are the helpers the input uses, as written: rules and functions
	// of the test module in source order, then local variables of the test.
	Defs []string `json:"defs,omitempty"`
	// Input is the value given to `with input as`, as written.
	Input string `json:"input"`
	// imports are the test module's imports, which the helpers may use.
	imports []*ast.Import
}

// Rego renders the snippet for people: each helper, then the input.
func (s Snippet) Rego() string {
	var b strings.Builder
	for _, d := range s.Defs {
		b.WriteString(d)
		b.WriteString("\n\n")
	}
	b.WriteString("input := ")
	b.WriteString(s.Input)
	return b.String()
}

// Examples are a rule's failing and passing example; nil when its tests
// have none.
type Examples struct {
	Failing *Snippet `json:"failing,omitempty"`
	Passing *Snippet `json:"passing,omitempty"`
}

// TestPackage is the package path of the tests of the rule package
// annexlint.rules.<area>["<slug>"].
func TestPackage(area, slug string) ast.Ref {
	return ast.MustParseRef(fmt.Sprintf(`data.annexlint.rules[%q][%q]`, area, slug+"_test"))
}

// Index groups parsed modules by package, each package's modules sorted by
// file name so that "first in source order" is deterministic across files.
type Index map[string][]*ast.Module

// NewIndex indexes modules (as policy.LoadModules returns them, with tests).
func NewIndex(modules map[string]*ast.Module) Index {
	idx := Index{}
	for _, m := range modules {
		k := m.Package.Path.String()
		idx[k] = append(idx[k], m)
	}
	for _, ms := range idx {
		sort.Slice(ms, func(i, j int) bool { return ms[i].Package.Location.File < ms[j].Package.Location.File })
	}
	return idx
}

// For finds the examples of the rule in area/slug. An error means a test
// of the convention exists but its input cannot be taken from it.
func (idx Index) For(area, slug string) (Examples, error) {
	var ex Examples
	for _, m := range idx[TestPackage(area, slug).String()] {
		for _, r := range m.Rules {
			name := r.Head.Name.String()
			var slot **Snippet
			switch {
			case strings.HasPrefix(name, FailPrefix):
				slot = &ex.Failing
			case strings.HasPrefix(name, PassPrefix):
				slot = &ex.Passing
			default:
				continue
			}
			if *slot != nil {
				continue
			}
			s, err := fromTest(m, r)
			if err != nil {
				return Examples{}, err
			}
			*slot = s
		}
	}
	return ex, nil
}

// fromTest takes the input of the test rule r of module m.
func fromTest(m *ast.Module, r *ast.Rule) (*Snippet, error) {
	at := fmt.Sprintf("%s:%d", r.Location.File, r.Location.Row)
	for i, e := range r.Body {
		for _, w := range e.With {
			if ref, ok := w.Target.Value.(ast.Ref); !ok || !ref.Equal(ast.InputRootRef) {
				continue
			}
			s := &Snippet{Test: r.Head.Name.String(), File: r.Location.File, Line: r.Location.Row, imports: m.Imports}
			defs, err := helpers(m, r.Body[:i], w.Value)
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %w", at, s.Test, err)
			}
			s.Defs = defs
			s.Input = asWritten(w.Value.Location)
			return s, nil
		}
	}
	return nil, fmt.Errorf("%s: %s has no `with input as …`, so it gives no example input; give it one, or put a test with one first", at, r.Head.Name)
}

// helpers returns, as written, the definitions the input term uses: rules
// of the test module (transitively) and local variables assigned before the
// expression that gives the input.
func helpers(m *ast.Module, before ast.Body, input *ast.Term) ([]string, error) {
	locals := map[ast.Var]*ast.Expr{}
	for _, e := range before {
		if !e.IsAssignment() && !e.IsEquality() {
			continue
		}
		if v, ok := e.Operand(0).Value.(ast.Var); ok {
			locals[v] = e
		}
	}
	moduleRules := map[ast.Var][]*ast.Rule{}
	for _, r := range m.Rules {
		moduleRules[r.Head.Name] = append(moduleRules[r.Head.Name], r)
	}
	usedRules := map[*ast.Rule]bool{}
	usedLocals := map[*ast.Expr]bool{}
	var visit func(x any)
	visit = func(x any) {
		ast.WalkVars(x, func(v ast.Var) bool {
			if e, ok := locals[v]; ok && !usedLocals[e] {
				usedLocals[e] = true
				visit(e.Operand(1))
			} else if rs, ok := moduleRules[v]; ok {
				for _, r := range rs {
					if !usedRules[r] {
						usedRules[r] = true
						visit(r)
					}
				}
			}
			return false
		})
	}
	visit(input)
	var defs []string
	for _, r := range m.Rules {
		if usedRules[r] {
			if strings.HasPrefix(r.Head.Name.String(), "test_") {
				return nil, fmt.Errorf("the input uses the test %s", r.Head.Name)
			}
			defs = append(defs, asWritten(r.Location))
		}
	}
	for _, e := range before {
		if usedLocals[e] {
			defs = append(defs, asWritten(e.Location))
		}
	}
	return defs, nil
}

// asWritten is the source text at loc, its continuation lines moved left by
// their common indentation (the indentation of the code around it) and tabs
// shown as two spaces.
func asWritten(loc *ast.Location) string {
	lines := strings.Split(string(loc.Text), "\n")
	if strings.Contains(string(loc.Text), "`") {
		// A raw string may span lines: its text is not re-indented.
		return string(loc.Text)
	}
	common := ""
	first := true
	for _, l := range lines[1:] {
		if strings.TrimSpace(l) == "" {
			continue
		}
		indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if first || !strings.HasPrefix(indent, common) {
			common = sharedPrefix(common, indent, first)
		}
		first = false
	}
	for i := 1; i < len(lines); i++ {
		lines[i] = strings.TrimPrefix(lines[i], common)
	}
	for i, l := range lines {
		trimmed := strings.TrimLeft(l, "\t")
		lines[i] = strings.Repeat("  ", len(l)-len(trimmed)) + trimmed
	}
	return strings.Join(lines, "\n")
}

// sharedPrefix is the longest common prefix of a and b (b itself when first).
func sharedPrefix(a, b string, first bool) string {
	if first {
		return b
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return a[:n]
}
