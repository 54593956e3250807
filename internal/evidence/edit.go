package evidence

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/annexlint/annexlint/internal/atomicfile"
	"github.com/annexlint/annexlint/internal/docparse"
)

// Signoff is who reviewed the new versions of the evidence, and when. The
// zero value records no reviewer.
type Signoff struct {
	ReviewedBy string
	ReviewedOn string // YYYY-MM-DD
}

// Validate checks the sign-off's fields.
func (s Signoff) Validate() error {
	if s.ReviewedBy == "" {
		if s.ReviewedOn != "" {
			return errors.New("--date needs --reviewed-by: a date with no reviewer signs nothing off")
		}
		return nil
	}
	if strings.TrimSpace(s.ReviewedBy) != s.ReviewedBy || strings.ContainsAny(s.ReviewedBy, "\n\r") {
		return fmt.Errorf("--reviewed-by %q: give the reviewer's name on one line, without leading or trailing spaces", s.ReviewedBy)
	}
	if _, err := time.Parse(time.DateOnly, s.ReviewedOn); err != nil {
		return fmt.Errorf("--date %q: give the review date as YYYY-MM-DD", s.ReviewedOn)
	}
	return nil
}

// Write records the actual SHA-256 of every Changed or Unhashed entry in its
// matrix, and the sign-off when one is given, and returns the entries it
// updated. Each matrix is rewritten atomically (a temporary file renamed
// into place, with the file's permissions), changing only the bytes of
// those values: a value written is replaced where it stands, a field not yet
// written is added right after the item's document. The result is parsed
// again and must equal the old matrix with exactly those values changed, or
// nothing is written. A matrix that is a symbolic link, or sits under one, or
// changed since Scan read it, is refused.
func Write(r *Report, s Signoff) ([]*Entry, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	var written []*Entry
	for _, m := range r.Matrices {
		var todo []*Entry
		for _, e := range m.Entries {
			if e.Status == Changed || e.Status == Unhashed {
				todo = append(todo, e)
			}
		}
		if len(todo) == 0 {
			continue
		}
		if s.ReviewedBy == "" {
			// A sign-off names the version reviewed: left beside a new hash
			// it would claim a review that did not happen.
			for _, e := range todo {
				if k := signedOff(e.item); k != nil {
					return written, fmt.Errorf("%s:%d:%d: %s signs off the recorded hash of %s, not the new one; give --reviewed-by NAME (and --date) for the review of the new version",
						m.Path, k.Line, k.Column, k.Value, e.Document)
				}
			}
		}
		out, err := m.edit(todo, s)
		if err != nil {
			return written, err
		}
		if err := m.replace(r.Bundle, out); err != nil {
			return written, err
		}
		written = append(written, todo...)
	}
	return written, nil
}

// edit is one change of the matrix's bytes: at offset, drop n bytes and put
// text in their place.
type edit struct {
	offset, n int
	text      string
}

func (m *Matrix) edit(todo []*Entry, s Signoff) ([]byte, error) {
	lines := lineStarts(m.data)
	var edits []edit
	for _, e := range todo {
		fields := [][2]string{{"sha256", e.Actual}}
		if s.ReviewedBy != "" {
			fields = append(fields, [2]string{"reviewed_by", s.ReviewedBy}, [2]string{"reviewed_on", s.ReviewedOn})
		}
		var inserts []string
		for _, f := range fields {
			if v := member(e.item, f[0]); v != nil {
				ed, err := m.replaceValue(lines, e.item, v, f[1])
				if err != nil {
					return nil, err
				}
				edits = append(edits, ed)
				continue
			}
			inserts = append(inserts, f[0])
		}
		if len(inserts) > 0 {
			ed, err := m.insertFields(lines, e.item, inserts, fields)
			if err != nil {
				return nil, err
			}
			edits = append(edits, ed)
		}
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].offset > edits[j].offset })
	out := append([]byte(nil), m.data...)
	for _, ed := range edits {
		out = append(out[:ed.offset], append([]byte(ed.text), out[ed.offset+ed.n:]...)...)
	}
	if err := m.check(out, todo, s); err != nil {
		return nil, err
	}
	return out, nil
}

