package jsonreport

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/termsafe"
)

// stream writes a report in exactly the bytes json.Encoder gives the
// document and multi structs (two-space indent, HTML not escaped, C1 and
// bidi controls escaped by termsafe.JSON), but a value at a time: a run over
// a large SBOM reports thousands of findings, and encoding the whole report
// into one buffer first held it in memory twice (the encoder's buffer and
// termsafe's copy). TestStreamMatchesEncoder holds the bytes to the
// encoder's for every example.
type stream struct {
	w    *bufio.Writer
	buf  bytes.Buffer
	enc  *json.Encoder
	line []byte // plainFinding's buffer, reused
	err  error
}

func newStream(w io.Writer) *stream {
	s := &stream{w: bufio.NewWriterSize(w, 64<<10)}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	return s
}

func (s *stream) raw(text string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(text)
	}
}

// value writes v as the encoder would at an indentation of prefix.
func (s *stream) value(v any, prefix string) {
	if s.err != nil {
		return
	}
	s.buf.Reset()
	s.enc.SetIndent(prefix, "  ")
	if s.err = s.enc.Encode(v); s.err != nil {
		return
	}
	_, s.err = s.w.Write(termsafe.JSON(bytes.TrimSuffix(s.buf.Bytes(), []byte("\n"))))
}

// member is one key of an object and how to write its value.
type member struct {
	key   string
	write func(prefix string)
}

// object writes the members as the lines of an object indented by prefix.
func (s *stream) object(prefix string, members []member) {
	s.raw("{")
	for i, m := range members {
		if i > 0 {
			s.raw(",")
		}
		s.raw("\n" + prefix + "  ")
		s.value(m.key, "")
		s.raw(": ")
		m.write(prefix + "  ")
	}
	s.raw("\n" + prefix + "}")
}

// array writes n elements, each written by elem, as the encoder writes a
// non-nil slice.
func (s *stream) array(prefix string, n int, elem func(i int, prefix string)) {
	if n == 0 {
		s.raw("[]")
		return
	}
	s.raw("[")
	for i := range n {
		if i > 0 {
			s.raw(",")
		}
		s.raw("\n" + prefix + "  ")
		elem(i, prefix+"  ")
	}
	s.raw("\n" + prefix + "]")
}

// findings writes findings as jsonFinding values, each with its fingerprint.
func (s *stream) findings(fs []finding.Finding) func(prefix string) {
	return func(prefix string) {
		s.array(prefix, len(fs), func(i int, prefix string) {
			if !s.plainFinding(fs[i], prefix) {
				s.value(jsonFinding{Finding: fs[i], Fingerprint: fs[i].Fingerprint()}, prefix)
			}
		})
	}
}

// plainFinding writes a finding the way the encoder writes its jsonFinding,
// if it is plain: no related locations, status, waiver or override, and
// every text printable ASCII, which the encoder writes as it is but for a
// backslash before quotes and backslashes, and termsafe leaves alone. A report over a large SBOM is
// thousands of such findings, and the encoder's reflection and indenting
// were a tenth of the whole run. Any other finding goes through the encoder
// (false). TestStreamMatchesEncoder and TestPlainFindingAsEncoded hold the
// bytes to the encoder's.
func (s *stream) plainFinding(f finding.Finding, prefix string) bool {
	if s.err != nil || len(f.Related) > 0 || f.Status != "" || f.Waiver != nil || f.Override != nil {
		return false
	}
	for _, text := range []string{f.RuleID, string(f.Severity), f.Message, f.Pos.File, f.Pointer, f.Key, f.Kind, f.Basis} {
		if !plain(text) {
			return false
		}
	}
	in := prefix + "  "
	b := s.line[:0]
	field := func(key, value string, last bool) {
		b = append(b, in...)
		b = append(b, '"')
		b = append(b, key...)
		b = append(b, `": "`...)
		b = appendPlain(b, value)
		b = append(b, '"')
		if !last {
			b = append(b, ',')
		}
		b = append(b, '\n')
	}
	b = append(b, "{\n"...)
	field("rule_id", f.RuleID, false)
	field("severity", string(f.Severity), false)
	field("message", f.Message, false)
	b = append(b, in...)
	b = append(b, `"location": {`...)
	b = append(b, '\n')
	b = append(b, in...)
	b = append(b, `  "file": "`...)
	b = appendPlain(b, f.Pos.File)
	b = append(b, '"')
	for _, n := range []struct {
		key   string
		value int
	}{{"line", f.Pos.Line}, {"column", f.Pos.Col}} {
		if n.value != 0 {
			b = append(b, ",\n"...)
			b = append(b, in...)
			b = append(b, `  "`...)
			b = append(b, n.key...)
			b = append(b, `": `...)
			b = strconv.AppendInt(b, int64(n.value), 10)
		}
	}
	b = append(b, '\n')
	b = append(b, in...)
	b = append(b, "},\n"...)
	field("pointer", f.Pointer, false)
	field("key", f.Key, false)
	field("kind", f.Kind, false)
	field("basis", f.Basis, false)
	field("fingerprint", f.Fingerprint(), true)
	b = append(b, prefix...)
	b = append(b, '}')
	s.line = b
	_, s.err = s.w.Write(b)
	return true
}

// plain reports whether text is printable ASCII, which the encoder writes
// as it is but for a backslash before quotes and backslashes (appendPlain).
func plain(text string) bool {
	for i := range len(text) {
		if c := text[i]; c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

// appendPlain appends plain text as the encoder writes it between quotes.
func appendPlain(b []byte, text string) []byte {
	for {
		i := strings.IndexAny(text, `"\`)
		if i < 0 {
			return append(b, text...)
		}
		b = append(b, text[:i]...)
		b = append(b, '\\', text[i])
		text = text[i+1:]
	}
}

func (s *stream) is(v any) func(prefix string) {
	return func(prefix string) { s.value(v, prefix) }
}

// document writes one bundle's report (the document struct's fields, in
// its order); the findings lists come straight from the result.
func (s *stream) document(d document, prefix string) {
	members := []member{
		{"schema_version", s.is(d.SchemaVersion)},
		{"tool", s.is(d.Tool)},
		{"as_of", s.is(d.AsOf)},
		{"bundle", s.is(d.Bundle)},
		{"repo_prefix", s.is(d.RepoPrefix)},
		{"product", s.is(d.Product)},
		{"regime", s.is(d.Regime)},
		{"documents", s.is(d.Documents)},
		{"summary", s.is(d.Summary)},
		{"obligation_summary", s.is(d.Statuses)},
		{"obligations", s.is(d.Obligations)},
		{"rules", func(prefix string) {
			if d.Rules == nil {
				s.raw("null")
				return
			}
			s.array(prefix, len(d.Rules), func(i int, prefix string) { s.value(d.Rules[i], prefix) })
		}},
		{"findings", s.findings(d.res.Findings)},
		{"waived", s.findings(d.res.Waived)},
	}
	if len(d.res.Baselined) > 0 {
		members = append(members, member{"baselined", s.findings(d.res.Baselined)})
	}
	s.object(prefix, members)
}

func (s *stream) finish() error {
	s.raw("\n")
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}
