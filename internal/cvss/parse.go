package cvss

import (
	"errors"
	"fmt"
	"strings"
)

// maxVectorLen bounds the input. The longest valid v4.0 vector (every metric
// present) is under 200 bytes; anything far beyond that is not a vector.
const maxVectorLen = 1024

// ErrScoreUnavailable reports that a score is not defined for a vector, for
// example a temporal score for CVSS v4.0, which has no temporal group.
var ErrScoreUnavailable = errors.New("cvss: score unavailable")

// ParseError describes why a vector string was rejected. Offset is the byte
// offset in Vector of the offending "metric:value" component (-1 when the
// vector as a whole is at fault, e.g. missing metrics), so a caller that knows
// where the vector sits in a file can point at the exact column.
type ParseError struct {
	Vector  string   // the input (truncated to maxVectorLen)
	Offset  int      // byte offset of the offending component, or -1
	Metric  string   // metric abbreviation at fault, if any
	Value   string   // offending value, if any
	Allowed []string // allowed values of Metric, when Value is invalid
	Missing []string // missing mandatory metrics, in specification order
	Msg     string   // plain reason
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString("cvss: ")
	b.WriteString(e.Msg)
	if len(e.Allowed) > 0 {
		b.WriteString(" (allowed: ")
		b.WriteString(strings.Join(e.Allowed, ", "))
		b.WriteString(")")
	}
	if e.Offset >= 0 {
		fmt.Fprintf(&b, " at byte %d", e.Offset)
	}
	return b.String()
}

// Vector is a parsed, validated CVSS v3.x or v4.0 vector.
type Vector struct {
	version Version
	defs    []metricDef
	vals    []string // indexed like defs; "" = metric absent
}

// Metric is one metric of a vector as written.
type Metric struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	Group Group  `json:"group"`
}

