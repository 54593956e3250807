//go:build unix

package enrich

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A named pipe among the evidence must be refused at once: opening it would
// block until a writer appears.
func TestHashFileRefusesNamedPipe(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = root.Close() }()
	if _, err := HashFile(context.Background(), root, "pipe", 1<<20); err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("HashFile(pipe) = %v", err)
	}
}
