package doctype

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
)

// ModelMap is the source map of a normalised model (an SBOM, a VEX
// document, a JUnit report). The format packages record in each object a
// "loc" member ({"pointer"} into the original JSON file, or {"line",
// "column"}); NewModelMap moves those members out of the content into the
// map, so the policy input holds no position data. A pointer resolves to the
// loc of the deepest object on its path that had one.
type ModelMap struct {
	File string
	Raw  *docparse.Doc // the original JSON file, for loc pointers; nil otherwise
	locs map[string]map[string]any
}

// NewModelMap takes every "loc" member out of content, in place, and
// returns the map that resolves pointers into content through them.
func NewModelMap(file string, content any, raw *docparse.Doc) *ModelMap {
	m := &ModelMap{File: file, Raw: raw, locs: map[string]map[string]any{}}
	m.take("", content)
	return m
}

func (m *ModelMap) take(ptr string, v any) {
	switch v := v.(type) {
	case map[string]any:
		if loc, ok := v["loc"].(map[string]any); ok {
			m.locs[ptr] = loc
			delete(v, "loc")
		}
		for k, x := range v {
			switch x.(type) {
			case map[string]any, []any:
				m.take(docparse.Pointer(ptr, k), x)
			}
		}
	case []any:
		for i, x := range v {
			switch x.(type) {
			case map[string]any, []any:
				m.take(docparse.Index(ptr, i), x)
			}
		}
	}
}

// Pos implements position.SourceMap.
func (m *ModelMap) Pos(pointer string) position.Pos {
	best := position.Pos{File: m.File, Line: 1, Col: 1}
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

func (m *ModelMap) locOf(ptr string) (position.Pos, bool) {
	loc, ok := m.locs[ptr]
	if !ok {
		return position.Pos{}, false
	}
	if ptr, ok := loc["pointer"].(string); ok && m.Raw != nil {
		return m.Raw.Pos(ptr), true
	}
	line := intOf(loc["line"])
	if line > 0 {
		return position.Pos{File: m.File, Line: line, Col: intOf(loc["column"])}, true
	}
	if _, ok := loc["pointer"]; ok && m.Raw != nil {
		return m.Raw.Pos(""), true
	}
	return position.Pos{}, false
}

func intOf(v any) int {
	switch n := v.(type) {
	case json.Number:
		i, _ := n.Int64()
		return int(i)
	case float64:
		return int(n)
	case int:
		return n
	}
	return 0
}

// Generic converts a typed model into the generic JSON values policies and
// locators read, keeping numbers exact.
func Generic(model any) (any, error) {
	raw, err := json.Marshal(model)
	if err != nil {
		return nil, fmt.Errorf("convert model: %w", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		return nil, fmt.Errorf("convert model: %w", err)
	}
	return out, nil
}