// lineStarts is the byte offset of each line's start.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// offset turns yaml.v3's line and column (1-based, counted in characters,
// a byte-order mark not counted) into a byte offset.
func (m *Matrix) offset(lines []int, line, col int) (int, error) {
	if line < 1 || line > len(lines) {
		return 0, fmt.Errorf("%s: line %d is outside the file", m.Path, line)
	}
	off := lines[line-1]
	if line == 1 && bytes.HasPrefix(m.data, []byte{0xEF, 0xBB, 0xBF}) {
		off += 3
	}
	for i := 1; i < col; i++ {
		if off >= len(m.data) || m.data[off] == '\n' {
			return 0, fmt.Errorf("%s:%d: column %d is past the end of the line", m.Path, line, col)
		}
		_, size := utf8.DecodeRune(m.data[off:])
		off += size
	}
	return off, nil
}

// token returns the extent of a scalar as written: a plain scalar on one
// line, or a quoted one. Block scalars and plain scalars over several lines
// are refused: replacing them in place is not worth the risk.
func (m *Matrix) token(lines []int, n *yaml.Node) (start, end int, err error) {
	start, err = m.offset(lines, n.Line, n.Column)
	if err != nil {
		return 0, 0, err
	}
	rest := m.data[start:]
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		for i := 1; i < len(rest); i++ {
			switch rest[i] {
			case '\\':
				i++
			case '"':
				return start, start + i + 1, nil
			}
		}
	case n.Style&yaml.SingleQuotedStyle != 0:
		for i := 1; i < len(rest); i++ {
			if rest[i] == '\'' {
				if i+1 < len(rest) && rest[i+1] == '\'' {
					i++
					continue
				}
				return start, start + i + 1, nil
			}
		}
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 && n.Kind == yaml.ScalarNode:
		if bytes.HasPrefix(rest, []byte(n.Value)) && !strings.ContainsAny(n.Value, "\n") {
			return start, start + len(n.Value), nil
		}
	}
	return 0, 0, fmt.Errorf("%s:%d:%d: annexlint edits only values written on one line (plain or quoted); write this one on one line, or update it by hand", m.Path, n.Line, n.Column)
}

// render writes value for the matrix's syntax: text is quoted (JSON string
// syntax, which YAML reads the same); a SHA-256 (hash true) keeps the style
// of the value it replaces (like, nil for a new one: plain), unless YAML
// would read it plain as something other than text.
func render(value string, like *yaml.Node, hash bool) string {
	quoted, _ := json.Marshal(value)
	if !hash || !plainText(value) {
		return string(quoted)
	}
	switch {
	case like == nil:
		return value
	case like.Style&yaml.DoubleQuotedStyle != 0:
		return string(quoted)
	case like.Style&yaml.SingleQuotedStyle != 0:
		return "'" + value + "'"
	default:
		return value
	}
}

// plainText reports whether YAML reads s, written plain, as the text s
// (a hash of digits and one "e" would read as a number).
func plainText(s string) bool {
	var v any
	if err := yaml.Unmarshal([]byte(s), &v); err != nil {
		return false
	}
	text, ok := v.(string)
	return ok && text == s
}

func (m *Matrix) replaceValue(lines []int, item, v *yaml.Node, value string) (edit, error) {
	start, end, err := m.token(lines, v)
	if err != nil {
		return edit{}, err
	}
	return edit{offset: start, n: end - start, text: render(value, v, v == member(item, "sha256"))}, nil
}

// insertFields adds the fields an item lacks right after its document: on
// new lines at the document key's indentation in a block mapping, or after
// the document value in a flow mapping ({...}, and JSON).
func (m *Matrix) insertFields(lines []int, item *yaml.Node, keys []string, fields [][2]string) (edit, error) {
	docKey, docVal := memberKey(item, "document"), member(item, "document")
	_, end, err := m.token(lines, docVal)
	if err != nil {
		return edit{}, err
	}
	value := map[string]string{}
	for _, f := range fields {
		value[f[0]] = f[1]
	}
	var b strings.Builder
	if item.Style&yaml.FlowStyle != 0 {
		jsonKeys := docKey.Style&yaml.DoubleQuotedStyle != 0
		for _, k := range keys {
			b.WriteString(", ")
			if jsonKeys {
				b.WriteString(`"` + k + `"`)
			} else {
				b.WriteString(k)
			}
			b.WriteString(": " + render(value[k], nil, false))
		}
		return edit{offset: end, text: b.String()}, nil
	}
	if docKey.Line != docVal.Line {
		return edit{}, fmt.Errorf("%s:%d:%d: write the document and its path on one line, or add sha256 by hand", m.Path, docKey.Line, docKey.Column)
	}
	// The end of the document's line, before its line break (and any \r).
	eol := end
	for eol < len(m.data) && m.data[eol] != '\n' {
		eol++
	}
	newline := "\n"
	if eol > 0 && eol <= len(m.data) && eol > end && m.data[eol-1] == '\r' {
		eol--
		newline = "\r\n"
	}
	indent := strings.Repeat(" ", docKey.Column-1)
	for _, k := range keys {
		b.WriteString(newline + indent + k + ": " + render(value[k], nil, k == "sha256"))
	}
	return edit{offset: eol, text: b.String()}, nil
}

