package cli_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestOutputDash: -o - writes the report to standard output and creates no
// file named "-".
func TestOutputDash(t *testing.T) {
	t.Parallel()
	want, _, code := runGuarded(t, "check", cleanExample, "--as-of", asOf, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	got, stderr, code := runGuarded(t, "check", cleanExample, "--as-of", asOf, "--format", "json", "-o", "-")
	if code != 0 || got != want {
		t.Fatalf("-o -: exit %d, stdout differs from the run without -o (stderr %q)", code, stderr)
	}
	if _, err := os.Stat("-"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("-o - created a file named -")
	}
}

// TestUsageErrors: each is exit 2, with no report, and the message says
// what is valid.
func TestUsageErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--timeout", "0s"}, `--timeout must be positive`},
		{[]string{"--timeout", "-5s"}, `--timeout must be positive`},
		{[]string{"--format", "yaml"}, `unknown --format "yaml" \(want github, html, json, junit, markdown, oscal, sarif or text\)`},
		{[]string{"--fail-on", "critical"}, `unknown --fail-on "critical" \(want error, warning, note or none\)`},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			t.Parallel()
			stdout, stderr, code := runGuarded(t, append([]string{"check", cleanExample, "--as-of", asOf}, tc.args...)...)
			if code != 2 || stdout != "" {
				t.Errorf("exit %d (want 2), stdout %.200q", code, stdout)
			}
			if !regexp.MustCompile(tc.want).MatchString(stderr) {
				t.Errorf("stderr %q does not match %q", stderr, tc.want)
			}
		})
	}
}

// TestCaseInsensitiveValues: --format and --fail-on take any case.
func TestCaseInsensitiveValues(t *testing.T) {
	t.Parallel()
	want, _, _ := runGuarded(t, "check", flawedExample, "--as-of", asOf, "--format", "sarif", "--fail-on", "warning")
	got, stderr, code := runGuarded(t, "check", flawedExample, "--as-of", asOf, "--format", "SARIF", "--fail-on", "Warning")
	if code != 1 || got != want {
		t.Errorf("--format SARIF --fail-on Warning: exit %d (want 1), same report %v; stderr %q", code, got == want, stderr)
	}
	if _, _, code := runGuarded(t, "check", flawedExample, "--as-of", asOf, "--fail-on", "NONE"); code != 0 {
		t.Errorf("--fail-on NONE: exit %d, want 0", code)
	}
}

// TestDuplicateDocumentID: two manifest entries with one id are refused at
// the second id's line.
func TestDuplicateDocumentID(t *testing.T) {
	t.Parallel()
	dir := copyBundle(t, cleanExample)
	manifest := filepath.Join(dir, "annexlint.yaml")
	s := readFile(t, manifest)
	second := regexp.MustCompile(`(?m)^  - id: (\S+)\n`).FindAllStringSubmatchIndex(s, 2)
	if len(second) < 2 {
		t.Fatal("the example manifest has fewer than two documents")
	}
	firstID := s[second[0][2]:second[0][3]]
	writeFile(t, manifest, s[:second[1][2]]+firstID+s[second[1][3]:])
	where := posOf(t, dir, "annexlint.yaml", "id: "+firstID+"\n    type: sbom")
	stdout, stderr, code := runGuarded(t, "check", dir, "--as-of", asOf)
	checkInputError(t, stdout, stderr, code, where, `document id "`+firstID+`" is used twice \(also entry 0, at annexlint.yaml:\d+:\d+\)`)
}

// TestVersionFlag: --version and the version command print the same line.
func TestVersionFlag(t *testing.T) {
	t.Parallel()
	flag, _, code := runGuarded(t, "--version")
	cmd, _, code2 := runGuarded(t, "version")
	if code != 0 || code2 != 0 || flag != cmd || !strings.HasPrefix(flag, "annexlint ") {
		t.Errorf("--version %q (exit %d), version %q (exit %d)", flag, code, cmd, code2)
	}
}

// TestCompletion asks cobra's completion protocol (what the generated shell
// scripts call) for flag values and bundle arguments.
func TestCompletion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"check", "--format", ""}, []string{"json", "sarif", "text", ":4"}},
		{[]string{"check", "--fail-on", "w"}, []string{"error", "warning", "note", "none", ":4"}},
		{[]string{"check", ""}, []string{":16"}}, // directories only
		{[]string{"init", "x", "--framework", ""}, []string{"mdr", "ivdr", "cra", ":4"}},
		{[]string{"init", "x", "--category", ""}, []string{"default", "important-class-I", "important-class-II", "critical", ":4"}},
		{[]string{"init", ""}, []string{":16"}},
		{[]string{"test", ""}, []string{":16"}},
		{[]string{"check", "--policy", ""}, []string{":16"}}, // directories only
	} {
		out, stderr, code := runGuarded(t, append([]string{"__complete"}, tc.args...)...)
		if code != 0 {
			t.Errorf("__complete %v: exit %d, %s", tc.args, code, stderr)
			continue
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		for _, w := range tc.want {
			found := false
			for _, l := range lines {
				if l == w {
					found = true
				}
			}
			if !found {
				t.Errorf("__complete %v = %q, want a line %q", tc.args, lines, w)
			}
		}
	}
}

// TestGoDirective: go.mod's go line names a minor release (its .0 at most,
// which the dependencies require), not a patch release, so any toolchain of
// that minor builds annexlint without fetching another.
func TestGoDirective(t *testing.T) {
	t.Parallel()
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindStringSubmatch(readFile(t, filepath.Join("..", "..", "go.mod")))
	if m == nil || !regexp.MustCompile(`^1\.\d+(\.0)?$`).MatchString(m[1]) {
		t.Errorf("go.mod go directive %v: want 1.N or 1.N.0", m)
	}
}
