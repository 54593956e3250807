// Package termsafe neutralises text from bundles and policies before it
// reaches a terminal or a report. A bundle is untrusted: an escape sequence
// in a product name could clear the screen or overwrite a real error with a
// fake "0 error(s)" line, and a bidi override could make a line read
// differently from what it says.
package termsafe

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// dangerous reports runes a terminal or a text viewer acts on rather than
// shows: C0 and C1 controls, DEL, and the Unicode bidi and line controls.
func dangerous(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, // bidi marks
		r >= 0x202a && r <= 0x202e, // embeddings and overrides
		r >= 0x2066 && r <= 0x2069, // isolates
		r == 0x2028, r == 0x2029,   // line and paragraph separators
		r == 0xfeff: // zero-width no-break space (BOM)
		return true
	}
	return false
}

// String returns s with every dangerous rune, invalid UTF-8 byte and
// backslash-free control written as a visible escape (\x1b, \u202e), so the
// text stays on one line and shows what the file holds.
func String(s string) string {
	return neutralise(s, false)
}

// Lines is String but keeps line feeds: for messages annexlint itself
// builds over several lines (a list of errors).
func Lines(s string) string {
	return neutralise(s, true)
}

func neutralise(s string, keepNewlines bool) string {
	clean := true
	for _, r := range s {
		if (dangerous(r) && (r != '\n' || !keepNewlines)) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n' && keepNewlines:
			b.WriteByte('\n')
		case r < 0x80 && dangerous(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case dangerous(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// JSON rewrites raw C1 controls and Unicode bidi and line controls in
// encoded JSON as \u escapes. encoding/json leaves them raw (except U+2028
// and U+2029), and a reader viewing a report in a terminal or an editor
// would see them act. In valid JSON these runes can only occur inside
// strings, where the escape means the same character.
func JSON(data []byte) []byte {
	if !needsJSON(data) {
		return data
	}
	var b bytes.Buffer
	b.Grow(len(data) + 64)
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r >= 0x80 && dangerous(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
		} else {
			b.Write(data[i : i+size])
		}
		i += size
	}
	return b.Bytes()
}

func needsJSON(data []byte) bool {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if dangerous(r) {
			return true
		}
		i += size
	}
	return false
}

// Markdown returns s as literal Markdown text: every ASCII punctuation
// character is backslash-escaped (CommonMark allows it for all of them) and
// <, > and & become entities, so
// text from a custom policy's METADATA cannot open a link, an image, raw
// HTML or a heading in a SARIF viewer. Line feeds become spaces, so no
// block structure can start either.
func Markdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r == '<':
			b.WriteString("&lt;") // entities: renderers that pass HTML through still show text
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r < 0x80 && r > 0x20 && !('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Writer returns a writer that neutralises everything written to it as
// Lines does: for streams of human-readable messages such as standard error.
func Writer(w io.Writer) io.Writer { return lineWriter{w} }

type lineWriter struct{ w io.Writer }

func (l lineWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(l.w, Lines(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
