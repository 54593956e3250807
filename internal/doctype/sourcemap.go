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
//
// Every loc is resolved to its line and column when the map is built, in
// one pass over the original file (docparse.Doc.PosAll), so the map holds
// neither the file's bytes nor a position index of every value in it: for
// a large SBOM those were larger than the file, and held for the whole run.
type ModelMap struct {
	File string
	locs map[string]position.Pos // content pointer -> where its object is
}

// modelLoc is one loc member of a model.
type modelLoc struct {
	at         string // the pointer, in the content, of the object it belongs to
	pointer    string // into the original JSON file, when pointerSet
	pointerSet bool   // the loc has a string "pointer"
	otherPtr   bool   // the loc has a "pointer" that is not a string
	line, col  int
}

// NewModelMap takes every "loc" member out of content, in place, and
// returns the map that resolves pointers into content through them.
func NewModelMap(file string, content any, raw *docparse.Doc) *ModelMap {
	var locs []modelLoc
	take("", content, &locs)
	return newModelMap(file, raw, locs)
}

func take(ptr string, v any, locs *[]modelLoc) {
	switch v := v.(type) {
	case map[string]any:
		if loc, ok := v["loc"].(map[string]any); ok {
			l := modelLoc{at: ptr, line: intOf(loc["line"]), col: intOf(loc["column"])}
			l.pointer, l.pointerSet = loc["pointer"].(string)
			_, hasPointer := loc["pointer"]
			l.otherPtr = hasPointer && !l.pointerSet
			*locs = append(*locs, l)
			delete(v, "loc")
		}
		for k, x := range v {
			switch x.(type) {
			case map[string]any, []any:
				take(docparse.Pointer(ptr, k), x, locs)
			}
		}
	case []any:
		for i, x := range v {
			switch x.(type) {
			case map[string]any, []any:
				take(docparse.Index(ptr, i), x, locs)
			}
		}
	}
}

// newModelMap resolves locs: a string pointer into raw, the original JSON
// file, when there is one; else a line (and column) given; else, for a
// pointer that is not a string, the top of raw. Any other loc places
// nothing, as if it were not there.
func newModelMap(file string, raw *docparse.Doc, locs []modelLoc) *ModelMap {
	m := &ModelMap{File: file, locs: make(map[string]position.Pos, len(locs))}
	var pointers []string
	var pointed []string // the content pointer each of pointers belongs to
	for _, l := range locs {
		switch {
		case l.pointerSet && raw != nil:
			pointers, pointed = append(pointers, l.pointer), append(pointed, l.at)
		case l.line > 0:
			m.locs[l.at] = position.Pos{File: file, Line: l.line, Col: l.col}
		case l.otherPtr && raw != nil:
			pointers, pointed = append(pointers, ""), append(pointed, l.at)
		}
	}
	if len(pointers) > 0 {
		for i, p := range raw.PosAll(pointers) {
			m.locs[pointed[i]] = p
		}
	}
	return m
}

// Pos implements position.SourceMap.
func (m *ModelMap) Pos(pointer string) position.Pos {
	best := position.Pos{File: m.File, Line: 1, Col: 1}
	if p, ok := m.locs[""]; ok {
		best = p
	}
	if pointer == "" {
		return best
	}
	prefix := ""
	for _, tok := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		prefix += "/" + tok
		if p, ok := m.locs[prefix]; ok {
			best = p
		}
	}
	return best
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
