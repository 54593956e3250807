// Package docparse reads JSON and YAML documents into plain Go values
// (map[string]any, []any, string, json.Number, bool, nil) while keeping, for
// every value, the file, line and column it came from. Every finding that
// annexlint reports is resolved through this index, so a policy only has to
// name a JSON pointer.
package docparse

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/annexlint/annexlint/internal/position"
)

// Limits bound the work a single document may cause. Zero fields take the
// defaults below; they guard against nesting and alias bombs in untrusted
// files.
type Limits struct {
	MaxDepth int // deepest nesting of objects and arrays
	MaxNodes int // values produced, counting every YAML alias expansion
	// Budget, when set, is shared by every document of a run (see Budget).
	Budget *Budget
	// MergeKeys lets YAML merge keys (<<) through, resolved as YAML 1.1
	// defines them. Native documents refuse them (the merged keys are easy
	// to misread); third-party formats whose own examples use them, such as
	// Threagile, opt in.
	MergeKeys bool
}

// Default limits: generous for real technical documentation (CycloneDX
// nesting rarely passes 20 levels) and far below what exhausts memory.
const (
	DefaultMaxDepth = 256
	DefaultMaxNodes = 5_000_000
)

// raiseHint names the flag that raises the value limits.
const raiseHint = "raise the limit with --max-values if the document is genuine"

func budgetMessage(b *Budget) string {
	if err := b.Err(); err != nil {
		return fmt.Sprintf("stopped while reading: %v", err)
	}
	return fmt.Sprintf("the bundle's documents hold more than %d values in all; %s", b.Limit(), raiseHint)
}

func (l Limits) withDefaults() Limits {
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxNodes <= 0 {
		l.MaxNodes = DefaultMaxNodes
	}
	return l
}

// Syntax says which surface syntax a document was written in.
type Syntax string

// The two syntaxes annexlint reads.
const (
	JSON Syntax = "json"
	YAML Syntax = "yaml"
)

// Doc is one parsed file.
type Doc struct {
	File   string
	Syntax Syntax
	Value  any

	raw    []byte
	limits Limits

	once  sync.Once
	index *posNode
}

// Parse reads data as JSON when it starts with '{' or '[' and as YAML
// otherwise. file is the bundle-relative path used in positions.
func Parse(file string, data []byte, limits Limits) (*Doc, error) {
	limits = limits.withDefaults()
	if err := checkEncoding(file, data); err != nil {
		return nil, err
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, position.Errorf(position.Pos{File: file, Line: 1}, "file is empty; expected a JSON or YAML document")
	}
	d := &Doc{File: file, raw: data, limits: limits}
	var err error
	if trimmed[0] == '{' || trimmed[0] == '[' {
		d.Syntax = JSON
		d.Value, err = parseJSON(file, data, limits, nil)
	} else {
		d.Syntax = YAML
		// yaml.v3 builds its whole node tree before any limit here can
		// count a value, so the count is estimated from the text first; a
		// YAML value counts double there, for the node tree beside the
		// values (2.4 million YAML values peaked at 1.3 GB).
		if n := yamlEstimate(data); 2*n > limits.MaxNodes || !limits.Budget.Fits(2*int64(n)) {
			return nil, position.Errorf(position.Pos{File: file, Line: 1},
				"about %d YAML values (counted from the text before parsing, each counting double), more than the limit of %d values; %s", n, limits.MaxNodes, raiseHint)
		}
		var idx *posNode
		d.Value, idx, err = parseYAML(file, data, limits)
		d.index = idx
		d.once.Do(func() {}) // YAML builds its index while parsing
	}
	if err != nil {
		return nil, err
	}
	return d, nil
}

// Locate returns a Doc over JSON data that is not parsed into a value: its
// position index is built on the first call to Pos. Readers that decode a
// format themselves (SBOMs, VEX) use it so that large files are indexed
// only when a finding needs a line.
func Locate(file string, data []byte, limits Limits) *Doc {
	return &Doc{File: file, Syntax: JSON, raw: data, limits: limits.withDefaults()}
}

// Pos returns the position of the value at the RFC 6901 pointer, or of its
// nearest ancestor that has one. For object members the position is the
// member's key, which is where a reader expects to look.
func (d *Doc) Pos(pointer string) position.Pos {
	d.once.Do(func() {
		idx := newNode(position.Pos{Line: 1, Col: 1})
		// The document parsed once already, so a second pass cannot fail.
		if err := indexJSON(d.File, d.raw, d.limits, idx); err == nil {
			d.index = idx
		}
	})
	if d.index == nil {
		return position.Pos{File: d.File, Line: 1, Col: 1}
	}
	n := d.index.lookup(pointer)
	return position.Pos{File: d.File, Line: int(n.line), Col: int(n.col)}
}

// CheckEncoding refuses what a reader of text would otherwise misread
// silently: a byte-order mark and bytes that are not UTF-8, with the
// offending byte's line and column. Parse and CheckJSON apply it; readers
// of other text formats call it.
func CheckEncoding(file string, data []byte) error { return checkEncoding(file, data) }

// checkEncoding refuses what JSON and YAML readers would otherwise misread
// silently: a byte-order mark and bytes that are not UTF-8.
func checkEncoding(file string, data []byte) error {
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		return position.Errorf(position.Pos{File: file, Line: 1, Col: 1},
			"file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM")
	}
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return position.Errorf(position.Pos{File: file, Line: 1, Col: 1},
			"file is UTF-16 encoded; save it as UTF-8")
	}
	if utf8.Valid(data) {
		return nil
	}
	for off := 0; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			line, col := position.LineCol(data, off)
			return position.Errorf(position.Pos{File: file, Line: line, Col: col},
				"invalid UTF-8 byte 0x%02x; the file must be UTF-8 encoded", data[off])
		}
		off += size
	}
	return nil
}

// Pointer appends an escaped reference token to an RFC 6901 pointer.
func Pointer(parent string, token string) string {
	if strings.ContainsAny(token, "~/") {
		token = strings.ReplaceAll(token, "~", "~0")
		token = strings.ReplaceAll(token, "/", "~1")
	}
	return parent + "/" + token
}

// Index appends an array index to a pointer.
func Index(parent string, i int) string { return parent + "/" + strconv.Itoa(i) }

// ensure json.Number stays the number type across both syntaxes.
var _ = json.Number("")

// yamlEstimate counts the bytes that can start a YAML value or separate
// two: line feeds, commas, colons and flow brackets. Every value but the
// first follows one of them, so it is an upper bound for the values
// written (aliases expand later, under their own limit), and close enough
// for ordinary documents.
func yamlEstimate(data []byte) int {
	n := 1
	for _, c := range data {
		switch c {
		case '\n', ',', ':', '[', '{':
			n++
		}
	}
	return n
}
