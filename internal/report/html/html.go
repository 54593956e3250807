// Package html writes the audit report as one self-contained HTML file: the
// styles are inline, nothing is fetched (a Content-Security-Policy in the
// page forbids it), and a print style sheet lays it out for PDF. It renders
// the view built by internal/report/audit with html/template, which escapes
// every value for its context.
package html

import (
	_ "embed"
	"fmt"
	htmltemplate "html/template"
	"io"
	"strings"
	"sync"

	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/report/audit"
	"github.com/annexlint/annexlint/internal/result"
)

//go:embed report.html.tmpl
var source string

// tmpl is parsed on first use, not at start-up: most runs never write an
// audit report, and parsing it is a few milliseconds of every process start.
var tmpl = sync.OnceValue(func() *htmltemplate.Template {
	return htmltemplate.Must(htmltemplate.New("report").Funcs(htmltemplate.FuncMap{
		"code":      code,
		"join":      strings.Join,
		"maxPlaces": func() int { return audit.MaxPlaces },
	}).Parse(source))
})

// Writer is the HTML audit report writer.
type Writer struct{}

// Write renders the audit report for res. The output depends only on its
// inputs (no clock, no map order), so identical runs give identical bytes.
func (Writer) Write(w io.Writer, meta report.Meta, res *result.Result) error {
	var b strings.Builder
	if err := tmpl().Execute(&b, audit.Build(meta, res)); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// code renders text whose `backquoted` spans are code (remediation texts
// are written that way) with those spans in <code>, everything escaped.
func code(s string) htmltemplate.HTML {
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 { // unbalanced: show the text as it is
		return htmltemplate.HTML(htmltemplate.HTMLEscapeString(s))
	}
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 {
			b.WriteString("<code>" + htmltemplate.HTMLEscapeString(p) + "</code>")
		} else {
			b.WriteString(htmltemplate.HTMLEscapeString(p))
		}
	}
	return htmltemplate.HTML(b.String())
}
