package input

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/internal/sbom"
)

// TestConverterMatchesInterfaceToValue holds the converter to
// ast.InterfaceToValue on hand-made values of every kind and on the generic
// content of every SBOM of the tests, the examples and the corpus.
func TestConverterMatchesInterfaceToValue(t *testing.T) {
	values := []any{
		nil, true, false, "", "x", json.Number("1"), json.Number("-2.5e3"), 7, int64(-8), uint64(9), 1.5,
		[]any{}, map[string]any{}, []string{"a", "b"}, map[string]string{"k": "v"},
		[]any{nil, "a", json.Number("3"), []any{map[string]any{"k": []any{}}}},
		map[string]any{"a": map[string]any{"a": "a", "b": []any{"a"}}, "b": nil, "": json.Number("0")},
		struct{ A int }{A: 1},
	}
	compared := 0
	for _, root := range []string{"../sbom/testdata", "../../examples", "../../../shared/corpus/sbom"} {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() || !(strings.Contains(p, "sbom") || strings.HasSuffix(p, ".spdx")) {
				return nil //nolint:nilerr // the corpus is optional; unreadable entries have nothing to compare
			}
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if s, err := sbom.Parse(p, data); err == nil {
				values = append(values, any(s.Generic()))
			}
			return nil
		})
	}
	for i, x := range values {
		want, wantErr := ast.InterfaceToValue(x)
		got, gotErr := newConverter().value(x)
		if (wantErr == nil) != (gotErr == nil) {
			t.Fatalf("value %d: error %v, want %v", i, gotErr, wantErr)
		}
		if wantErr == nil && got.Compare(want) != 0 {
			t.Errorf("value %d: %v, want %v", i, got, want)
		}
		compared++
	}
	if compared < 30 {
		t.Errorf("only %d values compared", compared)
	}
}