// Parse parses and validates a CVSS v3.0, v3.1 or v4.0 vector string such as
// "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H". It returns a *ParseError
// for anything that is not a valid vector of a supported version.
func Parse(vector string) (*Vector, error) {
	if len(vector) > maxVectorLen {
		return nil, &ParseError{Vector: vector[:maxVectorLen], Offset: -1,
			Msg: fmt.Sprintf("vector is %d bytes long; a CVSS vector is at most a few hundred", len(vector))}
	}
	fail := func(off int, metric, value string, allowed []string, format string, args ...any) error {
		return &ParseError{Vector: vector, Offset: off, Metric: metric, Value: value, Allowed: allowed,
			Msg: fmt.Sprintf(format, args...)}
	}
	if vector == "" {
		return nil, fail(-1, "", "", nil, "empty vector")
	}
	if strings.TrimSpace(vector) != vector {
		return nil, fail(0, "", "", nil, "vector has leading or trailing white space")
	}
	prefix, rest, ok := strings.Cut(vector, "/")
	var version Version
	switch prefix {
	case "CVSS:3.0":
		version = Version30
	case "CVSS:3.1":
		version = Version31
	case "CVSS:4.0":
		version = Version40
	default:
		if strings.HasPrefix(prefix, "CVSS:") {
			return nil, fail(0, "", prefix[len("CVSS:"):], []string{"3.0", "3.1", "4.0"},
				"unsupported CVSS version %q", prefix[len("CVSS:"):])
		}
		if strings.Contains(vector, "Au:") {
			return nil, fail(0, "", "", nil, "CVSS v2 vectors are not supported (no \"CVSS:\" version prefix)")
		}
		return nil, fail(0, "", "", nil, "vector does not start with a version prefix such as \"CVSS:3.1/\"")
	}
	if !ok || rest == "" {
		return nil, fail(-1, "", "", nil, "vector %q has no metrics", prefix)
	}
	v := &Vector{version: version, defs: defsFor(version)}
	v.vals = make([]string, len(v.defs))
	off := len(prefix) + 1
	for rest != "" {
		comp, tail, more := strings.Cut(rest, "/")
		if comp == "" {
			return nil, fail(off, "", "", nil, "empty metric (\"//\" or trailing \"/\")")
		}
		key, value, hasColon := strings.Cut(comp, ":")
		if !hasColon || key == "" {
			return nil, fail(off, "", "", nil, "component %q is not of the form METRIC:VALUE", comp)
		}
		idx := v.index(key)
		if idx < 0 {
			return nil, fail(off, key, value, nil, "unknown metric %q for CVSS %s", key, version)
		}
		def := v.defs[idx]
		if v.vals[idx] != "" {
			return nil, fail(off, key, value, nil, "metric %s appears more than once", key)
		}
		if !contains(def.values, value) {
			return nil, fail(off, key, value, def.values, "metric %s has invalid value %q", key, value)
		}
		v.vals[idx] = value
		off += len(comp) + 1
		rest = tail
		if more && rest == "" {
			return nil, fail(off-1, "", "", nil, "empty metric (\"//\" or trailing \"/\")")
		}
	}
	var missing []string
	for i, d := range v.defs {
		if d.group == GroupBase && v.vals[i] == "" {
			missing = append(missing, d.key)
		}
	}
	if len(missing) > 0 {
		return nil, &ParseError{Vector: vector, Offset: -1, Metric: missing[0], Missing: missing,
			Msg: fmt.Sprintf("missing mandatory base metric(s) %s for CVSS %s", strings.Join(missing, ", "), version)}
	}
	return v, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (v *Vector) index(key string) int {
	for i, d := range v.defs {
		if d.key == key {
			return i
		}
	}
	return -1
}

// Version reports the CVSS version of the vector.
func (v *Vector) Version() Version { return v.version }

// Get returns the value of a metric as written in the vector (including an
// explicit "X"); ok is false when the metric is absent.
func (v *Vector) Get(key string) (value string, ok bool) {
	i := v.index(key)
	if i < 0 || v.vals[i] == "" {
		return "", false
	}
	return v.vals[i], true
}

// Metrics returns the metrics present in the vector in specification order,
// so the result is deterministic whatever order the input used.
func (v *Vector) Metrics() []Metric {
	out := make([]Metric, 0, len(v.defs))
	for i, d := range v.defs {
		if v.vals[i] != "" {
			out = append(out, Metric{Key: d.key, Value: v.vals[i], Group: d.group})
		}
	}
	return out
}

// String renders the vector with its metrics in specification order. Metrics
// written as "X" (Not Defined) are kept so the string describes the input.
func (v *Vector) String() string {
	var b strings.Builder
	b.WriteString("CVSS:")
	b.WriteString(string(v.version))
	for i, d := range v.defs {
		if v.vals[i] != "" {
			b.WriteString("/")
			b.WriteString(d.key)
			b.WriteString(":")
			b.WriteString(v.vals[i])
		}
	}
	return b.String()
}

// effective returns the metric value, or "X" when it is absent.
func (v *Vector) effective(key string) string {
	if val, ok := v.Get(key); ok {
		return val
	}
	return "X"
}

// defined reports whether any metric of group g has a value other than X.
func (v *Vector) defined(g Group) bool {
	for i, d := range v.defs {
		if d.group == g && v.vals[i] != "" && v.vals[i] != "X" {
			return true
		}
	}
	return false
}

// Nomenclature returns the CVSS v4.0 nomenclature of the vector's full score
// ("CVSS-B", "CVSS-BT", "CVSS-BE" or "CVSS-BTE"), which the v4.0
// specification requires alongside any published v4.0 score. It returns ""
// for v3 vectors, which have no such nomenclature.
func (v *Vector) Nomenclature() string {
	if v.version != Version40 {
		return ""
	}
	n := "CVSS-B"
	if v.defined(GroupThreat) {
		n += "T"
	}
	if v.defined(GroupEnvironmental) {
		n += "E"
	}
	return n
}