// check parses the edited bytes and compares them with the old matrix with
// exactly the intended values changed.
func (m *Matrix) check(out []byte, todo []*Entry, s Signoff) error {
	before, err := docparse.Parse(m.Path, m.data, docparse.Limits{})
	if err != nil {
		return err
	}
	after, err := docparse.Parse(m.Path, out, docparse.Limits{})
	if err != nil {
		return fmt.Errorf("%s: the edited matrix would not parse (%w); nothing written, update it by hand", m.Path, err)
	}
	want := before.Value
	for _, e := range todo {
		item, ok := itemAt(want, e.index)
		if !ok {
			return fmt.Errorf("%s: the matrix changed while annexlint read it; run again", m.Path)
		}
		item["sha256"] = e.Actual
		if s.ReviewedBy != "" {
			item["reviewed_by"] = s.ReviewedBy
			item["reviewed_on"] = s.ReviewedOn
		}
	}
	if !reflect.DeepEqual(want, after.Value) {
		return fmt.Errorf("%s: the edited matrix would not read as the old one with only the new hashes; nothing written, update it by hand", m.Path)
	}
	return nil
}

// itemAt returns the evidence item at /entries/i/evidence/j of a parsed
// matrix.
func itemAt(v any, at [2]int) (map[string]any, bool) {
	root, _ := v.(map[string]any)
	entries, _ := root["entries"].([]any)
	if at[0] >= len(entries) {
		return nil, false
	}
	entry, _ := entries[at[0]].(map[string]any)
	list, _ := entry["evidence"].([]any)
	if at[1] >= len(list) {
		return nil, false
	}
	item, ok := list[at[1]].(map[string]any)
	return item, ok
}

// replace writes out over the matrix atomically, after making sure the
// path is still the regular file Scan read, inside the bundle and reached
// through no symbolic link, with the same bytes.
func (m *Matrix) replace(bundleRoot string, out []byte) error {
	path := filepath.Join(bundleRoot, filepath.FromSlash(m.Path))
	dir := bundleRoot
	for _, part := range strings.Split(m.Path, "/") {
		dir = filepath.Join(dir, part)
		st, err := os.Lstat(dir)
		if err != nil {
			return fmt.Errorf("%s: %w", m.Path, err)
		}
		if st.Mode()&os.ModeSymlink != 0 {
			return fmt.Errorf("%s: %s is a symbolic link; annexlint writes only to regular files reached without links inside the bundle", m.Path, filepath.ToSlash(dir[len(bundleRoot)+1:]))
		}
	}
	st, err := os.Lstat(path)
	if err != nil {
		return fmt.Errorf("%s: %w", m.Path, err)
	}
	if !st.Mode().IsRegular() || !os.SameFile(st, m.info) {
		return fmt.Errorf("%s: the file was replaced since annexlint read it; nothing written, run again", m.Path)
	}
	now, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%s: %w", m.Path, err)
	}
	if !bytes.Equal(now, m.data) {
		return fmt.Errorf("%s: the file changed since annexlint read it; nothing written, run again", m.Path)
	}
	return atomicfile.Write(path, st.Mode().Perm(), func(w io.Writer) error {
		_, err := w.Write(out)
		return err
	})
}

// signedOff returns the key of an item's sign-off field, or nil.
func signedOff(item *yaml.Node) *yaml.Node {
	for _, k := range []string{"reviewed_by", "reviewed_on"} {
		if key := memberKey(item, k); key != nil {
			return key
		}
	}
	return nil
}
