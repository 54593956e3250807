// Package text writes findings for people at a terminal or in a CI log.
package text

import (
	"fmt"
	"io"
	"strings"

	"github.com/annexlint/annexlint/internal/check"
	"github.com/annexlint/annexlint/internal/report"
)

// Writer is the text report writer.
type Writer struct{}

// Write prints one block per finding: location, severity, rule, message and
// the clauses the rule enforces, then a summary with the date used.
func (Writer) Write(w io.Writer, meta report.Meta, res *check.Result) error {
	var b strings.Builder
	byID := map[string]int{}
	for i, r := range res.Rules {
		byID[r.ID] = i
	}
	for _, f := range res.Findings {
		loc := f.Pos
		if meta.RepoPrefix != "" {
			loc.File = meta.RepoPrefix + "/" + loc.File
		}
		fmt.Fprintf(&b, "%s: %s %s: %s\n", loc, f.Severity, f.RuleID, f.Message)
		if i, ok := byID[f.RuleID]; ok {
			r := res.Rules[i]
			cites := make([]string, 0, len(r.Clauses))
			for _, c := range r.Clauses {
				cites = append(cites, c.Cite+" ["+c.ID+"]")
			}
			fmt.Fprintf(&b, "    clause: %s\n", strings.Join(cites, "; "))
		}
		for _, rel := range f.Related {
			rl := rel.Pos
			if meta.RepoPrefix != "" {
				rl.File = meta.RepoPrefix + "/" + rl.File
			}
			fmt.Fprintf(&b, "    see: %s: %s\n", rl, rel.Message)
		}
	}
	ran := 0
	for _, r := range res.Rules {
		if res.Applied[r.ID] {
			ran++
		}
	}
	name := strings.TrimSpace(res.Product.Name + " " + res.Product.Version)
	fmt.Fprintf(&b, "annexlint %s: %s (%s) checked as of %s: %d document(s), %d of %d rules applicable: %s\n",
		meta.ToolVersion, name, res.Product.Framework, res.AsOf, len(res.Documents), ran, len(res.Rules), res.Summary())
	_, err := io.WriteString(w, b.String())
	return err
}
