//go:build unix

package cli_test

import (
	"os"
	"path/filepath"
	"strings"
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

// TestBadInputHardLink: a hard link is a second name for a file that may
// live anywhere on the file system; nothing of it may be read or echoed.
func TestBadInputHardLink(t *testing.T) {
	t.Parallel()
	dir := copyBundle(t, cleanExample)
	secret := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(secret, []byte("API_TOKEN=hunter2-do-not-echo\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, filepath.FromSlash(updatePlan))
	remove(t, p)
	if err := os.Link(secret, p); err != nil {
		t.Skipf("cannot create a hard link here: %v", err)
	}
	stdout, stderr, code := runGuarded(t, "check", dir, "--as-of", asOf)
	checkInputError(t, stdout, stderr, code, posOf(t, dir, "annexlint.yaml", "path: "+updatePlan), `is a hard link`)
	if strings.Contains(stderr, "hunter2") {
		t.Errorf("stderr echoes the linked file's content: %s", stderr)
	}
}

// TestCustomPolicyFIFO: a named pipe called *.rego must not hang the run.
func TestCustomPolicyFIFO(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "x.rego"), 0o644); err != nil {
		t.Skipf("cannot create a FIFO here: %v", err)
	}
	_, stderr, code := runGuarded(t, "check", cleanExample, "--as-of", asOf, "--policy", dir)
	if code != 2 || !strings.Contains(stderr, "x.rego") || !strings.Contains(stderr, "named pipe") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}
