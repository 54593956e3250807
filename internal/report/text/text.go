// Package text writes findings for people at a terminal or in a CI log.
//
// The output opens with the regime decision, then lists the findings
// grouped by file and sorted by position, each with the line it points at
// and a caret under the column, and ends with a summary: findings per
// severity, obligations per status, files checked. Everything taken from the
// bundle is escaped (report.Clean), so a document cannot put terminal escape
// sequences into the output. Colour is added only when the CLI asks for it.
package text

import (
	"fmt"
	"io"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/regime"
	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/result"
)

// Writer is the text report writer. The zero value writes the default,
// uncoloured report.
type Writer struct {
	// Color adds ANSI colours (the CLI sets it only for a terminal, never
	// when NO_COLOR is set).
	Color bool
	// Quiet prints the regime in one line and the findings in one line
	// each: no source lines, clauses or summary.
	Quiet bool
	// Elapsed, when not zero, is printed at the end of the summary. The
	// CLI sets it only when the report goes to a terminal, so reports in
	// files, pipes and CI logs stay byte-identical between runs.
	Elapsed time.Duration
}

// Widest source line shown, in runes; longer lines (minified JSON) are cut
// to a window around the column.
const maxLineWidth = 160

// Write renders res.
func (w Writer) Write(out io.Writer, meta report.Meta, res *result.Result) error {
	var b strings.Builder
	p := painter{on: w.Color}
	if w.Quiet {
		fmt.Fprintf(&b, "regime as of %s: %s\n", report.Clean(res.Regime.AsOf), report.Clean(res.Regime.Summary()))
		for _, f := range res.Findings {
			fmt.Fprintf(&b, "%s: %s %s: %s\n", report.Clean(loc(meta, f.Pos).String()), p.severity(f.Severity), f.RuleID, report.Clean(f.Message))
		}
		_, err := io.WriteString(out, b.String())
		return err
	}
	writeRegime(&b, p, res)
	rules := map[string]result.Rule{}
	for _, r := range res.Rules {
		rules[r.ID] = r
	}
	for i := 0; i < len(res.Findings); {
		file := res.Findings[i].Pos.File
		j := i
		for j < len(res.Findings) && res.Findings[j].Pos.File == file {
			j++
		}
		name := loc(meta, res.Findings[i].Pos).File
		if name == "" {
			name = "(no file)"
		}
		fmt.Fprintf(&b, "\n%s %s\n", p.bold(report.Clean(name)), p.dim(fmt.Sprintf("(%d finding(s))", j-i)))
		for _, f := range res.Findings[i:j] {
			w.writeFinding(&b, p, meta, f, rules[f.RuleID])
		}
		i = j
	}
	w.writeSummary(&b, p, meta, res)
	writeWaived(&b, meta, res)
	_, err := io.WriteString(out, b.String())
	return err
}

// loc gives pos relative to the repository when the CLI knows the prefix.
func loc(meta report.Meta, pos position.Pos) position.Pos {
	if meta.RepoPrefix != "" && pos.File != "" {
		pos.File = path.Clean(meta.RepoPrefix + "/" + pos.File)
	}
	return pos
}

func (w Writer) writeFinding(b *strings.Builder, p painter, meta report.Meta, f finding.Finding, r result.Rule) {
	fmt.Fprintf(b, "%s: %s %s: %s\n", report.Clean(loc(meta, f.Pos).String()), p.severity(f.Severity), p.bold(f.RuleID), report.Clean(f.Message))
	if meta.Source != nil && f.Pos.Line > 0 {
		if line, ok := meta.Source.Line(f.Pos.File, f.Pos.Line); ok {
			shown, pad := sourceLine(line, f.Pos.Col)
			num := fmt.Sprint(f.Pos.Line)
			gutter := strings.Repeat(" ", len(num))
			fmt.Fprintf(b, "  %s %s %s\n", p.dim(num), p.dim("|"), shown)
			if f.Pos.Col > 0 {
				fmt.Fprintf(b, "  %s %s %s%s\n", gutter, p.dim("|"), pad, p.paint(sevColor(f.Severity), "^"))
			}
		}
	}
	for _, l := range clauseLines(r.Verdict, meta.Verbose) {
		fmt.Fprintf(b, "    %s\n", p.dim(report.Clean(l)))
	}
	if f.Override != nil {
		fmt.Fprintf(b, "    %s\n", report.Clean(f.Override.Describe()))
	}
	for _, rel := range f.Related {
		fmt.Fprintf(b, "    see: %s: %s\n", report.Clean(loc(meta, rel.Pos).String()), report.Clean(rel.Message))
	}
}

// sourceLine makes line printable and returns it with the padding that puts
// a caret under rune column col (1-based). Tabs are kept in both, so the
// caret lines up whatever the terminal's tab width; other control and
// bidirectional formatting characters are shown escaped and padded by the
// width of their escape. A line wider than maxLineWidth is cut to a window
// around the column.
func sourceLine(line string, col int) (shown, pad string) {
	runes := []rune(line)
	start, end := 0, len(runes)
	if end > maxLineWidth {
		c := max(col-1, 0)
		start = max(0, min(c-maxLineWidth/2, len(runes)-maxLineWidth))
		end = start + maxLineWidth
	}
	var s, p strings.Builder
	if start > 0 {
		s.WriteString("…")
		p.WriteByte(' ')
	}
	for i := start; i < end; i++ {
		r := runes[i]
		var piece string
		switch r {
		case '\t':
			piece = "\t"
		case utf8.RuneError:
			piece = "\uFFFD"
		default:
			piece = report.Clean(string(r))
		}
		s.WriteString(piece)
		if i < col-1 {
			if r == '\t' {
				p.WriteByte('\t')
			} else {
				p.WriteString(strings.Repeat(" ", utf8.RuneCountInString(piece)))
			}
		}
	}
	if end < len(runes) {
		s.WriteString("…")
	}
	return s.String(), p.String()
}

