package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/annexlint/annexlint/internal/catalog"
)

func writeRules(w io.Writer, format string, rules []catalog.Rule) error {
	var b strings.Builder
	switch format {
	case "text":
		for _, r := range rules {
			fmt.Fprintf(&b, "%s  %-7s  %-45s  %s\n", r.ID, r.Severity, r.Name, r.Title)
			for _, c := range r.Clauses {
				fmt.Fprintf(&b, "    %s [%s]\n", c.Cite, c.ID)
			}
		}
	case "markdown":
		b.WriteString("| ID | Rule | Severity | Applies to | Clauses |\n|---|---|---|---|---|\n")
		for _, r := range rules {
			cites := make([]string, 0, len(r.Clauses))
			for _, c := range r.Clauses {
				cites = append(cites, c.Cite+" (`"+c.ID+"`)")
			}
			scope := "all"
			if len(r.Frameworks) > 0 {
				scope = strings.Join(r.Frameworks, ", ")
			}
			if r.AppliesFrom != "" {
				scope += " from " + r.AppliesFrom
			}
			fmt.Fprintf(&b, "| %s | %s: %s | %s | %s | %s |\n", r.ID, r.Name, r.Title, r.Severity, scope, strings.Join(cites, "<br>"))
		}
	default:
		return fmt.Errorf("unknown --format %q (want text or markdown)", format)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
