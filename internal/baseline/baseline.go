// Package baseline records a run's findings by their stable fingerprints
// (--write-baseline) and, on later runs (--baseline), sets apart the
// findings already recorded: they stay in every report with status
// "baselined" but do not count for the exit code, so a run fails only on
// findings that are new. The file's schema is schemas/baseline.schema.json.
package baseline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"

	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/result"
)

// FormatVersion is the baseline file format written and read.
const FormatVersion = 1

// MaxSize bounds the baseline file read.
const MaxSize = 64 << 20

// StatusBaselined marks a finding the baseline records.
const StatusBaselined = "baselined"

// File is a baseline: the findings of the bundles checked when it was
// written, each by its fingerprint and, for people reading it, its rule,
// file and stable key.
type File struct {
	Version  int     `json:"annexlint_baseline"`
	AsOf     string  `json:"as_of"`
	Findings []Entry `json:"findings"`
}

// Entry is one recorded finding. Bundle is the bundle folder relative to
// the repository root ("." for a bundle at the root, or when there is no
// repository).
type Entry struct {
	Bundle      string `json:"bundle"`
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Key         string `json:"key,omitempty"`
}

// Set is a loaded baseline, for lookup.
type Set struct {
	Path string
	seen map[[2]string]bool
}

var fingerprintRE = regexp.MustCompile(`^[0-9a-f]{32}$`)

// Load reads and checks a baseline file.
func Load(path string) (*Set, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--baseline %s: %w", path, err)
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("--baseline %s: %w", path, err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("--baseline %s: larger than %d bytes", path, MaxSize)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f File
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("--baseline %s: not an annexlint baseline (%w); write one with --write-baseline", path, err)
	}
	if f.Version != FormatVersion {
		return nil, fmt.Errorf("--baseline %s: annexlint_baseline is %d, want %d", path, f.Version, FormatVersion)
	}
	s := &Set{Path: path, seen: make(map[[2]string]bool, len(f.Findings))}
	for i, e := range f.Findings {
		if e.Bundle == "" || !fingerprintRE.MatchString(e.Fingerprint) {
			return nil, fmt.Errorf("--baseline %s: findings[%d]: needs a bundle and a 32-hex-digit fingerprint", path, i)
		}
		s.seen[[2]string{e.Bundle, e.Fingerprint}] = true
	}
	return s, nil
}

// Apply moves the findings of res that the baseline records for bundle
// into res.Baselined with status "baselined".
func (s *Set) Apply(res *result.Result, bundle string) {
	if s == nil {
		return
	}
	kept := res.Findings[:0:0]
	for _, f := range res.Findings {
		if s.seen[[2]string{bundle, f.Fingerprint()}] {
			f.Status = StatusBaselined
			res.Baselined = append(res.Baselined, f)
			continue
		}
		kept = append(kept, f)
	}
	res.Findings = kept
}

// Entries lists the findings of res to record for bundle: those counted
// and those already baselined, not the ones waivers accept.
func Entries(res *result.Result, bundle string) []Entry {
	var out []Entry
	for _, list := range [][]finding.Finding{res.Findings, res.Baselined} {
		for _, f := range list {
			out = append(out, Entry{Bundle: bundle, Fingerprint: f.Fingerprint(), Rule: f.RuleID, File: f.Pos.File, Key: f.Key})
		}
	}
	return out
}

// Write renders a baseline of entries, sorted and de-duplicated, so that
// the same findings give the same bytes.
func Write(w io.Writer, asOf string, entries []Entry) (int, error) {
	sort.Slice(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if a.Bundle != b.Bundle {
			return a.Bundle < b.Bundle
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Fingerprint < b.Fingerprint
	})
	uniq := make([]Entry, 0, len(entries))
	for i, e := range entries {
		if i > 0 && e == entries[i-1] {
			continue
		}
		uniq = append(uniq, e)
	}
	out, err := json.MarshalIndent(File{Version: FormatVersion, AsOf: asOf, Findings: uniq}, "", "  ")
	if err != nil {
		return 0, err
	}
	_, err = w.Write(append(out, '\n'))
	return len(uniq), err
}
