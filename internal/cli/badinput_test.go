package cli_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/docparse"
)

const (
	updatePlan = "security/update-plan.yaml"
	sbomFile   = "sbom/vf300-firmware.cdx.json"
)

// badCase breaks one thing in dir, a copy of the clean example bundle
// (outside is a temporary directory beside it, not part of the bundle). It
// returns where the message must point ("file", "file:line" or
// "file:line:col"), a pattern for the reason on that same line of stderr,
// and extra arguments for `annexlint check`.
type badCase func(t *testing.T, dir, outside string) (where, reason string, args []string)

// TestBadInput checks that every broken or hostile bundle ends with exit
// code 2, no report on stdout, and one line on stderr that names the file,
// the line where one exists, and what is wrong.
func TestBadInput(t *testing.T) {
	t.Parallel()
	for name, tc := range badCases() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir, outside := copyBundle(t, cleanExample), t.TempDir()
			where, reason, args := tc(t, dir, outside)
			stdout, stderr, code := runGuarded(t, append([]string{"check", dir, "--as-of", asOf}, args...)...)
			checkInputError(t, stdout, stderr, code, where, reason)
		})
	}
}

func checkInputError(t *testing.T, stdout, stderr string, code int, where, reason string) {
	t.Helper()
	t.Logf("exit %d, stderr: %s", code, stderr)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if stdout != "" {
		t.Errorf("stdout holds output on an input error:\n%.500s", stdout)
	}
	if !strings.HasPrefix(stderr, "annexlint: ") {
		t.Errorf("stderr does not start with \"annexlint: \": %q", stderr)
	}
	re := regexp.MustCompile(reason)
	for _, line := range strings.Split(stderr, "\n") {
		// where+":" so that file:1 does not match file:12.
		if i := strings.Index(line, where+":"); i >= 0 && re.MatchString(line[i:]) {
			return
		}
	}
	t.Errorf("no stderr line names %s with a reason matching %q:\n%s", where, reason, stderr)
}

