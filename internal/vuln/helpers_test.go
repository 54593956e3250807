package vuln

import (
	"os"
	"path/filepath"
	"testing"
)

// load parses a testdata fixture and fails the test on error.
func load(t testing.TB, name string) (*Document, []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(name, data)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return doc, data
}

// statementAt returns the statement whose Loc.Pointer is ptr.
func statementAt(t testing.TB, doc *Document, ptr string) Statement {
	t.Helper()
	for _, s := range doc.Statements {
		if s.Loc.Pointer == ptr {
			return s
		}
	}
	t.Fatalf("%s: no statement at %s", doc.File, ptr)
	return Statement{}
}

func matchAt(t testing.TB, doc *Document, ptr string) Match {
	t.Helper()
	for _, m := range doc.Matches {
		if m.Loc.Pointer == ptr {
			return m
		}
	}
	t.Fatalf("%s: no match at %s", doc.File, ptr)
	return Match{}
}

func f64(f float64) *float64 { return &f }

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
