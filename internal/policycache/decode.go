package policycache

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
)

// errCorrupt is every decoding failure: the store treats the entry as
// absent and the policies are compiled as usual.
var errCorrupt = errors.New("policy cache entry is corrupt")

// maxDepth bounds the nesting the decoder follows, so a damaged or forged
// entry cannot exhaust the stack.
const maxDepth = 512

type decoder struct {
	data    []byte
	pos     int
	strs    []string
	locs    []ast.Location
	depth   int
	sources map[string][]byte
	// terms and exprs are allocated in blocks: a compiled policy set has
	// hundreds of thousands of terms, and one allocation per term was most
	// of decoding.
	termBlock []ast.Term
	exprBlock []ast.Expr
	// The lists of terms (refs, calls, arguments, …) and of expressions
	// (bodies) are cut from blocks too, each with its capacity cut to its
	// length, so that an append to one (a compiler stage's) moves it out
	// of the block instead of writing over its neighbour.
	termListBlock []*ast.Term
	exprListBlock []*ast.Expr
	ruleBlock     []ast.Rule
	headBlock     []ast.Head
	// scalars holds, by string index, the number, string or variable first
	// made of each string: a value stored in a term's interface is
	// allocated once and shared (values are immutable), not once per term.
	// (A string used as two kinds is rare: the other kind is made anew.)
	scalars []ast.Value
	marked  map[*ast.Rule]bool // see DecodeMarked
	// lastFile and lastSrc are the file of the location read last and its
	// source: locations come file by file, and a lookup by name per
	// location was a tenth of decoding.
	lastFile string
	lastSrc  []byte
}

const block = 1024

func (d *decoder) newTerm() *ast.Term {
	if len(d.termBlock) == 0 {
		d.termBlock = make([]ast.Term, block)
	}
	t := &d.termBlock[0]
	d.termBlock = d.termBlock[1:]
	return t
}

// termList returns a list of n terms cut from a block (see termListBlock).
func (d *decoder) termList(n int) []*ast.Term {
	if n > block {
		return make([]*ast.Term, n)
	}
	if len(d.termListBlock) < n {
		d.termListBlock = make([]*ast.Term, block*4)
	}
	ts := d.termListBlock[:n:n]
	d.termListBlock = d.termListBlock[n:]
	return ts
}

// exprList is termList for bodies.
func (d *decoder) exprList(n int) ast.Body {
	if n > block {
		return make(ast.Body, n)
	}
	if len(d.exprListBlock) < n {
		d.exprListBlock = make([]*ast.Expr, block)
	}
	b := d.exprListBlock[:n:n]
	d.exprListBlock = d.exprListBlock[n:]
	return b
}

func (d *decoder) newRule() *ast.Rule {
	if len(d.ruleBlock) == 0 {
		d.ruleBlock = make([]ast.Rule, block/4)
		d.headBlock = make([]ast.Head, block/4)
	}
	r := &d.ruleBlock[0]
	r.Head = &d.headBlock[0]
	d.ruleBlock, d.headBlock = d.ruleBlock[1:], d.headBlock[1:]
	return r
}

func (d *decoder) newExpr() *ast.Expr {
	if len(d.exprBlock) == 0 {
		d.exprBlock = make([]ast.Expr, block)
	}
	x := &d.exprBlock[0]
	d.exprBlock = d.exprBlock[1:]
	return x
}

// Decode reads modules written by Encode, with the same sources (by file
// name) the encoder saw. Any inconsistency is an error, never a panic.
func Decode(data []byte, sources map[string][]byte) (modules map[string]*ast.Module, err error) {
	modules, _, err = DecodeMarked(data, sources)
	return modules, err
}

