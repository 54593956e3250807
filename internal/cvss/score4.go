package cvss

import (
	"math"
	"strings"
)

// The constants below come with the CVSS v4.0 scoring algorithm (the v4.0
// specification's scoring section and its reference implementation).

// v4Levels gives each metric value's severity level, in steps of 0.1, used to
// measure how far a vector is from the highest-severity vector of its
// MacroVector. The float values (not integers) are deliberate: the reference
// implementation sums these floats, and rounding the final score to one
// decimal can depend on the last bit.
var v4Levels = map[string]map[string]float64{
	"AV": {"N": 0.0, "A": 0.1, "L": 0.2, "P": 0.3},
	"PR": {"N": 0.0, "L": 0.1, "H": 0.2},
	"UI": {"N": 0.0, "P": 0.1, "A": 0.2},
	"AC": {"L": 0.0, "H": 0.1},
	"AT": {"N": 0.0, "P": 0.1},
	"VC": {"H": 0.0, "L": 0.1, "N": 0.2},
	"VI": {"H": 0.0, "L": 0.1, "N": 0.2},
	"VA": {"H": 0.0, "L": 0.1, "N": 0.2},
	"SC": {"H": 0.1, "L": 0.2, "N": 0.3},
	"SI": {"S": 0.0, "H": 0.1, "L": 0.2, "N": 0.3},
	"SA": {"S": 0.0, "H": 0.1, "L": 0.2, "N": 0.3},
	"CR": {"H": 0.0, "M": 0.1, "L": 0.2},
	"IR": {"H": 0.0, "M": 0.1, "L": 0.2},
	"AR": {"H": 0.0, "M": 0.1, "L": 0.2},
	"E":  {"U": 0.2, "P": 0.1, "A": 0.0},
}

// v4DistanceOrder is the order in which severity distances are computed; it
// only matters for which candidate max vector is tried first.
var v4DistanceOrder = []string{"AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA", "CR", "IR", "AR", "E"}

// v4MaxComposed lists, per EQ level, the highest-severity metric values of the
// MacroVector(s) with that level. EQ3 is keyed by EQ3 level then EQ6 level.
var (
	v4MaxEQ1 = [][]string{
		{"AV:N/PR:N/UI:N"},
		{"AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"},
		{"AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"},
	}
	v4MaxEQ2 = [][]string{
		{"AC:L/AT:N"},
		{"AC:H/AT:N", "AC:L/AT:P"},
	}
	v4MaxEQ3EQ6 = [][][]string{
		{{"VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"}, {"VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"}},
		{{"VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"},
			{"VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"}},
		{nil, {"VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"}},
	}
	v4MaxEQ4 = [][]string{{"SC:H/SI:S/SA:S"}, {"SC:H/SI:H/SA:H"}, {"SC:L/SI:L/SA:L"}}
	v4MaxEQ5 = [][]string{{"E:A"}, {"E:P"}, {"E:U"}}
)

// v4MaxSeverity is the depth of each EQ level (the maximal severity distance
// within a MacroVector, +1), in steps of 0.1.
var (
	v4DepthEQ1    = []float64{1, 4, 5}
	v4DepthEQ2    = []float64{1, 2}
	v4DepthEQ3EQ6 = [][]float64{{7, 6}, {8, 8}, {math.NaN(), 10}}
	v4DepthEQ4    = []float64{6, 5, 4}
)

// v4Step is a variable, not a constant, so depth×step is computed in floating
// point at run time exactly as the reference implementation does (a Go
// constant expression would be exact and can differ in the last bit).
var v4Step = 0.1

// v4Value returns the value a v4.0 metric takes for scoring. With full=false
// only the base metrics count (CVSS-B): Exploit Maturity is Attacked and the
// security requirements High, the worst cases the specification assumes when
// they are Not Defined. With full=true the threat and environmental metrics
// count too, a Modified metric replacing its base metric (CVSS-BTE).
func (v *Vector) v4Value(key string, full bool) string {
	switch key {
	case "E":
		if e := v.effective("E"); full && e != "X" {
			return e
		}
		return "A"
	case "CR", "IR", "AR":
		if r := v.effective(key); full && r != "X" {
			return r
		}
		return "H"
	case "MSI", "MSA":
		if full {
			return v.effective(key)
		}
		return "X"
	}
	if full {
		if m := v.effective("M" + key); m != "X" {
			return m
		}
	}
	return v.effective(key)
}

