package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestHostileSBOMs: what the SBOM decoders would accept silently or without
// a line is an input error at file:line.
func TestHostileSBOMs(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		edit        func(s string) string
		line, match string
	}{
		"duplicate components member": {
			func(s string) string {
				return strings.Replace(s, `"components": [`, `"components": [{"type": "library", "name": "hidden"}],`+"\n"+`  "components": [`, 1)
			},
			":", `invalid JSON: duplicate key "components"`,
		},
		"nesting past the limit": {
			func(s string) string {
				return strings.Replace(s, `"components": [`, `"x": `+strings.Repeat("[", 300)+strings.Repeat("]", 300)+`, "components": [`, 1)
			},
			":", "nesting deeper than 256 levels",
		},
		"number out of range": {
			func(s string) string { return strings.Replace(s, `"version": 1,`, `"version": 1e999999,`, 1) },
			":5:", "number 1e999999 is out of range",
		},
		"version of the wrong type": {
			func(s string) string { return strings.Replace(s, `"version": 1,`, `"version": "one",`, 1) },
			":5:", "version is JSON string, expected int",
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := copyBundle(t, cleanExample)
			p := filepath.Join(dir, filepath.FromSlash(sbomFile))
			writeFile(t, p, c.edit(readFile(t, p)))
			stdout, stderr, code := runGuarded(t, "check", dir, "--as-of", asOf)
			checkInputError(t, stdout, stderr, code, sbomFile, regexpQuote(c.match))
			if !strings.Contains(stderr, sbomFile+c.line) {
				t.Errorf("stderr does not name %s%s: %s", sbomFile, c.line, stderr)
			}
		})
	}
}

func regexpQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `.`, `\.`, `(`, `\(`, `)`, `\)`, `[`, `\[`, `]`, `\]`, `?`, `\?`, `*`, `\*`, `+`, `\+`)
	return r.Replace(s)
}

// TestManySmallValues: one million {} components are 3 MB on disk and
// needed 7 GB; they are refused before decoding, promptly.
func TestManySmallValues(t *testing.T) {
	t.Parallel()
	dir := copyBundle(t, cleanExample)
	p := filepath.Join(dir, filepath.FromSlash(sbomFile))
	s := readFile(t, p)
	i := strings.Index(s, "\n  \"components\": [") // the top-level list
	if i < 0 {
		t.Fatal("no top-level components in the example SBOM")
	}
	writeFile(t, p, s[:i]+`"components": [`+strings.TrimSuffix(strings.Repeat("{},", 1_000_000), ",")+"]}\n")
	start := time.Now()
	stdout, stderr, code := runGuarded(t, "check", dir, "--as-of", asOf)
	checkInputError(t, stdout, stderr, code, sbomFile, `lists 100000[0-9] components and relationships.*over 5000000 values in all; raise the limit with --max-values`)
	if took := time.Since(start); took > 30*time.Second {
		t.Errorf("took %s", took)
	}
}

// TestSameFileTwice: one file listed under several names through links
// is refused, so it cannot multiply memory.
func TestSameFileTwice(t *testing.T) {
	t.Parallel()
	dir := copyBundle(t, cleanExample)
	if err := os.Symlink("update-plan.yaml", filepath.Join(dir, "security", "again.yaml")); err != nil {
		t.Skip(err)
	}
	m := filepath.Join(dir, "annexlint.yaml")
	writeFile(t, m, strings.Replace(readFile(t, m), "documents:\n", "documents:\n  - id: again\n    type: security-update-plan\n    path: security/again.yaml\n", 1))
	stdout, stderr, code := runGuarded(t, "check", dir, "--as-of", asOf)
	checkInputError(t, stdout, stderr, code, "annexlint.yaml", `is the same file as`)
}

// TestManifestRootNotMapping: a manifest that is a list is an input error.
func TestManifestRootNotMapping(t *testing.T) {
	t.Parallel()
	dir := copyBundle(t, cleanExample)
	writeFile(t, filepath.Join(dir, "annexlint.yaml"), "- a\n- b\n")
	stdout, stderr, code := runGuarded(t, "check", dir, "--as-of", asOf)
	checkInputError(t, stdout, stderr, code, "annexlint.yaml", `the manifest must be a mapping .* not a list`)
}

// TestTimeoutCoversReading: --timeout stops a run while it reads a large
// document, not only while rules evaluate.
func TestTimeoutCoversReading(t *testing.T) {
	t.Parallel()
	dir := copyBundle(t, cleanExample)
	writeFile(t, filepath.Join(dir, filepath.FromSlash(updatePlan)), `{"x": [`+strings.TrimSuffix(strings.Repeat("0,", 3_000_000), ",")+"]}")
	start := time.Now()
	_, stderr, code := runGuarded(t, "check", dir, "--as-of", asOf, "--timeout", "1ms")
	if code != 2 || !(strings.Contains(stderr, "--timeout") || strings.Contains(stderr, "time limit")) {
		t.Errorf("exit %d, stderr %s; want 2 and the time limit named", code, stderr)
	}
	// Compiling the policies (before the limit starts) takes about a second.
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("took %s", took)
	}
}

// TestMemoryLimitExitsInternal: the memory watchdog stops a run with exit
// 3, the code of internal failures, not 2.
func TestMemoryLimitExitsInternal(t *testing.T) {
	t.Parallel()
	_, stderr, code := runGuarded(t, "check", cleanExample, "--as-of", asOf, "--max-memory", "1")
	if code != 3 || !strings.Contains(stderr, "memory limit reached") {
		t.Errorf("exit %d, stderr %s; want 3 and the memory limit named", code, stderr)
	}
}
