package vuln

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/annexlint/annexlint/internal/docparse"
)

// The readers walk the generic decoded tree rather than typed structs so that
// a wrong type or a missing member becomes a Problem at an exact JSON pointer
// instead of aborting the whole decode.

// problems collects Problems in discovery order (deterministic for a given
// input).
type problems struct{ list []Problem }

func (p *problems) add(ptr, format string, args ...any) {
	p.addCode(ptr, ProblemInvalid, format, args...)
}

func (p *problems) addCode(ptr, code, format string, args ...any) {
	p.list = append(p.list, Problem{Loc: Loc{Pointer: ptr}, Code: code, Msg: fmt.Sprintf(format, args...)})
}

// node is a value in the decoded tree with its JSON pointer. A member that is
// absent is a node with present == false.
type node struct {
	v       any
	ptr     string
	present bool
	p       *problems
}

func root(v any, p *problems) node { return node{v: v, present: true, p: p} }

func (n node) object() (map[string]any, bool) {
	m, ok := n.v.(map[string]any)
	return m, ok && n.present
}

// key returns member k of an object node (absent when n is not an object).
func (n node) key(k string) node {
	c := node{ptr: docparse.Pointer(n.ptr, k), p: n.p}
	if m, ok := n.object(); ok {
		c.v, c.present = m[k]
	}
	return c
}

func (n node) has(k string) bool { return n.key(k).present }

// name is the member name or array index the node is at, for messages.
func (n node) name() string {
	tok := n.ptr[strings.LastIndexByte(n.ptr, '/')+1:]
	if tok == "" {
		return "the document"
	}
	if _, err := strconv.Atoi(tok); err == nil {
		return "item " + tok
	}
	return strconv.Quote(strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~"))
}

// typeName describes a decoded JSON value for messages.
func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// str returns the string value, "" when absent; a non-string is a Problem.
func (n node) str() string {
	if !n.present {
		return ""
	}
	s, ok := n.v.(string)
	if !ok {
		n.p.add(n.ptr, "%s must be a string, not %s", n.name(), typeName(n.v))
	}
	return strings.TrimSpace(s)
}

// reqStr is str for a required member: absence or emptiness is a Problem at
// the parent object.
func (n node) reqStr(parent node, what string) string {
	if !n.present {
		parent.p.add(parent.ptr, "missing required %s", what)
		return ""
	}
	s := n.str()
	if s == "" {
		if _, ok := n.v.(string); ok {
			n.p.add(n.ptr, "%s must not be empty", what)
		}
	}
	return s
}

// text renders a scalar (string, number, boolean) as a string; used where
// producers disagree on the type (a version written as 1 or "1").
func (n node) text() string {
	switch v := n.v.(type) {
	case string:
		return strings.TrimSpace(v)
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	}
	return ""
}

// list returns the items of an array node; absent gives nil, a non-array is a
// Problem.
func (n node) list() []node {
	if !n.present {
		return nil
	}
	a, ok := n.v.([]any)
	if !ok {
		n.p.add(n.ptr, "%s must be an array, not %s", n.name(), typeName(n.v))
		return nil
	}
	out := make([]node, len(a))
	for i, v := range a {
		out[i] = node{v: v, ptr: docparse.Index(n.ptr, i), present: true, p: n.p}
	}
	return out
}

// strs returns the strings of an array of strings, skipping (and reporting)
// other items and empty strings.
func (n node) strs() []string {
	var out []string
	for _, c := range n.list() {
		if s := c.str(); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// isObject reports a present object; a present non-object is a Problem.
func (n node) isObject(what string) bool {
	if !n.present {
		return false
	}
	if _, ok := n.object(); !ok {
		n.p.add(n.ptr, "%s must be an object, not %s", what, typeName(n.v))
		return false
	}
	return true
}

// only reports members of an object that are not in allowed, as a schema
// with additionalProperties: false does.
func (n node) only(what string, allowed ...string) {
	m, ok := n.object()
	if !ok {
		return
	}
	var extra []string
	for k := range m {
		if !slices.Contains(allowed, k) {
			extra = append(extra, k)
		}
	}
	slices.Sort(extra)
	for _, k := range extra {
		n.p.add(n.key(k).ptr, "unexpected property %q in %s", k, what)
	}
}

// enum checks a string value against the allowed set.
func (n node) enum(v, what string, allowed ...string) {
	if v != "" && !slices.Contains(allowed, v) {
		n.p.add(n.ptr, "%s %q is not one of: %s", what, v, strings.Join(allowed, ", "))
	}
}

// dateTime checks an RFC 3339 date-time value.
func (n node) dateTime(v, what string) {
	if v == "" {
		return
	}
	if _, err := time.Parse(time.RFC3339Nano, v); err != nil {
		n.p.add(n.ptr, "%s %q is not an RFC 3339 date-time", what, v)
	}
}

// date checks a YYYY-MM-DD value.
func (n node) date(v, what string) {
	if v == "" {
		return
	}
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		n.p.add(n.ptr, "%s %q is not a YYYY-MM-DD date", what, v)
	}
}