// macroVector computes the six EQ levels (v4.0 specification Tables 24-29).
func (v *Vector) macroVector(full bool) [6]int {
	g := func(k string) string { return v.v4Value(k, full) }
	av, pr, ui := g("AV"), g("PR"), g("UI")
	var eq [6]int
	switch {
	case av == "N" && pr == "N" && ui == "N":
		eq[0] = 0
	case (av == "N" || pr == "N" || ui == "N") && av != "P":
		eq[0] = 1
	default:
		eq[0] = 2
	}
	if g("AC") != "L" || g("AT") != "N" {
		eq[1] = 1
	}
	vc, vi, va := g("VC"), g("VI"), g("VA")
	switch {
	case vc == "H" && vi == "H":
		eq[2] = 0
	case vc == "H" || vi == "H" || va == "H":
		eq[2] = 1
	default:
		eq[2] = 2
	}
	switch {
	case g("MSI") == "S" || g("MSA") == "S":
		eq[3] = 0
	case g("SC") == "H" || g("SI") == "H" || g("SA") == "H":
		eq[3] = 1
	default:
		eq[3] = 2
	}
	switch g("E") {
	case "A":
		eq[4] = 0
	case "P":
		eq[4] = 1
	default:
		eq[4] = 2
	}
	highRequirement := (g("CR") == "H" && vc == "H") || (g("IR") == "H" && vi == "H") || (g("AR") == "H" && va == "H")
	if !highRequirement {
		eq[5] = 1
	}
	return eq
}

func mvKey(eq [6]int) string {
	var b [6]byte
	for i, e := range eq {
		b[i] = byte('0' + e)
	}
	return string(b[:])
}

// mvScore returns the lookup-table score of a MacroVector, NaN if it does not
// exist (levels beyond the last one, or impossible EQ3/EQ6 combinations).
func mvScore(eq [6]int) float64 {
	for _, e := range eq {
		if e < 0 || e > 9 {
			return math.NaN()
		}
	}
	if s, ok := v4Lookup[mvKey(eq)]; ok {
		return s
	}
	return math.NaN()
}

