package source_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/annexlint/annexlint/internal/report/source"
	"github.com/annexlint/annexlint/internal/result"
)

func sum(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }

func TestReader(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := []byte("\xEF\xBB\xBFfirst\r\nsecond\nthird")
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "changed.yaml"), []byte("new\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := source.New(dir, []result.Document{
		{Path: "a.yaml", SHA256: sum(data)},
		{Path: "changed.yaml", SHA256: sum([]byte("old\n"))},
		{Path: "../outside.yaml", SHA256: sum(data)},
	}, 1<<20)
	for _, tc := range []struct {
		path string
		n    int
		want string
		ok   bool
	}{
		{"a.yaml", 1, "first", true},
		{"a.yaml", 2, "second", true},
		{"a.yaml", 3, "third", true},
		{"a.yaml", 4, "", false},
		{"a.yaml", 0, "", false},
		{"changed.yaml", 1, "", false},
		{"missing.yaml", 1, "", false},
		{"../outside.yaml", 1, "", false},
	} {
		got, ok := r.Line(tc.path, tc.n)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Line(%q, %d) = %q, %v; want %q, %v", tc.path, tc.n, got, ok, tc.want, tc.ok)
		}
	}
	if _, ok := source.New(dir, []result.Document{{Path: "a.yaml", SHA256: sum(data)}}, 4).Line("a.yaml", 1); ok {
		t.Error("a file over the size limit was read")
	}
}
