package sbom

import (
	"os"
	"path/filepath"
	"testing"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func mustParse(t testing.TB, name string) *SBOM {
	t.Helper()
	s, err := Parse(name, readFixture(t, name))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return s
}

// comp builds an expected component with the empty slices Parse always sets.
func comp(c Component) Component {
	if c.CPEs == nil {
		c.CPEs = []string{}
	}
	if c.Hashes == nil {
		c.Hashes = []Hash{}
	}
	if c.Licenses == nil {
		c.Licenses = []string{}
	}
	return c
}

func dep(ref string, dependsOn, contains []string, loc Loc) Dependency {
	if dependsOn == nil {
		dependsOn = []string{}
	}
	if contains == nil {
		contains = []string{}
	}
	return Dependency{Ref: ref, DependsOn: dependsOn, Contains: contains, Loc: loc}
}