// score4 computes the CVSS v4.0 score (v4.0 specification, scoring section): the
// MacroVector's score minus the mean, over the EQs that have a lower
// MacroVector, of the available score drop scaled by how far the vector sits
// below the MacroVector's highest-severity vector.
func (v *Vector) score4(full bool) float64 {
	g := func(k string) string { return v.v4Value(k, full) }
	noImpact := true
	for _, k := range []string{"VC", "VI", "VA", "SC", "SI", "SA"} {
		if g(k) != "N" {
			noImpact = false
			break
		}
	}
	if noImpact {
		return 0
	}
	eq := v.macroVector(full)
	value := mvScore(eq)
	if math.IsNaN(value) {
		return 0 // unreachable for validated vectors; never panic
	}
	lower := func(i int) [6]int { n := eq; n[i]++; return n }

	nextEQ1 := mvScore(lower(0))
	nextEQ2 := mvScore(lower(1))
	var nextEQ3EQ6 float64
	switch {
	case eq[2] == 0 && eq[5] == 0:
		// Two lower neighbours (00 -> 01 and 00 -> 10): take the higher.
		left, right := mvScore(lower(5)), mvScore(lower(2))
		if math.IsNaN(left) || math.IsNaN(right) {
			nextEQ3EQ6 = math.NaN()
		} else {
			nextEQ3EQ6 = math.Max(left, right)
		}
	case eq[2] == 1 && eq[5] == 0:
		nextEQ3EQ6 = mvScore(lower(5)) // 10 -> 11
	case eq[2] == 2:
		nextEQ3EQ6 = math.NaN() // 21 is the lowest
	default:
		nextEQ3EQ6 = mvScore(lower(2)) // 01 -> 11, 11 -> 21
	}
	nextEQ4 := mvScore(lower(3))
	nextEQ5 := mvScore(lower(4))

	dist := v.v4Distances(eq, full)
	curEQ1 := dist["AV"] + dist["PR"] + dist["UI"]
	curEQ2 := dist["AC"] + dist["AT"]
	curEQ3EQ6 := dist["VC"] + dist["VI"] + dist["VA"] + dist["CR"] + dist["IR"] + dist["AR"]
	curEQ4 := dist["SC"] + dist["SI"] + dist["SA"]

	depth3 := math.NaN()
	if eq[2] < len(v4DepthEQ3EQ6) && eq[5] < 2 {
		depth3 = v4DepthEQ3EQ6[eq[2]][eq[5]]
	}
	parts := []struct{ next, cur, depth float64 }{
		{nextEQ1, curEQ1, at(v4DepthEQ1, eq[0])},
		{nextEQ2, curEQ2, at(v4DepthEQ2, eq[1])},
		{nextEQ3EQ6, curEQ3EQ6, depth3},
		{nextEQ4, curEQ4, at(v4DepthEQ4, eq[3])},
	}
	n := 0
	sum := 0.0
	for _, p := range parts {
		available := value - p.next
		if math.IsNaN(available) {
			continue
		}
		n++
		sum += float64(available * (p.cur / float64(p.depth*v4Step)))
	}
	// EQ5 has depth 0: a lower MacroVector counts in the mean but adds no
	// distance.
	if !math.IsNaN(value - nextEQ5) {
		n++
	}
	mean := 0.0
	if n > 0 {
		mean = sum / float64(n)
	}
	score := math.Max(0, math.Min(10, value-mean))
	// Round half up to one decimal, with the reference implementation's 1e-6
	// nudge against representation error (e.g. 1.4499999999999993 -> 1.5).
	return math.Round((score+1e-6)*10) / 10
}

func at(s []float64, i int) float64 {
	if i < 0 || i >= len(s) {
		return math.NaN()
	}
	return s[i]
}

// v4Distances returns, per metric, the severity distance of the vector from
// the first highest-severity vector of its MacroVector that is at least as
// severe in every metric. If none is (which the specification rules out), the
// distances from the last candidate are used, as the reference does.
func (v *Vector) v4Distances(eq [6]int, full bool) map[string]float64 {
	var eq3 []string
	if eq[2] < len(v4MaxEQ3EQ6) && eq[5] < 2 {
		eq3 = v4MaxEQ3EQ6[eq[2]][eq[5]]
	}
	lists := [][]string{pick(v4MaxEQ1, eq[0]), pick(v4MaxEQ2, eq[1]), eq3, pick(v4MaxEQ4, eq[3]), pick(v4MaxEQ5, eq[4])}
	cur := make(map[string]string, len(v4DistanceOrder))
	for _, k := range v4DistanceOrder {
		cur[k] = v.v4Value(k, full)
	}
	var dist map[string]float64
	idx := make([]int, len(lists))
	for _, l := range lists {
		if len(l) == 0 {
			return map[string]float64{}
		}
	}
	for {
		maxVals := map[string]string{}
		for i, l := range lists {
			for _, kv := range strings.Split(l[idx[i]], "/") {
				k, val, _ := strings.Cut(kv, ":")
				maxVals[k] = val
			}
		}
		dist = make(map[string]float64, len(v4DistanceOrder))
		ok := true
		for _, k := range v4DistanceOrder {
			d := v4Levels[k][cur[k]] - v4Levels[k][maxVals[k]]
			dist[k] = d
			if d < 0 {
				ok = false
			}
		}
		if ok {
			return dist
		}
		// Advance the odometer; the last list varies fastest, matching the
		// nesting order of the reference implementation.
		i := len(lists) - 1
		for i >= 0 {
			idx[i]++
			if idx[i] < len(lists[i]) {
				break
			}
			idx[i] = 0
			i--
		}
		if i < 0 {
			return dist
		}
	}
}

func pick(s [][]string, i int) []string {
	if i < 0 || i >= len(s) {
		return nil
	}
	return s[i]
}