// clauseLines cites the clauses of a finding: IDs only by default, full
// citations when verbose. The legal basis comes first, then references.
func clauseLines(v regime.RuleVerdict, verbose bool) []string {
	var basis, refs []string
	for _, c := range v.Clauses {
		cite := c.ID
		if verbose {
			cite = c.Cite + " [" + c.ID + "]"
		}
		switch c.Role {
		case regime.Basis:
			basis = append(basis, cite)
		case regime.Reference:
			refs = append(refs, cite)
		}
	}
	sep := ", "
	if verbose {
		sep = "; "
	}
	var lines []string
	if len(basis) > 0 {
		lines = append(lines, "legal basis: "+strings.Join(basis, sep))
	} else {
		lines = append(lines, "legal basis: none for this product (reference only)")
	}
	if len(refs) > 0 {
		lines = append(lines, "see also: "+strings.Join(refs, sep))
	}
	if !verbose {
		return []string{strings.Join(lines, "; ")}
	}
	return lines
}

// writeRegime prints the decision every verdict rests on.
func writeRegime(b *strings.Builder, p painter, res *result.Result) {
	d := res.Regime
	fmt.Fprintf(b, "%s\n", p.bold(report.Clean(fmt.Sprintf("regime as of %s: %s", d.AsOf, d.QualificationReason))))
	for _, in := range d.Instruments {
		if in.Role == regime.NotApplicable && in.Instrument == "IVDR" && d.Framework != "IVDR" {
			continue // the IVDR line only adds noise outside IVDs
		}
		name := in.Instrument
		if in.Part != "" {
			name += ", " + in.Part
		}
		fmt.Fprintf(b, "  %s %s\n", p.role(in.Role), report.Clean(name+": "+in.Reason))
	}
	for _, pr := range d.Problems {
		fmt.Fprintf(b, "  %s %s\n", p.paint(yellow, "manifest problem:"), report.Clean(pr))
	}
}

func (w Writer) writeSummary(b *strings.Builder, p painter, meta report.Meta, res *result.Result) {
	c := finding.Counts(res.Findings)
	oc := res.ObligationCounts()
	files := map[string]bool{}
	for _, f := range res.Findings {
		files[f.Pos.File] = true
	}
	b.WriteByte('\n')
	fmt.Fprintf(b, "findings:    %s, %s, %s in %d of %d file(s) checked\n",
		p.paint(sevColor(catalog.Error), fmt.Sprintf("%d error(s)", c[catalog.Error])),
		p.paint(sevColor(catalog.Warning), fmt.Sprintf("%d warning(s)", c[catalog.Warning])),
		p.paint(sevColor(catalog.Note), fmt.Sprintf("%d note(s)", c[catalog.Note])),
		len(files), len(res.Documents))
	parts := make([]string, 0, len(result.Statuses))
	for _, s := range result.Statuses {
		parts = append(parts, p.paint(statusColor(s), fmt.Sprintf("%d %s", oc[s], strings.ReplaceAll(string(s), "-", " "))))
	}
	fmt.Fprintf(b, "obligations: %s\n", strings.Join(parts, ", "))
	name := strings.TrimSpace(res.Product.Name + " " + res.Product.Version)
	fmt.Fprintf(b, "annexlint %s: %s (%s) checked as of %s: %d document(s), %d of %d rules applicable",
		report.Clean(meta.ToolVersion), report.Clean(name), report.Clean(res.Regime.Qualification), report.Clean(res.AsOf),
		len(res.Documents), res.Applicable(), len(res.Rules))
	if w.Elapsed > 0 {
		fmt.Fprintf(b, " in %s", w.Elapsed.Round(time.Millisecond))
	}
	b.WriteByte('\n')
}

// ANSI colours.
const (
	red    = "31"
	green  = "32"
	yellow = "33"
	cyan   = "36"
	grey   = "90"
)

// painter adds ANSI escapes when on; every string it paints has been made
// printable before, so the only escapes in the output are its own.
type painter struct{ on bool }

func (p painter) paint(code, s string) string {
	if !p.on || code == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (p painter) bold(s string) string { return p.paint("1", s) }
func (p painter) dim(s string) string  { return p.paint(grey, s) }

func (p painter) severity(s catalog.Severity) string {
	return p.paint(sevColor(s), string(s))
}

func (p painter) role(r regime.Role) string {
	s := fmt.Sprintf("%-14s", r)
	switch r {
	case regime.Basis:
		return p.paint("1", s)
	case regime.NotApplicable:
		return p.dim(s)
	}
	return s
}

func sevColor(s catalog.Severity) string {
	switch s {
	case catalog.Error:
		return "1;" + red
	case catalog.Warning:
		return yellow
	case catalog.Note:
		return cyan
	}
	return ""
}

func statusColor(s result.Status) string {
	switch s {
	case result.Fail:
		return red
	case result.Insufficient:
		return yellow
	case result.Pass:
		return green
	}
	return ""
}
