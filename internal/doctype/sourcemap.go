package doctype

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
)

// ModelMap is the source map of a normalised model: it resolves pointers into a normalised model (an SBOM, a VEX
// document) whose objects carry "loc": {"pointer"|"line","column"} naming
// their place in the original file. A pointer resolves to the loc of the
// deepest object on its path that has one.
type ModelMap struct {
	File    string
	Content any           // the model as generic JSON values
	Raw     *docparse.Doc // the original JSON file, for loc pointers; nil otherwise
}

// Pos implements position.SourceMap.
func (m ModelMap) Pos(pointer string) position.Pos {
	best := position.Pos{File: m.File, Line: 1, Col: 1}
	cur := m.Content
	if p, ok := m.locOf(cur); ok {
		best = p
	}
	if pointer == "" {
		return best
	}
	for _, tok := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch v := cur.(type) {
		case map[string]any:
			cur = v[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(v) {
				return best
			}
			cur = v[i]
		default:
			return best
		}
		if p, ok := m.locOf(cur); ok {
			best = p
		}
	}
	return best
}

func (m ModelMap) locOf(v any) (position.Pos, bool) {
	obj, ok := v.(map[string]any)
	if !ok {
		return position.Pos{}, false
	}
	loc, ok := obj["loc"].(map[string]any)
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
