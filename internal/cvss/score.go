package cvss

import (
	"fmt"
	"math"
)

// BaseScore returns the base score: for v3.0/v3.1 the Base Score of the
// specification; for v4.0 the CVSS-B score, i.e. the score computed from the
// base metrics alone, ignoring any threat and environmental metrics in the
// vector.
func (v *Vector) BaseScore() (float64, error) {
	if v.version == Version40 {
		return v.score4(false), nil
	}
	return v.baseScore3(), nil
}

// TemporalScore returns the v3.0/v3.1 Temporal Score (equal to the base
// score when no temporal metric is defined). CVSS v4.0 has no temporal group;
// for it the error wraps ErrScoreUnavailable.
func (v *Vector) TemporalScore() (float64, error) {
	if v.version == Version40 {
		return 0, fmt.Errorf("%w: CVSS v4.0 has no temporal score", ErrScoreUnavailable)
	}
	return v.temporalScore3(), nil
}

// EnvironmentalScore returns, for v3.0/v3.1, the Environmental Score as
// FIRST's calculators compute it (always defined; with no environmental
// metric it can still differ from the temporal score for a changed scope in
// v3.1, because the v3.1 environmental impact formula differs). For v4.0 it
// returns the score with every threat and environmental metric of the vector
// applied, whose nomenclature Nomenclature reports.
func (v *Vector) EnvironmentalScore() (float64, error) {
	if v.version == Version40 {
		return v.score4(true), nil
	}
	return v.environmentalScore3(), nil
}

// Score returns the most specific score the vector supports, the one a
// producer would publish with it: for v3.x the environmental score if any
// environmental metric is defined (not X), else the temporal score if any
// temporal metric is defined, else the base score; for v4.0 the score named
// by Nomenclature (CVSS-B, -BT, -BE or -BTE).
func (v *Vector) Score() (float64, error) {
	switch {
	case v.version == Version40:
		return v.score4(true), nil
	case v.defined(GroupEnvironmental):
		return v.environmentalScore3(), nil
	case v.defined(GroupTemporal):
		return v.temporalScore3(), nil
	default:
		return v.baseScore3(), nil
	}
}

// Severity maps a score to the qualitative severity rating scale shared by
// CVSS v3.x and v4.0: "None" (0.0), "Low" (0.1-3.9), "Medium" (4.0-6.9),
// "High" (7.0-8.9), "Critical" (9.0-10.0). Scores are meant to have one
// decimal; a band's lower bound is inclusive and it runs up to the next band's
// lower bound, so 3.95 is "Low". It returns "" for a score outside 0-10 or NaN.
func Severity(score float64) string {
	switch {
	case math.IsNaN(score) || score < 0 || score > 10:
		return ""
	case score == 0:
		return "None"
	case score < 4.0:
		return "Low"
	case score < 7.0:
		return "Medium"
	case score < 9.0:
		return "High"
	default:
		return "Critical"
	}
}
