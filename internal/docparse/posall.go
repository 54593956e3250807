package docparse

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/annexlint/annexlint/internal/position"
)

// PosAll returns what Pos returns for each of pointers, in their order.
//
// For a JSON document whose index has not been built (see Locate), it
// finds them in one pass over the bytes that records only the values on
// the pointers' paths and skips every other value without building
// anything. A model's source map resolves all its loc pointers this way
// when it is built, and can then let go of the Doc and the file's bytes:
// the full index of a 10,000-component SBOM took longer to build and was
// larger than the file, and the bytes stayed in memory for the whole run
// only to build it.
func (d *Doc) PosAll(pointers []string) []position.Pos {
	out := make([]position.Pos, len(pointers))
	if d.Syntax != JSON || d.raw == nil {
		for i, p := range pointers {
			out[i] = d.Pos(p)
		}
		return out
	}
	root := &wanted{}
	for _, p := range pointers {
		root.add(p)
	}
	l := &locator{jsonParser: jsonParser{file: d.File, data: d.raw, line: 1, colN: 1, limits: d.limits}}
	l.skipSpace()
	if !l.value([]*wanted{root}, 0) {
		// Not JSON after all (Locate does not parse): Pos's answer for a
		// document whose index cannot be built.
		for i := range out {
			out[i] = position.Pos{File: d.File, Line: 1, Col: 1}
		}
		return out
	}
	for i, p := range pointers {
		out[i] = root.lookup(p, d.File)
	}
	return out
}

// wanted is a trie of the pointers PosAll was asked for, by reference token
// as written; the pass marks the nodes it finds in the document with the
// position posNode would have recorded.
type wanted struct {
	children map[string]*wanted // by reference token, as written
	// byName and byIndex say which children a member name or array index
	// reaches: posNode.lookup unescapes tokens against object members and
	// reads them with strconv.Atoi against array items, so "1" and "01"
	// reach the same item, and "~2" and "~02" the same member.
	byName  map[string][]*wanted
	byIndex map[int][]*wanted

	found     bool
	line, col int32
}

func (w *wanted) add(pointer string) {
	if !strings.HasPrefix(pointer, "/") {
		return // the root, as posNode.lookup reads it
	}
	for _, tok := range strings.Split(pointer[1:], "/") {
		c, ok := w.children[tok]
		if !ok {
			c = &wanted{}
			if w.children == nil {
				w.children, w.byName = map[string]*wanted{}, map[string][]*wanted{}
			}
			w.children[tok] = c
			name := tok
			if strings.Contains(name, "~") {
				name = strings.ReplaceAll(strings.ReplaceAll(name, "~1", "/"), "~0", "~")
			}
			w.byName[name] = append(w.byName[name], c)
			if i, err := strconv.Atoi(tok); err == nil && i >= 0 {
				if w.byIndex == nil {
					w.byIndex = map[int][]*wanted{}
				}
				w.byIndex[i] = append(w.byIndex[i], c)
			}
		}
		w = c
	}
}

// lookup follows pointer as posNode.lookup does: as far as the document
// has it, returning the deepest position found (the root is line 1,
// column 1).
func (w *wanted) lookup(pointer, file string) position.Pos {
	line, col := int32(1), int32(1)
	if strings.HasPrefix(pointer, "/") {
		for _, tok := range strings.Split(pointer[1:], "/") {
			w = w.children[tok]
			if w == nil || !w.found {
				break
			}
			line, col = w.line, w.col
		}
	}
	return position.Pos{File: file, Line: int(line), Col: int(col)}
}

// locator is the pass of PosAll. The document parsed (or passed CheckJSON)
// once already; malformed bytes still end the pass with false, never a
// panic or a loop.
type locator struct {
	jsonParser
}

// mark records p as the position of every node of ws not found before (the
// first position wins, as in posNode.member).
func mark(ws []*wanted, p position.Pos) {
	for _, w := range ws {
		if !w.found {
			w.found = true
			w.line, w.col = int32(min(p.Line, 1<<31-1)), int32(min(p.Col, 1<<31-1)) //nolint:gosec // clamped
		}
	}
}

