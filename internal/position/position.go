// Package position describes where in a bundle file a value or a finding sits.
package position

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/annexlint/annexlint/internal/termsafe"
)

// Pos is a place in a file: the file path is relative to the bundle root and
// uses forward slashes; Line and Col are 1-based, 0 when unknown.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"column,omitempty"`
}

// String renders the position as file:line:col, omitting unknown parts.
// The file name comes from a manifest, so control characters in it are
// shown as escapes rather than sent to a terminal.
func (p Pos) String() string {
	file := termsafe.String(p.File)
	switch {
	case p.Line == 0:
		return file
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
	}
}

// Error is an input error tied to a place in a file. Every loader returns it
// for problems a user can fix, so the CLI can print file:line: reason.
type Error struct {
	Pos Pos
	Msg string
}

// Error renders the error on one line: Msg may quote the file, and a line
// break or escape sequence in it must not reach a terminal as such.
func (e *Error) Error() string { return e.Pos.String() + ": " + termsafe.String(e.Msg) }

// Errorf builds a positioned input error.
func Errorf(p Pos, format string, args ...any) *Error {
	return &Error{Pos: p, Msg: fmt.Sprintf(format, args...)}
}

// SourceMap resolves an RFC 6901 JSON pointer into a document's content, as
// rules see it, to the place in the original file it came from (or the
// nearest enclosing place that has one). Every document reader returns one.
type SourceMap interface {
	Pos(pointer string) Pos
}

// LineCol converts a byte offset in data into a 1-based line and column, the
// column counted in characters (UTF-8), as editors count it; lines end at
// '\n'. An offset past the end is the end.
func LineCol(data []byte, off int) (line, col int) {
	if off > len(data) {
		off = len(data)
	}
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, utf8.RuneCount(data[start:off]) + 1
}
