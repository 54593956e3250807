// Package catalog is annexlint's one rule model. Every rule's identity,
// severity, clause citations and remediation are declared once (in the
// rule's Rego METADATA annotation, or below for the few checks done in Go)
// and every output — text, JSON, SARIF, the audit report and the rule
// documentation — reads them from here.
package catalog

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Severity is a finding's weight; the names match SARIF levels.
type Severity string

// The three severities, from most to least serious.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Note    Severity = "note"
)

// Rank orders severities: higher is more serious; 0 means unknown.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Note:
		return 1
	}
	return 0
}

// ParseSeverity accepts error, warning, note (and "none" for --fail-on).
func ParseSeverity(s string) (Severity, error) {
	switch Severity(strings.ToLower(s)) {
	case Error, Warning, Note:
		return Severity(strings.ToLower(s)), nil
	}
	return "", fmt.Errorf("unknown severity %q (want error, warning or note)", s)
}

// Clause is one citation of the regulatory reference catalog.
type Clause struct {
	ID   string `json:"id"`
	Cite string `json:"cite"`
}

// Rule is the metadata of one check.
type Rule struct {
	ID          string   `json:"id"`    // stable, e.g. AL-RISK-001
	Name        string   `json:"name"`  // area/slug, e.g. risk/interface-threat-coverage
	Area        string   `json:"area"`  // e.g. risk
	Slug        string   `json:"slug"`  // e.g. interface-threat-coverage
	Title       string   `json:"title"` // one line
	Description string   `json:"description"`
	Severity    Severity `json:"severity"`
	Clauses     []Clause `json:"clauses"`
	Remediation string   `json:"remediation"`
	// Frameworks limits the rule to products under these frameworks (MDR,
	// IVDR, CRA); empty means all.
	Frameworks []string `json:"frameworks,omitempty"`
	// AppliesFrom is the ISO date from which the enforced obligation
	// applies. Obligations on the product (CRA Annex I, Art. 13) bind
	// products placed on the market from that date, so the product's
	// placing date decides (AppliesBy "placed_on_market"); reporting duties
	// (CRA Art. 14) bind from that date whatever the product's age, so the
	// --as-of date decides (AppliesBy "as_of", the default).
	AppliesFrom string `json:"applies_from,omitempty"`
	AppliesBy   string `json:"applies_by,omitempty"`
	// Query is the Rego reference whose set holds the rule's findings;
	// empty for checks implemented in Go.
	Query string `json:"-"`
	// Source is where the rule was declared (file:line).
	Source string `json:"source,omitempty"`
	// Custom marks a rule from a --policy folder: its text is a stranger's,
	// so writers that render Markdown escape it, and its ID lives in the
	// user's own namespace, never under AL- (see CheckID).
	Custom bool `json:"-"`
}

// Dates that decide whether a dated rule applies.
const (
	ByAsOf           = "as_of"
	ByPlacedOnMarket = "placed_on_market"
)

// AppliesTo reports whether the rule runs for a product under framework,
// placed on the market on placed, checked as of asOf (ISO 8601 date
// strings compare correctly as text).
func (r Rule) AppliesTo(framework, placed, asOf string) bool {
	if r.AppliesFrom != "" {
		date := asOf
		if r.AppliesBy == ByPlacedOnMarket {
			// A missing placing date is treated as "now".
			date = placed
			if date == "" {
				date = asOf
			}
		}
		if date < r.AppliesFrom {
			return false
		}
	}
	if len(r.Frameworks) == 0 {
		return true
	}
	for _, f := range r.Frameworks {
		if strings.EqualFold(f, framework) {
			return true
		}
	}
	return false
}

// HelpURI is where the rule's documentation lives: its page in docs/rules/,
// which `annexlint rules --format markdown --split docs/rules` generates.
func (r Rule) HelpURI() string {
	return "https://github.com/annexlint/annexlint/blob/main/docs/rules/" + r.ID + ".md"
}

// Catalog is the set of known rules, sorted by ID.
type Catalog struct {
	rules []Rule
	byID  map[string]int
}

var (
	slugRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	dateRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// New validates rules and builds a catalog. It refuses incomplete metadata
// so that no finding can reach a user without an ID, a severity and the
// clause it enforces.
func New(rules []Rule) (*Catalog, error) {
	c := &Catalog{byID: map[string]int{}}
	names := map[string]string{}
	var problems []string
	for _, r := range rules {
		where := r.Source
		if where == "" {
			where = r.Name
		}
		if err := CheckID(r); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", where, err))
		}
		if _, dup := c.byID[r.ID]; dup {
			problems = append(problems, fmt.Sprintf("%s: rule ID %s is declared twice", where, r.ID))
		}
		if other, dup := names[r.Name]; dup {
			problems = append(problems, fmt.Sprintf("%s: rule name %s also used by %s", where, r.Name, other))
		}
		if !slugRe.MatchString(r.Slug) || !slugRe.MatchString(r.Area) {
			problems = append(problems, fmt.Sprintf("%s: area %q and name %q must be kebab-case", where, r.Area, r.Slug))
		}
		if r.Title == "" || r.Description == "" || r.Remediation == "" {
			problems = append(problems, fmt.Sprintf("%s: title, description and custom.remediation are required", where))
		}
		if r.Severity.Rank() == 0 {
			problems = append(problems, fmt.Sprintf("%s: custom.severity %q must be error, warning or note", where, r.Severity))
		}
		if len(r.Clauses) == 0 {
			problems = append(problems, fmt.Sprintf("%s: custom.clauses must cite at least one clause", where))
		}
		for _, cl := range r.Clauses {
			if cl.ID == "" || cl.Cite == "" {
				problems = append(problems, fmt.Sprintf("%s: every clause needs id and cite", where))
			}
		}
		if r.AppliesBy != "" && r.AppliesBy != ByAsOf && r.AppliesBy != ByPlacedOnMarket {
			problems = append(problems, fmt.Sprintf("%s: custom.applies_by %q must be as_of or placed_on_market", where, r.AppliesBy))
		}
		if r.AppliesFrom != "" && !dateRe.MatchString(r.AppliesFrom) {
			problems = append(problems, fmt.Sprintf("%s: custom.applies_from %q is not an ISO date", where, r.AppliesFrom))
		}
		c.byID[r.ID] = len(c.rules)
		names[r.Name] = where
		c.rules = append(c.rules, r)
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, fmt.Errorf("invalid rule metadata:\n  %s", strings.Join(problems, "\n  "))
	}
	sort.Slice(c.rules, func(i, j int) bool { return c.rules[i].ID < c.rules[j].ID })
	for i, r := range c.rules {
		c.byID[r.ID] = i
	}
	return c, nil
}

// Rules returns every rule sorted by ID; the slice must not be modified.
func (c *Catalog) Rules() []Rule { return c.rules }

// Rule looks a rule up by ID.
func (c *Catalog) Rule(id string) (Rule, bool) {
	i, ok := c.byID[id]
	if !ok {
		return Rule{}, false
	}
	return c.rules[i], true
}