// value reads the value at p.off for the trie nodes ws (none: skip it).
func (l *locator) value(ws []*wanted, depth int) bool {
	if depth > l.limits.MaxDepth || l.off >= len(l.data) {
		return false
	}
	if len(ws) == 0 || (l.data[l.off] != '{' && l.data[l.off] != '[') {
		return l.skip()
	}
	if l.data[l.off] == '[' {
		return l.array(ws, depth)
	}
	return l.object(ws, depth)
}

func (l *locator) object(ws []*wanted, depth int) bool {
	l.off++ // {
	l.skipSpace()
	if l.off < len(l.data) && l.data[l.off] == '}' {
		l.off++
		return true
	}
	for {
		l.skipSpace()
		if l.off >= len(l.data) || l.data[l.off] != '"' {
			return false
		}
		start := l.off
		if !l.skipString() {
			return false
		}
		next := l.members(ws, l.data[start:l.off])
		if len(next) > 0 {
			// the member's position is its name's, as in posNode
			end := l.off
			l.off = start
			mark(next, l.pos())
			l.off = end
		}
		l.skipSpace()
		if l.off >= len(l.data) || l.data[l.off] != ':' {
			return false
		}
		l.off++
		l.skipSpace()
		if !l.value(next, depth+1) {
			return false
		}
		if more, ok := l.separator('}'); !ok || !more {
			return ok
		}
	}
}

// separator moves past what follows an object member or array element: a
// comma (more is true) or the closing bracket close (more is false); ok is
// false on anything else.
func (l *locator) separator(close byte) (more, ok bool) {
	l.skipSpace()
	if l.off >= len(l.data) {
		return false, false
	}
	switch l.data[l.off] {
	case ',':
		l.off++
		return true, true
	case close:
		l.off++
		return false, true
	}
	return false, false
}

// members returns the trie nodes of ws that the member name quoted (as
// written, quotes and escapes included) reaches.
func (l *locator) members(ws []*wanted, quoted []byte) []*wanted {
	var next []*wanted
	name, decoded := quoted[1:len(quoted)-1], false
	for _, w := range ws {
		if len(w.byName) == 0 {
			continue
		}
		if !decoded && hasBackslash(name) {
			// unescaped as the parser does (jsonParser.str)
			var s string
			if err := json.Unmarshal(quoted, &s); err != nil {
				return nil
			}
			name, decoded = []byte(s), true
		}
		next = append(next, w.byName[string(name)]...)
	}
	return next
}

func (l *locator) array(ws []*wanted, depth int) bool {
	l.off++ // [
	l.skipSpace()
	if l.off < len(l.data) && l.data[l.off] == ']' {
		l.off++
		return true
	}
	for i := 0; ; i++ {
		l.skipSpace()
		var next []*wanted
		for _, w := range ws {
			next = append(next, w.byIndex[i]...)
		}
		if len(next) > 0 {
			mark(next, l.pos())
		}
		if !l.value(next, depth+1) {
			return false
		}
		if more, ok := l.separator(']'); !ok || !more {
			return ok
		}
	}
}

// skip moves past the value at l.off, counting lines, without looking
// into it: the bytes were checked when the document was first read.
func (l *locator) skip() bool {
	depth := 0
	for l.off < len(l.data) {
		switch c := l.data[l.off]; c {
		case '"':
			if !l.skipString() {
				return false
			}
			if depth == 0 {
				return true
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth < 0 {
				return false
			}
			if depth == 0 {
				l.off++
				return true
			}
		case '\n':
			l.line++
			l.lstart = l.off + 1
		case ',', ':', ' ', '\t', '\r':
			if depth == 0 {
				return true // the end of a number or literal
			}
		default:
			if depth == 0 && l.off+1 < len(l.data) && isDelim(l.data[l.off+1]) {
				l.off++
				return true // a number or literal ends here
			}
		}
		l.off++
	}
	return depth == 0
}

func isDelim(c byte) bool {
	switch c {
	case ',', '}', ']', ' ', '\t', '\r', '\n', ':':
		return true
	}
	return false
}

// skipString moves past the string at l.off (its opening quote); strings
// hold no raw line feed, so lines stay counted.
func (l *locator) skipString() bool {
	for i := l.off + 1; i < len(l.data); i++ {
		switch l.data[i] {
		case '"':
			l.off = i + 1
			return true
		case '\\':
			i++
		}
	}
	return false
}

func hasBackslash(b []byte) bool {
	for _, c := range b {
		if c == '\\' {
			return true
		}
	}
	return false
}
