package vuln

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/position"
)

// FuzzParse checks that no input panics, that failures are *position.Error
// naming the file, and that a parsed document is consistent: Detect agrees on
// the kind, it marshals to JSON, and every pointer is an RFC 6901 pointer.
func FuzzParse(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"bomFormat":"CycloneDX","vulnerabilities":[{"analysis":{}}]}`))
	f.Add([]byte(`{"document":{"category":"csaf_vex"},"product_tree":{"relationships":[{"product_reference":"a","relates_to_product_reference":"a","full_product_name":{"product_id":"a","name":"x"}}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse("fuzz.json", data)
		if err != nil {
			var pe *position.Error
			if !errors.As(err, &pe) || pe.Pos.File != "fuzz.json" || pe.Msg == "" {
				t.Fatalf("error %v is not a *position.Error for fuzz.json", err)
			}
			return
		}
		if kind, err := Detect(data); err != nil || kind != doc.Kind {
			t.Fatalf("Detect = %q, %v; Parse kind %q", kind, err, doc.Kind)
		}
		if _, err := json.Marshal(doc); err != nil {
			t.Fatalf("marshal: %v", err)
		}
		var locs []Loc
		for _, s := range doc.Statements {
			locs = append(locs, s.Loc)
			for _, p := range s.Products {
				locs = append(locs, p.Loc)
			}
			if s.Status != "" && !slices.Contains(openvexStatuses, s.Status) {
				t.Fatalf("status %q is not normalised", s.Status)
			}
		}
		for _, m := range doc.Matches {
			locs = append(locs, m.Loc)
		}
		for _, p := range doc.Problems {
			locs = append(locs, p.Loc)
		}
		for _, l := range locs {
			if l.Pointer != "" && !strings.HasPrefix(l.Pointer, "/") {
				t.Fatalf("pointer %q is not an RFC 6901 pointer", l.Pointer)
			}
		}
	})
}
