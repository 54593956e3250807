package cli_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRulesDocUpToDate fails when docs/rules.md no longer matches the
// catalog. Regenerate it on purpose and review the diff:
//
//	go run ./cmd/annexlint rules --format markdown > docs/rules.md
func TestRulesDocUpToDate(t *testing.T) {
	t.Parallel()
	want, errOut, code := run(t, "rules", "--format", "markdown")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("docs/rules.md is out of date (-generated +file); regenerate it:\n%s", diff)
	}
}
