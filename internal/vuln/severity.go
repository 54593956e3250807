package vuln

import (
	"math"
	"strings"
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
// give only vectors; policies compare scores.
func cvss3Score(vector string) *float64 {
	rest, ok := strings.CutPrefix(vector, "CVSS:3.1/")
	if !ok {
		if rest, ok = strings.CutPrefix(vector, "CVSS:3.0/"); !ok {
			return nil
		}
	}
	m := map[string]string{}
	for _, part := range strings.Split(rest, "/") {
		k, v, ok := strings.Cut(part, ":")
		if !ok {
			return nil
		}
		m[k] = v
	}
	weights := map[string]map[string]float64{
		"AV": {"N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2},
		"AC": {"L": 0.77, "H": 0.44},
		"UI": {"N": 0.85, "R": 0.62},
		"C":  {"H": 0.56, "L": 0.22, "N": 0},
		"I":  {"H": 0.56, "L": 0.22, "N": 0},
		"A":  {"H": 0.56, "L": 0.22, "N": 0},
	}
	w := map[string]float64{}
	for k, table := range weights {
		f, ok := table[m[k]]
		if !ok {
			return nil
		}
		w[k] = f
	}
	changed := false
	switch m["S"] {
	case "C":
		changed = true
	case "U":
	default:
		return nil
	}
	pr := map[string]float64{"N": 0.85, "L": 0.62, "H": 0.27}
	if changed {
		pr = map[string]float64{"N": 0.85, "L": 0.68, "H": 0.5}
	}
	prW, ok := pr[m["PR"]]
	if !ok {
		return nil
	}
	iss := 1 - (1-w["C"])*(1-w["I"])*(1-w["A"])
	var impact float64
	if changed {
		impact = 7.52*(iss-0.029) - 3.25*math.Pow(iss-0.02, 15)
	} else {
		impact = 6.42 * iss
	}
	exploit := 8.22 * w["AV"] * w["AC"] * prW * w["UI"]
	var score float64
	switch {
	case impact <= 0:
		score = 0
	case changed:
		score = roundUp(math.Min(1.08*(impact+exploit), 10))
	default:
		score = roundUp(math.Min(impact+exploit, 10))
	}
	return &score
}

// roundUp is the CVSS v3.1 Roundup: the smallest one-decimal number >= x,
// computed on integers to avoid floating-point artefacts.
func roundUp(x float64) float64 {
	i := int64(math.Round(x * 100000))
	if i%10000 == 0 {
		return float64(i) / 100000
	}
	return float64(i/10000+1) / 10
}
