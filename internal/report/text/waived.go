package text

import (
	"fmt"
	"strings"

	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/result"
)

// writeWaived states how many findings waivers accepted and, with
// meta.Verbose, each one with its waiver: reason, approver, expiry and the
// configuration line that declares it.
func writeWaived(b *strings.Builder, meta report.Meta, res *result.Result) {
	writeBaselined(b, meta, res)
	if len(res.Waived) == 0 {
		return
	}
	if !meta.Verbose {
		fmt.Fprintf(b, "%d finding(s) waived by the configuration, not counted above (--verbose lists them)\n", len(res.Waived))
		return
	}
	fmt.Fprintf(b, "%d finding(s) waived by the configuration, not counted above:\n", len(res.Waived))
	for _, f := range res.Waived {
		status := f.Status
		if status == "" {
			status = "waived"
		}
		fmt.Fprintf(b, "  %s %s: %s %s: %s\n", status, report.Clean(loc(meta, f.Pos).String()), f.Severity, f.RuleID, report.Clean(f.Message))
		if w := f.Waiver; w != nil {
			fmt.Fprintf(b, "    waiver %s: %s (approved by %s, expires %s)\n", report.Clean(w.Source), report.Clean(w.Reason), report.Clean(w.ApprovedBy), report.Clean(w.Expires))
		}
		if o := f.Override; o != nil {
			fmt.Fprintf(b, "    %s\n", report.Clean(o.Describe()))
		}
	}
}
