// Package finding is the result model every report writer consumes.
package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"

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
	// Key is Pointer with list entries named by identity (StableKey): the
	// part of the fingerprint that says where, independent of order.
	Key     string    `json:"key"`
	Related []Related `json:"related,omitempty"`
	// Kind is KindViolation when the rule found the bundle wrong, and
	// KindInsufficient when it could not judge for lack of evidence.
	Kind string `json:"kind"`
	// Basis names the law the finding rests on for this product and date,
	// or says it rests on references only.
	Basis string `json:"basis"`
	// Occurrence numbers the findings of one rule in one file with the same
	// key (1, 2, ...), in sorted order, so that each has its own fingerprint.
	Occurrence int `json:"-"`
	// Status is StatusWaived on a finding a waiver accepts (one of
	// result.Result.Waived, with its Waiver); empty otherwise.
	Status string  `json:"status,omitempty"`
	Waiver *Waiver `json:"waiver,omitempty"`
	// Override is the configuration's rules: setting that re-graded the
	// finding or turned its rule off (status "off"); nil otherwise.
	Override *Override `json:"override,omitempty"`
}

// Override records a rules: setting applied to a finding: the severity the
// setting asks for ("off" included), the severity the finding had, and
// whether the law limited it to warning.
type Override struct {
	Severity   string           `json:"severity"`
	Was        catalog.Severity `json:"was"`
	Limited    bool             `json:"limited_by_legal_basis,omitempty"`
	Reason     string           `json:"reason"`
	ApprovedBy string           `json:"approved_by"`
	Source     string           `json:"source"`
}

// Describe says what the setting did, for reports.
func (o *Override) Describe() string {
	s := fmt.Sprintf("rule set to %s (was %s) by %s: %s (approved by %s)", o.Severity, o.Was, o.Source, o.Reason, o.ApprovedBy)
	if o.Limited {
		s += "; the law applies to this finding, so it stays at warning"
	}
	return s
}

// Waiver is a recorded, accountable acceptance of a finding: who approved
// it, why, until when, and where it is written.
type Waiver struct {
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	Pointer     string `json:"pointer,omitempty"`
	Fingerprint string `json:"fingerprint,omitempty"`
	Reason      string `json:"reason"`
	ApprovedBy  string `json:"approved_by"`
	Expires     string `json:"expires"`
	// Source is the configuration file and line that declares the waiver,
	// as the user named the file; File and Line are the same place with
	// File relative to the bundle, like every finding position.
	Source string `json:"source"`
	File   string `json:"-"`
	Line   int    `json:"-"`
}

// StatusWaived marks a finding a configured waiver accepts.
const StatusWaived = "waived"

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

// Fingerprint identifies a finding across runs: rule, file and stable key
// (and the occurrence when one rule reports one place more than once). It
// leaves out line numbers, array positions and the message, so it does not
// change when lines move, an unrelated entry is inserted above, or a
// message's wording or embedded values change.
func (f Finding) Fingerprint() string {
	key := f.Key
	if key == "" {
		key = f.Pointer
	}
	h := sha256.New()
	for _, s := range []string{"v2", f.RuleID, f.Pos.File, key} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	if f.Occurrence > 1 {
		h.Write([]byte(strconv.Itoa(f.Occurrence)))
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Number sets Occurrence on sorted findings: 1 for the first finding of a
// rule, file and key, 2 for the next, and so on.
func Number(fs []Finding) {
	seen := map[[3]string]int{}
	for i := range fs {
		k := [3]string{fs[i].RuleID, fs[i].Pos.File, fs[i].Key}
		seen[k]++
		fs[i].Occurrence = seen[k]
	}
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
