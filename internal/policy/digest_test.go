package policy_test

import (
	"testing"
	"testing/fstest"

	"github.com/annexlint/annexlint/internal/policy"
)

func TestDigest(t *testing.T) {
	t.Parallel()
	a := fstest.MapFS{
		"x/a.rego":      {Data: []byte("package a\n")},
		"x/b.rego":      {Data: []byte("package b\n")},
		"x/a_test.rego": {Data: []byte("package a_test\n")},
		"x/README.md":   {Data: []byte("not policy")},
	}
	d1, n, err := policy.Digest([]policy.Source{{Name: "p", FS: a}})
	if err != nil || n != 2 || len(d1) != 64 {
		t.Fatalf("Digest = %q, %d, %v; want 64 hex digits over 2 modules", d1, n, err)
	}
	// tests and other files do not count
	a["x/a_test.rego"] = &fstest.MapFile{Data: []byte("package changed\n")}
	a["x/README.md"] = &fstest.MapFile{Data: []byte("changed")}
	if d2, _, _ := policy.Digest([]policy.Source{{Name: "p", FS: a}}); d2 != d1 {
		t.Errorf("digest changed with a test or non-Rego file")
	}
	// a changed module, or the same module under another source name, does
	a["x/b.rego"] = &fstest.MapFile{Data: []byte("package b\n\nx := 1\n")}
	if d3, _, _ := policy.Digest([]policy.Source{{Name: "p", FS: a}}); d3 == d1 {
		t.Errorf("digest unchanged after a module changed")
	}
	if d4, _, _ := policy.Digest([]policy.Source{{Name: "q", FS: a}}); d4 == d1 {
		t.Errorf("digest unchanged under another source name")
	}
}
