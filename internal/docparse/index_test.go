package docparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annexlint/annexlint/internal/position"
)

// indexes builds the position index both ways: while parsing values (the
// reference) and positions only (what Doc.Pos uses).
func indexes(t testing.TB, data []byte) (want, got map[string]position.Pos, ok bool) {
	t.Helper()
	wantIdx := newNode(position.Pos{Line: 1, Col: 1})
	if _, err := parseJSON("f.json", data, Limits{}.withDefaults(), wantIdx); err != nil {
		return nil, nil, false
	}
	gotIdx := newNode(position.Pos{Line: 1, Col: 1})
	if err := indexJSON("f.json", data, Limits{}.withDefaults(), gotIdx); err != nil {
		t.Fatalf("positions-only pass failed where parsing succeeded: %v", err)
	}
	return flatten(wantIdx), flatten(gotIdx), true
}

// flatten lists a position tree as pointer -> position.
func flatten(n *posNode) map[string]position.Pos {
	out := map[string]position.Pos{}
	var walk func(n *posNode, ptr string)
	walk = func(n *posNode, ptr string) {
		out[ptr] = position.Pos{File: "f.json", Line: int(n.line), Col: int(n.col)}
		for k, c := range n.keys {
			walk(c, Pointer(ptr, k))
		}
		for i, c := range n.items {
			walk(c, Index(ptr, i))
		}
	}
	walk(n, "")
	return out
}

func TestPositionsOnlyIndexMatchesParse(t *testing.T) {
	t.Parallel()
	for name, doc := range map[string]string{
		"nested":          "{\n  \"a\": [1, {\"b\": null}, [true, false]],\n  \"c\": {\"d\": \"e\"}\n}",
		"escaped names":   `{"a\"b": 1, "t\u00e9": {"x": 2}, "a~b": 3, "a/b": {"c/d": 4}, "\\": 5}`,
		"escaped values":  `{"a": "x\"y\\z\n", "b": ["\u00e9", "\ud83d\ude00"]}`,
		"multibyte":       "{\"é\": {\"ü\": [\"ß\", 1]}}",
		"minified arrays": `[[],[[]],{},[{"a":[{}]}]]`,
		"scalars":         `"just a string"`,
		"numbers":         `{"n": [-1.5e10, 0, 12]}`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want, got, ok := indexes(t, []byte(doc))
			if !ok {
				t.Fatalf("fixture does not parse: %s", doc)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("index differs (-parse +positions only):\n%s", diff)
			}
		})
	}
}

func TestLocatePos(t *testing.T) {
	t.Parallel()
	d := Locate("f.json", []byte("{\n  \"components\": [\n    {\"name\": \"zlib\", \"a/b\": 1}\n  ]\n}"), Limits{})
	for ptr, want := range map[string]position.Pos{
		"/components/0":      {File: "f.json", Line: 3, Col: 5},
		"/components/0/name": {File: "f.json", Line: 3, Col: 6},
		"/components/0/a~1b": {File: "f.json", Line: 3, Col: 22},
		"/components/0/none": {File: "f.json", Line: 3, Col: 5}, // nearest ancestor
	} {
		if got := d.Pos(ptr); got != want {
			t.Errorf("Pos(%q) = %v, want %v", ptr, got, want)
		}
	}
}

// FuzzLocateIndex asserts that the positions-only pass agrees with the
// parsing pass on every document the parser accepts.
func FuzzLocateIndex(f *testing.F) {
	for _, s := range []string{`{"a":[1,2,{"b":null}]}`, `{"a\"b":{"c~d":["x"]}}`, `[{"\u00e9":"\\"}]`, "{\"a\":1e5}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		want, got, ok := indexes(t, data)
		if !ok {
			return
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("index differs for %q (-parse +positions only):\n%s", data, diff)
		}
	})
}
