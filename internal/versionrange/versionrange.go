// Package versionrange decides whether a component version lies in a version
// range, comparing versions as the component's ecosystem orders them: Maven
// qualifiers, PEP 440 pre-releases, Debian epochs and tildes, npm and Go
// semantic versions. Rego compares strings only, so these answers are
// computed here and handed to the policies as input.derived.version_ranges.
//
// The ordering comes from github.com/google/osv-scalibr/semantic, the
// comparison OSV uses for its advisories' affected ranges: it covers every
// ecosystem a package URL names (npm, PyPI, Maven, Go, crates.io, RubyGems,
// Packagist, NuGet, Debian, Alpine, Red Hat, Hex, Pub, ...). Package types it
// has no ordering for (generic, github) are compared as semantic-version-like
// dotted numbers.
//
// Ranges are read in the package URL project's vers notation
// (vers:maven/>=1.0|<2.0) or as a list of comparisons ANDed together
// (">=1.0, <2.0", "< 2.13.3"), the free-text form VEX authors use.
package versionrange

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/google/osv-scalibr/semantic"
)

// ecosystems maps a package URL type to the OSV ecosystem whose version
// ordering it follows.
var ecosystems = map[string]string{
	"apk":      "Alpine",
	"cargo":    "crates.io",
	"composer": "Packagist",
	"conan":    "ConanCenter",
	"cran":     "CRAN",
	"deb":      "Debian",
	"gem":      "RubyGems",
	"github":   "Go", // git tags: semantic versions, usually with a leading v
	"golang":   "Go",
	"hackage":  "Hackage",
	"hex":      "Hex",
	"maven":    "Maven",
	"npm":      "npm",
	"nuget":    "NuGet",
	"pub":      "Pub",
	"pypi":     "PyPI",
	"rpm":      "Red Hat",
	"swift":    "Go",
}

// Ecosystem returns the OSV ecosystem used to order versions of a package
// URL type (lower case), or "" for types compared as dotted numbers.
func Ecosystem(purlType string) string { return ecosystems[strings.ToLower(purlType)] }

// Compare orders two versions of a package of the given package URL type:
// negative when a < b, zero when equal, positive when a > b.
func Compare(purlType, a, b string) (int, error) {
	va, err := parse(purlType, a)
	if err != nil {
		return 0, err
	}
	return va.CompareStr(clean(purlType, b))
}

func parse(purlType, v string) (semantic.Version, error) {
	v = clean(purlType, v)
	if v == "" {
		return nil, errors.New("empty version")
	}
	if eco := Ecosystem(purlType); eco != "" {
		parsed, err := semantic.Parse(v, eco)
		if !errors.Is(err, semantic.ErrUnsupportedEcosystem) {
			return parsed, err
		}
	}
	return semantic.ParseSemverVersion(v), nil
}

// clean trims the version and, where the ecosystem's parser expects none,
// a leading "v" before a digit (git tags, Go modules keep theirs).
func clean(purlType, v string) string {
	v = strings.TrimSpace(v)
	if Ecosystem(purlType) == "" && len(v) > 1 && (v[0] == 'v' || v[0] == 'V') && v[1] >= '0' && v[1] <= '9' {
		return v[1:]
	}
	return v
}

// constraint is one comparison of a range: comparator and version.
type constraint struct {
	op, version string
}

// Contains reports whether version lies in the range spec for a package of
// the given package URL type (the vers scheme, when given, wins). It returns
// an error when the range cannot be read or a version not compared; the
// caller then does not know, and must not guess.
func Contains(purlType, spec, version string) (bool, error) {
	spec = strings.TrimSpace(spec)
	if rest, ok := strings.CutPrefix(strings.ToLower(spec), "vers:"); ok {
		scheme, _, found := strings.Cut(rest, "/")
		if !found {
			return false, fmt.Errorf("version range %q: no scheme and constraints after the vers: prefix", spec)
		}
		return containsVers(scheme, spec[len("vers:")+len(scheme)+1:], version)
	}
	return containsAll(purlType, spec, version)
}

