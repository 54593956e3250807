package docparse

import (
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/position"
)

// probePointers are every value's pointer in data (from the full index)
// and pointers around them that the document does not have, or that
// posNode.lookup reads loosely: a member or item past the end, array
// indexes written "01", "+1" or "-0", escaped names, no leading slash.
func probePointers(t testing.TB, data []byte) ([]string, bool) {
	t.Helper()
	idx := newNode(position.Pos{Line: 1, Col: 1})
	if _, err := parseJSON("f.json", data, Limits{}.withDefaults(), idx); err != nil {
		return nil, false
	}
	ptrs := []string{"", "/", "nothing", "/~", "/~2", "/~02"}
	for p := range flatten(idx) {
		ptrs = append(ptrs, p, p+"/0", p+"/01", p+"/+0", p+"/-0", p+"/1", p+"/missing", p+"/a~1b", p+"/~0/x", p+"//")
		if i := strings.LastIndexByte(p, '/'); i >= 0 {
			ptrs = append(ptrs, p[:i]+"/0"+p[i+1:], p[:i]+"/+"+p[i+1:])
		}
	}
	return ptrs, true
}

// PosAll must answer exactly as Pos does, pointer by pointer.
func samePositions(t *testing.T, data []byte) {
	t.Helper()
	ptrs, ok := probePointers(t, data)
	if !ok {
		return
	}
	want := make([]position.Pos, len(ptrs))
	full := Locate("f.json", data, Limits{})
	for i, p := range ptrs {
		want[i] = full.Pos(p)
	}
	got := Locate("f.json", data, Limits{}).PosAll(ptrs)
	for i, p := range ptrs {
		if got[i] != want[i] {
			t.Errorf("PosAll: %q at %v, Pos: %v (document %q)", p, got[i], want[i], data)
		}
	}
	// each alone, so that the pass skips every value off its path
	for i, p := range ptrs[:min(len(ptrs), 400)] {
		if one := Locate("f.json", data, Limits{}).PosAll([]string{p}); one[0] != want[i] {
			t.Errorf("PosAll of %q alone: %v, want %v", p, one[0], want[i])
		}
	}
}

func TestPosAllMatchesPos(t *testing.T) {
	t.Parallel()
	for name, doc := range map[string]string{
		"nested":          "{\n  \"a\": [1, {\"b\": null}, [true, false]],\n  \"c\": {\"d\": \"e\"}\n}",
		"lines skipped":   "{\n \"a\": [\n  1,\n  {\"b\":\n null}\n ],\n \"s\": \"x\\ny\",\n \"n\": 12\n ,\n \"c\": {\n  \"d\": [\n   \"e\"\n  ]\n }\n}",
		"escaped names":   `{"a\"b": 1, "t\u00e9": {"x": 2}, "a~b": 3, "a/b": {"c/d": 4}, "\\": 5, "\/": 6, "~2": 7}`,
		"escaped values":  "{\"a\": \"x\\\"y\\\\z\\n\", \"b\": [\"\\u00e9\", \"\\ud83d\\ude00\", \"]}[{\"],\n \"c\": 1}",
		"multibyte":       "{\"é\": {\"ü\": [\"ß\", 1]},\n\t\"ö\": [\"€\", {\"x\": \"y\"}]}",
		"minified arrays": `[[],[[]],{},[{"a":[{}]}]]`,
		"scalars":         `"just a string"`,
		"number":          "\n  -12.5e3  \n",
		"literals":        `[true,false,null,{"t":true,"n":null}]`,
		"numbers":         `{"n": [-1.5e10, 0, 12], "m": {"k": 1E+2}}`,
		"numeric names":   `{"0": {"1": "a"}, "01": [10, 11], "-0": 2}`,
		"sbom-like": `{
  "bomFormat": "CycloneDX",
  "metadata": {"component": {"name": "p", "components": [{"name": "x"}, {"name": "y", "components": [{"name": "z"}]}]}},
  "components": [
    {"name": "a", "hashes": [{"alg": "SHA-256", "content": "00"}]},
    {"name": "b", "components": [{"name": "c"}]}
  ],
  "dependencies": [{"ref": "a", "dependsOn": ["b"]}]
}`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if _, ok := probePointers(t, []byte(doc)); !ok {
				t.Fatalf("fixture does not parse: %s", doc)
			}
			samePositions(t, []byte(doc))
		})
	}
}

// A document Locate was given that is not JSON at all answers line 1,
// column 1 everywhere, as Pos does, without a panic.
func TestPosAllNotJSON(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{"", "{", `{"a": [1, 2`, `{"a" 1}`, "]]]", `{"a": "unterminated`, `[1 2]`, `{"a":1}}`} {
		d := Locate("f.json", []byte(doc), Limits{})
		for _, p := range d.PosAll([]string{"", "/a", "/0"}) {
			if p.Line > 1 {
				t.Errorf("%q: %v", doc, p)
			}
		}
	}
}

// A YAML document has its index from parsing; PosAll reads it.
func TestPosAllYAML(t *testing.T) {
	t.Parallel()
	d, err := Parse("f.yaml", []byte("a:\n  - x\n  - y: 1\nb: 2\n"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	ptrs := []string{"", "/a", "/a/1", "/a/1/y", "/b", "/c", "/a/5"}
	got := d.PosAll(ptrs)
	for i, p := range ptrs {
		if want := d.Pos(p); got[i] != want {
			t.Errorf("%q: %v, want %v", p, got[i], want)
		}
	}
}

// FuzzPosAll asserts that PosAll agrees with Pos on every document the
// parser accepts, for every value's pointer and pointers around them.
func FuzzPosAll(f *testing.F) {
	for _, s := range []string{`{"a":[1,2,{"b":null}]}`, `{"a\"b":{"c~d":["x"]}}`, `[{"\u00e9":"\\"}]`, "{\"a\":1e5,\n\"b\":[\"]\",{}]}", `{"01":[{"1":2}]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		samePositions(t, data)
	})
}
