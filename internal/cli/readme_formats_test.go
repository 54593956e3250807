package cli_test

import "testing"

// TestReadmeReportSamples checks the README's samples of the json, sarif,
// markdown and oscal reports (section "### Reports") against what annexlint
// prints: a line "..." stands for one or more lines left out, every other
// line is printed as shown.
func TestReadmeReportSamples(t *testing.T) {
	t.Parallel()
	checkReadmeSamples(t, "### Reports", "the json, sarif, markdown and oscal samples", 4)
}