func badCases() map[string]badCase {
	manifest := func(dir string) string { return filepath.Join(dir, "annexlint.yaml") }
	doc := func(dir, rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	// entry is where the manifest lists path: the place for path problems.
	entry := func(t *testing.T, dir, path string) string {
		return posOf(t, dir, "annexlint.yaml", "path: "+path)
	}
	setPath := func(t *testing.T, dir, path string) {
		replaceIn(t, manifest(dir), "path: "+updatePlan+"\n", "path: "+path+"\n")
	}
	return map[string]badCase{
		"empty document": func(t *testing.T, dir, _ string) (string, string, []string) {
			writeFile(t, doc(dir, updatePlan), "")
			return updatePlan + ":1", `file is empty`, nil
		},
		"document of blank lines": func(t *testing.T, dir, _ string) (string, string, []string) {
			writeFile(t, doc(dir, updatePlan), "\n  \n\t\n")
			return updatePlan + ":1", `file is empty`, nil
		},
		"byte-order mark": func(t *testing.T, dir, _ string) (string, string, []string) {
			writeFile(t, doc(dir, updatePlan), "\xEF\xBB\xBF"+readFile(t, doc(dir, updatePlan)))
			return updatePlan + ":1:1", `byte-order mark; save it as UTF-8 without BOM`, nil
		},
		"byte-order mark on the manifest": func(t *testing.T, dir, _ string) (string, string, []string) {
			writeFile(t, manifest(dir), "\xEF\xBB\xBF"+readFile(t, manifest(dir)))
			return "annexlint.yaml:1:1", `byte-order mark`, nil
		},
		"UTF-16": func(t *testing.T, dir, _ string) (string, string, []string) {
			writeFile(t, doc(dir, updatePlan), "\xFF\xFEk\x00i\x00")
			return updatePlan + ":1:1", `UTF-16 encoded; save it as UTF-8`, nil
		},
		"invalid UTF-8": func(t *testing.T, dir, _ string) (string, string, []string) {
			line := lineCount(t, doc(dir, updatePlan))
			writeFile(t, doc(dir, updatePlan), readFile(t, doc(dir, updatePlan))+"title: caf\xE9\n")
			return fmt.Sprintf("%s:%d:11", updatePlan, line), `invalid UTF-8 byte 0xe9`, nil
		},
		"truncated JSON": func(t *testing.T, dir, _ string) (string, string, []string) {
			jp := asJSON(t, dir)
			s := readFile(t, doc(dir, jp))
			writeFile(t, doc(dir, jp), s[:len(s)/2])
			return fmt.Sprintf("%s:%d", jp, lineCount(t, doc(dir, jp))), `invalid JSON: .*truncated`, nil
		},
		"truncated SBOM": func(t *testing.T, dir, _ string) (string, string, []string) {
			s := readFile(t, doc(dir, sbomFile))
			writeFile(t, doc(dir, sbomFile), s[:len(s)/2])
			return fmt.Sprintf("%s:%d", sbomFile, lineCount(t, doc(dir, sbomFile))), `(?i)JSON.*(end|truncated)`, nil
		},
		"duplicate key (JSON)": func(t *testing.T, dir, _ string) (string, string, []string) {
			jp := asJSON(t, dir)
			second := posOf(t, dir, jp, `"version": "2.1"`)
			s := readFile(t, doc(dir, jp))
			writeFile(t, doc(dir, jp), "{\n  \"version\": \"9\","+strings.TrimPrefix(s, "{"))
			// The original member now comes second and is the one refused.
			return shiftLine(t, second, 1), `invalid JSON: duplicate key "version"`, nil
		},
		"duplicate key (YAML)": func(t *testing.T, dir, _ string) (string, string, []string) {
			line := lineCount(t, doc(dir, updatePlan))
			writeFile(t, doc(dir, updatePlan), readFile(t, doc(dir, updatePlan))+"version: \"9\"\n")
			return fmt.Sprintf("%s:%d:1", updatePlan, line), `duplicate key "version"; each key may appear once`, nil
		},
		"duplicate key in the manifest": func(t *testing.T, dir, _ string) (string, string, []string) {
			line := lineCount(t, manifest(dir))
			writeFile(t, manifest(dir), readFile(t, manifest(dir))+"kind: bundle\n")
			return fmt.Sprintf("annexlint.yaml:%d:1", line), `duplicate key "kind"`, nil
		},
		"wrong document type (kind contradicts the manifest)": func(t *testing.T, dir, _ string) (string, string, []string) {
			// Swap the paths of the risk file and the update plan.
			replaceIn(t, manifest(dir), "path: security/risk-file.yaml\n", "path: SWAP\n")
			setPath(t, dir, "security/risk-file.yaml")
			replaceIn(t, manifest(dir), "path: SWAP\n", "path: "+updatePlan+"\n")
			return updatePlan + ":1:1", `document is a security-update-plan \(kind\) but the manifest \(annexlint\.yaml:\d+:\d+\) lists it as security-risk-file`, nil
		},
		"SBOM listed as a native document": func(t *testing.T, dir, _ string) (string, string, []string) {
			replaceIn(t, manifest(dir), "type: sbom\n", "type: security-update-plan\n")
			return posOf(t, dir, sbomFile, `"bomFormat"`), `document is a sbom \(bomFormat\) but the manifest \(annexlint\.yaml:\d+:\d+\) lists it as security-update-plan`, nil
		},
		"native document listed as SBOM": func(t *testing.T, dir, _ string) (string, string, []string) {
			replaceIn(t, manifest(dir), "type: security-update-plan\n", "type: sbom\n")
			return updatePlan + ":1", `not a CycloneDX or SPDX document`, nil
		},
		"document listed twice": func(t *testing.T, dir, _ string) (string, string, []string) {
			replaceIn(t, manifest(dir), "path: security/gspr-matrix.yaml\n", "path: ./"+updatePlan+"\n")
			return entry(t, dir, "./"+updatePlan), `document "security/update-plan.yaml" is listed twice \(also entry \d+\)`, nil
		},
		"file over --max-file-size": func(t *testing.T, dir, _ string) (string, string, []string) {
			st, err := os.Stat(doc(dir, "security/risk-file.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			limit := st.Size() - 1
			return entry(t, dir, "security/risk-file.yaml"),
				fmt.Sprintf(`document "security/risk-file\.yaml": file is %d bytes, over the limit of %d bytes \(raise it with --max-file-size\)`, st.Size(), limit),
				[]string{"--max-file-size", fmt.Sprint(limit)}
		},
		"manifest over --max-file-size": func(t *testing.T, dir, _ string) (string, string, []string) {
			return "annexlint.yaml", `file is \d+ bytes, over the limit of 100 bytes`, []string{"--max-file-size", "100"}
		},
		"file over the default size limit": func(t *testing.T, dir, _ string) (string, string, []string) {
			// A sparse file: the size is refused from the file's metadata,
			// before anything is read, so this costs no memory.
			if err := os.Truncate(doc(dir, updatePlan), bundle.DefaultMaxFileSize+1); err != nil {
				t.Fatal(err)
			}
			return entry(t, dir, updatePlan), fmt.Sprintf(`over the limit of %d bytes`, bundle.DefaultMaxFileSize), nil
		},
		"YAML alias bomb": func(t *testing.T, dir, _ string) (string, string, []string) {
			writeFile(t, doc(dir, updatePlan), "kind: security-update-plan\n"+aliasBomb(9))
			return updatePlan + ":2", `YAML aliases expand to too many values \(alias bomb\?\)`, nil
		},
		"10,000-deep JSON nesting": func(t *testing.T, dir, _ string) (string, string, []string) {
			jp := asJSON(t, dir)
			writeFile(t, doc(dir, jp), `{"kind": "security-update-plan", "x": `+strings.Repeat("[", 10000)+strings.Repeat("]", 10000)+"}\n")
			return jp + ":1", `invalid JSON: nesting deeper than 256 levels`, nil
		},
		"10,000-deep SBOM nesting": func(t *testing.T, dir, _ string) (string, string, []string) {
			replaceIn(t, doc(dir, sbomFile), `"version": 1,`, `"version": 1, "x": `+strings.Repeat("[", 10000)+strings.Repeat("]", 10000)+",")
			return posOf(t, dir, sbomFile, `"version": 1,`)[:len(sbomFile)+2], `nesting deeper than \d+ levels`, nil
		},
		"10,000-deep YAML flow nesting": func(t *testing.T, dir, _ string) (string, string, []string) {
			writeFile(t, doc(dir, updatePlan), "kind: security-update-plan\nx: "+strings.Repeat("[", 10000)+strings.Repeat("]", 10000)+"\n")
			return updatePlan + ":2", `nesting deeper than 256 levels`, nil
		},
		"10,000-deep YAML block nesting": func(t *testing.T, dir, _ string) (string, string, []string) {
			writeFile(t, doc(dir, updatePlan), "kind: security-update-plan\nx:\n  "+strings.Repeat("- ", 10000)+"v\n")
			return updatePlan + ":2", `(nesting deeper than|exceeded max depth)`, nil
		},
		"path with ..": func(t *testing.T, dir, _ string) (string, string, []string) {
			setPath(t, dir, "../outside/update-plan.yaml")
			return entry(t, dir, "../outside/update-plan.yaml"), `path leaves the bundle root`, nil
		},
		"path with .. in the middle": func(t *testing.T, dir, _ string) (string, string, []string) {
			setPath(t, dir, "security/../../update-plan.yaml")
			return entry(t, dir, "security/../../update-plan.yaml"), `path leaves the bundle root`, nil
		},
		"absolute path": func(t *testing.T, dir, outside string) (string, string, []string) {
			target := filepath.ToSlash(filepath.Join(outside, "update-plan.yaml"))
			writeFile(t, target, readFile(t, doc(dir, updatePlan)))
			setPath(t, dir, target)
			return entry(t, dir, target), `absolute paths are not allowed`, nil
		},
		"drive-letter path": func(t *testing.T, dir, _ string) (string, string, []string) {
			setPath(t, dir, "C:/update-plan.yaml")
			return entry(t, dir, "C:/update-plan.yaml"), `absolute paths are not allowed`, nil
		},
		"backslash path": func(t *testing.T, dir, _ string) (string, string, []string) {
			setPath(t, dir, `security\update-plan.yaml`)
			return entry(t, dir, `security\update-plan.yaml`), `use forward slashes`, nil
		},
		"symlink that leaves the bundle": func(t *testing.T, dir, outside string) (string, string, []string) {
			target := filepath.Join(outside, "update-plan.yaml")
			writeFile(t, target, readFile(t, doc(dir, updatePlan)))
			symlink(t, target, doc(dir, updatePlan))
			return entry(t, dir, updatePlan), `leads outside the bundle root`, nil
		},
		"relative symlink that leaves the bundle": func(t *testing.T, dir, outside string) (string, string, []string) {
			target := filepath.Join(outside, "update-plan.yaml")
			writeFile(t, target, readFile(t, doc(dir, updatePlan)))
			rel, err := filepath.Rel(filepath.Dir(doc(dir, updatePlan)), target)
			if err != nil {
				t.Fatal(err)
			}
			symlink(t, rel, doc(dir, updatePlan))
			return entry(t, dir, updatePlan), `leads outside the bundle root`, nil
		},
		"symlinked folder that leaves the bundle": func(t *testing.T, dir, outside string) (string, string, []string) {
			copyFiles(t, filepath.Join(dir, "security"), filepath.Join(outside, "security"), bundleFiles(t, filepath.Join(dir, "security")))
			if err := os.RemoveAll(filepath.Join(dir, "security")); err != nil {
				t.Fatal(err)
			}
			symlink(t, filepath.Join(outside, "security"), filepath.Join(dir, "security"))
			return entry(t, dir, "security/risk-file.yaml"), `leads outside the bundle root`, nil
		},
		"missing file": func(t *testing.T, dir, _ string) (string, string, []string) {
			remove(t, doc(dir, updatePlan))
			return entry(t, dir, updatePlan), `document "security/update-plan\.yaml": file not found$`, nil
		},
		"dangling symlink": func(t *testing.T, dir, _ string) (string, string, []string) {
			symlink(t, "nowhere.yaml", doc(dir, updatePlan))
			return entry(t, dir, updatePlan), `file not found`, nil
		},
		"directory where a file is expected": func(t *testing.T, dir, _ string) (string, string, []string) {
			remove(t, doc(dir, updatePlan))
			if err := os.Mkdir(doc(dir, updatePlan), 0o755); err != nil {
				t.Fatal(err)
			}
			return entry(t, dir, updatePlan), `is a directory, expected a file`, nil
		},
		"unreadable file": func(t *testing.T, dir, _ string) (string, string, []string) {
			if runtime.GOOS == "windows" {
				t.Skip("chmod 000 does not make a file unreadable on Windows")
			}
			if os.Geteuid() == 0 {
				t.Skip("running as root, which reads files whatever their permissions; this case needs an ordinary user")
			}
			if err := os.Chmod(doc(dir, updatePlan), 0); err != nil {
				t.Fatal(err)
			}
			return entry(t, dir, updatePlan), `permission denied, the file cannot be read`, nil
		},
		"missing manifest": func(t *testing.T, dir, _ string) (string, string, []string) {
			remove(t, manifest(dir))
			return "bundle " + dir, `no manifest found \(looked for annexlint\.yaml, annexlint\.yml, annexlint\.json\)`, nil
		},
		"manifest that is not valid YAML": func(t *testing.T, dir, _ string) (string, string, []string) {
			at := posOf(t, dir, "annexlint.yaml", "kind: bundle")
			replaceIn(t, manifest(dir), "kind: bundle\n", "kind: bundle: [\n")
			return at[:strings.LastIndex(at, ":")], `invalid YAML: `, nil
		},
		"empty manifest": func(t *testing.T, dir, _ string) (string, string, []string) {
			writeFile(t, manifest(dir), "")
			return "annexlint.yaml:1", `file is empty`, nil
		},
		"manifest is a directory": func(t *testing.T, dir, _ string) (string, string, []string) {
			remove(t, manifest(dir))
			if err := os.Mkdir(manifest(dir), 0o755); err != nil {
				t.Fatal(err)
			}
			return "annexlint.yaml", `is a directory, expected a file`, nil
		},
		"manifest is a symlink that leaves the bundle": func(t *testing.T, dir, outside string) (string, string, []string) {
			target := filepath.Join(outside, "annexlint.yaml")
			writeFile(t, target, readFile(t, manifest(dir)))
			symlink(t, target, manifest(dir))
			return "annexlint.yaml", `leads outside the bundle root`, nil
		},
	}
}

// asJSON rewrites the update plan as JSON under security/update-plan.json
// and points the manifest at it, for the cases about JSON syntax.
func asJSON(t *testing.T, dir string) string {
	t.Helper()
	d, err := docparse.Parse(updatePlan, []byte(readFile(t, filepath.Join(dir, filepath.FromSlash(updatePlan)))), docparse.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.MarshalIndent(d.Value, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	const jp = "security/update-plan.json"
	writeFile(t, filepath.Join(dir, filepath.FromSlash(jp)), string(data)+"\n")
	replaceIn(t, filepath.Join(dir, "annexlint.yaml"), "path: "+updatePlan+"\n", "path: "+jp+"\n")
	return jp
}

// shiftLine moves a "file:line:col" position down by n lines.
func shiftLine(t *testing.T, pos string, n int) string {
	t.Helper()
	var file string
	var line, col int
	i := strings.Index(pos, ":")
	if i < 0 {
		t.Fatalf("position %q has no line", pos)
	}
	file = pos[:i]
	if _, err := fmt.Sscanf(pos[i+1:], "%d:%d", &line, &col); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%s:%d:%d", file, line+n, col)
}

// aliasBomb is a "billion laughs" YAML: each level lists the previous ten
// times, so levels+1 lines expand to 10^levels values.
func aliasBomb(levels int) string {
	var b strings.Builder
	b.WriteString("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= levels; i++ {
		prev := fmt.Sprintf("*l%d", i-1)
		fmt.Fprintf(&b, "l%d: &l%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(prev+", ", 10), ", "))
	}
	return b.String()
}

// symlink replaces link with a symbolic link to target, or skips the case
// where the system cannot make one (Windows without the privilege).
func symlink(t *testing.T, target, link string) {
	t.Helper()
	_ = os.Remove(link)
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot create symbolic links here: %v", err)
	}
}

func remove(t *testing.T, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
}

// TestDefaultMaxFileSizeIsSane: the default must take a large real SBOM
// (a 50,000-component CycloneDX file is about 30 MB) and refuse a disk
// image; the case above shows it is enforced without the flag.
func TestDefaultMaxFileSizeIsSane(t *testing.T) {
	t.Parallel()
	const lo, hi = 32 << 20, 1 << 30
	if bundle.DefaultMaxFileSize < lo || bundle.DefaultMaxFileSize > hi {
		t.Errorf("default --max-file-size is %d bytes, want between %d and %d", bundle.DefaultMaxFileSize, lo, hi)
	}
	_, stderr, code := runGuarded(t, "check", cleanExample, "--max-file-size", "0")
	if code != 2 || !strings.Contains(stderr, "--max-file-size must be positive") {
		t.Errorf("--max-file-size 0: exit %d, stderr %q", code, stderr)
	}
}
