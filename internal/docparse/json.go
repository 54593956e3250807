package docparse

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strings"

	"github.com/annexlint/annexlint/internal/position"
)

// jsonParser is a small recursive-descent JSON reader. encoding/json cannot
// report where a value starts nor refuse duplicate keys, and both matter
// here: a finding must point at a line, and a duplicate key in a risk file
// hides one of two contradicting statements.
type jsonParser struct {
	file   string
	data   []byte
	off    int
	line   int
	lstart int // offset of the current line's first byte
	// colOff/colN cache the column of an earlier offset on the current line,
	// so computing columns on a minified one-line file stays linear.
	colOff, colN int
	limits       Limits
	nodes        int
	index        *posNode // nil when positions are not wanted
	// positionsOnly skips building values: Doc.Pos needs only the index,
	// and on a large SBOM the values were most of the cost of building it.
	positionsOnly bool
	// checkOnly (with positionsOnly) still refuses duplicate keys and
	// charges the run's budget: Check's strict pass over a file that
	// another reader decodes.
	checkOnly bool
	// charge spends the run's value budget; the index pass does not, the
	// values were charged when the document was parsed.
	charge bool
	// names is checkOnly's stack of the member names of the objects being
	// read, innermost last (see checkMember).
	names [][]byte
}

func parseJSON(file string, data []byte, limits Limits, index *posNode) (any, error) {
	p := &jsonParser{file: file, data: data, line: 1, colN: 1, limits: limits, index: index, charge: true}
	p.skipSpace()
	v, err := p.value(index, 0)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.off < len(p.data) {
		return nil, p.errorf("unexpected %s after the end of the JSON document", p.describe())
	}
	return v, nil
}

// indexJSON records under index the position of every value of data
// without building the values. data must already have parsed as JSON once:
// duplicate keys are not looked for.
func indexJSON(file string, data []byte, limits Limits, index *posNode) error {
	p := &jsonParser{file: file, data: data, line: 1, colN: 1, limits: limits, index: index, positionsOnly: true}
	p.skipSpace()
	if _, err := p.value(index, 0); err != nil {
		return err
	}
	p.skipSpace()
	if p.off < len(p.data) {
		return p.errorf("unexpected %s after the end of the JSON document", p.describe())
	}
	return nil
}

// CheckJSON applies the rules Parse applies to JSON (encoding, syntax,
// duplicate keys, nesting, numbers in range, the value limits and the run's
// budget) without building values, for files another reader decodes: an
// SBOM decoder would otherwise keep the last of two "components" members
// silently, nest deeper than positions can be indexed, or turn bytes that
// are not UTF-8 into U+FFFD without a word.
func CheckJSON(file string, data []byte, limits Limits) error {
	if err := checkEncoding(file, data); err != nil {
		return err
	}
	limits = limits.withDefaults()
	p := &jsonParser{file: file, data: data, line: 1, colN: 1, limits: limits, positionsOnly: true, checkOnly: true, charge: true}
	p.skipSpace()
	if _, err := p.value(nil, 0); err != nil {
		return err
	}
	p.skipSpace()
	if p.off < len(p.data) {
		return p.errorf("unexpected %s after the end of the JSON document", p.describe())
	}
	return nil
}

func (p *jsonParser) pos() position.Pos {
	return position.Pos{File: p.file, Line: p.line, Col: p.col()}
}

func (p *jsonParser) col() int {
	// Columns count characters, not bytes, as editors do.
	if p.colOff < p.lstart || p.colOff > p.off {
		p.colOff, p.colN = p.lstart, 1
	}
	for ; p.colOff < p.off && p.colOff < len(p.data); p.colOff++ {
		if p.data[p.colOff]&0xC0 != 0x80 {
			p.colN++
		}
	}
	return p.colN
}

func (p *jsonParser) errorf(format string, args ...any) error {
	return position.Errorf(p.pos(), "invalid JSON: "+format, args...)
}

func (p *jsonParser) describe() string {
	if p.off >= len(p.data) {
		return "end of file"
	}
	return fmt.Sprintf("character %q", rune(p.data[p.off]))
}

