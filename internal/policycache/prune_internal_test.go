package policycache

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestPrune: past the limit the oldest entries go, down to half of it; other
// files stay.
func TestPrune(t *testing.T) {
	dir := t.TempDir()
	s := &Store{dir: dir}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, name := range []string{"a.bin", "b.bin", "c.bin", "d.bin"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, make([]byte, 100), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, base.Add(time.Duration(i)*time.Hour), base.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	other := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(other, make([]byte, 1000), 0o600); err != nil {
		t.Fatal(err)
	}
	s.prune(500) // 400 bytes of entries: nothing to do
	if n := countEntries(t, dir); n != 4 {
		t.Fatalf("%d entries left under the limit, want 4", n)
	}
	s.prune(300) // 400 > 300: remove the oldest down to 150
	for _, name := range []string{"a.bin", "b.bin", "c.bin"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s (old) was kept", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "d.bin")); err != nil {
		t.Error("the newest entry was removed")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("a file that is not an entry was removed")
	}
}

func countEntries(t *testing.T, dir string) int {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "*.bin"))
	if err != nil {
		t.Fatal(err)
	}
	return len(m)
}
