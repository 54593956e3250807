// Package result is the run model: everything one check of one bundle
// found, built once by internal/check and only rendered by the report
// writers. It holds the regime decision, a status for every rule and every
// cited clause (pass, fail, not applicable, insufficient evidence) with the
// evidence examined, and the findings.
package result

import (
	"fmt"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/regime"
)

// Status is the verdict on one rule or one clause.
type Status string

// Statuses, from worst to best for a clause that applies. A bundle that
// lacks the evidence an applicable obligation needs is insufficient, never a
// pass.
const (
	Fail          Status = "fail"
	Insufficient  Status = "insufficient-evidence"
	Pass          Status = "pass"
	NotApplicable Status = "not-applicable"
)

// Statuses lists every status in report order.
var Statuses = []Status{Fail, Insufficient, Pass, NotApplicable}

func (s Status) rank() int {
	switch s {
	case Fail:
		return 3
	case Insufficient:
		return 2
	case Pass:
		return 1
	}
	return 0
}

// Worse returns the worse of two statuses of applicable rules.
func Worse(a, b Status) Status {
	if b.rank() > a.rank() {
		return b
	}
	return a
}

// Product is what the reports say about the product checked.
type Product struct {
	Name           string `json:"name"`
	Version        string `json:"version"`
	Manufacturer   string `json:"manufacturer"`
	Framework      string `json:"framework"`
	Classification string `json:"classification"`
	PlacedOnMarket string `json:"placed_on_market"`
}

// Document is a document that was checked.
type Document struct {
	ID     string `json:"id"`
	Type   string `json:"type"`
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// Evidence is one thing a rule examined: a file, a place in it, and the
// digest of the file as read.
type Evidence struct {
	Path    string `json:"path"`
	Pointer string `json:"pointer,omitempty"`
	Line    int    `json:"line,omitempty"`
	SHA256  string `json:"sha256,omitempty"`
}

// Rule is one rule's outcome on this bundle.
type Rule struct {
	catalog.Rule
	Verdict regime.RuleVerdict `json:"verdict"`
	Status  Status             `json:"status"`
	// Reason explains a not-applicable or insufficient-evidence status.
	Reason string `json:"reason,omitempty"`
	// EvidenceDeclared is false for a custom rule that does not say what it
	// examined; such a rule passes without listed evidence.
	EvidenceDeclared bool       `json:"evidence_declared"`
	Evidence         []Evidence `json:"evidence"`
	// Findings is how many findings the rule reported, duplicates merged,
	// including those a waiver or an override later set aside.
	Findings int `json:"findings"`
}

// Obligation is one cited clause with its status on this bundle: the worst
// status of the applicable rules that cite it.
type Obligation struct {
	regime.Cited
	Title    string     `json:"title,omitempty"`
	Status   Status     `json:"status"`
	Rules    []string   `json:"rules"`
	Evidence []Evidence `json:"evidence"`
}

// Result is everything any report writer needs.
type Result struct {
	AsOf        string            `json:"as_of"`
	Bundle      string            `json:"bundle"`
	Product     Product           `json:"product"`
	Regime      *regime.Decision  `json:"regime"`
	Documents   []Document        `json:"documents"`
	Rules       []Rule            `json:"rules"`
	Obligations []Obligation      `json:"obligations"`
	Findings    []finding.Finding `json:"findings"`
	// Waived are findings a configured waiver accepts, each with its
	// waiver. They are reported but do not count for the exit code.
	Waived []finding.Finding `json:"waived"`
	// Baselined are findings the --baseline file records, with status
	// "baselined". They are reported but do not count for the exit code.
	Baselined []finding.Finding `json:"baselined,omitempty"`
	// OtherFiles are the files in the bundle folder the manifest does not
	// list, with their SHA-256, so that the audit report identifies every
	// file of the bundle it judged (check.Options.HashOtherFiles). Not part
	// of the JSON report.
	OtherFiles []OtherFile `json:"-"`
}

// OtherFile is a file of the bundle folder the manifest does not list.
type OtherFile struct {
	Path   string
	Size   int64
	SHA256 string // empty when Note says why it was not hashed
	Note   string
}

// Rule returns the outcome of the rule with the given ID.
func (r *Result) Rule(id string) (Rule, bool) {
	for _, x := range r.Rules {
		if x.ID == id {
			return x, true
		}
	}
	return Rule{}, false
}

// Applicable counts the rules that applied.
func (r *Result) Applicable() int {
	n := 0
	for _, x := range r.Rules {
		if x.Status != NotApplicable {
			n++
		}
	}
	return n
}

// ObligationCounts tallies the cited clauses by status.
func (r *Result) ObligationCounts() map[Status]int {
	c := map[Status]int{}
	for _, s := range Statuses {
		c[s] = 0
	}
	for _, o := range r.Obligations {
		c[o.Status]++
	}
	return c
}

// Summary is a one-line tally used by the text writer and the CLI.
func (r *Result) Summary() string {
	c := finding.Counts(r.Findings)
	return fmt.Sprintf("%d error(s), %d warning(s), %d note(s)", c[catalog.Error], c[catalog.Warning], c[catalog.Note])
}
