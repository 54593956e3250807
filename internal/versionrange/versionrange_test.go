package versionrange

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCompareFollowsTheEcosystem(t *testing.T) {
	t.Parallel()
	cases := []struct {
		purlType, a, b string
		want           int
	}{
		{"maven", "1.0-alpha-1", "1.0", -1}, // a qualifier sorts before the release
		{"maven", "1.78.1", "1.79", -1},
		{"maven", "2.0.RELEASE", "2.0", 0}, // "release" is the release itself
		{"pypi", "1.0rc1", "1.0", -1},
		{"pypi", "1.0.post1", "1.0", 1},
		{"deb", "1:1.0-1", "2.0-1", 1}, // the epoch wins
		{"deb", "1.0~rc1-1", "1.0-1", -1},
		{"npm", "1.0.0-beta.2", "1.0.0-beta.11", -1},
		{"golang", "v1.10.0", "v1.9.3", 1},
		{"github", "v3.6.2", "v3.6.10", -1},
		{"generic", "v2.13.0", "2.13.3", -1}, // dotted numbers, a leading v dropped
		{"generic", "6721", "6721", 0},
		{"unknown-type", "10.2", "9.9", 1},
	}
	for _, c := range cases {
		got, err := Compare(c.purlType, c.a, c.b)
		if err != nil {
			t.Errorf("Compare(%s, %s, %s): %v", c.purlType, c.a, c.b, err)
			continue
		}
		if sign(got) != c.want {
			t.Errorf("Compare(%s, %s, %s) = %d, want %d", c.purlType, c.a, c.b, got, c.want)
		}
	}
}

func TestContains(t *testing.T) {
	t.Parallel()
	cases := []struct {
		purlType, spec, version string
		want                    bool
	}{
		{"", "vers:generic/>=1.0|<2.0", "1.5", true},
		{"", "vers:generic/>=1.0|<2.0", "2.0", false},
		{"", "vers:generic/>=1.0|<2.0", "1.0", true},
		{"", "vers:generic/>=1.0|<2.0", "0.9", false},
		{"", "vers:maven/<1.79", "1.78.1", true},
		{"", "vers:maven/<1.79", "1.79", false},
		{"", "vers:pypi/<2.0", "2.0rc1", true}, // a release candidate comes before the release
		{"", "vers:npm/1.2.3|>=2.0.0|<2.5.0", "1.2.3", true},
		{"", "vers:npm/1.2.3|>=2.0.0|<2.5.0", "1.5.0", false},
		{"", "vers:npm/1.2.3|>=2.0.0|<2.5.0", "2.4.9", true},
		{"", "vers:npm/>=2.0.0|!=2.1.0|<2.5.0", "2.1.0", false},
		{"", "vers:deb/<1:1.0", "2.0-1", true}, // without an epoch 2.0 is older than 1:1.0
		{"", "vers:generic/>=3.0", "3.1", true},
		{"", "vers:generic/*", "anything", true},
		{"", "vers:generic/<=2.13.0|>=3.0|<3.2", "2.13.0", true},
		{"", "vers:generic/<=2.13.0|>=3.0|<3.2", "2.14", false},
		{"", "vers:generic/<=2.13.0|>=3.0|<3.2", "3.1.9", true},
		{"generic", "< 2.13.3", "2.13.0", true},
		{"generic", ">=1.0, <2.0", "2.0.1", false},
		{"maven", "1.78.1", "1.78.1", true},
	}
	for _, c := range cases {
		got, err := Contains(c.purlType, c.spec, c.version)
		if err != nil {
			t.Errorf("Contains(%q, %q, %q): %v", c.purlType, c.spec, c.version, err)
			continue
		}
		if got != c.want {
			t.Errorf("Contains(%q, %q, %q) = %v, want %v", c.purlType, c.spec, c.version, got, c.want)
		}
	}
}

