package cli

import (
	"fmt"
	"os"
	"testing"

	"github.com/annexlint/annexlint/internal/policycache"
)

// TestMain keeps the tests' compiled-policy cache in a folder of its own,
// never the user's.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "annexlint-cli-test-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Setenv(policycache.EnvDir, dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
