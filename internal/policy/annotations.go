package policy

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/internal/catalog"
)

// customMeta is the shape of a rule's METADATA custom block.
type customMeta struct {
	ID          string           `json:"id"`
	Severity    string           `json:"severity"`
	Clauses     []catalog.Clause `json:"clauses"`
	Remediation string           `json:"remediation"`
	Frameworks  []string         `json:"frameworks"`
	AppliesFrom string           `json:"applies_from"`
	AppliesBy   string           `json:"applies_by"`
}

// rulesFromAnnotations reads the package-scoped METADATA of every package
// under data.annexlint.rules.<area>["<slug>"].
func rulesFromAnnotations(as *ast.AnnotationSet) ([]catalog.Rule, error) {
	var rules []catalog.Rule
	var problems []string
	for _, ref := range as.Flatten() {
		a := ref.Annotations
		if a == nil || a.Scope != "package" {
			continue
		}
		area, slug, ok := rulePath(ref.Path)
		if !ok {
			continue
		}
		where := ""
		if ref.Location != nil {
			where = fmt.Sprintf("%s:%d", ref.Location.File, ref.Location.Row)
		}
		var cm customMeta
		raw, err := json.Marshal(a.Custom)
		if err == nil {
			err = json.Unmarshal(raw, &cm)
		}
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: custom metadata: %v", where, err))
			continue
		}
		rules = append(rules, catalog.Rule{
			ID:          cm.ID,
			Name:        area + "/" + slug,
			Area:        area,
			Slug:        slug,
			Title:       a.Title,
			Description: strings.TrimSpace(a.Description),
			Severity:    catalog.Severity(cm.Severity),
			Clauses:     cm.Clauses,
			Remediation: strings.TrimSpace(cm.Remediation),
			Frameworks:  cm.Frameworks,
			AppliesFrom: cm.AppliesFrom,
			AppliesBy:   cm.AppliesBy,
			Query:       ref.Path.String() + ".report",
			Source:      where,
		})
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("invalid rule metadata:\n  %s", strings.Join(problems, "\n  "))
	}
	return rules, nil
}

// undeclaredRules refuses a package under annexlint.rules that defines
// report but is not a rule with package METADATA: it has no ID, severity or
// clause, so it would otherwise be skipped without a word.
func undeclaredRules(modules map[string]*ast.Module, rules []catalog.Rule) error {
	declared := map[string]bool{}
	for _, r := range rules {
		declared[strings.TrimSuffix(r.Query, ".report")] = true
	}
	names := make([]string, 0, len(modules))
	for name := range modules {
		names = append(names, name)
	}
	sort.Strings(names)
	var problems []string
	for _, name := range names {
		m := modules[name]
		pkg := m.Package.Path
		if len(pkg) < 3 || !pkg[1].Equal(ast.StringTerm("annexlint")) || !pkg[2].Equal(ast.StringTerm("rules")) || declared[pkg.String()] {
			continue
		}
		for _, r := range m.Rules {
			if r.Head.Ref().String() != "report" {
				continue
			}
			where := name
			if m.Package.Location != nil {
				where = fmt.Sprintf("%s:%d", m.Package.Location.File, m.Package.Location.Row)
			}
			why := "has no package-scoped METADATA block (title, description and custom id, severity, clauses, remediation)"
			if _, _, ok := rulePath(pkg); !ok {
				why = `is not a rule package: rules live at annexlint.rules.<area>["<slug>"]`
			}
			problems = append(problems, fmt.Sprintf("%s: package %s defines report but %s; see docs/writing-rules.md", where, strings.TrimPrefix(pkg.String(), "data."), why))
			break
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("invalid rule metadata:\n  %s", strings.Join(problems, "\n  "))
	}
	return nil
}

// rulePath splits data.annexlint.rules.<area>["<slug>"] into its parts.
func rulePath(p ast.Ref) (string, string, bool) {
	// data . annexlint . rules . area . slug
	if len(p) != 5 || !p[0].Equal(ast.DefaultRootDocument) {
		return "", "", false
	}
	parts := make([]string, 0, 4)
	for _, t := range p[1:] {
		s, ok := t.Value.(ast.String)
		if !ok {
			return "", "", false
		}
		parts = append(parts, string(s))
	}
	if parts[0] != "annexlint" || parts[1] != "rules" {
		return "", "", false
	}
	return parts[2], parts[3], true
}