func (p *jsonParser) skipSpace() {
	for p.off < len(p.data) {
		switch p.data[p.off] {
		case '\n':
			p.off++
			p.line++
			p.lstart = p.off
		case ' ', '\t', '\r':
			p.off++
		default:
			return
		}
	}
}

func (p *jsonParser) value(node *posNode, depth int) (any, error) {
	if depth > p.limits.MaxDepth {
		return nil, p.errorf("nesting deeper than %d levels", p.limits.MaxDepth)
	}
	p.nodes++
	if p.nodes > p.limits.MaxNodes {
		return nil, p.errorf("more than %d values in one document; %s", p.limits.MaxNodes, raiseHint)
	}
	if p.charge && !p.limits.Budget.Take(1) {
		return nil, p.errorf("%s", budgetMessage(p.limits.Budget))
	}
	if p.off >= len(p.data) {
		return nil, p.errorf("unexpected end of file, the document is truncated")
	}
	switch c := p.data[p.off]; {
	case c == '{':
		return p.object(node, depth)
	case c == '[':
		return p.array(node, depth)
	case c == '"' && p.positionsOnly && !p.checkOnly:
		return nil, p.skipStr()
	case c == '"' && p.checkOnly:
		return nil, p.checkStr()
	case c == '"':
		return p.str()
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case c == 't':
		return true, p.literal("true")
	case c == 'f':
		return false, p.literal("false")
	case c == 'n':
		return nil, p.literal("null")
	default:
		return nil, p.errorf("unexpected %s where a value should start", p.describe())
	}
}

func (p *jsonParser) literal(word string) error {
	if len(p.data)-p.off < len(word) || string(p.data[p.off:p.off+len(word)]) != word {
		return p.errorf("unexpected %s, expected %q", p.describe(), word)
	}
	p.off += len(word)
	return nil
}

func (p *jsonParser) object(node *posNode, depth int) (any, error) {
	p.off++ // {
	// obj stays nil when only positions are wanted; lookups in it then find
	// nothing, which is right since the document parsed once already.
	var obj map[string]any
	if !p.positionsOnly {
		obj = map[string]any{}
	}
	base := len(p.names)         // checkOnly: this object's member names are p.names[base:]
	var seen map[string]struct{} // checkOnly, past manyMembers
	p.skipSpace()
	if p.off < len(p.data) && p.data[p.off] == '}' {
		p.off++
		return obj, nil
	}
	for {
		p.skipSpace()
		if p.off >= len(p.data) || p.data[p.off] != '"' {
			return nil, p.errorf("unexpected %s, expected a quoted member name", p.describe())
		}
		if p.checkOnly {
			var err error
			if seen, err = p.checkMember(base, seen); err != nil {
				return nil, err
			}
			if _, err := p.value(nil, depth+1); err != nil {
				return nil, err
			}
			more, err := p.afterMember()
			if err != nil {
				return nil, err
			}
			if more {
				continue
			}
			p.names = p.names[:base]
			return nil, nil
		}
		keyPos := p.pos()
		key, plain := "", false
		if p.positionsOnly {
			// Most member names need no unescaping: read them straight
			// from the bytes.
			key, plain = p.plainMember()
		}
		if !plain {
			k, err := p.str()
			if err != nil {
				return nil, err
			}
			key = k.(string)
			if _, dup := obj[key]; dup {
				return nil, position.Errorf(keyPos, "invalid JSON: duplicate key %q; each key may appear once per object", key)
			}
		}
		var child *posNode
		if node != nil {
			child = node.member(key, keyPos)
		}
		p.skipSpace()
		if p.off >= len(p.data) || p.data[p.off] != ':' {
			return nil, p.errorf("unexpected %s after member name %q, expected ':'", p.describe(), key)
		}
		p.off++
		p.skipSpace()
		v, err := p.value(child, depth+1)
		if err != nil {
			return nil, err
		}
		if obj != nil {
			obj[key] = v
		}
		more, err := p.afterMember()
		if err != nil {
			return nil, err
		}
		if !more {
			return obj, nil
		}
	}
}

