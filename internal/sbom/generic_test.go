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
		if err := sameApart(s); err != nil {
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
	if err := sameApart(odd); err != nil {
		t.Error(err)
	}
}

// sameApart checks that GenericApart is Generic with every loc member
// given apart, at the pointer of the object that held it.
func sameApart(s *SBOM) error {
	want := s.Generic()
	n := 0
	got := s.GenericApart(func(at string, l Loc) {
		n++
		var holder any = want
		for _, tok := range strings.Split(at, "/")[1:] {
			switch h := holder.(type) {
			case map[string]any:
				holder = h[tok]
			case []any:
				var i int
				_, _ = fmt.Sscan(tok, &i)
				holder = h[i]
			}
		}
		m, ok := holder.(map[string]any)
		if !ok || !reflect.DeepEqual(m["loc"], l.generic()) {
			n = -1 << 30 // reported below
			return
		}
		delete(m, "loc")
	})
	if n < 0 {
		return fmt.Errorf("GenericApart gave a loc that Generic does not have there")
	}
	if left := countLocs(want); left != 0 {
		return fmt.Errorf("GenericApart left out %d loc members of Generic", left)
	}
	if !reflect.DeepEqual(any(got), any(want)) {
		return fmt.Errorf("GenericApart's content differs from Generic's without loc members")
	}
	return nil
}

func countLocs(v any) int {
	n := 0
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if k == "loc" {
				n++
			}
			n += countLocs(x)
		}
	case []any:
		for _, x := range v {
			n += countLocs(x)
		}
	}
	return n
}
