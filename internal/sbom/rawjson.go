package sbom

import (
	"encoding/json"
	"strconv"
	"strings"
)

// span is a value's byte range in the input.
type span struct{ start, end int }

// rawJSON answers what the typed decoders cannot: whether a member is written
// at all (an absent string and "" decode alike) and how a value was spelt
// before a decoder normalised it. It scans only the containers it is asked
// about and remembers their members and elements by offset, so checks that
// ask about every component still read each byte a bounded number of times.
// The input has passed detection, so it is well-formed and its nesting is
// within maxDepth wherever the decoders accepted it.
type rawJSON struct {
	data []byte
	root int // offset of the root '{'
	objs map[int]map[string]span
	arrs map[int][]span
}

func newRawJSON(data []byte, root int) *rawJSON {
	return &rawJSON{data: data, root: root, objs: map[int]map[string]span{}, arrs: map[int][]span{}}
}

// at finds the value at an RFC 6901 pointer.
func (r *rawJSON) at(ptr string) (span, bool) {
	s := span{start: r.root}
	for ptr != "" {
		if ptr[0] != '/' || s.start >= len(r.data) {
			return span{}, false
		}
		ptr = ptr[1:]
		tok := ptr
		if i := strings.IndexByte(ptr, '/'); i >= 0 {
			tok, ptr = ptr[:i], ptr[i:]
		} else {
			ptr = ""
		}
		var ok bool
		switch r.data[s.start] {
		case '{':
			if strings.IndexByte(tok, '~') >= 0 {
				tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
			}
			s, ok = r.members(s.start)[tok]
		case '[':
			el := r.elems(s.start)
			i, err := strconv.Atoi(tok)
			if ok = err == nil && i >= 0 && i < len(el); ok {
				s = el[i]
			}
		}
		if !ok {
			return span{}, false
		}
	}
	return s, true
}

// members maps the keys of the object at off, exactly as written (JSON is
// case-sensitive, the decoders are not), to their values; a repeated key
// keeps its last value, as encoding/json does.
func (r *rawJSON) members(off int) map[string]span {
	if m, ok := r.objs[off]; ok {
		return m
	}
	m := map[string]span{}
	scanObject(r.data, off, 1, func(key []byte, vStart, vEnd int) {
		k := string(key)
		if strings.IndexByte(k, '\\') >= 0 {
			var s string
			if json.Unmarshal([]byte(`"`+k+`"`), &s) == nil {
				k = s
			}
		}
		m[k] = span{vStart, vEnd}
	})
	r.objs[off] = m
	return m
}

// elems lists the elements of the array at off.
func (r *rawJSON) elems(off int) []span {
	if el, ok := r.arrs[off]; ok {
		return el
	}
	var el []span
	i := skipWS(r.data, off+1)
	for i < len(r.data) && r.data[i] != ']' {
		end, res := skipValue(r.data, i, 1)
		if res != scanOK {
			break
		}
		el = append(el, span{i, end})
		i = skipWS(r.data, end)
		if i < len(r.data) && r.data[i] == ',' {
			i = skipWS(r.data, i+1)
		}
	}
	r.arrs[off] = el
	return el
}

// has reports whether the object at ptr has the member key.
func (r *rawJSON) has(ptr, key string) bool {
	s, ok := r.at(ptr)
	if !ok || r.data[s.start] != '{' {
		return false
	}
	_, ok = r.members(s.start)[key]
	return ok
}

// str returns the string at ptr as written (escapes decoded); ok is false for
// anything that is not a string.
func (r *rawJSON) str(ptr string) (string, bool) {
	s, ok := r.at(ptr)
	if !ok || r.data[s.start] != '"' {
		return "", false
	}
	raw := r.data[s.start:s.end]
	if inner := raw[1 : len(raw)-1]; !containsByte(inner, '\\') {
		return string(inner), true
	}
	var v string
	if json.Unmarshal(raw, &v) != nil {
		return "", false
	}
	return v, true
}

func containsByte(b []byte, c byte) bool {
	for _, x := range b {
		if x == c {
			return true
		}
	}
	return false
}
