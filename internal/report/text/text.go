// Package text writes findings for people at a terminal or in a CI log.
package text

import (
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/annexlint/annexlint/internal/regime"
	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/result"
	"github.com/annexlint/annexlint/internal/termsafe"
)

// Writer is the text report writer.
type Writer struct{}

// Write prints the regime decision, one block per finding (location,
// severity, rule, message, the legal basis and references), and a summary of
// findings and obligations with the date used.
func (Writer) Write(w io.Writer, meta report.Meta, res *result.Result) error {
	var b strings.Builder
	writeRegime(&b, res)
	for _, f := range res.Findings {
		loc := f.Pos
		if meta.RepoPrefix != "" {
			loc.File = path.Clean(meta.RepoPrefix + "/" + loc.File)
		}
		// Every string here may come from the bundle or a custom policy:
		// safef keeps escape sequences and line breaks in them from acting
		// on the terminal (a fake summary line, a cleared screen).
		safef(&b, "%s: %s %s: %s\n", loc, f.Severity, f.RuleID, f.Message)
		if r, ok := res.Rule(f.RuleID); ok {
			fmt.Fprintf(&b, "    %s\n", clauseLine(r.Verdict))
		}
		if f.Override != nil {
			safef(&b, "    %s\n", f.Override.Describe())
		}
		for _, rel := range f.Related {
			rl := rel.Pos
			if meta.RepoPrefix != "" {
				rl.File = meta.RepoPrefix + "/" + rl.File
			}
			safef(&b, "    see: %s: %s\n", rl, rel.Message)
		}
	}
	name := strings.TrimSpace(res.Product.Name + " " + res.Product.Version)
	safef(&b, "annexlint %s: %s (%s) checked as of %s: %d document(s), %d of %d rules applicable; %s; %s\n",
		meta.ToolVersion, name, res.Regime.Qualification, res.AsOf, len(res.Documents), res.Applicable(), len(res.Rules),
		res.ObligationSummary(), res.Summary())
	writeWaived(&b, meta, res)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeRegime prints the decision every verdict rests on.
func writeRegime(b *strings.Builder, res *result.Result) {
	d := res.Regime
	safef(b, "regime as of %s: %s\n", d.AsOf, d.QualificationReason)
	for _, in := range d.Instruments {
		if in.Role == regime.NotApplicable && in.Instrument == "IVDR" && d.Framework != "IVDR" {
			continue // the IVDR line only adds noise outside IVDs
		}
		name := in.Instrument
		if in.Part != "" {
			name += ", " + in.Part
		}
		safef(b, "  %-14s %s: %s\n", in.Role, name, in.Reason)
	}
	for _, p := range d.Problems {
		safef(b, "  manifest problem: %s\n", p)
	}
}

func clauseLine(v regime.RuleVerdict) string {
	var basis, refs []string
	for _, c := range v.Clauses {
		switch c.Role {
		case regime.Basis:
			basis = append(basis, termsafe.String(c.Cite+" ["+c.ID+"]"))
		case regime.Reference:
			refs = append(refs, termsafe.String(c.Cite+" ["+c.ID+"]"))
		}
	}
	var parts []string
	if len(basis) > 0 {
		parts = append(parts, "legal basis: "+strings.Join(basis, "; "))
	} else {
		parts = append(parts, "legal basis: none for this product (reference only)")
	}
	if len(refs) > 0 {
		parts = append(parts, "see also: "+strings.Join(refs, "; "))
	}
	return strings.Join(parts, "\n    ")
}

// safef is fmt.Fprintf with every string argument (and every value that
// formats itself as one) neutralised by termsafe, so a field added later is
// safe without remembering to.
func safef(b *strings.Builder, format string, args ...any) {
	for i, a := range args {
		switch v := a.(type) {
		case string:
			args[i] = termsafe.String(v)
		case fmt.Stringer:
			args[i] = termsafe.String(v.String())
		}
	}
	fmt.Fprintf(b, format, args...)
}
