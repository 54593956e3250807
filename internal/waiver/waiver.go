// Package waiver is the waive stage of a check: after the findings are
// resolved, the configured waivers move the findings they accept into
// result.Result.Waived (kept, with the waiver, for every report) and report
// their own problems as findings: an expired waiver (which then waives
// nothing) and a waiver that matches nothing.
package waiver

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/config"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/regime"
	"github.com/annexlint/annexlint/internal/result"
)

// Rule IDs of the waivers' own findings.
const (
	ExpiredRuleID   = "AL-WAIVER-001"
	UnmatchedRuleID = "AL-WAIVER-002"
)

// basis is what waiver findings rest on: the user's own configuration.
const basis = "annexlint configuration: no legal basis; the waiver's own accountability"

// Rules describes the waivers' own checks. They are added to a run's rules
// only when its configuration declares waivers.
func Rules() []catalog.Rule {
	return []catalog.Rule{{
		ID: ExpiredRuleID, Name: "waiver/waiver-expired", Area: "waiver", Slug: "waiver-expired",
		Title:    "Waivers are renewed before they expire",
		Severity: catalog.Error,
		Description: "A waiver accepts a finding until its expiry date. From the day after, it waives nothing and is itself " +
			"a finding, so an accepted deviation cannot outlive its approval unnoticed.",
		Remediation: "Fix the finding and remove the waiver, or renew it: a new reason if it changed, a new approval and a new expiry date.",
	}, {
		ID: UnmatchedRuleID, Name: "waiver/waiver-unmatched", Area: "waiver", Slug: "waiver-unmatched",
		Title:    "Every waiver matches a finding",
		Severity: catalog.Warning,
		Description: "A waiver whose path selects files of this bundle but which accepts no finding is stale (the finding " +
			"was fixed) or mistyped (wrong rule, path or pointer), and would silently waive a future finding.",
		Remediation: "Remove the waiver if the finding was fixed; otherwise correct its rule, path, pointer or fingerprint.",
	}}
}

// Set is the waivers of a run.
type Set struct {
	Config *config.Config
}

// Apply is the waive stage for one bundle, rooted at bundleAbs, whose
// result is res. It judges expiry on res.AsOf, so a run is reproducible.
// A waiver concerns the bundle when its path starts inside the bundle's
// folder or selects one of its documents or findings; waivers for other
// bundles are left alone (a run checks only the bundles it was given).
func (s *Set) Apply(res *result.Result, bundleAbs string) {
	if s == nil || s.Config == nil || len(s.Config.Waivers) == 0 {
		return
	}
	ws := s.Config.Waivers
	rel := func(file string) string {
		r, err := filepath.Rel(s.Config.Dir, filepath.Join(bundleAbs, filepath.FromSlash(file)))
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return ""
		}
		return filepath.ToSlash(r)
	}
	expired := make([]bool, len(ws))
	concerns := make([]bool, len(ws))
	used := make([]bool, len(ws))
	bundleRel := "."
	if r, err := filepath.Rel(s.Config.Dir, bundleAbs); err == nil {
		bundleRel = filepath.ToSlash(r)
	}
	for i, w := range ws {
		expired[i] = w.Expires < res.AsOf
		concerns[i] = within(w.Path, bundleRel)
		for _, d := range res.Documents {
			if p := rel(d.Path); p != "" && w.MatchPath(p) {
				concerns[i] = true
				break
			}
		}
	}
	cfgFile := filepath.ToSlash(relOrAbs(bundleAbs, filepath.Join(s.Config.Dir, filepath.Base(s.Config.File))))
	kept := make([]finding.Finding, 0, len(res.Findings))
	for _, f := range res.Findings {
		p := rel(f.Pos.File)
		waived := false
		for i, w := range ws {
			if p == "" || f.RuleID != w.Rule || !w.MatchPath(p) {
				continue
			}
			concerns[i] = true
			if expired[i] || !selects(w, f) {
				continue
			}
			used[i] = true
			wv := w.Waiver
			wv.File, wv.Line = cfgFile, w.Pos.Line
			f.Waiver, f.Status = &wv, finding.StatusWaived
			res.Waived = append(res.Waived, f)
			waived = true
			break
		}
		if !waived {
			kept = append(kept, f)
		}
	}
	for i, w := range ws {
		if !concerns[i] {
			continue
		}
		f := finding.Finding{
			Pos:     position.Pos{File: cfgFile, Line: w.Pos.Line, Col: w.Pos.Col},
			Pointer: fmt.Sprintf("/waivers/%d", i),
			Key:     fmt.Sprintf("/waivers[rule=%s,path=%s,pointer=%s]", w.Rule, w.Path, w.Pointer),
			Kind:    finding.KindViolation,
			Basis:   basis,
		}
		switch {
		case expired[i]:
			f.RuleID, f.Severity = ExpiredRuleID, catalog.Error
			f.Message = fmt.Sprintf("the waiver of %s for %s expired on %s (approved by %s); it no longer waives anything: fix the finding, or renew the waiver with a new approval and expiry date",
				w.Rule, w.Path, w.Expires, w.ApprovedBy)
		case !used[i]:
			f.RuleID, f.Severity = UnmatchedRuleID, catalog.Warning
			f.Message = fmt.Sprintf("the waiver of %s for %s matches no finding in this bundle; remove it if the finding was fixed, or correct its rule, path or pointer", w.Rule, w.Path)
		default:
			continue
		}
		f.Occurrence = 1
		kept = append(kept, f)
	}
	finding.Sort(kept)
	res.Findings = kept
	addRules(res, cfgFile)
}

