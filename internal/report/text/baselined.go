package text

import (
	"fmt"
	"strings"

	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/result"
)

// writeBaselined states how many findings the --baseline file records and,
// with meta.Verbose, each one.
func writeBaselined(b *strings.Builder, meta report.Meta, res *result.Result) {
	if len(res.Baselined) == 0 {
		return
	}
	if !meta.Verbose {
		fmt.Fprintf(b, "%d finding(s) in the baseline, not counted above (--verbose lists them)\n", len(res.Baselined))
		return
	}
	fmt.Fprintf(b, "%d finding(s) in the baseline, not counted above:\n", len(res.Baselined))
	for _, f := range res.Baselined {
		loc := f.Pos
		if meta.RepoPrefix != "" {
			loc.File = meta.RepoPrefix + "/" + loc.File
		}
		fmt.Fprintf(b, "  baselined %s: %s %s: %s\n", loc, f.Severity, f.RuleID, f.Message)
	}
}
