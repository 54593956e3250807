//go:build unix

package atomicfile_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/annexlint/annexlint/internal/atomicfile"
)

func fillX(w io.Writer) error { _, err := io.WriteString(w, "report\n"); return err }

// TestWriteDevNull: -o /dev/null is written into, not replaced (as root,
// a rename over it replaced the system's /dev/null with a regular file).
// As root a regression would do that to the test machine, so it runs only
// for other users, where a rename attempt fails visibly instead; the named
// pipe test below covers the same path as root.
func TestWriteDevNull(t *testing.T) {
	t.Parallel()
	if os.Geteuid() == 0 {
		t.Skip("as root a regression would replace this machine's /dev/null")
	}
	if err := atomicfile.Write(os.DevNull, 0o644, fillX); err != nil {
		t.Fatal(err)
	}
	st, err := os.Lstat(os.DevNull)
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("%s is no longer a character device: %v %v", os.DevNull, st.Mode(), err)
	}
}

// TestWriteNamedPipe: a pipe receives the report.
func TestWriteNamedPipe(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip(err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(p)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		_ = f.Close()
		got <- string(b)
	}()
	if err := atomicfile.Write(p, 0o644, fillX); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != "report\n" {
			t.Errorf("reader got %q", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reader got nothing")
	}
	if st, err := os.Lstat(p); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v %v", st.Mode(), err)
	}
}

// TestWriteRefusesLinkReplacement: a link to a regular file is not
// replaced, and the file it leads to is not touched.
func TestWriteRefusesLinkReplacement(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	target := filepath.Join(dir, "real.txt")
	if err := os.WriteFile(target, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "out.txt")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	err := atomicfile.Write(link, 0o644, fillX)
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Fatalf("err = %v, want a refusal naming the link", err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced")
	}
	if b, _ := os.ReadFile(target); string(b) != old {
		t.Errorf("the link's target changed: %q", b)
	}
	if names := entries(t, dir); !sameStrings(names, []string{"out.txt", "real.txt"}) {
		t.Errorf("directory holds %v", names)
	}
}

// TestWriteThroughLinkToDevice: /dev/stdout-style links to a device are
// written through, the link left as it is.
func TestWriteThroughLinkToDevice(t *testing.T) {
	t.Parallel()
	link := filepath.Join(t.TempDir(), "null")
	if err := os.Symlink(os.DevNull, link); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.Write(link, 0o644, fillX); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced")
	}
}
