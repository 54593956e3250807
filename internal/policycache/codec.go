// Package policycache keeps compiled built-in policies between runs: a
// binary encoding of OPA's compiled modules (this file) and a store of
// encodings in the user's cache directory (store.go). Compiling the
// policies is most of a small run's time; compiled modules read back need
// only the compiler's index stages (IndexStagesOnly), a third of a compile.
package policycache

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"
)

// term tags.
const (
	tagNil byte = iota
	tagNull
	tagFalse
	tagTrue
	tagNumber
	tagString
	tagVar
	tagRef
	tagArray
	tagObject
	tagSet
	tagArrayCompr
	tagObjectCompr
	tagSetCompr
	tagCall
)

// expression kinds.
const (
	exprTerm byte = iota
	exprCall
	exprSome
	exprEvery
)

// encoder writes modules with a table of strings and one of locations, so
// the decoder makes each string and each location once. A location's text
// is written as a span of its file's source when it is one (always, for
// parsed modules), literally otherwise.
type encoder struct {
	body    []byte
	strings map[string]int
	strList []string
	locs    map[*ast.Location]int
	locList []*ast.Location
	marked  func(*ast.Rule) bool // see EncodeMarked
}

// Encode writes compiled modules; sources holds each module file's source
// text by name (a location's text is read back from it). A module with a
// construct the encoding does not know is an error: the caller compiles as
// usual then.
func Encode(modules map[string]*ast.Module, sources map[string][]byte) ([]byte, error) {
	return EncodeMarked(modules, sources, nil)
}

