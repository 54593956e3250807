package threatimport

import (
	"encoding/json"
	"sort"
	"strconv"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
)

// reader reads the original model and reports shape errors at the offending
// value, prefixed with the tool's name so the user knows which format
// annexlint took the file for.
type reader struct {
	src  source
	tool string // "Threat Dragon v2 model", "Threagile model"
}

func (r *reader) errorf(ptr, format string, args ...any) error {
	return position.Errorf(r.src.Pos(ptr), r.tool+": "+format, args...)
}

// object returns v as a mapping; nil (absent or null) is an empty one.
func (r *reader) object(v any, ptr, what string) (map[string]any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case map[string]any:
		return x, nil
	default:
		return nil, r.errorf(ptr, "%s must be an object (a mapping), not %s", what, typeName(v))
	}
}

// list returns v as a list; nil (absent or null) is an empty one.
func (r *reader) list(v any, ptr, what string) ([]any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case []any:
		return x, nil
	default:
		return nil, r.errorf(ptr, "%s must be a list, not %s", what, typeName(v))
	}
}

// text returns m[key] as text. Numbers and booleans are written out, as
// YAML readers (and the tools) do for text fields; a mapping or list where
// text belongs is an error.
func (r *reader) text(m map[string]any, ptr, key string) (string, error) {
	switch x := m[key].(type) {
	case nil:
		return "", nil
	case string:
		return x, nil
	case json.Number:
		return x.String(), nil
	case bool:
		return strconv.FormatBool(x), nil
	default:
		return "", r.errorf(docparse.Pointer(ptr, key), "%q must be text, not %s", key, typeName(x))
	}
}

// flag returns m[key] as a boolean; anything but true is false.
func flag(m map[string]any, key string) bool {
	b, _ := m[key].(bool)
	return b
}

func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	case string:
		return "text"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	default:
		return "an unexpected value"
	}
}

// orderedKeys returns the keys of the mapping at ptr in the order they
// appear in the original file, so output follows the author's order; ties
// (which real files do not have) fall back to the key text.
func orderedKeys(src source, ptr string, m map[string]any) []string {
	keys := make([]string, 0, len(m))
	pos := make(map[string]position.Pos, len(m))
	for k := range m {
		keys = append(keys, k)
		pos[k] = src.Pos(docparse.Pointer(ptr, k))
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := pos[keys[i]], pos[keys[j]]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return keys[i] < keys[j]
	})
	return keys
}
