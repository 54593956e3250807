package vuln

import (
	"strings"

	"github.com/annexlint/annexlint/internal/cvss"
)

// Normalised severities of a Match.
const (
	SeverityCritical = "critical"
	SeverityHigh     = "high"
	SeverityMedium   = "medium"
	SeverityLow      = "low"
	SeverityNone     = "none"
	SeverityUnknown  = "unknown"
)

// normalizeSeverity maps scanner and vendor wording onto the closed set above.
// Grype's "negligible" becomes low, GHSA's "moderate" medium and Red Hat's
// "important" high; anything unrecognised is unknown.
func normalizeSeverity(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "critical":
		return SeverityCritical
	case "high", "important":
		return SeverityHigh
	case "medium", "moderate":
		return SeverityMedium
	case "low", "negligible":
		return SeverityLow
	case "none", "info", "informational":
		return SeverityNone
	}
	return SeverityUnknown
}

func severityRank(s string) int {
	switch s {
	case SeverityCritical:
		return 5
	case SeverityHigh:
		return 4
	case SeverityMedium:
		return 3
	case SeverityLow:
		return 2
	case SeverityNone:
		return 1
	}
	return 0
}

// severityFromScore applies the CVSS v3 qualitative rating scale.
func severityFromScore(f float64) string {
	switch {
	case f >= 9:
		return SeverityCritical
	case f >= 7:
		return SeverityHigh
	case f >= 4:
		return SeverityMedium
	case f > 0:
		return SeverityLow
	}
	return SeverityNone
}

// cvssVersion returns "3.0"/"3.1"/"4.0" from a vector prefix, "2.0" for a
// prefix-less vector with v2 metrics, "" otherwise.
func cvssVersion(vector string) string {
	switch {
	case strings.HasPrefix(vector, "CVSS:3.0/"):
		return "3.0"
	case strings.HasPrefix(vector, "CVSS:3.1/"):
		return "3.1"
	case strings.HasPrefix(vector, "CVSS:4.0/"):
		return "4.0"
	case strings.Contains(vector, "Au:"):
		return "2.0"
	}
	return ""
}

// cvss3Score computes the CVSS v3.0/v3.1 base score of a vector, or nil when
// the vector is not a complete v3 base vector. Scanners such as OSV-Scanner
// give only vectors; policies compare scores. Scoring is internal/cvss's,
// which is checked against FIRST's calculators.
func cvss3Score(vector string) *float64 {
	if !strings.HasPrefix(vector, "CVSS:3.") {
		return nil
	}
	v, err := cvss.Parse(vector)
	if err != nil {
		return nil
	}
	score, err := v.BaseScore()
	if err != nil {
		return nil
	}
	return &score
}
