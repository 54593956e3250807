package doctype

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/sbom"
)

// refModelMap is ModelMap as it was before locs were resolved when the map
// is built: the loc maps kept as they are, and each resolved on every Pos
// through the full position index of the original file. The tests below
// require the same answer from ModelMap for every pointer.
type refModelMap struct {
	file string
	raw  *docparse.Doc
	locs map[string]map[string]any
}

func newRefModelMap(file string, content any, raw *docparse.Doc) *refModelMap {
	m := &refModelMap{file: file, raw: raw, locs: map[string]map[string]any{}}
	var walk func(ptr string, v any)
	walk = func(ptr string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if loc, ok := v["loc"].(map[string]any); ok {
				m.locs[ptr] = loc
			}
			for k, x := range v {
				if k != "loc" {
					walk(docparse.Pointer(ptr, k), x)
				}
			}
		case []any:
			for i, x := range v {
				walk(docparse.Index(ptr, i), x)
			}
		}
	}
	walk("", content)
	return m
}

func (m *refModelMap) Pos(pointer string) position.Pos {
	best := position.Pos{File: m.file, Line: 1, Col: 1}
	if p, ok := m.locOf(""); ok {
		best = p
	}
	if pointer == "" {
		return best
	}
	prefix := ""
	for _, tok := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		prefix += "/" + tok
		if p, ok := m.locOf(prefix); ok {
			best = p
		}
	}
	return best
}

func (m *refModelMap) locOf(ptr string) (position.Pos, bool) {
	loc, ok := m.locs[ptr]
	if !ok {
		return position.Pos{}, false
	}
	if ptr, ok := loc["pointer"].(string); ok && m.raw != nil {
		return m.raw.Pos(ptr), true
	}
	if line := intOf(loc["line"]); line > 0 {
		return position.Pos{File: m.file, Line: line, Col: intOf(loc["column"])}, true
	}
	if _, ok := loc["pointer"]; ok && m.raw != nil {
		return m.raw.Pos(""), true
	}
	return position.Pos{}, false
}

// contentPointers lists the pointer of every value of content, and for
// each a member and an item below it that are not there.
func contentPointers(content any) []string {
	out := []string{"", "/", "/nothing/0"}
	var walk func(ptr string, v any)
	walk = func(ptr string, v any) {
		out = append(out, ptr, ptr+"/missing", ptr+"/0", ptr+"/99999")
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

func samePos(t *testing.T, name string, got position.SourceMap, want *refModelMap, pointers []string) {
	t.Helper()
	bad := 0
	for _, p := range pointers {
		if g, w := got.Pos(p), want.Pos(p); g != w {
			if bad++; bad <= 5 {
				t.Errorf("%s: Pos(%q) = %v, before: %v", name, p, g, w)
			}
		}
	}
}

// testFiles lists the regular files under dirs that exist.
func testFiles(dirs ...string) []string {
	var files []string
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files = append(files, p)
			}
			return nil
		})
	}
	return files
}

// corpus is the shared reference corpus, when it is there.
const corpus = "../../../shared/corpus"

// TestSBOMSourceMapAsBefore: the source map FromSBOM builds resolves every
// pointer into the content as the loc maps and the full position index did,
// on every test, example and corpus SBOM.
func TestSBOMSourceMapAsBefore(t *testing.T) {
	t.Parallel()
	files := testFiles("../sbom/testdata", "../../examples", filepath.Join(corpus, "sbom"))
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) > 8<<20 {
			continue // the probes are quadratic in the tokens of a pointer
		}
		s, err := sbom.Parse(f, data)
		if err != nil {
			continue
		}
		n++
		// the reference: Generic's loc maps, the full index of the file
		s.BlankPlaceholders()
		content := any(s.Generic())
		var raw *docparse.Doc
		if body := bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}); startsLikeJSON(body) {
			raw = docparse.Locate(f, body, docparse.Limits{})
		}
		want := newRefModelMap(f, content, raw)
		again, err := sbom.Parse(f, data)
		if err != nil {
			t.Fatal(err)
		}
		got := FromSBOM(f, data, again, docparse.Limits{})
		samePos(t, f, got.Source, want, contentPointers(got.Content))
	}
	if n < 10 {
		t.Fatalf("only %d SBOMs parsed", n)
	}
}

// TestVulnSourceMapAsBefore is the same for VEX documents, scans and KEV
// catalogues, whose loc members NewModelMap takes out of the content.
func TestVulnSourceMapAsBefore(t *testing.T) {
	t.Parallel()
	files := testFiles("../vuln/testdata", "../../examples", filepath.Join(corpus, "vex"), filepath.Join(corpus, "scanners"), filepath.Join(corpus, "kev"))
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) > 8<<20 {
			continue
		}
		for _, typ := range []vulnType{vexType, scanType, kevType} {
			content, raw, err := vulnContent(typ, f, data, docparse.Limits{})
			if err != nil {
				continue
			}
			n++
			want := newRefModelMap(f, content, raw)
			got := NewModelMap(f, content, raw)
			samePos(t, f, got, want, contentPointers(content))
		}
	}
	if n < 10 {
		t.Fatalf("only %d documents read", n)
	}
}

// TestModelMapLocKinds covers the loc shapes no reader writes today: a
// pointer that is not a string, a pointer without a file to resolve it in,
// a line without a column, and a loc that places nothing.
func TestModelMapLocKinds(t *testing.T) {
	t.Parallel()
	data := []byte("{\n  \"a\": {\"b\": [1, 2]},\n  \"c\": 3\n}")
	content := func() any {
		return map[string]any{
			"x": map[string]any{"loc": map[string]any{"pointer": 5.0}, "y": []any{map[string]any{"loc": map[string]any{"pointer": "/a/b/1"}}}},
			"l": map[string]any{"loc": map[string]any{"line": 7}, "m": map[string]any{"loc": map[string]any{"line": 0, "column": 4}}},
			"e": map[string]any{"loc": map[string]any{}},
			"p": map[string]any{"loc": map[string]any{"pointer": "/c", "line": 9, "column": 2}},
		}
	}
	for _, withRaw := range []bool{true, false} {
		var raw *docparse.Doc
		if withRaw {
			raw = docparse.Locate("f.json", data, docparse.Limits{})
		}
		c := content()
		want := newRefModelMap("f.json", c, raw)
		got := NewModelMap("f.json", content(), raw)
		samePos(t, "f.json", got, want, append(contentPointers(c), "/x/y/0/z", "/l/m/n", "/e/f", "/p/q"))
	}
}
