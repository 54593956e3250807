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
}

// Writer renders one result.
type Writer interface {
	Write(w io.Writer, meta Meta, res *result.Result) error
}
