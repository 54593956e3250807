//go:build unix

package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputRefusesLink: -o naming a symbolic link to a file exits 2 with
// a clear message and leaves link and file alone.
func TestOutputRefusesLink(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	target := filepath.Join(dir, "report.txt")
	writeFile(t, target, "old\n")
	link := filepath.Join(dir, "out.txt")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runGuarded(t, "check", cleanExample, "--as-of", asOf, "-o", link)
	if code != 2 || !strings.Contains(stderr, "is a symbolic link") {
		t.Errorf("exit %d, stderr %s; want 2 and a refusal", code, stderr)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if readFile(t, target) != "old\n" {
		t.Error("the link's target changed")
	}
}

// TestOutputLinkToDevice: -o through a link to /dev/null (as /dev/stdout
// leads to a terminal or pipe) writes through and keeps the link.
func TestOutputLinkToDevice(t *testing.T) {
	t.Parallel()
	link := filepath.Join(t.TempDir(), "null")
	if err := os.Symlink(os.DevNull, link); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runGuarded(t, "check", cleanExample, "--as-of", asOf, "-o", link)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
}
