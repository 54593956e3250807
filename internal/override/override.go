// Package override applies the configuration's rules: settings after the
// waive stage: a rule re-graded to another severity, or turned off. Nothing
// is dropped: a re-graded finding keeps its place with the severity it had
// and the setting that changed it; a finding of a rule turned off moves to
// the waived list with status "off" and the setting as its reason.
//
// Where the law applies (the finding's basis is a legal basis for this
// product and date), a setting may not bring a finding below warning: a
// re-grade to note or off gives warning there, and the finding says so.
package override

import (
	"strings"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/config"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/result"
)

// Off is the severity setting that turns a rule off, and the status of a
// finding it sets aside.
const Off = "off"

// Apply applies settings to res.
func Apply(res *result.Result, settings []config.RuleSetting) {
	if len(settings) == 0 {
		return
	}
	byID := make(map[string]config.RuleSetting, len(settings))
	for _, s := range settings {
		byID[s.ID] = s
	}
	kept := res.Findings[:0:0]
	for _, f := range res.Findings {
		s, ok := byID[f.RuleID]
		if !ok {
			kept = append(kept, f)
			continue
		}
		to := s.Severity
		legal := strings.HasPrefix(f.Basis, "legal basis:")
		limited := legal && (to == Off || to == string(catalog.Note))
		if limited {
			to = string(catalog.Warning)
		}
		f.Override = &finding.Override{Severity: s.Severity, Was: f.Severity, Reason: s.Reason, ApprovedBy: s.ApprovedBy, Source: s.Source, Limited: limited}
		if to == Off {
			f.Status = Off
			res.Waived = append(res.Waived, f)
			continue
		}
		f.Severity = catalog.Severity(to)
		kept = append(kept, f)
	}
	finding.Sort(kept)
	res.Findings = kept
}
