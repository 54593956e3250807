// Package report defines what report writers receive; the writers live in
// subpackages, one per output format, and only render the run model.
package report

import (
	"io"

	"github.com/annexlint/annexlint/internal/result"
)

// Meta is information about the run that every output states.
type Meta struct {
	ToolVersion string
	// RepoPrefix is the bundle directory relative to the repository root
	// (slash-separated, "" when the bundle is the root). SARIF locations
	// are given relative to the repository so code scanning can show them.
	RepoPrefix string
	// NoRepoRoot is true when no repository root was found above the
	// bundle: locations are then relative to the bundle folder, and the
	// SARIF writer says so instead of pretending they are repository paths.
	NoRepoRoot bool
	// Verbose asks the text writer to list waived findings, not only count
	// them.
	Verbose bool
	// Baseline is true when a --baseline file was applied: findings it
	// records are in Result.Baselined, the others are new.
	Baseline bool
	// PolicyDigest is the SHA-256 over the policy modules the run loaded
	// (policy.Digest) and PolicyModules how many there were; the audit
	// report and the JSON output state them so a reader knows exactly which
	// rules produced the verdicts.
	PolicyDigest  string
	PolicyModules int
	// Source gives writers read-only access to the lines of the bundle's
	// documents, for showing the line a finding points at; nil when none.
	Source Source
}

// Source returns line n (1-based, without its line ending) of the bundle
// file at path (bundle-relative, slash-separated). ok is false when the line
// cannot be shown: the file is not a checked document, was changed since it
// was checked, or has no such line.
type Source interface {
	Line(path string, n int) (line string, ok bool)
}

// Writer renders one result.
type Writer interface {
	Write(w io.Writer, meta Meta, res *result.Result) error
}

// Bundle is one checked bundle of a run, with what its report needs.
type Bundle struct {
	Meta   Meta
	Result *result.Result
}

// MultiWriter renders every bundle of one run into one report (SARIF: one
// run per bundle; JSON: a list of bundle reports). Writers that do not
// implement it render one bundle per report.
type MultiWriter interface {
	WriteAll(w io.Writer, bundles []Bundle) error
}
