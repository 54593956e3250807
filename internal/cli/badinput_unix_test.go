//go:build unix

package cli_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestBadInputFIFO: opening a named pipe for reading blocks until a writer
// comes, so a FIFO in place of a document must be refused, not opened.
func TestBadInputFIFO(t *testing.T) {
	t.Parallel()
	for name, rel := range map[string]string{"document": updatePlan, "manifest": "annexlint.yaml"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := copyBundle(t, cleanExample)
			p := filepath.Join(dir, filepath.FromSlash(rel))
			remove(t, p)
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skipf("cannot create a FIFO here: %v", err)
			}
			where := rel
			if rel == updatePlan {
				where = posOf(t, dir, "annexlint.yaml", "path: "+updatePlan)
			}
			stdout, stderr, code := runGuarded(t, "check", dir, "--as-of", asOf)
			checkInputError(t, stdout, stderr, code, where, `is a named pipe, expected a regular file`)
		})
	}
}

// TestBadInputUnreadableManifest is the chmod case for the manifest; it runs the brief's chmod case can: as an
// ordinary user (root reads every file whatever its mode).
func TestBadInputUnreadableManifest(t *testing.T) {
	t.Parallel()
	if os.Geteuid() == 0 {
		t.Skip("running as root, which reads files whatever their permissions; this case needs an ordinary user")
	}
	dir := copyBundle(t, cleanExample)
	if err := os.Chmod(filepath.Join(dir, "annexlint.yaml"), 0); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runGuarded(t, "check", dir, "--as-of", asOf)
	checkInputError(t, stdout, stderr, code, "annexlint.yaml", `permission denied, the file cannot be read`)
}