// containsVers evaluates vers constraints ("|"-separated, each an interval
// bound or an (in)equality) as the vers specification describes.
func containsVers(purlType, list, version string) (bool, error) {
	list = strings.TrimSpace(list)
	if list == "*" {
		return true, nil
	}
	var cs []constraint
	for _, raw := range strings.Split(list, "|") {
		c, err := parseConstraint(raw)
		if err != nil {
			return false, fmt.Errorf("version range %q: %w", list, err)
		}
		cs = append(cs, c)
	}
	// Equality first: an "=" or inclusive bound at the version itself
	// includes it, a "!=" excludes it.
	var bounds []constraint
	for _, c := range cs {
		cmp, err := Compare(purlType, version, c.version)
		if err != nil {
			return false, err
		}
		if cmp == 0 {
			switch c.op {
			case "=", ">=", "<=":
				return true, nil
			case "!=":
				return false, nil
			}
		}
		if c.op != "=" && c.op != "!=" {
			bounds = append(bounds, c)
		}
	}
	var sortErr error
	sort.SliceStable(bounds, func(i, j int) bool {
		cmp, err := Compare(purlType, bounds[i].version, bounds[j].version)
		if err != nil {
			sortErr = err
		}
		return cmp < 0
	})
	if sortErr != nil {
		return false, sortErr
	}
	for i, c := range bounds {
		cmp, err := Compare(purlType, version, c.version)
		if err != nil {
			return false, err
		}
		lower := c.op == ">" || c.op == ">="
		switch {
		case i == 0 && !lower && cmp < 0:
			return true, nil // below the first upper bound
		case i == len(bounds)-1 && lower && cmp > 0:
			return true, nil // above the last lower bound
		case lower && cmp > 0 && i+1 < len(bounds) && !(bounds[i+1].op == ">" || bounds[i+1].op == ">="):
			next, err := Compare(purlType, version, bounds[i+1].version)
			if err != nil {
				return false, err
			}
			if next < 0 {
				return true, nil // inside [lower, upper]
			}
		}
	}
	return false, nil
}

// containsAll evaluates comparisons separated by commas or spaces, all of
// which must hold (">=1.0, <2.0", "< 2.13.3"); a bare version means equality.
func containsAll(purlType, spec, version string) (bool, error) {
	fields := strings.FieldsFunc(spec, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	// Rejoin an operator written apart from its version ("< 2.13.3").
	var parts []string
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		if strings.Trim(f, "<>=!") == "" && i+1 < len(fields) {
			f += fields[i+1]
			i++
		}
		parts = append(parts, f)
	}
	if len(parts) == 0 {
		return false, fmt.Errorf("version range %q is empty", spec)
	}
	for _, p := range parts {
		c, err := parseConstraint(p)
		if err != nil {
			return false, fmt.Errorf("version range %q: %w", spec, err)
		}
		cmp, err := Compare(purlType, version, c.version)
		if err != nil {
			return false, err
		}
		ok := map[string]bool{"=": cmp == 0, "!=": cmp != 0, "<": cmp < 0, "<=": cmp <= 0, ">": cmp > 0, ">=": cmp >= 0}[c.op]
		if !ok {
			return false, nil
		}
	}
	return true, nil
}

// parseConstraint reads one comparison: an operator and a version, or a bare
// version (equality). A version must begin with a digit (or v and a digit),
// so free text such as "all versions" is refused rather than compared.
func parseConstraint(raw string) (constraint, error) {
	raw = strings.TrimSpace(raw)
	op, v := "=", raw
	for _, o := range []string{">=", "<=", "!=", ">", "<", "="} {
		if rest, ok := strings.CutPrefix(raw, o); ok {
			op, v = o, strings.TrimSpace(rest)
			break
		}
	}
	if !looksLikeVersion(v) {
		return constraint{}, fmt.Errorf("cannot read comparison %q", raw)
	}
	return constraint{op, v}, nil
}

func looksLikeVersion(v string) bool {
	v = strings.TrimPrefix(strings.TrimPrefix(v, "v"), "V")
	return v != "" && v[0] >= '0' && v[0] <= '9' && !strings.ContainsAny(v, "<>=!| ")
}
