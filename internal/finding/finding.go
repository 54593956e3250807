// Package finding is the result model every report writer consumes.
package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/position"
)

// Finding is one problem in a bundle, resolved to a file position.
type Finding struct {
	RuleID   string           `json:"rule_id"`
	Severity catalog.Severity `json:"severity"`
	Message  string           `json:"message"`
	Pos      position.Pos     `json:"location"`
	Pointer  string           `json:"pointer"`
	Related  []Related        `json:"related,omitempty"`
	// Kind is KindViolation when the rule found the bundle wrong, and
	// KindInsufficient when it could not judge for lack of evidence.
	Kind string `json:"kind"`
	// Basis names the law the finding rests on for this product and date,
	// or says it rests on references only.
	Basis string `json:"basis"`
}

// Kinds of finding.
const (
	KindViolation    = "violation"
	KindInsufficient = "insufficient-evidence"
)

// Related is a secondary location of a finding.
type Related struct {
	Pos     position.Pos `json:"location"`
	Message string       `json:"message"`
}

// Fingerprint identifies a finding across runs independent of line moves:
// rule, file, JSON pointer and message, not line numbers.
func (f Finding) Fingerprint() string {
	h := sha256.New()
	for _, s := range []string{f.RuleID, f.Pos.File, f.Pointer, f.Message} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Sort orders findings by file, line, column, rule and message so every
// output is deterministic whatever order rules finished in.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.Pos.File != b.Pos.File:
			return a.Pos.File < b.Pos.File
		case a.Pos.Line != b.Pos.Line:
			return a.Pos.Line < b.Pos.Line
		case a.Pos.Col != b.Pos.Col:
			return a.Pos.Col < b.Pos.Col
		case a.RuleID != b.RuleID:
			return a.RuleID < b.RuleID
		case a.Pointer != b.Pointer:
			return a.Pointer < b.Pointer
		default:
			return a.Message < b.Message
		}
	})
}

// Counts tallies findings by severity.
func Counts(fs []Finding) map[catalog.Severity]int {
	c := map[catalog.Severity]int{catalog.Error: 0, catalog.Warning: 0, catalog.Note: 0}
	for _, f := range fs {
		c[f.Severity]++
	}
	return c
}

// AtOrAbove reports whether any finding's severity reaches threshold.
func AtOrAbove(fs []Finding, threshold catalog.Severity) bool {
	for _, f := range fs {
		if f.Severity.Rank() >= threshold.Rank() {
			return true
		}
	}
	return false
}
