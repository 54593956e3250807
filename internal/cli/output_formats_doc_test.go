package cli_test

import (
	"path/filepath"
	"testing"
)

// TestOutputFormatsSamples checks the samples of output in
// docs/output-formats.md (text, --quiet, --readiness, json, github, junit,
// markdown, oscal) against what annexlint prints: a line "..." stands for one
// or more lines left out, every other line is printed as shown. It compares
// only; a stale sample is corrected by hand from the output it shows.
func TestOutputFormatsSamples(t *testing.T) {
	t.Parallel()
	doc := readFile(t, filepath.Join("..", "..", "docs", "output-formats.md"))
	checkConsoleSamples(t, "docs/output-formats.md", doc, "the samples of eight outputs", 8)
}