// EncodeMarked is Encode with one mark per top-level rule, marked(rule)
// (none when marked is nil), which DecodeMarked returns.
func EncodeMarked(modules map[string]*ast.Module, sources map[string][]byte, marked func(*ast.Rule) bool) ([]byte, error) {
	e := &encoder{strings: map[string]int{}, locs: map[*ast.Location]int{}, marked: marked}
	names := make([]string, 0, len(modules))
	for n := range modules {
		names = append(names, n)
	}
	sort.Strings(names)
	e.uint(len(names))
	for _, n := range names {
		e.str(n)
		if err := e.module(modules[n]); err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
	}
	for _, l := range e.locList {
		e.strID(l.File)
	}
	var out []byte
	out = binary.AppendUvarint(out, uint64(len(e.strList)))
	for _, s := range e.strList {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	out = binary.AppendUvarint(out, uint64(len(e.locList)))
	for _, l := range e.locList {
		out = binary.AppendUvarint(out, uint64(e.strID(l.File)))
		out = binary.AppendUvarint(out, uint64(l.Row))
		out = binary.AppendUvarint(out, uint64(l.Col))
		out = binary.AppendUvarint(out, uint64(l.Offset))
		src := sources[l.File]
		if l.Offset >= 0 && l.Offset+len(l.Text) <= len(src) && string(src[l.Offset:l.Offset+len(l.Text)]) == string(l.Text) {
			out = append(out, 0)
			out = binary.AppendUvarint(out, uint64(len(l.Text)))
		} else {
			out = append(out, 1)
			out = binary.AppendUvarint(out, uint64(len(l.Text)))
			out = append(out, l.Text...)
		}
	}
	return append(out, e.body...), nil
}

func (e *encoder) uint(n int)  { e.body = binary.AppendUvarint(e.body, uint64(n)) }
func (e *encoder) byte(b byte) { e.body = append(e.body, b) }

func (e *encoder) strID(s string) int {
	id, ok := e.strings[s]
	if !ok {
		id = len(e.strList)
		e.strings[s] = id
		e.strList = append(e.strList, s)
	}
	return id
}

func (e *encoder) str(s string) { e.uint(e.strID(s)) }

func (e *encoder) flag(b bool) {
	if b {
		e.byte(1)
	} else {
		e.byte(0)
	}
}

// loc writes 0 for no location, else 1 + its index in the table.
func (e *encoder) loc(l *ast.Location) {
	if l == nil {
		e.uint(0)
		return
	}
	id, ok := e.locs[l]
	if !ok {
		id = len(e.locList)
		e.locs[l] = id
		e.locList = append(e.locList, l)
	}
	e.uint(id + 1)
}

func (e *encoder) module(m *ast.Module) error {
	if len(m.Imports) > 0 {
		return errors.New("imports left after compiling")
	}
	if m.RegoVersionSpan() != ast.RegoVersionSpanOf(ast.RegoV1) {
		return errors.New("not a Rego v1 module") // the decoder marks every module v1
	}
	if err := e.terms(m.Package.Path); err != nil {
		return err
	}
	e.loc(m.Package.Location)
	e.uint(len(m.Rules))
	for _, r := range m.Rules {
		e.flag(e.marked != nil && e.marked(r))
		if err := e.rule(r); err != nil {
			return err
		}
	}
	return nil
}

func (e *encoder) rule(r *ast.Rule) error {
	e.flag(r.Default)
	e.loc(r.Location)
	h := r.Head
	e.str(string(h.Name))
	if err := e.terms(h.Reference); err != nil {
		return err
	}
	if err := e.terms(h.Args); err != nil {
		return err
	}
	if err := e.term(h.Key); err != nil {
		return err
	}
	if err := e.term(h.Value); err != nil {
		return err
	}
	e.flag(h.Assign)
	e.loc(h.Location)
	if err := e.bodyOf(r.Body); err != nil {
		return err
	}
	e.flag(r.Else != nil)
	if r.Else != nil {
		return e.rule(r.Else)
	}
	return nil
}

func (e *encoder) bodyOf(b ast.Body) error {
	e.uint(len(b))
	for _, x := range b {
		if err := e.expr(x); err != nil {
			return err
		}
	}
	return nil
}

func (e *encoder) expr(x *ast.Expr) error {
	e.uint(x.Index)
	e.flag(x.Generated)
	e.flag(x.Negated)
	e.loc(x.Location)
	switch t := x.Terms.(type) {
	case *ast.Term:
		e.byte(exprTerm)
		if err := e.term(t); err != nil {
			return err
		}
	case []*ast.Term:
		e.byte(exprCall)
		if err := e.terms(t); err != nil {
			return err
		}
	case *ast.SomeDecl:
		e.byte(exprSome)
		e.loc(t.Location)
		if err := e.terms(t.Symbols); err != nil {
			return err
		}
	case *ast.Every:
		e.byte(exprEvery)
		e.loc(t.Location)
		for _, part := range []*ast.Term{t.Key, t.Value, t.Domain} {
			if err := e.term(part); err != nil {
				return err
			}
		}
		if err := e.bodyOf(t.Body); err != nil {
			return err
		}
	default:
		return fmt.Errorf("expression of type %T", x.Terms)
	}
	e.uint(len(x.With))
	for _, w := range x.With {
		e.loc(w.Location)
		if err := e.term(w.Target); err != nil {
			return err
		}
		if err := e.term(w.Value); err != nil {
			return err
		}
	}
	return nil
}

func (e *encoder) terms(ts []*ast.Term) error {
	e.uint(len(ts))
	for _, t := range ts {
		if err := e.term(t); err != nil {
			return err
		}
	}
	return nil
}

func (e *encoder) term(t *ast.Term) error {
	if t == nil {
		e.byte(tagNil)
		return nil
	}
	var err error
	switch v := t.Value.(type) {
	case ast.Null:
		e.byte(tagNull)
		e.loc(t.Location)
	case ast.Boolean:
		if v {
			e.byte(tagTrue)
		} else {
			e.byte(tagFalse)
		}
		e.loc(t.Location)
	case ast.Number:
		e.byte(tagNumber)
		e.loc(t.Location)
		e.str(string(v))
	case ast.String:
		e.byte(tagString)
		e.loc(t.Location)
		e.str(string(v))
	case ast.Var:
		e.byte(tagVar)
		e.loc(t.Location)
		e.str(string(v))
	case ast.Ref:
		e.byte(tagRef)
		e.loc(t.Location)
		err = e.terms(v)
	case ast.Call:
		e.byte(tagCall)
		e.loc(t.Location)
		err = e.terms(v)
	case *ast.Array:
		e.byte(tagArray)
		e.loc(t.Location)
		e.uint(v.Len())
		for i := range v.Len() {
			if err = e.term(v.Elem(i)); err != nil {
				break
			}
		}
	case ast.Set:
		e.byte(tagSet)
		e.loc(t.Location)
		e.uint(v.Len())
		v.Foreach(func(x *ast.Term) {
			if err == nil {
				err = e.term(x)
			}
		})
	case ast.Object:
		e.byte(tagObject)
		e.loc(t.Location)
		e.uint(v.Len())
		v.Foreach(func(k, x *ast.Term) {
			if err == nil {
				err = e.term(k)
			}
			if err == nil {
				err = e.term(x)
			}
		})
	case *ast.ArrayComprehension:
		e.byte(tagArrayCompr)
		e.loc(t.Location)
		if err = e.term(v.Term); err == nil {
			err = e.bodyOf(v.Body)
		}
	case *ast.SetComprehension:
		e.byte(tagSetCompr)
		e.loc(t.Location)
		if err = e.term(v.Term); err == nil {
			err = e.bodyOf(v.Body)
		}
	case *ast.ObjectComprehension:
		e.byte(tagObjectCompr)
		e.loc(t.Location)
		if err = e.term(v.Key); err == nil {
			if err = e.term(v.Value); err == nil {
				err = e.bodyOf(v.Body)
			}
		}
	default:
		return fmt.Errorf("term of type %T", t.Value)
	}
	return err
}
