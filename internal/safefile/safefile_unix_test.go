//go:build unix

package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func openRoot(t *testing.T, dir string) *os.Root {
	t.Helper()
	r, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close() })
	return r
}

// A FIFO is refused at once: the open does not wait for a writer, and the
// check is on the opened file, so a path swapped for a FIFO after any
// earlier look is refused too.
func TestOpenRefusesFIFOWithoutBlocking(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := ReadFile(openRoot(t, dir), "pipe.yaml", 1<<20)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "named pipe") {
			t.Fatalf("err = %v, want a named-pipe refusal", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("opening a FIFO blocked")
	}
}

func TestOpenRefusesHardLinks(t *testing.T) {
	outside, dir := t.TempDir(), t.TempDir()
	secret := filepath.Join(outside, "secret")
	if err := os.WriteFile(secret, []byte("TOKEN=hunter2"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(secret, filepath.Join(dir, "doc.yaml")); err != nil {
		t.Skipf("link: %v", err)
	}
	data, err := ReadFile(openRoot(t, dir), "doc.yaml", 1<<20)
	if err == nil || !strings.Contains(err.Error(), "hard link") || len(data) != 0 {
		t.Fatalf("err = %v, data %q: want a hard-link refusal and nothing read", err, data)
	}
}

func TestOpenRefusesLinksOutAndDevices(t *testing.T) {
	outside, dir := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "x"), []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"out.rego": filepath.Join(outside, "x"), "zero.rego": "/dev/zero", "env.rego": "/proc/self/environ"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadFile(openRoot(t, dir), name, 1<<20); err == nil {
			t.Errorf("%s -> %s was read", name, target)
		}
	}
}

func TestReadFileSizeLimit(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "big"), make([]byte, 101), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(openRoot(t, dir), "big", 100)
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Size != 101 {
		t.Fatalf("err = %v, want TooLargeError of 101 bytes", err)
	}
	// Through the fs.FS view, as custom policy folders are read.
	if _, err := fs.ReadFile(FS{Root: openRoot(t, dir), Limit: 100}, "big"); !errors.As(err, &tl) {
		t.Fatalf("FS.ReadFile err = %v, want TooLargeError", err)
	}
}
