package docparse

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annexlint/annexlint/internal/position"
)

func TestParseValuesAndPositions(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		src     string
		want    any
		pointer string
		pos     position.Pos
	}{
		"json object member points at its key": {
			src:     "{\n  \"a\": {\"b\": [1, \"x\"]},\n  \"c\": true\n}",
			want:    map[string]any{"a": map[string]any{"b": []any{json.Number("1"), "x"}}, "c": true},
			pointer: "/a/b/1",
			pos:     position.Pos{File: "f", Line: 2, Col: 18},
		},
		"yaml date stays text": {
			src:     "product:\n  placed_on_market: 2026-03-01\n  n: 3\n",
			want:    map[string]any{"product": map[string]any{"placed_on_market": "2026-03-01", "n": json.Number("3")}},
			pointer: "/product/n",
			pos:     position.Pos{File: "f", Line: 3, Col: 3},
		},
		"unknown pointer falls back to nearest ancestor": {
			src:     "a:\n  - x: 1\n",
			want:    map[string]any{"a": []any{map[string]any{"x": json.Number("1")}}},
			pointer: "/a/0/missing",
			pos:     position.Pos{File: "f", Line: 2, Col: 5},
		},
		"escaped pointer tokens": {
			src:     `{"a/b": {"c~d": 1}}`,
			want:    map[string]any{"a/b": map[string]any{"c~d": json.Number("1")}},
			pointer: "/a~1b/c~0d",
			pos:     position.Pos{File: "f", Line: 1, Col: 10},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			d, err := Parse("f", []byte(tc.src), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, d.Value); diff != "" {
				t.Errorf("value (-want +got):\n%s", diff)
			}
			if got := d.Pos(tc.pointer); got != tc.pos {
				t.Errorf("Pos(%q) = %v, want %v", tc.pointer, got, tc.pos)
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	t.Parallel()
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h"} {
		bomb += n + ": &" + n + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
			", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n"
		prev = n
	}
	cases := map[string]struct {
		src  string
		line int
		msg  string
	}{
		"empty":            {"  \n", 1, "file is empty"},
		"bom":              {"\xEF\xBB\xBF{}", 1, "byte-order mark"},
		"bad utf8":         {"a: 1\nb: \xff\n", 2, "invalid UTF-8"},
		"truncated json":   {"{\n\"a\": [1, 2", 2, "truncated"},
		"duplicate json":   {"{\"a\": 1,\n \"a\": 2}", 2, `duplicate key "a"`},
		"duplicate yaml":   {"a: 1\nb: 2\na: 3\n", 3, `duplicate key "a"`},
		"trailing garbage": {"{} x", 1, "after the end"},
		"bad yaml":         {"a: b: c\n", 1, "invalid YAML"},
		"two documents":    {"a: 1\n---\nb: 2\n", 2, "more than one YAML document"},
		"alias bomb":       {bomb, 0, "alias"},
		"deep json":        {strings.Repeat("[", 10000) + strings.Repeat("]", 10000), 1, "nesting deeper"},
		"deep yaml":        {strings.Repeat("[", 10000) + strings.Repeat("]", 10000), 1, ""},
		"bad number":       {`{"a": 01}`, 1, "malformed number"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse("f.json", []byte(tc.src), Limits{})
			var pe *position.Error
			if err == nil {
				t.Fatalf("no error, want one containing %q", tc.msg)
			}
			if !asPosErr(err, &pe) {
				t.Fatalf("error %v is not a *position.Error", err)
			}
			if tc.line != 0 && pe.Pos.Line != tc.line {
				t.Errorf("line = %d, want %d (%v)", pe.Pos.Line, tc.line, err)
			}
			if pe.Pos.File != "f.json" {
				t.Errorf("file = %q", pe.Pos.File)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not contain %q", err, tc.msg)
			}
		})
	}
}

func asPosErr(err error, target **position.Error) bool {
	return errors.As(err, target)
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`{"a":[1,2,{"b":null}]}`, "a: [1, {b: c}]\n", "- &x a\n- *x\n", `"\u00e9"`, "{\"a\":1e5}"} {
		f.Add([]byte(s))
	}
	// Hostile cases (docs/security.md): numbers OPA refuses, duplicate
	// members, deep long keys, controls and bidi overrides, a list manifest.
	for _, s := range []string{`[1e999999]`, `{"a":-1e-999999}`, `{"c":[],"c":[1]}`, `{"` + strings.Repeat("k", 300) + `":{"` + strings.Repeat("k", 300) + `":[0,0,0]}}`,
		"name: \"\\e[2J\\u202e\\u0085\"\n", "- a\n- b\n", "a: [" + strings.Repeat("0,", 50) + "0]\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse("fuzz", data, Limits{MaxNodes: 10000})
		if err != nil {
			var pe *position.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		_ = d.Pos("/0/a")
		if d.Syntax == JSON {
			// Whatever we accept as JSON the standard library accepts too.
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				t.Fatalf("accepted invalid JSON %q: %v", data, err)
			}
		}
	})
}

