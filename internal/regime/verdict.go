package regime

import (
	"fmt"
	"strings"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/clause"
)

// Cited is one clause a rule cites, with its role for this product and date.
type Cited struct {
	ID       string      `json:"id"`
	Cite     string      `json:"cite"`
	Kind     clause.Kind `json:"kind"`
	Verified bool        `json:"verified"`
	Role     Role        `json:"role"`
	Reason   string      `json:"reason,omitempty"`
}

// RuleVerdict says whether a rule applies to the product and on which basis,
// and the severity its findings carry.
type RuleVerdict struct {
	Applies bool `json:"applies"`
	// Reason says why the rule does not apply, or why its severity was lowered.
	Reason   string           `json:"reason,omitempty"`
	Severity catalog.Severity `json:"severity"`
	Clauses  []Cited          `json:"clauses"`
}

// Basis returns the clauses that are the legal basis of the rule's findings.
func (v RuleVerdict) Basis() []Cited { return v.byRole(Basis) }

// References returns the clauses cited as guidance or state of the art.
func (v RuleVerdict) References() []Cited { return v.byRole(Reference) }

func (v RuleVerdict) byRole(r Role) []Cited {
	var out []Cited
	for _, c := range v.Clauses {
		if c.Role == r {
			out = append(out, c)
		}
	}
	return out
}

// BasisText is the plain-words legal basis a finding message names.
func (v RuleVerdict) BasisText() string {
	var b, r []string
	for _, c := range v.Clauses {
		switch c.Role {
		case Basis:
			b = append(b, c.Cite)
		case Reference:
			r = append(r, c.Cite)
		}
	}
	if len(b) > 0 {
		return "legal basis: " + strings.Join(b, "; ")
	}
	return "no legal basis for this product, reference only: " + strings.Join(r, "; ")
}

// Verdict decides rule r for this product and date. It is the one place
// where annexlint's severity policy lives:
//   - a rule applies when one of its clauses is the legal basis, or when it
//     cites law that is a reference here (the CRA for a device) or cites no
//     law at all and its guidance or standards are references;
//   - a rule whose cited law is all not applicable does not apply, even if it
//     also cites guidance: the guidance only explains a law that does not
//     govern the product;
//   - findings with no legal basis (reference only) are at most warnings;
//   - findings whose legal basis rests only on catalog entries marked
//     unverified are at most warnings.
func (d *Decision) Verdict(r catalog.Rule) RuleVerdict {
	v := RuleVerdict{Severity: r.Severity}
	if len(r.Frameworks) > 0 && !containsFold(r.Frameworks, d.Framework) {
		v.Reason = fmt.Sprintf("the rule is for %s products; this one is %s", strings.Join(r.Frameworks, "/"), d.Framework)
	}
	if v.Reason == "" && r.AppliesFrom != "" {
		date := d.AsOf
		if r.AppliesBy == catalog.ByPlacedOnMarket && d.PlacedOnMarket != "" {
			date = d.PlacedOnMarket
		}
		if date < r.AppliesFrom {
			v.Reason = fmt.Sprintf("the rule applies from %s (%s %s)", r.AppliesFrom, dateName(r.AppliesBy), date)
		}
	}
	var law, lawRef, lawNA, basis, verifiedBasis, refs int
	firstNA := ""
	for _, rc := range r.Clauses {
		c, ok := clause.Lookup(rc.ID)
		cited := Cited{ID: rc.ID, Cite: rc.Cite}
		if !ok {
			// A custom rule may cite an internal procedure: a reference,
			// never a legal basis.
			cited.Kind, cited.Role, cited.Reason = clause.Standard, Reference, "not in annexlint's clause catalog"
		} else {
			cited.Kind, cited.Verified = c.Kind, c.Verified
			cited.Role, cited.Reason = d.Role(c)
		}
		isLaw := cited.Kind == clause.Law || cited.Kind == clause.ForeignLaw
		switch {
		case cited.Role == Basis:
			basis++
			if cited.Verified {
				verifiedBasis++
			}
		case cited.Role == Reference && isLaw:
			lawRef++
		case cited.Role == Reference:
			refs++
		case isLaw && firstNA == "":
			firstNA = cited.Cite + ": " + cited.Reason
		}
		if isLaw {
			law++
			if cited.Role == NotApplicable {
				lawNA++
			}
		}
		v.Clauses = append(v.Clauses, cited)
	}
	if v.Reason != "" {
		return v
	}
	switch {
	case basis > 0:
		v.Applies = true
		if verifiedBasis == 0 && v.Severity == catalog.Error {
			v.Severity = catalog.Warning
			v.Reason = "warning, not error: its legal basis rests on catalog entries not yet verified against the official text"
		}
	case lawRef > 0 || (law == 0 && refs > 0):
		v.Applies = true
		if v.Severity == catalog.Error {
			v.Severity = catalog.Warning
		}
		v.Reason = "no legal basis for this product: guidance, standards or state-of-the-art references only, so findings are at most warnings"
	default:
		v.Reason = firstNA
		if v.Reason == "" {
			v.Reason = "none of its clauses applies to this product"
		}
	}
	return v
}

func dateName(by string) string {
	if by == catalog.ByPlacedOnMarket {
		return "placed on the market"
	}
	return "checked as of"
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
