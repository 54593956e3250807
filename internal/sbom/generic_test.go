package sbom

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sameAsJSON compares s.Generic with the JSON round trip it replaces.
func sameAsJSON(s *SBOM) error {
	raw, err := json.Marshal(s)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	var want any
	if err := dec.Decode(&want); err != nil {
		return err
	}
	if got := any(s.Generic()); !reflect.DeepEqual(got, want) {
		g, _ := json.Marshal(got)
		return fmt.Errorf("Generic differs from the JSON round trip:\n%.2000s\nwant\n%.2000s", g, raw)
	}
	return nil
}

// TestGenericMatchesJSON checks Generic on every test SBOM, the corpus too
// when it is there, and on strings that are not valid UTF-8.
func TestGenericMatchesJSON(t *testing.T) {
	t.Parallel()
	var files []string
	for _, dir := range []string{"testdata", filepath.Join(corpusDir, "sbom")} {
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files = append(files, p)
			}
			return nil
		})
	}
	n := 0
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s, err := Parse(p, data)
		if err != nil {
			continue
		}
		n++
		if err := sameAsJSON(s); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	if n == 0 {
		t.Fatal("no SBOM parsed")
	}
	odd := &SBOM{Format: FormatSPDXTagValue, Authors: []string{"a\xffb\xc3", "\xef\xbf\xbd ok"}, Primary: &Component{Name: "\x80", Loc: Loc{Line: 3, Col: 1}},
		Components: []Component{{Ref: "r", Hashes: []Hash{{Alg: "SHA-1", Value: "x"}}, Loc: Loc{Pointer: "/p"}}}}
	if err := sameAsJSON(odd); err != nil {
		t.Error(err)
	}
}