func TestYAMLMergeKeys(t *testing.T) {
	t.Parallel()
	src := "base: &b\n  x: 1\n  y: 2\nother: &o\n  y: 9\n  z: 3\nuse:\n  <<: [*b, *o]\n  x: 5\n"
	if _, err := Parse("m.yaml", []byte(src), Limits{}); err == nil || !strings.Contains(err.Error(), "merge keys") {
		t.Fatalf("merge keys accepted without opting in: %v", err)
	}
	d, err := Parse("m.yaml", []byte(src), Limits{MergeKeys: true})
	if err != nil {
		t.Fatal(err)
	}
	got := d.Value.(map[string]any)["use"]
	want := map[string]any{"x": json.Number("5"), "y": json.Number("2"), "z": json.Number("3")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("merged mapping (-want +got):\n%s", diff)
	}
	// Explicit keys point at their own line; merged ones at the anchor's.
	for ptr, line := range map[string]int{"/use/x": 9, "/use/y": 3, "/use/z": 6} {
		if p := d.Pos(ptr); p.Line != line {
			t.Errorf("Pos(%s) = %v, want line %d", ptr, p, line)
		}
	}
	if _, err := Parse("m.yaml", []byte("a: &a 1\nb:\n  <<: *a\n"), Limits{MergeKeys: true}); err == nil {
		t.Error("merging a scalar was accepted")
	}
}

// FuzzCheckJSON asserts that the strict pass for other readers' files
// accepts exactly the JSON documents Parse accepts.
func FuzzCheckJSON(f *testing.F) {
	for _, s := range []string{`{"a":[1,2,{"b":null}]}`, `{"c":[],"c":[1]}`, `[1e999999]`, `[[[[[]]]]]`, `{"a\u0000":1,"a\u0000":2}`, `{"a":"\ud800"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 || (data[0] != '{' && data[0] != '[') {
			return
		}
		_, perr := Parse("f.json", data, Limits{MaxNodes: 10000})
		cerr := CheckJSON("f.json", data, Limits{MaxNodes: 10000})
		if (perr == nil) != (cerr == nil) {
			t.Fatalf("Parse and CheckJSON disagree on %q: %v / %v", data, perr, cerr)
		}
		// The error is the same, position and words, encoding included.
		if perr != nil && perr.Error() != cerr.Error() {
			t.Fatalf("Parse and CheckJSON give different errors for %q:\n%v\n%v", data, perr, cerr)
		}
	})
}

// CheckJSON finds a duplicate member as Parse does, wherever it is: among
// many members, after an object that used the name inside it, written
// once escaped and once not; and accepts one name in sibling objects.
func TestCheckJSONDuplicates(t *testing.T) {
	t.Parallel()
	var many strings.Builder
	many.WriteString("{")
	for i := range 40 {
		fmt.Fprintf(&many, "%q: %d, ", fmt.Sprintf("m%02d", i), i)
	}
	for _, tc := range []struct{ name, doc string }{
		{"many members", many.String() + `"m33": 0}`},
		{"many members, the first again", many.String() + `"m00": 0}`},
		{"nested first", `{"a": {"b": 1, "a": {"a": 2}}, "b": 2, "a": 3}`},
		{"escaped", `{"a": 1, "\u0061": 2}`},
		{"escaped both", `{"\u00e9": 1, "\u00E9": 2}`},
		{"in an array", `[{"x": 1}, {"x": 1, "y": [{"x": 1, "x": 2}]}]`},
		{"many members, nested", `{"o": ` + many.String() + `"m39x": {"m39x": 1, "m00": 2, "m00": 3}}}`},
		{"siblings", `{"a": {"x": 1}, "b": {"x": 1}, "c": [{"x": 1}, {"x": 2}]}`},
		{"many members, none twice", many.String() + `"z": {"m00": 1}}`},
		{"bad escape in a name", `{"a\q": 1}`},
		{"no colon", `{"a" 1}`},
		{"no colon, escaped", `{"\u0061" 1}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, perr := Parse("f.json", []byte(tc.doc), Limits{})
			cerr := CheckJSON("f.json", []byte(tc.doc), Limits{})
			if fmt.Sprint(perr) != fmt.Sprint(cerr) {
				t.Errorf("Parse: %v\nCheckJSON: %v", perr, cerr)
			}
			if want := !strings.HasPrefix(tc.name, "siblings") && !strings.Contains(tc.name, "none twice"); want != (cerr != nil) {
				t.Errorf("error %v, want one: %v", cerr, want)
			}
		})
	}
}
