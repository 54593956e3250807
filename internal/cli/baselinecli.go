package cli

import (
	"fmt"
	"io"

	"github.com/annexlint/annexlint/internal/atomicfile"
	"github.com/annexlint/annexlint/internal/baseline"
	"github.com/annexlint/annexlint/internal/config"
	"github.com/annexlint/annexlint/internal/report"
)

// bundleID names a bundle in a baseline: its folder relative to the
// repository root, the same on every machine ("." at the root or when
// there is no repository).
func bundleID(m report.Meta) string {
	if m.RepoPrefix == "" {
		return "."
	}
	return m.RepoPrefix
}

// loadBaseline reads --baseline, else the configuration's baseline; nil
// when neither names one.
func loadBaseline(f checkFlags, cfg *config.Config) (*baseline.Set, error) {
	path := f.baseline
	if path == "" && cfg != nil {
		path = cfg.Baseline
	}
	if path == "" {
		return nil, nil
	}
	return baseline.Load(path)
}

// writeBaseline records the findings of the run's bundles at path, written
// atomically: only where the user names it, never by default.
func writeBaseline(path, asOf string, bundles []report.Bundle, stderr io.Writer) error {
	entries := make([]baseline.Entry, 0, len(bundles))
	for _, b := range bundles {
		entries = append(entries, baseline.Entries(b.Result, bundleID(b.Meta))...)
	}
	n := 0
	err := atomicfile.Write(path, 0o644, func(w io.Writer) (err error) {
		n, err = baseline.Write(w, asOf, entries)
		return err
	})
	if err != nil {
		return fmt.Errorf("--write-baseline %s: %w", path, err)
	}
	fmt.Fprintf(stderr, "annexlint: wrote baseline %s: %d finding(s)\n", path, n)
	return nil
}