// DecodeMarked is Decode that also returns the top-level rules
// EncodeMarked marked.
func DecodeMarked(data []byte, sources map[string][]byte) (modules map[string]*ast.Module, marked map[*ast.Rule]bool, err error) {
	d := &decoder{data: data, sources: sources, marked: map[*ast.Rule]bool{}}
	defer func() {
		// The decoder checks every bound it reads; this is the last guard
		// of a run that must never crash on a file in the cache.
		if r := recover(); r != nil {
			modules, marked, err = nil, nil, fmt.Errorf("%w: %v", errCorrupt, r)
		}
	}()
	n, err := d.count()
	if err != nil {
		return nil, nil, err
	}
	// The strings are cut from one string holding the whole table (their
	// lengths included): one allocation, not one per string.
	d.strs = make([]string, n)
	offsets := make([][2]int, n)
	start := d.pos
	for i := range d.strs {
		l, err := d.count()
		if err != nil {
			return nil, nil, err
		}
		offsets[i] = [2]int{d.pos - start, d.pos - start + l}
		d.pos += l
	}
	table := string(d.data[start:d.pos])
	for i, o := range offsets {
		d.strs[i] = table[o[0]:o[1]]
	}
	if n, err = d.count(); err != nil {
		return nil, nil, err
	}
	d.locs = make([]ast.Location, n)
	for i := range d.locs {
		if err := d.location(&d.locs[i]); err != nil {
			return nil, nil, err
		}
	}
	if n, err = d.count(); err != nil {
		return nil, nil, err
	}
	modules = make(map[string]*ast.Module, n)
	for range n {
		name, err := d.str()
		if err != nil {
			return nil, nil, err
		}
		m, err := d.module()
		if err != nil {
			return nil, nil, err
		}
		modules[name] = m
	}
	if d.pos != len(d.data) {
		return nil, nil, fmt.Errorf("%w: %d bytes after the last module", errCorrupt, len(d.data)-d.pos)
	}
	return modules, d.marked, nil
}

func (d *decoder) uint() (int, error) {
	v, n := binary.Uvarint(d.data[d.pos:])
	if n <= 0 || v > uint64(len(d.data))*8+1<<20 {
		return 0, errCorrupt
	}
	d.pos += n
	return int(v), nil
}

// count reads a number of following items, each at least one byte long.
func (d *decoder) count() (int, error) {
	v, err := d.uint()
	if err != nil || v > len(d.data)-d.pos {
		return 0, errCorrupt
	}
	return v, nil
}

func (d *decoder) byte() (byte, error) {
	if d.pos >= len(d.data) {
		return 0, errCorrupt
	}
	b := d.data[d.pos]
	d.pos++
	return b, nil
}

func (d *decoder) flag() (bool, error) {
	b, err := d.byte()
	if err != nil || b > 1 {
		return false, errCorrupt
	}
	return b == 1, nil
}

func (d *decoder) str() (string, error) {
	id, err := d.uint()
	if err != nil || id >= len(d.strs) {
		return "", errCorrupt
	}
	return d.strs[id], nil
}

func (d *decoder) location(l *ast.Location) error {
	file, err := d.str()
	if err != nil {
		return err
	}
	l.File = file
	if l.Row, err = d.uint(); err != nil {
		return err
	}
	if l.Col, err = d.uint(); err != nil {
		return err
	}
	if l.Offset, err = d.uint(); err != nil {
		return err
	}
	literal, err := d.flag()
	if err != nil {
		return err
	}
	size, err := d.uint()
	if err != nil {
		return err
	}
	if literal {
		if size > len(d.data)-d.pos {
			return errCorrupt
		}
		l.Text = d.data[d.pos : d.pos+size : d.pos+size]
		d.pos += size
		return nil
	}
	if file != d.lastFile || d.lastSrc == nil {
		d.lastFile, d.lastSrc = file, d.sources[file]
	}
	src := d.lastSrc
	if l.Offset > len(src) || size > len(src)-l.Offset {
		return errCorrupt
	}
	l.Text = src[l.Offset : l.Offset+size : l.Offset+size]
	return nil
}

func (d *decoder) loc() (*ast.Location, error) {
	id, err := d.uint()
	if err != nil || id > len(d.locs) {
		return nil, errCorrupt
	}
	if id == 0 {
		return nil, nil
	}
	return &d.locs[id-1], nil
}

func (d *decoder) module() (*ast.Module, error) {
	path, err := d.terms()
	if err != nil {
		return nil, err
	}
	if len(path) == 0 {
		return nil, errCorrupt
	}
	loc, err := d.loc()
	if err != nil {
		return nil, err
	}
	m := &ast.Module{Package: &ast.Package{Path: path, Location: loc}}
	m.SetRegoVersionSpan(ast.RegoVersionSpanOf(ast.RegoV1))
	n, err := d.count()
	if err != nil {
		return nil, err
	}
	m.Rules = make([]*ast.Rule, n)
	for i := range m.Rules {
		marked, err := d.flag()
		if err != nil {
			return nil, err
		}
		if m.Rules[i], err = d.rule(m); err != nil {
			return nil, err
		}
		if marked {
			d.marked[m.Rules[i]] = true
		}
	}
	return m, nil
}

