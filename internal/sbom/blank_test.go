package sbom

import (
	"reflect"
	"testing"
)

// TestBlankPlaceholders parses a CycloneDX component whose every field is a
// placeholder and one with real content, and checks what the policies will
// see: the placeholders gone, real content and identifiers untouched.
func TestBlankPlaceholders(t *testing.T) {
	data := []byte(`{"bomFormat": "CycloneDX", "specVersion": "1.6", "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
  "metadata": {"timestamp": "TBD", "authors": [{"name": "TODO"}, {"name": "Acme Medical GmbH"}],
    "component": {"bom-ref": "app", "type": "application", "name": "pump-app", "version": "n/a", "supplier": {"name": "Acme Medical GmbH"}}},
  "components": [
    {"bom-ref": "-", "type": "library", "name": "TBD", "version": "unknown", "group": "none", "supplier": {"name": "TODO: ask purchasing"},
     "purl": "n/a", "cpe": "-", "hashes": [{"alg": "SHA-256", "content": "TODO"}], "licenses": [{"license": {"name": "tbd"}}],
     "properties": [{"name": "bsi:component:filename", "value": "?"}, {"name": "bsi:component:executable", "value": "x"},
       {"name": "end-of-support", "value": "to be determined"}, {"name": "support-level", "value": "Unknown"}]},
    {"bom-ref": "zlib", "type": "library", "name": "zlib", "version": "1.3.1", "supplier": {"name": "zlib"},
     "purl": "pkg:generic/zlib@1.3.1", "licenses": [{"license": {"id": "Zlib"}}]}
  ]}`)
	s, err := Parse("placeholders.cdx.json", data)
	if err != nil {
		t.Fatal(err)
	}
	want := s.Components[1]
	s.BlankPlaceholders()
	if s.Timestamp != "" || !reflect.DeepEqual(s.Authors, []string{"Acme Medical GmbH"}) {
		t.Errorf("document: timestamp %q, authors %q; want them blank but for Acme Medical GmbH", s.Timestamp, s.Authors)
	}
	if s.Primary.Version != "" || s.Primary.Name != "pump-app" || s.Primary.Supplier != "Acme Medical GmbH" {
		t.Errorf("primary: %+v", s.Primary)
	}
	got := s.Components[0]
	blanked := comp(Component{Ref: "-", Type: "library", Loc: got.Loc, Scope: got.Scope})
	if !reflect.DeepEqual(got, blanked) {
		t.Errorf("component of placeholders:\n got %+v\nwant %+v", got, blanked)
	}
	if !reflect.DeepEqual(s.Components[1], want) {
		t.Errorf("a component with real content changed:\n got %+v\nwant %+v", s.Components[1], want)
	}
	// Blanking keeps the model's JSON shape: lists stay lists, never null.
	if err := sameAsJSON(s); err != nil {
		t.Error(err)
	}
}

func TestDropPlaceholdersKeepsList(t *testing.T) {
	list := []string{"MIT", "Apache-2.0"}
	if got := dropPlaceholders(list); &got[0] != &list[0] {
		t.Error("a list without placeholders was copied")
	}
	if got := dropPlaceholders([]string{"TBD", "MIT", "n/a", "BSD-3-Clause"}); !reflect.DeepEqual(got, []string{"MIT", "BSD-3-Clause"}) {
		t.Errorf("got %q", got)
	}
	if got := dropPlaceholders([]string{"-"}); got == nil || len(got) != 0 {
		t.Errorf("a list of placeholders became %#v, want an empty list", got)
	}
}
