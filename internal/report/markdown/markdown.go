// Package markdown writes the audit report as Markdown (GitHub-flavoured
// tables), the twin of internal/report/html: the same view, built by
// internal/report/audit, rendered with text/template. Every value from the
// bundle or the policies is escaped so it cannot add markup, links or table
// cells of its own.
package markdown

import (
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
	"text/template"

	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/report/audit"
	"github.com/annexlint/annexlint/internal/result"
)

//go:embed report.md.tmpl
var source string

// tmpl is parsed on first use, not at start-up: most runs never write an
// audit report, and parsing it is a few milliseconds of every process start.
var tmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"md":        Escape,
		"code":      codeSpan,
		"remedy":    remedy,
		"maxPlaces": func() int { return audit.MaxPlaces },
	}).Parse(source))
})

// Writer is the Markdown audit report writer.
type Writer struct{}

// Write renders the audit report for res; identical inputs give identical
// bytes.
func (Writer) Write(w io.Writer, meta report.Meta, res *result.Result) error {
	var b strings.Builder
	if err := tmpl().Execute(&b, audit.Build(meta, res)); err != nil {
		return fmt.Errorf("markdown report: %w", err)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Escape backslash-escapes the ASCII punctuation that Markdown (CommonMark
// and GitHub tables) could read as markup inside a line: emphasis, code,
// links, images, HTML, entities and table cells. Characters that are markup
// only at the start of a line (# + - > and digits) are left alone: the
// templates never start a line with a value. The view has already replaced
// newlines and control characters.
func Escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~', '!':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// codeSpan puts s in a code span long enough not to be closed by backquotes
// inside it; a pipe is escaped so it cannot end a table cell.
func codeSpan(s string) string {
	if s == "" {
		return ""
	}
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	s = strings.ReplaceAll(s, "|", `\|`)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// remedy renders a remediation text whose `backquoted` spans are code.
func remedy(s string) string {
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 {
		return Escape(s)
	}
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 {
			b.WriteString(codeSpan(p))
		} else {
			b.WriteString(Escape(p))
		}
	}
	return b.String()
}
