package doctype_test

import (
	"encoding/json"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/doctype"
	"github.com/annexlint/annexlint/schemas"
)

// notDocuments are the schemas in schemas/ that describe no bundle document.
var notDocuments = map[string]string{
	"config":   "the configuration file .annexlint.yaml (internal/config)",
	"baseline": "the baseline file of accepted findings (internal/baseline)",
}

// TestRegistryCoversSchemas: every schema in schemas/ belongs to one
// registered type (or is listed in notDocuments), and every type the
// manifest schema allows is registered, so a new document type cannot be
// added in one place and forgotten in the other.
func TestRegistryCoversSchemas(t *testing.T) {
	t.Parallel()
	bySchema := map[string]string{}
	for _, name := range doctype.Names() {
		ty, ok := doctype.Lookup(name)
		if !ok || ty.Name != name {
			t.Fatalf("Lookup(%q) = %+v, %v", name, ty, ok)
		}
		if ty.Schema != "" {
			if _, err := fs.Stat(schemas.FS, ty.Schema+".schema.json"); err != nil {
				t.Errorf("type %s: schema %s: %v", name, ty.Schema, err)
			}
			bySchema[ty.Schema] = name
		}
	}
	files, err := fs.Glob(schemas.FS, "*.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(f, ".schema.json")
		_, doc := bySchema[name]
		_, other := notDocuments[name]
		if doc == other {
			t.Errorf("schemas/%s: registered document type %v, listed in notDocuments %v; want exactly one", f, doc, other)
		}
	}
	raw, err := schemas.FS.ReadFile("manifest.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Properties struct {
			Documents struct {
				Items struct {
					Properties struct {
						Type struct {
							Enum []string `json:"enum"`
						} `json:"type"`
					} `json:"properties"`
				} `json:"items"`
			} `json:"documents"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	enum := m.Properties.Documents.Items.Properties.Type.Enum
	if len(enum) == 0 {
		t.Fatal("manifest schema lists no document types")
	}
	for _, name := range enum {
		if !slices.Contains(doctype.Names(), name) {
			t.Errorf("manifest type %q is not in the registry", name)
		}
	}
}

func TestRecognise(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		content     any
		typ, member string
	}{
		"native kind":         {map[string]any{"kind": "security-update-plan"}, "security-update-plan", "kind"},
		"unknown kind":        {map[string]any{"kind": "bundle"}, "", ""},
		"CycloneDX":           {map[string]any{"bomFormat": "CycloneDX"}, "sbom", "bomFormat"},
		"SPDX":                {map[string]any{"spdxVersion": "SPDX-2.3"}, "sbom", "spdxVersion"},
		"kind before markers": {map[string]any{"kind": "test-report", "bomFormat": "CycloneDX"}, "test-report", "kind"},
		"not an object":       {[]any{}, "", ""},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			typ, member := doctype.Recognise(tc.content)
			if typ != tc.typ || member != tc.member {
				t.Errorf("Recognise = %q, %q; want %q, %q", typ, member, tc.typ, tc.member)
			}
		})
	}
}
