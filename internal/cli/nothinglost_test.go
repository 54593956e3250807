package cli_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFailedRunKeepsOutput: a run that fails must not touch the report a
// previous run wrote with --output, nor leave a temporary file beside it.
func TestFailedRunKeepsOutput(t *testing.T) {
	t.Parallel()
	loopPolicy, _ := writePolicy(t, customPolicy(`some a in numbers.range(1, 1000000)
	some b in numbers.range(1, 1000000)
	a * b < 0`))
	cases := map[string]struct {
		bundle func(t *testing.T) string
		args   []string
	}{
		"input error in the bundle": {bundle: func(t *testing.T) string {
			dir := copyBundle(t, cleanExample)
			writeFile(t, filepath.Join(dir, "security", "update-plan.yaml"), "kind: [\n")
			return dir
		}},
		"missing manifest": {bundle: func(t *testing.T) string { return t.TempDir() }},
		"bad flag value":   {bundle: func(*testing.T) string { return cleanExample }, args: []string{"--fail-on", "fatal"}},
		"bad format":       {bundle: func(*testing.T) string { return cleanExample }, args: []string{"--format", "xml"}},
		"policy time limit": {
			bundle: func(*testing.T) string { return cleanExample },
			args:   []string{"--policy", loopPolicy, "--timeout", "500ms"},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			outDir := t.TempDir()
			out := filepath.Join(outDir, "annexlint.sarif")
			const previous = `{"previous": "report"}` + "\n"
			writeFile(t, out, previous)
			before := snapshot(t, outDir)
			args := append([]string{"check", tc.bundle(t), "--as-of", asOf, "--format", "sarif", "--output", out}, tc.args...)
			_, stderr, code := runGuarded(t, args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (stderr %s)", code, stderr)
			}
			if got := readFile(t, out); got != previous {
				t.Errorf("%s was changed to %.200q", out, got)
			}
			if diff := cmp.Diff(before, snapshot(t, outDir)); diff != "" {
				t.Errorf("output directory changed (-before +after):\n%s", diff)
			}
		})
	}
}

// TestOutputReplaced is the control: a successful run (findings included)
// replaces the old report with the complete new one and prints nothing to
// stdout.
func TestOutputReplaced(t *testing.T) {
	t.Parallel()
	outDir := t.TempDir()
	out := filepath.Join(outDir, "report.json")
	writeFile(t, out, strings.Repeat("old ", 100000))
	stdout, stderr, code := runGuarded(t, "check", flawedExample, "--as-of", asOf, "--format", "json", "--output", out)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", code, stderr)
	}
	if stdout != "" {
		t.Errorf("stdout = %.200q, want nothing with --output", stdout)
	}
	if !strings.Contains(stderr, "wrote "+out) {
		t.Errorf("stderr %q does not say the report was written", stderr)
	}
	want, _, _ := runGuarded(t, "check", flawedExample, "--as-of", asOf, "--format", "json")
	if got := readFile(t, out); got != want {
		t.Errorf("%s does not hold exactly the report (%d bytes, want %d)", out, len(got), len(want))
	}
	if names := bundleFiles(t, outDir); len(names) != 1 {
		t.Errorf("output directory holds %v", names)
	}
}

// TestCheckNeverModifiesBundle hashes every file of a bundle, with its
// mode and modification time, before and after runs in every format (to
// stdout, to a file elsewhere, with custom rules, and failing ones) and
// requires that nothing changed, appeared or disappeared.
func TestCheckNeverModifiesBundle(t *testing.T) {
	t.Parallel()
	dir := copyBundle(t, flawedExample)
	policyDir, _ := writePolicy(t, customPolicy(`input.manifest.content.product.framework == "MDR"`))
	before := snapshot(t, dir)
	outDir := t.TempDir()
	runs := [][]string{
		{"check", dir, "--as-of", asOf},
		{"check", dir, "--as-of", asOf, "--format", "json"},
		{"check", dir, "--as-of", asOf, "--format", "sarif", "--repo-root", dir},
		{"check", dir, "--as-of", asOf, "--format", "sarif", "--output", filepath.Join(outDir, "a.sarif")},
		{"check", dir, "--as-of", asOf, "--policy", policyDir},
		{"check", dir, "--as-of", asOf, "--max-file-size", "100"},
		{"check", dir, "--as-of", asOf, "--timeout", "1ns"},
	}
	for _, args := range runs {
		if _, stderr, code := runGuarded(t, args...); code != 1 && code != 2 {
			t.Errorf("annexlint %s: exit %d (%s)", strings.Join(args, " "), code, stderr)
		}
	}
	if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
		t.Errorf("the bundle changed (-before +after):\n%s", diff)
	}
}

// snapshot records every entry under dir: content hash, mode, size and
// modification time, directories included (a new file changes them).
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		st, err := os.Lstat(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		desc := fmt.Sprintf("%v size=%d mtime=%s", st.Mode(), st.Size(), st.ModTime().UTC().Format("2006-01-02T15:04:05.000000000"))
		if st.Mode().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(data)
			desc += " sha256=" + hex.EncodeToString(sum[:])
		}
		out[filepath.ToSlash(rel)] = desc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
