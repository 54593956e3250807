package policy

import (
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestGroupQueryAsParsed: a group's query, built as terms, is the query it
// used to write as text and parse, for every built-in rule package and each
// set of outputs a package may define.
func TestGroupQueryAsParsed(t *testing.T) {
	idx, err := loadIndex()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range idx.Rules {
		pkg := strings.TrimSuffix(r.Query, ".report")
		ref := ast.MustParseRef(pkg)
		for _, outputs := range [][]string{{"report"}, {"report", "evidence"}, {"report", "insufficient"}, {"report", "evidence", "insufficient"}} {
			parts := make([]string, 0, len(outputs))
			for _, out := range outputs {
				parts = append(parts, fmt.Sprintf("%q: [x | x := %s.%s]", out, pkg, out))
			}
			text := fmt.Sprintf("{%q: {%s}, %q: {%s}}", r.ID, strings.Join(parts, ", "), r.ID+"-2", strings.Join(parts, ", "))
			want := ast.MustParseBodyWithOpts(text, ast.ParserOptions{RegoVersion: ast.RegoV1})
			got := ast.NewBody(ast.NewExpr(ast.ObjectTerm(
				[2]*ast.Term{ast.StringTerm(r.ID), outputsTerm(ref, outputs)},
				[2]*ast.Term{ast.StringTerm(r.ID + "-2"), outputsTerm(ref, outputs)},
			)))
			if !got.Equal(want) || got.String() != want.String() {
				t.Fatalf("%s %v: built %s, parsed %s", r.ID, outputs, got, want)
			}
		}
	}
}