// afterMember moves past the comma (more is true) or the closing brace
// that follows an object member.
func (p *jsonParser) afterMember() (more bool, err error) {
	p.skipSpace()
	if p.off >= len(p.data) {
		return false, p.errorf("unexpected end of file inside an object, the document is truncated")
	}
	switch p.data[p.off] {
	case ',':
		p.off++
		return true, nil
	case '}':
		p.off++
		return false, nil
	}
	return false, p.errorf("unexpected %s in an object, expected ',' or '}'", p.describe())
}

// manyMembers is where the check-only pass stops comparing an object's
// member names one by one and keeps them in a map.
const manyMembers = 16

// checkMember reads the member name at p.off for the check-only pass and
// refuses a duplicate, as object does for parsed values, without making a
// string of the name or a map per object: p.names[base:] are this object's
// names so far (as written, or unescaped), and seen holds them past
// manyMembers. Objects inside the member's value stack their names above
// them and take them off again when they end.
func (p *jsonParser) checkMember(base int, seen map[string]struct{}) (map[string]struct{}, error) {
	start, line, lstart := p.off, p.line, p.lstart
	raw, escaped, err := p.scanStr()
	if err != nil {
		return nil, err
	}
	name := raw[1 : len(raw)-1]
	if escaped {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			p.off = start
			return nil, p.errorf("bad escape sequence in string")
		}
		name = []byte(s)
	}
	dup := false
	if seen != nil {
		_, dup = seen[string(name)]
	} else {
		for _, n := range p.names[base:] {
			if string(n) == string(name) {
				dup = true
				break
			}
		}
	}
	if dup {
		end := p.off
		p.off, p.line, p.lstart = start, line, lstart
		keyPos := p.pos()
		p.off = end
		return nil, position.Errorf(keyPos, "invalid JSON: duplicate key %q; each key may appear once per object", name)
	}
	p.names = append(p.names, name)
	switch {
	case seen != nil:
		seen[string(name)] = struct{}{}
	case len(p.names)-base > manyMembers:
		seen = make(map[string]struct{}, 2*manyMembers)
		for _, n := range p.names[base:] {
			seen[string(n)] = struct{}{}
		}
	}
	p.skipSpace()
	if p.off >= len(p.data) || p.data[p.off] != ':' {
		return nil, p.errorf("unexpected %s after member name %q, expected ':'", p.describe(), name)
	}
	p.off++
	p.skipSpace()
	return seen, nil
}

func (p *jsonParser) array(node *posNode, depth int) (any, error) {
	p.off++ // [
	arr := []any{}
	p.skipSpace()
	if p.off < len(p.data) && p.data[p.off] == ']' {
		p.off++
		return arr, nil
	}
	for i := 0; ; i++ {
		p.skipSpace()
		var child *posNode
		if node != nil {
			child = node.item(i, p.pos())
		}
		v, err := p.value(child, depth+1)
		if err != nil {
			return nil, err
		}
		if !p.positionsOnly {
			arr = append(arr, v)
		}
		p.skipSpace()
		if p.off >= len(p.data) {
			return nil, p.errorf("unexpected end of file inside an array, the document is truncated")
		}
		switch p.data[p.off] {
		case ',':
			p.off++
		case ']':
			p.off++
			return arr, nil
		default:
			return nil, p.errorf("unexpected %s in an array, expected ',' or ']'", p.describe())
		}
	}
}

func (p *jsonParser) str() (any, error) {
	start := p.off
	raw, escaped, err := p.scanStr()
	if err != nil {
		return nil, err
	}
	if !escaped {
		return string(raw[1 : len(raw)-1]), nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		p.off = start
		return nil, p.errorf("bad escape sequence in string")
	}
	return s, nil
}