func TestContainsRefusesWhatItCannotRead(t *testing.T) {
	t.Parallel()
	for _, spec := range []string{"vers:generic", "vers:generic/>=", "", "all versions <=> 3"} {
		if _, err := Contains("generic", spec, "1.0"); err == nil {
			t.Errorf("Contains(%q) read a range it cannot read", spec)
		}
	}
}

func TestFacts(t *testing.T) {
	t.Parallel()
	sboms := []any{map[string]any{
		"primary": map[string]any{"name": "app", "version": "2.4.1"},
		"components": []any{
			map[string]any{"name": "bcprov-jdk18on", "version": "1.78.1", "purl": "pkg:maven/org.bouncycastle/bcprov-jdk18on@1.78.1?type=jar"},
			map[string]any{"name": "freetype", "version": "2.13.0", "purl": "pkg:generic/freetype@2.13.0"},
			map[string]any{"name": "unversioned"},
		},
	}}
	vexes := []any{map[string]any{"statements": []any{
		map[string]any{"products": []any{
			map[string]any{"purl": "pkg:maven/org.bouncycastle/bcprov-jdk18on", "range": "vers:maven/<1.79"},
			map[string]any{"name": "FreeType", "range": ">=2.13.1"},
			map[string]any{"name": "unversioned", "range": "<1"},
			map[string]any{"name": "not-shipped", "range": "<9"},
			map[string]any{"name": "freetype", "range": "vers:generic/>="}, // unreadable: left out
		}},
	}}}
	want := map[string]map[string]bool{
		"vers:maven/<1.79": {"1.78.1": true},
		">=2.13.1":         {"2.13.0": false},
	}
	if diff := cmp.Diff(want, Facts(sboms, vexes)); diff != "" {
		t.Errorf("Facts (-want +got):\n%s", diff)
	}
}

// TestDeriveOrder: the versions fixed statements name are ordered against the
// shipped ones as their ecosystem orders them, never as text.
func TestDeriveOrder(t *testing.T) {
	sboms := []any{map[string]any{
		"primary": map[string]any{"name": "pump-fw", "version": "3.2.0", "purl": "pkg:generic/acme/pump-fw@3.2.0"},
		"components": []any{
			map[string]any{"name": "mbedtls", "version": "3.6.2", "purl": "pkg:github/mbed-tls/mbedtls@v3.6.2"},
			map[string]any{"name": "jackson-databind", "version": "2.15.0-rc1", "purl": "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.15.0-rc1"},
			map[string]any{"name": "libfoo", "version": "1.2.9"},
			map[string]any{"name": "libfoo", "version": "1.2.11"},
			map[string]any{"name": "urllib3", "version": "2.0.0", "purl": "pkg:pypi/urllib3@2.0.0"},
		},
	}}
	fixed := func(products ...any) any {
		return map[string]any{"status": "fixed", "products": products}
	}
	vexes := []any{map[string]any{"statements": []any{
		fixed(map[string]any{"purl": "pkg:github/mbed-tls/mbedtls@v3.6.2", "version": "v3.6.2"}),
		fixed(map[string]any{"purl": "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.15.0", "version": "2.15.0"}),
		fixed(map[string]any{"name": "libfoo", "version": "1.2.10"}),
		fixed(map[string]any{"purl": "pkg:pypi/urllib3@2.0.0.post1", "version": "2.0.0.post1"}),
		// Not fixed, or a range: no order is computed.
		map[string]any{"status": "affected", "products": []any{map[string]any{"name": "libfoo", "version": "1.2.0"}}},
		fixed(map[string]any{"name": "not-shipped", "version": "1.0"}),
	}}}
	_, order := Derive(sboms, vexes)
	want := map[string]map[string]int{
		"v3.6.2":      {"3.6.2": 0},
		"2.15.0":      {"2.15.0-rc1": -1},
		"1.2.10":      {"1.2.9": -1, "1.2.11": 1},
		"2.0.0.post1": {"2.0.0": -1},
	}
	if diff := cmp.Diff(want, order); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if ranges, order := Derive(sboms, nil); len(ranges)+len(order) != 0 {
		t.Errorf("without VEX: %v %v", ranges, order)
	}
}
