package threatimport

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
)

// FuzzImport feeds arbitrary files to Detect and Import. Whatever the input:
// no panic; an error is a positioned input error; an imported model is
// schema-valid, deterministic, plain JSON, and every element resolves to a
// position in the file.
func FuzzImport(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("testdata", "*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range seeds {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"version": "2.0", "summary": {}, "detail": {"diagrams": [{"cells": [{"data": {"threats": [{}]}}]}]}}`))
	f.Add([]byte("threagile_version: 1.0.0\nindividual_risk_categories:\n  C:\n    id: '@@'\n    risks_identified:\n      '':\n"))
	limits := docparse.Limits{MaxDepth: 64, MaxNodes: 100_000}
	f.Fuzz(func(t *testing.T, data []byte) {
		format := Detect(data)
		content, loc, err := Import("f.json", data, limits)
		if err != nil {
			var pe *position.Error
			if !errors.As(err, &pe) || pe.Pos.File != "f.json" {
				t.Fatalf("error %v (%T) is not a positioned input error", err, err)
			}
			return
		}
		if _, err := json.Marshal(content); err != nil {
			t.Fatalf("content is not plain JSON: %v", err)
		}
		if format == Native {
			return // passed through as written; the schema check reports it
		}
		assertValid(t, content)
		for _, key := range []string{"assets", "threats", "controls"} {
			seen := map[string]bool{}
			for i, v := range content[key].([]any) {
				id := v.(map[string]any)["id"].(string)
				if seen[id] {
					t.Fatalf("duplicate %s id %q", key, id)
				}
				seen[id] = true
				if p := loc.Pos(docparse.Index("/"+key, i)); p.File != "f.json" || p.Line < 1 {
					t.Fatalf("/%s/%d resolves to %v", key, i, p)
				}
			}
		}
		again, _, err := Import("f.json", data, limits)
		if err != nil {
			t.Fatalf("second import failed: %v", err)
		}
		if diff := cmp.Diff(content, again); diff != "" {
			t.Fatalf("import is not deterministic:\n%s", diff)
		}
	})
}