// checkStr is str for the check-only pass: the same checks and errors,
// without making a string of every value (most need no unescaping).
func (p *jsonParser) checkStr() error {
	start := p.off
	raw, escaped, err := p.scanStr()
	if err == nil && escaped && !validEscapes(raw) {
		p.off = start
		return p.errorf("bad escape sequence in string")
	}
	return err
}

// validEscapes reports whether json.Unmarshal accepts the quoted string raw
// (its escape sequences; scanStr checked the rest).
func validEscapes(raw []byte) bool {
	var s string
	return json.Unmarshal(raw, &s) == nil
}

// scanStr moves past the string at p.off and returns it as written, quotes
// included, and whether it has escapes.
func (p *jsonParser) scanStr() (raw []byte, escaped bool, err error) {
	start := p.off
	p.off++ // opening quote
	for p.off < len(p.data) {
		c := p.data[p.off]
		switch {
		case c == '"':
			p.off++
			return p.data[start:p.off], escaped, nil
		case c == '\\':
			escaped = true
			p.off += 2
		case c < 0x20:
			return nil, false, p.errorf("control character 0x%02x inside a string; escape it", c)
		default:
			p.off++
		}
	}
	return nil, false, p.errorf("unexpected end of file inside a string, the document is truncated")
}

// plainMember reads a member name at p.off that needs no JSON unescaping;
// otherwise it leaves p.off alone and returns false.
func (p *jsonParser) plainMember() (string, bool) {
	for i := p.off + 1; i < len(p.data); i++ {
		switch c := p.data[i]; {
		case c == '"':
			key := string(p.data[p.off+1 : i])
			p.off = i + 1
			return key, true
		case c == '\\' || c < 0x20:
			return "", false
		}
	}
	return "", false
}

// skipStr moves past a string value, checking it as str does, without
// decoding it.
func (p *jsonParser) skipStr() error {
	p.off++ // opening quote
	for p.off < len(p.data) {
		switch c := p.data[p.off]; {
		case c == '"':
			p.off++
			return nil
		case c == '\\':
			p.off += 2
		case c < 0x20:
			return p.errorf("control character 0x%02x inside a string; escape it", c)
		default:
			p.off++
		}
	}
	return p.errorf("unexpected end of file inside a string, the document is truncated")
}

func (p *jsonParser) number() (any, error) {
	start := p.off
	for p.off < len(p.data) {
		c := p.data[p.off]
		if (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
			p.off++
			continue
		}
		break
	}
	n := json.Number(p.data[start:p.off])
	if !validNumber(string(n)) {
		p.off = start
		return nil, p.errorf("malformed number %q", string(n))
	}
	if err := numberInRange(string(n)); err != nil {
		p.off = start
		return nil, p.errorf("%v", err)
	}
	return n, nil
}

// maxNumberLen bounds a number literal: real documents write a few dozen
// digits, and arbitrary-precision parsing of a megabyte of digits is slow.
const maxNumberLen = 1000

// numberInRange refuses what policy evaluation cannot take: OPA refuses
// numbers whose binary exponent passes 1e5 (1e999999 became "build policy
// input: invalid number" with no file or line), and schema validation of
// such numbers took a minute. Short plain literals need no check.
func numberInRange(s string) error {
	if len(s) <= 15 && !strings.ContainsAny(s, "eE") {
		return nil
	}
	if len(s) > maxNumberLen {
		return fmt.Errorf("number with %d characters; at most %d are accepted", len(s), maxNumberLen)
	}
	f, ok := new(big.Float).SetString(s)
	if !ok {
		return fmt.Errorf("malformed number %q", s)
	}
	if exp := f.MantExp(nil); f.IsInf() || exp > maxNumberExp || exp < -maxNumberExp {
		return fmt.Errorf("number %.40s is out of range (its magnitude passes 2^%d)", s, maxNumberExp)
	}
	return nil
}

// maxNumberExp is OPA's own limit on a number's binary exponent
// (ast.validateNumber).
const maxNumberExp = 100_000

// validNumber follows the JSON number grammar of RFC 8259 section 6.
func validNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return false
		}
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return false
		}
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	return i == len(s)
}
