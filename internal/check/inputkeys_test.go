package check

import (
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/enrich"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/input"
	"github.com/annexlint/annexlint/internal/regime"
)

// keyPointers lists the pointer of every value of content and, below each,
// pointers the content does not have (an index past the end, one written
// "01", a missing member, an escaped name).
func keyPointers(content any) []string {
	out := []string{"", "/", "/missing/0"}
	var walk func(ptr string, v any)
	walk = func(ptr string, v any) {
		out = append(out, ptr, ptr+"/0", ptr+"/01", ptr+"/-1", ptr+"/99999", ptr+"/missing", ptr+"/a~1b")
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(docparse.Pointer(ptr, k), x)
			}
		case []any:
			for i, x := range v {
				walk(docparse.Index(ptr, i), x)
			}
		}
	}
	walk("", content)
	return out
}

// TestStableKeysFromInput: after releaseContents, the stable key of every
// pointer into every document of every example is what it was from the
// bundle's own content.
func TestStableKeysFromInput(t *testing.T) {
	t.Parallel()
	dirs, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "annexlint.yaml"))
	if err != nil || len(dirs) < 5 {
		t.Fatalf("examples: %v %v", dirs, err)
	}
	loader := bundle.NewLoader(bundle.Options{})
	released := 0
	for _, m := range dirs {
		dir := filepath.Dir(m)
		b, root, err := loader.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		if err := loader.LoadDocuments(b, root, bundle.Entries(b.Manifest.Content)); err != nil {
			t.Fatal(err)
		}
		facts, err := enrich.Derive(t.Context(), b, root, loader.MaxFileSize())
		_ = root.Close()
		if err != nil {
			t.Fatal(err)
		}
		asOf := "2026-11-25"
		in, err := input.Build(b, asOf, regime.Decide(b.Manifest.Content, asOf), facts)
		if err != nil {
			t.Fatal(err)
		}
		before := map[string]any{}
		for _, d := range b.Documents {
			before[d.Path] = d.Content
		}
		contents := releaseContents(b, in)
		for _, d := range b.Documents {
			if d.Plain != (d.Content == nil) {
				t.Errorf("%s: plain %v, content released %v", d.Path, d.Plain, d.Content == nil)
			}
			if d.Content == nil {
				released++
			}
			for _, p := range keyPointers(before[d.Path]) {
				want := finding.StableKey(before[d.Path], p)
				if got := stableKey(b, contents, d.Path, p); got != want {
					t.Errorf("%s: key of %q from the input %q, from the content %q", d.Path, p, got, want)
				}
			}
		}
	}
	if released == 0 {
		t.Fatal("no content was released")
	}
}

// The node of the policy input reads every JSON type as the plain content's
// node does, including the identities StableKey looks for.
func TestASTNodeMatchesPlain(t *testing.T) {
	t.Parallel()
	content := map[string]any{
		"threats": []any{
			map[string]any{"id": "TH-01", "controls": []any{"SC-1", "SC/2", " ", 3.5, nil, true}},
			map[string]any{"id": " ", "ref": "r~1", "name": "n"},
			map[string]any{"id": 7, "title": "no identity"},
			[]any{"nested"},
		},
		"a/b": []any{"x"}, "~": map[string]any{"": "empty name"},
		"n": nil, "s": "text",
	}
	v, err := ast.InterfaceToValue(content)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range append(keyPointers(content), "/~0/", "/threats/3/0", "/s/0", "/n/x") {
		if got, want := finding.StableKeyOf(astNode{v}, p), finding.StableKey(content, p); got != want {
			t.Errorf("key of %q: from the input %q, from the content %q", p, got, want)
		}
	}
}
