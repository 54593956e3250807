package policy

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/internal/policycache"
)

// TestCompileDecodedAsCopied: compileDecoded, which hands the modules read
// from the cache to the compiler without Compile's copy, compiles them
// exactly as the plain, copying Compile does: the same modules, module tree,
// rule tree (rules, order, indexes) and comprehension indexes. And it really
// hands them over (the compiler holds the decoded modules themselves): an
// OPA upgrade that stopped running our stage where it is registered would
// only cost the copy again, and fails here. (Evaluation from the cache is
// held to a full compile on every example by TestOneBundleCompileSameResult.)
func TestCompileDecodedAsCopied(t *testing.T) {
	data, sources := encodedBuiltin(t)
	decoded, indexed, err := policycache.DecodeMarked(data, sources)
	if err != nil {
		t.Fatal(err)
	}
	if len(indexed) == 0 {
		t.Fatal("no rule marked as holding an indexed comprehension")
	}
	got := compileDecoded(decoded, indexed)
	plain, err := policycache.Decode(data, sources)
	if err != nil {
		t.Fatal(err)
	}
	want := indexStagesCompiler()
	want.Compile(plain)
	if got.Failed() || want.Failed() {
		t.Fatalf("compile failed: %v %v", got.Errors, want.Errors)
	}
	if len(got.Modules) != len(decoded) {
		t.Fatalf("%d modules compiled, %d decoded", len(got.Modules), len(decoded))
	}
	for name, m := range decoded {
		if got.Modules[name] != m {
			t.Fatalf("%s: the compiler holds a copy, not the decoded module: the hand-over stage did not run", name)
		}
		if w := want.Modules[name]; w == nil || !m.Equal(w) || m.String() != w.String() {
			t.Fatalf("%s differs from the module compiled the plain way", name)
		}
	}
	if g, w := moduleTreeText(got.ModuleTree), moduleTreeText(want.ModuleTree); g != w {
		t.Errorf("module trees differ:\n%s\nwant\n%s", g, w)
	}
	if g, w := ruleTreeText(got.RuleTree), ruleTreeText(want.RuleTree); g != w {
		t.Errorf("rule trees differ:\n%s\nwant\n%s", g, w)
	}
	indexes := 0
	for _, name := range sortedKeys(decoded) {
		var g, w []string
		ast.WalkTerms(got.Modules[name], func(x *ast.Term) bool {
			if i := got.ComprehensionIndex(x); i != nil {
				g = append(g, i.String())
			} else {
				g = append(g, "-")
			}
			return false
		})
		ast.WalkTerms(want.Modules[name], func(x *ast.Term) bool {
			if i := want.ComprehensionIndex(x); i != nil {
				w = append(w, i.String())
				indexes++
			} else {
				w = append(w, "-")
			}
			return false
		})
		if !slices.Equal(g, w) {
			t.Errorf("%s: comprehension indexes differ", name)
		}
	}
	if indexes == 0 {
		t.Error("no comprehension index in the built-in policies: the comparison proves nothing")
	}
}

func sortedKeys(m map[string]*ast.Module) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func ruleTreeText(n *ast.TreeNode) string {
	var b strings.Builder
	var walk func(n *ast.TreeNode, depth int)
	walk = func(n *ast.TreeNode, depth int) {
		fmt.Fprintf(&b, "%s%v sorted=%v hide=%v index=%T\n", strings.Repeat(" ", depth), n.Key, n.Sorted, n.Hide, n.Index)
		for _, r := range n.Values {
			fmt.Fprintf(&b, "%s- %s @%s\n", strings.Repeat(" ", depth), r, r.Location)
		}
		for _, k := range childKeys(n.Children) {
			walk(n.Children[k], depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

func moduleTreeText(n *ast.ModuleTreeNode) string {
	var b strings.Builder
	var walk func(n *ast.ModuleTreeNode, depth int)
	walk = func(n *ast.ModuleTreeNode, depth int) {
		fmt.Fprintf(&b, "%s%v hide=%v\n", strings.Repeat(" ", depth), n.Key, n.Hide)
		for _, m := range n.Modules {
			fmt.Fprintf(&b, "%s- %s\n", strings.Repeat(" ", depth), m.Package)
		}
		for _, k := range childKeys(n.Children) {
			walk(n.Children[k], depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// childKeys are the keys of a tree node's children in OPA's order.
func childKeys[N any](children map[ast.Value]N) []ast.Value {
	keys := make([]ast.Value, 0, len(children))
	for k := range children {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b ast.Value) int { return ast.Compare(a, b) })
	return keys
}
