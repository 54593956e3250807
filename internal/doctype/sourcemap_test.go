package doctype

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/annexlint/annexlint/internal/docparse"
)

// TestContentHoldsNoPositions: the readers of normalised models move every
// position into the source map, so the policy input holds none, and the
// source map still lands on the original lines.
func TestContentHoldsNoPositions(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		typ, file string
		pointer   string
		line      int
	}{
		"CycloneDX JSON": {"sbom", "../sbom/testdata/cdx-1.6-full.json", "/components/2", 53},
		"CycloneDX XML":  {"sbom", "../sbom/testdata/cdx-1.6-full.xml", "/components/2", 52},
		"JUnit XML":      {"test-report", "../testreport/testdata/junit.xml", "", 0},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(filepath.FromSlash(tc.file))
			if err != nil {
				t.Fatal(err)
			}
			d, err := ReadAs(tc.typ, filepath.Base(tc.file), data, docparse.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if where := findLoc("", d.Content); where != "" {
				t.Errorf("content holds position data at %s", where)
			}
			if tc.line > 0 {
				if p := d.Source.Pos(tc.pointer); p.Line != tc.line {
					t.Errorf("Pos(%s) = %v, want line %d", tc.pointer, p, tc.line)
				}
			}
		})
	}
}
