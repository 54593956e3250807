package cvss

import "math"

// CVSS v3 metric weights (v3.1 specification section 7.4; identical in v3.0).
// PR depends on Scope, hence the two maps.
var (
	w3AV  = map[string]float64{"N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2}
	w3AC  = map[string]float64{"L": 0.77, "H": 0.44}
	w3PRU = map[string]float64{"N": 0.85, "L": 0.62, "H": 0.27}
	w3PRC = map[string]float64{"N": 0.85, "L": 0.68, "H": 0.5}
	w3UI  = map[string]float64{"N": 0.85, "R": 0.62}
	w3CIA = map[string]float64{"H": 0.56, "L": 0.22, "N": 0}
	w3E   = map[string]float64{"X": 1, "H": 1, "F": 0.97, "P": 0.94, "U": 0.91}
	w3RL  = map[string]float64{"X": 1, "U": 1, "W": 0.97, "T": 0.96, "O": 0.95}
	w3RC  = map[string]float64{"X": 1, "C": 1, "R": 0.96, "U": 0.92}
	w3Req = map[string]float64{"X": 1, "H": 1.5, "M": 1, "L": 0.5}
)

// roundup31 is Roundup from CVSS v3.1 Appendix A: the smallest number, to one
// decimal place, that is >= the input, computed on an integer so that tiny
// floating-point errors (e.g. 4.000000000000001) do not push the result up.
func roundup31(x float64) float64 {
	i := int64(math.Round(x * 100000))
	if i%10000 == 0 {
		return float64(i) / 100000
	}
	return float64(i/10000+1) / 10
}

// roundup30 is "Round up" as implemented by FIRST's CVSS v3.0 reference
// calculator, ceil(x*10)/10 in floating point. v3.1 replaced it because it can
// round 4.000000000000001 to 4.1; we keep it for v3.0 vectors so our v3.0
// scores match those published with them.
func roundup30(x float64) float64 {
	return math.Ceil(x*10) / 10
}

func (v *Vector) roundup(x float64) float64 {
	if v.version == Version30 {
		return roundup30(x)
	}
	return roundup31(x)
}

// modified returns the Modified Base metric's value, or the base metric's
// value when the modified metric is absent or Not Defined.
func (v *Vector) modified(key string) string {
	if m := v.effective("M" + key); m != "X" {
		return m
	}
	return v.effective(key)
}

// exploitability3 is 8.22 × AV × AC × PR × UI. The explicit float64
// conversions stop the compiler fusing multiply-adds (allowed by the Go spec),
// which would make results differ from the reference calculators in the last
// bit and, after Roundup, occasionally by 0.1.
func exploitability3(av, ac, pr, ui float64) float64 {
	return float64(float64(float64(float64(8.22*av)*ac)*pr) * ui)
}

func prWeight(scope, pr string) float64 {
	if scope == "C" {
		return w3PRC[pr]
	}
	return w3PRU[pr]
}

// baseScore3 computes the v3.0/v3.1 base score (v3.1 section 7.1; the base
// formula did not change between v3.0 and v3.1).
func (v *Vector) baseScore3() float64 {
	scope := v.effective("S")
	iss := 1 - float64(float64((1-w3CIA[v.effective("C")])*(1-w3CIA[v.effective("I")]))*(1-w3CIA[v.effective("A")]))
	var impact float64
	if scope == "U" {
		impact = float64(6.42 * iss)
	} else {
		impact = float64(7.52*(iss-0.029)) - float64(3.25*math.Pow(iss-0.02, 15))
	}
	expl := exploitability3(w3AV[v.effective("AV")], w3AC[v.effective("AC")],
		prWeight(scope, v.effective("PR")), w3UI[v.effective("UI")])
	if impact <= 0 {
		return 0
	}
	if scope == "U" {
		return v.roundup(math.Min(impact+expl, 10))
	}
	return v.roundup(math.Min(float64(1.08*(impact+expl)), 10))
}

// temporalScore3 is Roundup(BaseScore × E × RL × RC).
func (v *Vector) temporalScore3() float64 {
	b := v.baseScore3()
	return v.roundup(float64(float64(float64(b*w3E[v.effective("E")])*w3RL[v.effective("RL")]) * w3RC[v.effective("RC")]))
}

// environmentalScore3 computes the v3 environmental score (v3.1 section 7.3;
// v3.0 section 8.3). Modified metrics default to their base values, security
// requirements to 1. v3.1 changed ModifiedImpact for a changed (modified)
// scope from 7.52×(MISS−0.029)−3.25×(MISS−0.02)^15 to
// 7.52×(MISS−0.029)−3.25×(MISS×0.9731−0.02)^13.
func (v *Vector) environmentalScore3() float64 {
	scope := v.modified("S")
	mc := float64(w3CIA[v.modified("C")] * w3Req[v.effective("CR")])
	mi := float64(w3CIA[v.modified("I")] * w3Req[v.effective("IR")])
	ma := float64(w3CIA[v.modified("A")] * w3Req[v.effective("AR")])
	miss := math.Min(1-float64(float64((1-mc)*(1-mi))*(1-ma)), 0.915)
	var impact float64
	switch {
	case scope == "U":
		impact = float64(6.42 * miss)
	case v.version == Version30:
		impact = float64(7.52*(miss-0.029)) - float64(3.25*math.Pow(miss-0.02, 15))
	default:
		impact = float64(7.52*(miss-0.029)) - float64(3.25*math.Pow(float64(miss*0.9731)-0.02, 13))
	}
	expl := exploitability3(w3AV[v.modified("AV")], w3AC[v.modified("AC")],
		prWeight(scope, v.modified("PR")), w3UI[v.modified("UI")])
	if impact <= 0 {
		return 0
	}
	var inner float64
	if scope == "U" {
		inner = v.roundup(math.Min(impact+expl, 10))
	} else {
		inner = v.roundup(math.Min(float64(1.08*(impact+expl)), 10))
	}
	return v.roundup(float64(float64(float64(inner*w3E[v.effective("E")])*w3RL[v.effective("RL")]) * w3RC[v.effective("RC")]))
}
