// Package github writes findings as GitHub Actions workflow commands
// (::error, ::warning, ::notice), which the Actions runner turns into
// annotations on the pull request's files: the option for repositories
// without code scanning. One line per finding, then a summary line.
//
// The format and its escaping are GitHub's: "Workflow commands for GitHub
// Actions" (docs.github.com/en/actions/reference/workflow-commands-for-github-actions)
// and the runner's own encoder, escapeData and escapeProperty in
// actions/toolkit packages/core/src/command.ts.
package github

import (
	"fmt"
	"io"
	"strings"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/report/sarif"
	"github.com/annexlint/annexlint/internal/result"
	"github.com/annexlint/annexlint/internal/termsafe"
)

// Writer renders workflow commands.
type Writer struct{}

// MaxAnnotationsPerStep is how many annotations of one level (error,
// warning, notice) GitHub shows for one step (50 for a whole job), as
// actions/toolkit docs/problem-matchers.md states; the lines beyond stay in
// the log.
const MaxAnnotationsPerStep = 10

// Write renders one bundle.
func (Writer) Write(w io.Writer, meta report.Meta, res *result.Result) error {
	return Writer{}.WriteAll(w, []report.Bundle{{Meta: meta, Result: res}})
}

// WriteAll renders every bundle's findings, bundle by bundle in run order,
// each in the order the run model sorts them, then one summary line for the
// whole run. Waived and baselined findings are not annotated: they are
// accepted, and the summary counts them.
func (Writer) WriteAll(w io.Writer, bundles []report.Bundle) error {
	var b strings.Builder
	var all []finding.Finding
	waived, baselined := 0, 0
	for _, bu := range bundles {
		for _, f := range bu.Result.Findings {
			b.WriteString(Command(bu.Meta, f))
			b.WriteByte('\n')
		}
		all = append(all, bu.Result.Findings...)
		waived += len(bu.Result.Waived)
		baselined += len(bu.Result.Baselined)
	}
	c := finding.Counts(all)
	fmt.Fprintf(&b, "annexlint: %d bundle(s) checked: %d error(s), %d warning(s), %d note(s)", len(bundles), c[catalog.Error], c[catalog.Warning], c[catalog.Note])
	if waived+baselined > 0 {
		fmt.Fprintf(&b, "; %d waived and %d baselined finding(s) not annotated", waived, baselined)
	}
	if c[catalog.Error] > MaxAnnotationsPerStep || c[catalog.Warning] > MaxAnnotationsPerStep || c[catalog.Note] > MaxAnnotationsPerStep {
		fmt.Fprintf(&b, "; GitHub shows at most %d annotations of each level per step, the others are only in this log", MaxAnnotationsPerStep)
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// Command is the workflow command of one finding: the level from its
// severity, the file relative to the repository root (as in SARIF, so the
// annotation lands on the file in the pull request), line and column when
// known, the rule ID as title, and the message with its legal basis.
func Command(meta report.Meta, f finding.Finding) string {
	props := []string{"file=" + escapeProperty(sarif.URI(meta, f.Pos.File))}
	if f.Pos.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", f.Pos.Line))
		if f.Pos.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", f.Pos.Col))
		}
	}
	props = append(props, "title="+escapeProperty(f.RuleID))
	msg := f.Message
	if f.Basis != "" {
		msg += " (" + f.Basis + ")"
	}
	return "::" + level(f.Severity) + " " + strings.Join(props, ",") + "::" + escapeData(msg)
}

// level is the workflow command for a severity.
func level(s catalog.Severity) string {
	switch s {
	case catalog.Error:
		return "error"
	case catalog.Warning:
		return "warning"
	}
	return "notice"
}

// escapeData escapes a command's message as the runner's encoder does:
// "%" first, so the escapes it writes are not escaped again, then CR and
// LF, which would otherwise end the command and start a line the runner
// reads as a command of its own. Any other control (an escape sequence in
// a product name) is then made visible, so the log shows it, not acts on it.
func escapeData(s string) string {
	s = strings.ReplaceAll(s, "%", "%25")
	s = strings.ReplaceAll(s, "\r", "%0D")
	s = strings.ReplaceAll(s, "\n", "%0A")
	return termsafe.String(s)
}

// escapeProperty escapes a property value: as data, plus ":" (which ends
// the properties) and "," (which separates them).
func escapeProperty(s string) string {
	s = escapeData(s)
	s = strings.ReplaceAll(s, ":", "%3A")
	return strings.ReplaceAll(s, ",", "%2C")
}
