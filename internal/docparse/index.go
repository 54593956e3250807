package docparse

import (
	"context"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/annexlint/annexlint/internal/position"
)

// posNode is the position index of one value: where it starts (or, for an
// object member, where its key starts) and the nodes of its members or
// items. A tree, not a map from pointer strings: a map stores every
// value's whole path, so 200 levels of 300-character keys above an array
// of 250,000 numbers needed 60 KB per number and ran out of memory. Here
// each key is stored once, in its parent.
type posNode struct {
	line, col int32
	keys      map[string]*posNode // object members
	items     []*posNode          // array items
}

func newNode(p position.Pos) *posNode {
	return &posNode{line: int32(min(p.Line, 1<<31-1)), col: int32(min(p.Col, 1<<31-1))} //nolint:gosec // clamped
}

// member returns the node of an object member, adding it at p if new; the
// first position recorded wins (a YAML alias or merge may visit it again).
func (n *posNode) member(key string, p position.Pos) *posNode {
	if c, ok := n.keys[key]; ok {
		return c
	}
	if n.keys == nil {
		n.keys = map[string]*posNode{}
	}
	c := newNode(p)
	n.keys[key] = c
	return c
}

// item is member for array item i; items arrive in order.
func (n *posNode) item(i int, p position.Pos) *posNode {
	if i < len(n.items) {
		return n.items[i]
	}
	c := newNode(p)
	n.items = append(n.items, c)
	return c
}

// lookup follows an RFC 6901 pointer as far as the index goes and returns
// the deepest node reached.
func (n *posNode) lookup(pointer string) *posNode {
	if !strings.HasPrefix(pointer, "/") {
		return n
	}
	for _, tok := range strings.Split(pointer[1:], "/") {
		var next *posNode
		if n.items != nil {
			if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(n.items) {
				next = n.items[i]
			}
		} else if n.keys != nil {
			if strings.Contains(tok, "~") {
				tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
			}
			next = n.keys[tok]
		}
		if next == nil {
			return n
		}
		n = next
	}
	return n
}

// Budget caps the values all documents of one run may produce together.
// Limits per document do not bound a bundle that lists many documents, or
// one file many times over through links; a budget shared by every parse
// of the run does. A nil *Budget has no limit.
//
// It also carries the run's context: parsing checks it every 65,536
// values, so --timeout stops a long parse too.
type Budget struct {
	limit int64
	used  atomic.Int64
	ctx   context.Context //nolint:containedctx // one run's; checked while parsing
}

// NewBudget returns a budget of limit values for the run of ctx.
func NewBudget(ctx context.Context, limit int64) *Budget {
	return &Budget{limit: limit, ctx: ctx}
}

// Take charges n values and reports whether the budget still holds and
// the run has not been stopped.
func (b *Budget) Take(n int64) bool {
	if b == nil {
		return true
	}
	used := b.used.Add(n)
	if used>>16 != (used-n)>>16 && b.ctx != nil && b.ctx.Err() != nil {
		return false
	}
	return used <= b.limit
}

// Err says why Take refused: the run's context, or nil when it is the
// limit.
func (b *Budget) Err() error {
	if b == nil || b.ctx == nil {
		return nil
	}
	return b.ctx.Err()
}

// Fits reports whether n more values would stay within the budget,
// without charging them.
func (b *Budget) Fits(n int64) bool {
	return b == nil || b.used.Load()+n <= b.limit
}

// Limit is the budget's size.
func (b *Budget) Limit() int64 {
	if b == nil {
		return 0
	}
	return b.limit
}

// Used is how many values were charged so far.
func (b *Budget) Used() int64 {
	if b == nil {
		return 0
	}
	return b.used.Load()
}
