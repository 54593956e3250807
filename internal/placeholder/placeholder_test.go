package placeholder_test

import (
	"context"
	"io/fs"
	"sort"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/annexlint/annexlint/internal/placeholder"
	"github.com/annexlint/annexlint/policies"
)

// samples are texts on both sides of every way a text can be a placeholder:
// list entries as users write them, markers, lorem ipsum, and real content
// that merely resembles them (versions, names, package URLs).
var samples = []string{
	"", " ", "\t\n", "-", " - ", "--", "---", "----", ".", "..", "...", "....", "…", "?", "???", "x", "X", "xx", "xxx",
	"xxxx", "XXX-123", "xxx marks", "n/a", "N/A", "N/A.", "na", "NA", "n.a.", "N.A", "none", "None!", "NONE",
	"NOASSERTION", "nil", "null", "NULL", "empty", "dummy", "placeholder", "pending", "later", "tbd", "TBD", "TBD:",
	"TBD: ask the supplier", "tba", "tbc", "todo", "TODO", "ToDo;", "to do", "TODO fill in", "todo-list", "todos",
	"fixme", "FIXME later", "fixmes", "to be defined", "To be determined.", "to be done", "to be decided",
	"to be completed", "to be confirmed", "to be added", "to follow", "see above", "See below:", "lorem ipsum",
	"Lorem ipsum dolor sit amet", "the lorem ipsum text", "lorem", ":", "!", ";.", "1.2.3", "v1.2.10", "0", "n",
	"a", "1.0.0-todo", "tomcat", "tbdx", "xz", "xz-utils", "pkg:npm/%40scope/x@1.0.0", "Apache-2.0", "MIT",
	"unknown", "Unknown.", "UNSPECIFIED", "not specified", "Not applicable", "unknowns", "fix", "Acme Medical GmbH", "https://example.com", "İ", "NİL", "to be determİned", "TODO\u00a0", "\u00a0n/a\u00a0",
}

// TestMatchesRegoLibrary holds the Go list and matching to the Rego library's
// (data.annexlint.lib.placeholders and is_placeholder), which the rules use.
func TestMatchesRegoLibrary(t *testing.T) {
	src, err := fs.ReadFile(policies.FS, "annexlint/lib/lib.rego")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	module := rego.Module("lib.rego", string(src))

	rs, err := rego.New(rego.Query("x := data.annexlint.lib.placeholders"), module).Eval(ctx)
	if err != nil || len(rs) != 1 {
		t.Fatalf("evaluate lib.placeholders: %v (%d results)", err, len(rs))
	}
	var fromRego []string
	for _, v := range rs[0].Bindings["x"].([]any) {
		fromRego = append(fromRego, v.(string))
	}
	goList := placeholder.List()
	sort.Strings(fromRego)
	sort.Strings(goList)
	if len(fromRego) != len(goList) {
		t.Fatalf("lib.placeholders has %d entries, the Go list %d:\nrego %q\ngo   %q", len(fromRego), len(goList), fromRego, goList)
	}
	for i := range fromRego {
		if fromRego[i] != goList[i] {
			t.Fatalf("the lists differ:\nrego %q\ngo   %q", fromRego, goList)
		}
	}

	query, err := rego.New(rego.Query("data.annexlint.lib.is_placeholder(input.s)"), module).PrepareForEval(ctx)
	if err != nil {
		t.Fatal(err)
	}
	placeholders := 0
	for _, s := range append(append([]string{}, samples...), goList...) {
		rs, err := query.Eval(ctx, rego.EvalInput(map[string]any{"s": s}))
		if err != nil {
			t.Fatal(err)
		}
		got := rs.Allowed()
		if want := placeholder.Is(s); got != want {
			t.Errorf("%q: Rego lib.is_placeholder says %v, placeholder.Is %v", s, got, want)
		}
		if got {
			placeholders++
		}
	}
	// Both sides of the samples are exercised, so agreement is not vacuous.
	if placeholders < 40 || placeholders > len(samples)+len(goList)-20 {
		t.Errorf("%d of the texts are placeholders: the samples no longer test both sides", placeholders)
	}
}

func TestIs(t *testing.T) {
	for s, want := range map[string]bool{
		"TBD": true, " n/a ": true, "TODO: ask supplier": true, "NOASSERTION": false, "1.2.9": false,
		"Acme Medical GmbH": false, "tomcat": false, "...": true, "....": false,
	} {
		if got := placeholder.Is(s); got != want {
			t.Errorf("Is(%q) = %v, want %v", s, got, want)
		}
	}
}
