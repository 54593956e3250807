package config

import (
	"fmt"
	"strings"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
)

// RuleSetting turns a rule off or re-grades it, with an accountable reason.
type RuleSetting struct {
	ID         string
	Severity   string // error, warning, note or off
	Reason     string
	ApprovedBy string
	Source     string // file:line, as the user named the file
	Pos        position.Pos
}

// ruleSettings reads the rules: list; every entry needs a real reason and
// approver, and a rule may appear once.
func ruleSettings(doc *docparse.Doc, display string, m map[string]any) ([]RuleSetting, []error) {
	list, _ := m["rules"].([]any)
	var out []RuleSetting
	var errs []error
	seen := map[string]position.Pos{}
	for i, item := range list {
		ptr := docparse.Index("/rules", i)
		e, _ := item.(map[string]any)
		s := func(k string) string { v, _ := e[k].(string); return strings.TrimSpace(v) }
		at := func(k string) position.Pos { return doc.Pos(docparse.Pointer(ptr, k)) }
		r := RuleSetting{ID: s("id"), Severity: strings.ToLower(s("severity")), Reason: s("reason"), ApprovedBy: s("approved_by"), Pos: doc.Pos(ptr)}
		r.Source = fmt.Sprintf("%s:%d", display, r.Pos.Line)
		if first, dup := seen[r.ID]; dup {
			errs = append(errs, position.Errorf(at("id"), "rule %s is set twice (also at line %d)", r.ID, first.Line))
			continue
		}
		seen[r.ID] = r.Pos
		if why := placeholder(r.Reason, 20); why != "" {
			errs = append(errs, position.Errorf(at("reason"), "rules: reason %q %s; say why %s is turned off or re-graded (at least 20 characters and 3 words)", r.Reason, why, r.ID))
			continue
		}
		if why := placeholder(r.ApprovedBy, 2); why != "" {
			errs = append(errs, position.Errorf(at("approved_by"), "rules: approved_by %q %s; name the person or role who approved it", r.ApprovedBy, why))
			continue
		}
		out = append(out, r)
	}
	return out, errs
}
