package cli_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var formats = []string{"text", "json", "sarif", "html", "markdown", "github", "junit", "oscal"}

// report runs a check of dir in format with paths relative to dir, and
// replaces dir itself (which the JSON report states) with a placeholder so
// that copies in different places can be compared byte for byte.
func report(t *testing.T, dir, format string) string {
	t.Helper()
	stdout, stderr, code := runGuarded(t, "check", dir, "--as-of", asOf, "--format", format, "--repo-root", dir, "--fail-on", "none")
	if code != 0 {
		t.Fatalf("check %s --format %s: exit %d: %s", dir, format, code, stderr)
	}
	quoted, _ := json.Marshal(filepath.Clean(dir))
	stdout = strings.ReplaceAll(stdout, string(quoted), `"BUNDLE"`)
	return strings.ReplaceAll(stdout, filepath.ToSlash(filepath.Clean(dir)), "BUNDLE")
}

// TestDeterministicAcrossGOMAXPROCS: rules are evaluated in parallel, so
// the report must not depend on how many run at once or which finishes
// first. Not parallel: GOMAXPROCS is process-wide.
func TestDeterministicAcrossGOMAXPROCS(t *testing.T) {
	prev := runtime.GOMAXPROCS(0)
	t.Cleanup(func() { runtime.GOMAXPROCS(prev) })
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			var outs []string
			for _, procs := range []int{1, 8, 1, 8} {
				runtime.GOMAXPROCS(procs)
				outs = append(outs, report(t, flawedExample, format))
			}
			runtime.GOMAXPROCS(prev)
			if outs[0] == "" || !strings.Contains(outs[0], "AL-RISK-001") {
				t.Fatalf("%s report holds no findings:\n%.500s", format, outs[0])
			}
			for i, o := range outs[1:] {
				if diff := cmp.Diff(outs[0], o); diff != "" {
					t.Errorf("%s output of run %d (GOMAXPROCS %d) differs from GOMAXPROCS 1 (-first +this):\n%s", format, i+2, []int{1, 8, 1, 8}[i+1], diff)
				}
			}
		})
	}
}

// TestDeterministicAcrossFileOrder copies the flawed bundle twice, creating
// its files in opposite orders (so directory listings differ), and
// requires byte-identical reports.
func TestDeterministicAcrossFileOrder(t *testing.T) {
	t.Parallel()
	files := bundleFiles(t, flawedExample)
	reversed := slices.Clone(files)
	slices.Reverse(reversed)
	a, b := t.TempDir(), t.TempDir()
	copyFiles(t, flawedExample, a, files)
	copyFiles(t, flawedExample, b, reversed)
	for _, format := range formats {
		if diff := cmp.Diff(report(t, a, format), report(t, b, format)); diff != "" {
			t.Errorf("%s output depends on file creation order (-forward +reverse):\n%s", format, diff)
		}
	}
}

// TestDeterministicAcrossManifestOrder reverses the manifest's documents
// list: the findings must be the same set (the listing order of documents
// in the report may follow the manifest), and once the manifest text is
// the same again the bytes must be too.
func TestDeterministicAcrossManifestOrder(t *testing.T) {
	t.Parallel()
	a, b := copyBundle(t, flawedExample), copyBundle(t, flawedExample)
	manifest := filepath.Join(b, "annexlint.yaml")
	orig := readFile(t, manifest)
	writeFile(t, manifest, reverseDocuments(t, orig))

	if got, want := findingSet(t, report(t, b, "json")), findingSet(t, report(t, a, "json")); !cmp.Equal(got, want) {
		t.Errorf("findings depend on the manifest's document order (-original +reversed):\n%s", cmp.Diff(want, got))
	}
	writeFile(t, manifest, orig)
	for _, format := range formats {
		if diff := cmp.Diff(report(t, a, format), report(t, b, format)); diff != "" {
			t.Errorf("%s output differs between identical copies:\n%s", format, diff)
		}
	}
}

// reverseDocuments reverses the "  - " items of the manifest's documents
// list, which is its last block; the other text and line count are kept.
func reverseDocuments(t *testing.T, manifest string) string {
	t.Helper()
	i := strings.Index(manifest, "\ndocuments:\n")
	if i < 0 {
		t.Fatal("manifest has no documents block")
	}
	head, body := manifest[:i+len("\ndocuments:\n")], manifest[i+len("\ndocuments:\n"):]
	var items []string
	for _, line := range strings.SplitAfter(body, "\n") {
		switch {
		case strings.HasPrefix(line, "  - "):
			items = append(items, line)
		case line == "":
		case strings.HasPrefix(line, "    ") && len(items) > 0:
			items[len(items)-1] += line
		default:
			t.Fatalf("unexpected line after the documents list: %q", line)
		}
	}
	if len(items) < 2 {
		t.Fatal("fewer than two documents to reorder")
	}
	slices.Reverse(items)
	return head + strings.Join(items, "")
}

// findingSet reduces a JSON report to its findings, one string each,
// sorted; positions in the manifest's documents list are kept as they are
// only meaningful with it, and none is expected there.
func findingSet(t *testing.T, report string) []string {
	t.Helper()
	var rep struct {
		Findings []struct {
			RuleID   string `json:"rule_id"`
			Message  string `json:"message"`
			Location struct {
				File   string `json:"file"`
				Line   int    `json:"line"`
				Column int    `json:"column"`
			} `json:"location"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(report), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) == 0 {
		t.Fatal("no findings; the comparison would prove nothing")
	}
	out := make([]string, 0, len(rep.Findings))
	for _, f := range rep.Findings {
		out = append(out, fmt.Sprintf("%s %s:%d:%d %s", f.RuleID, f.Location.File, f.Location.Line, f.Location.Column, f.Message))
	}
	sort.Strings(out)
	return out
}