func (d *decoder) rule(m *ast.Module) (*ast.Rule, error) {
	if d.depth++; d.depth > maxDepth {
		return nil, errCorrupt
	}
	x, err := d.ruleNested(m)
	d.depth--
	return x, err
}

// ruleNested is rule within the depth bound rule keeps. (A deferred
// decrement cost a call per item: the function has too many returns for
// the compiler to inline its defer.)
func (d *decoder) ruleNested(m *ast.Module) (*ast.Rule, error) {
	r := d.newRule()
	r.Module = m
	var err error
	if r.Default, err = d.flag(); err != nil {
		return nil, err
	}
	if r.Location, err = d.loc(); err != nil {
		return nil, err
	}
	name, err := d.str()
	if err != nil {
		return nil, err
	}
	r.Head.Name = ast.Var(name)
	if r.Head.Reference, err = d.terms(); err != nil {
		return nil, err
	}
	if r.Head.Args, err = d.terms(); err != nil {
		return nil, err
	}
	if r.Head.Key, err = d.term(); err != nil {
		return nil, err
	}
	if r.Head.Value, err = d.term(); err != nil {
		return nil, err
	}
	if r.Head.Assign, err = d.flag(); err != nil {
		return nil, err
	}
	if r.Head.Location, err = d.loc(); err != nil {
		return nil, err
	}
	if r.Body, err = d.bodyOf(); err != nil {
		return nil, err
	}
	hasElse, err := d.flag()
	if err != nil {
		return nil, err
	}
	if hasElse {
		if r.Else, err = d.rule(m); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func (d *decoder) bodyOf() (ast.Body, error) {
	n, err := d.count()
	if err != nil {
		return nil, err
	}
	b := d.exprList(n)
	for i := range b {
		if b[i], err = d.expr(); err != nil {
			return nil, err
		}
	}
	return b, nil
}

func (d *decoder) expr() (*ast.Expr, error) {
	if d.depth++; d.depth > maxDepth {
		return nil, errCorrupt
	}
	x, err := d.exprNested()
	d.depth--
	return x, err
}

// exprNested is expr within the depth bound expr keeps. (A deferred
// decrement cost a call per item: the function has too many returns for
// the compiler to inline its defer.)
func (d *decoder) exprNested() (*ast.Expr, error) {
	x := d.newExpr()
	var err error
	if x.Index, err = d.uint(); err != nil {
		return nil, err
	}
	if x.Generated, err = d.flag(); err != nil {
		return nil, err
	}
	if x.Negated, err = d.flag(); err != nil {
		return nil, err
	}
	if x.Location, err = d.loc(); err != nil {
		return nil, err
	}
	kind, err := d.byte()
	if err != nil {
		return nil, err
	}
	switch kind {
	case exprTerm:
		t, err := d.term()
		if err != nil || t == nil {
			return nil, errCorrupt
		}
		x.Terms = t
	case exprCall:
		ts, err := d.terms()
		if err != nil {
			return nil, err
		}
		x.Terms = ts
	case exprSome:
		s := &ast.SomeDecl{}
		if s.Location, err = d.loc(); err != nil {
			return nil, err
		}
		if s.Symbols, err = d.terms(); err != nil {
			return nil, err
		}
		x.Terms = s
	case exprEvery:
		ev := &ast.Every{}
		if ev.Location, err = d.loc(); err != nil {
			return nil, err
		}
		if ev.Key, err = d.term(); err != nil {
			return nil, err
		}
		if ev.Value, err = d.term(); err != nil {
			return nil, err
		}
		if ev.Domain, err = d.term(); err != nil {
			return nil, err
		}
		if ev.Body, err = d.bodyOf(); err != nil {
			return nil, err
		}
		x.Terms = ev
	default:
		return nil, errCorrupt
	}
	n, err := d.count()
	if err != nil {
		return nil, err
	}
	if n > 0 {
		x.With = make([]*ast.With, n)
		for i := range x.With {
			w := &ast.With{}
			if w.Location, err = d.loc(); err != nil {
				return nil, err
			}
			if w.Target, err = d.term(); err != nil {
				return nil, err
			}
			if w.Value, err = d.term(); err != nil {
				return nil, err
			}
			x.With[i] = w
		}
	}
	return x, nil
}

func (d *decoder) terms() ([]*ast.Term, error) {
	n, err := d.count()
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, nil
	}
	ts := d.termList(n)
	for i := range ts {
		if ts[i], err = d.term(); err != nil {
			return nil, err
		}
	}
	return ts, nil
}

func (d *decoder) term() (*ast.Term, error) {
	if d.depth++; d.depth > maxDepth {
		return nil, errCorrupt
	}
	x, err := d.termNested()
	d.depth--
	return x, err
}

// termNested is term within the depth bound term keeps. (A deferred
// decrement cost a call per item: the function has too many returns for
// the compiler to inline its defer.)
func (d *decoder) termNested() (*ast.Term, error) {
	tag, err := d.byte()
	if err != nil {
		return nil, err
	}
	if tag == tagNil {
		return nil, nil
	}
	loc, err := d.loc()
	if err != nil {
		return nil, err
	}
	t := d.newTerm()
	t.Location = loc
	switch tag {
	case tagNull:
		t.Value = ast.Null{}
	case tagFalse:
		t.Value = ast.Boolean(false)
	case tagTrue:
		t.Value = ast.Boolean(true)
	case tagNumber, tagString, tagVar:
		if t.Value, err = d.scalar(tag); err != nil {
			return nil, err
		}
	case tagRef, tagCall, tagArray, tagSet:
		ts, err := d.terms()
		if err != nil {
			return nil, err
		}
		for _, x := range ts {
			if x == nil {
				return nil, errCorrupt
			}
		}
		switch tag {
		case tagRef:
			if len(ts) == 0 {
				return nil, errCorrupt
			}
			t.Value = ast.Ref(ts)
		case tagCall:
			if len(ts) == 0 {
				return nil, errCorrupt
			}
			t.Value = ast.Call(ts)
		case tagArray:
			t.Value = ast.NewArray(ts...)
		default:
			t.Value = ast.NewSet(ts...)
		}
	case tagObject:
		n, err := d.count()
		if err != nil {
			return nil, err
		}
		pairs := make([][2]*ast.Term, n)
		for i := range pairs {
			if pairs[i][0], err = d.term(); err != nil {
				return nil, err
			}
			if pairs[i][1], err = d.term(); err != nil {
				return nil, err
			}
			if pairs[i][0] == nil || pairs[i][1] == nil {
				return nil, errCorrupt
			}
		}
		t.Value = ast.NewObject(pairs...)
	case tagArrayCompr, tagSetCompr:
		head, err := d.term()
		if err != nil || head == nil {
			return nil, errCorrupt
		}
		body, err := d.bodyOf()
		if err != nil {
			return nil, err
		}
		if tag == tagArrayCompr {
			t.Value = &ast.ArrayComprehension{Term: head, Body: body}
		} else {
			t.Value = &ast.SetComprehension{Term: head, Body: body}
		}
	case tagObjectCompr:
		key, err := d.term()
		if err != nil || key == nil {
			return nil, errCorrupt
		}
		value, err := d.term()
		if err != nil || value == nil {
			return nil, errCorrupt
		}
		body, err := d.bodyOf()
		if err != nil {
			return nil, err
		}
		t.Value = &ast.ObjectComprehension{Key: key, Value: value, Body: body}
	default:
		return nil, errCorrupt
	}
	return t, nil
}

// scalar reads a number, string or variable (tag says which).
func (d *decoder) scalar(tag byte) (ast.Value, error) {
	id, err := d.uint()
	if err != nil || id >= len(d.strs) {
		return nil, errCorrupt
	}
	if d.scalars == nil {
		d.scalars = make([]ast.Value, len(d.strs))
	}
	made := d.scalars[id]
	var v ast.Value
	switch tag {
	case tagNumber:
		if _, ok := made.(ast.Number); ok {
			return made, nil
		}
		v = ast.Number(d.strs[id])
	case tagString:
		if _, ok := made.(ast.String); ok {
			return made, nil
		}
		v = ast.String(d.strs[id])
	default:
		if _, ok := made.(ast.Var); ok {
			return made, nil
		}
		v = ast.Var(d.strs[id])
	}
	if made == nil {
		d.scalars[id] = v
	}
	return v, nil
}
