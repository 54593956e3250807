//go:build linux

package cli_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/annexlint/annexlint/internal/cli"
)

// openPTY opens a pseudo-terminal: what the program writes to tty, the test
// reads from master.
func openPTY(t *testing.T) (master, tty *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { _ = master.Close() })
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Skipf("ptsname: %v", err)
	}
	tty, err = os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("open pts: %v", err)
	}
	t.Cleanup(func() { _ = tty.Close() })
	return master, tty
}

// TestProgressOnTerminal: with standard error a terminal and several
// bundles, the progress line counts up to the last bundle and is erased;
// the report on standard output (not a terminal) has none of it.
func TestProgressOnTerminal(t *testing.T) {
	repo := recursiveRepo(t)
	master, tty := openPTY(t)
	got := make(chan string, 1)
	go func() {
		data, _ := io.ReadAll(master) // ends with EIO once tty is closed
		got <- string(data)
	}()
	var out bytes.Buffer
	code := cli.Run(context.Background(), []string{"check", "-r", repo, "--as-of", "2026-11-25"}, &out, tty)
	_ = tty.Close()
	stderr := <-got
	if code != 1 {
		t.Fatalf("exit %d; stderr %q", code, stderr)
	}
	for _, want := range []string{"annexlint: checked 0/3 bundles", "annexlint: checked 3/3 bundles", "\r\x1b[K"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("terminal standard error lacks %q: %q", want, stderr)
		}
	}
	if !strings.HasSuffix(stderr, "\r\x1b[K") {
		t.Errorf("the progress line is not erased at the end: %q", stderr)
	}
	if strings.Contains(out.String(), "checked 0/3") {
		t.Errorf("progress on standard output")
	}
}