// within reports whether the literal start of the path glob (up to its
// first wildcard) lies in the bundle folder bundleRel (relative to the
// configuration's folder): such a waiver is about this bundle even when it
// selects none of its files, which is then worth saying.
func within(glob, bundleRel string) bool {
	prefix := glob
	if i := strings.IndexAny(glob, "*?"); i >= 0 {
		prefix = glob[:i]
	}
	prefix = strings.TrimPrefix(prefix, "./")
	if bundleRel == "." {
		return !strings.HasPrefix(prefix, "../")
	}
	return strings.HasPrefix(prefix, bundleRel+"/")
}

// selects applies the waiver's optional pointer and fingerprint: the
// pointer matches the finding's stable key or JSON pointer, or a key above
// it; the fingerprint must be the finding's own.
func selects(w config.Waiver, f finding.Finding) bool {
	if w.Fingerprint != "" && w.Fingerprint != f.Fingerprint() {
		return false
	}
	if w.Pointer == "" || w.Pointer == f.Key || w.Pointer == f.Pointer {
		return true
	}
	if rest, ok := strings.CutPrefix(f.Key, w.Pointer); ok {
		return strings.HasPrefix(rest, "/") || strings.HasPrefix(rest, "[")
	}
	return false
}

// addRules adds the waivers' own rules to the run with their status.
func addRules(res *result.Result, cfgFile string) {
	for _, r := range Rules() {
		rr := result.Rule{
			Rule:             r,
			Verdict:          regime.RuleVerdict{Applies: true, Severity: r.Severity, Clauses: []regime.Cited{}},
			Status:           result.Pass,
			EvidenceDeclared: true,
			Evidence:         []result.Evidence{{Path: cfgFile}},
		}
		for _, f := range res.Findings {
			if f.RuleID == r.ID {
				rr.Findings++
				rr.Status = result.Fail
			}
		}
		res.Rules = append(res.Rules, rr)
	}
	sort.SliceStable(res.Rules, func(i, j int) bool { return res.Rules[i].ID < res.Rules[j].ID })
}

func relOrAbs(base, target string) string {
	if r, err := filepath.Rel(base, target); err == nil {
		return r
	}
	return target
}
