package cli_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xeipuuv/gojsonschema"

	"github.com/annexlint/annexlint/internal/cli"
)

// asOf pins the date of every end-to-end run so results do not change
// with the calendar.
const asOf = "2026-11-25"

func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = cli.Run(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), code
}

// expected reads the hand-written findings beside an example: one
// "RULE-ID file:line:col" per line; # starts a comment. A line
// "@as-of YYYY-MM-DD" sets the date the example is checked on (default
// asOf), for examples whose point is the law on another date.
func expected(t *testing.T, dir string) (findings []string, date string) {
	t.Helper()
	date = asOf
	f, err := os.Open(filepath.Join(dir, "EXPECTED-FINDINGS.txt"))
	if os.IsNotExist(err) {
		return []string{}, date
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := []string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, "#"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if d, ok := strings.CutPrefix(line, "@as-of "); ok {
			date = strings.TrimSpace(d)
			continue
		}
		if line != "" {
			out = append(out, strings.Join(strings.Fields(line), " "))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out, date
}

func examples(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "annexlint.yaml"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no example bundles found: %v", err)
	}
	for i := range dirs {
		dirs[i] = filepath.Dir(dirs[i])
	}
	return dirs
}

// TestExamplesJSON checks each example's findings, from the JSON report,
// against its hand-written list; a compliant example has no list and must
// have no findings.
func TestExamplesJSON(t *testing.T) {
	t.Parallel()
	for _, dir := range examples(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			want, date := expected(t, dir)
			out, errOut, code := run(t, "check", dir, "--format", "json", "--as-of", date, "--fail-on", "none")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var rep struct {
				AsOf     string `json:"as_of"`
				Findings []struct {
					RuleID   string `json:"rule_id"`
					Location struct {
						File   string `json:"file"`
						Line   int    `json:"line"`
						Column int    `json:"column"`
					} `json:"location"`
				} `json:"findings"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			if rep.AsOf != date {
				t.Errorf("as_of = %q", rep.AsOf)
			}
			got := make([]string, 0, len(rep.Findings))
			for _, f := range rep.Findings {
				got = append(got, fmt.Sprintf("%s %s:%d:%d", f.RuleID, f.Location.File, f.Location.Line, f.Location.Column))
			}
			sort.Strings(got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("findings differ from EXPECTED-FINDINGS.txt (-want +got):\n%s", diff)
			}
		})
	}
}

// TestExamplesSARIF checks the same expectations through the SARIF output
// and validates it against the official SARIF 2.1.0 schema.
func TestExamplesSARIF(t *testing.T) {
	t.Parallel()
	schemaPath := filepath.Join("..", "..", "..", "shared", "corpus", "schemas", "sarif", "sarif-schema-2.1.0.json")
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Skipf("SARIF schema not available: %v", err)
	}
	sch, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(raw))
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range examples(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			want, date := expected(t, dir)
			out, errOut, code := run(t, "check", dir, "--format", "sarif", "--as-of", date, "--fail-on", "none", "--repo-root", dir)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			res, err := sch.Validate(gojsonschema.NewStringLoader(out))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range res.Errors() {
				t.Errorf("SARIF schema: %s", e)
			}
			var log struct {
				Runs []struct {
					Tool struct {
						Driver struct {
							Rules []struct {
								ID         string `json:"id"`
								Properties struct {
									Clauses []string `json:"clauses"`
								} `json:"properties"`
							} `json:"rules"`
						} `json:"driver"`
					} `json:"tool"`
					Results []struct {
						RuleID    string `json:"ruleId"`
						RuleIndex int    `json:"ruleIndex"`
						Locations []struct {
							PhysicalLocation struct {
								ArtifactLocation struct {
									URI string `json:"uri"`
								} `json:"artifactLocation"`
								Region struct {
									StartLine   int `json:"startLine"`
									StartColumn int `json:"startColumn"`
								} `json:"region"`
							} `json:"physicalLocation"`
						} `json:"locations"`
					} `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal([]byte(out), &log); err != nil {
				t.Fatal(err)
			}
			if len(log.Runs) != 1 {
				t.Fatalf("%d runs", len(log.Runs))
			}
			run := log.Runs[0]
			for _, r := range run.Tool.Driver.Rules {
				if len(r.Properties.Clauses) == 0 {
					t.Errorf("rule %s carries no clauses", r.ID)
				}
			}
			got := make([]string, 0, len(run.Results))
			for _, r := range run.Results {
				if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
					t.Errorf("result %s has ruleIndex %d pointing at %s", r.RuleID, r.RuleIndex, run.Tool.Driver.Rules[r.RuleIndex].ID)
				}
				l := r.Locations[0].PhysicalLocation
				got = append(got, fmt.Sprintf("%s %s:%d:%d", r.RuleID, l.ArtifactLocation.URI, l.Region.StartLine, l.Region.StartColumn))
			}
			sort.Strings(got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("SARIF findings differ from EXPECTED-FINDINGS.txt (-want +got):\n%s", diff)
			}
		})
	}
}

// TestExitCodes checks the contract CI scripts and pre-commit rely on.
func TestExitCodes(t *testing.T) {
	t.Parallel()
	flawed := filepath.Join("..", "..", "examples", "infusion-pump-flawed")
	clean := filepath.Join("..", "..", "examples", "infusion-pump")
	cases := map[string]struct {
		args []string
		code int
		msg  string
	}{
		"clean bundle":                  {[]string{"check", clean, "--as-of", asOf}, 0, ""},
		"findings at threshold":         {[]string{"check", flawed, "--as-of", asOf}, 1, ""},
		"findings below threshold":      {[]string{"check", flawed, "--as-of", asOf, "--fail-on", "none"}, 0, ""},
		"unknown format":                {[]string{"check", clean, "--format", "xml"}, 2, `unknown --format "xml"`},
		"bad date":                      {[]string{"check", clean, "--as-of", "25.11.2026"}, 2, "not a date"},
		"bad severity":                  {[]string{"check", clean, "--fail-on", "fatal"}, 2, "unknown --fail-on \"fatal\" (want error, warning, note or none)"},
		"unknown flag":                  {[]string{"check", "--frobnicate"}, 2, "unknown flag"},
		"missing bundle":                {[]string{"check", "does-not-exist"}, 2, "does-not-exist"},
		"no manifest":                   {[]string{"check", "."}, 2, "no manifest found"},
		"a missing path among several":  {[]string{"check", clean, "does-not-exist"}, 2, "does-not-exist: no such file or directory"},
		"repo root that does not exist": {[]string{"check", clean, "--repo-root", "no-such-root"}, 2, "--repo-root no-such-root: not an existing directory"},
		"repo root below the bundle":    {[]string{"check", clean, "--repo-root", filepath.Join(clean, "sbom")}, 2, "is not the bundle folder"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, errOut, code := run(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, errOut)
			}
			if tc.msg != "" && !strings.Contains(errOut, tc.msg) {
				t.Errorf("stderr %q does not contain %q", errOut, tc.msg)
			}
		})
	}
}

// TestDeterministic runs the same check twice per format and compares bytes.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	flawed := filepath.Join("..", "..", "examples", "infusion-pump-flawed")
	for _, format := range []string{"text", "json", "sarif"} {
		a, _, _ := run(t, "check", flawed, "--format", format, "--as-of", asOf, "--repo-root", flawed)
		b, _, _ := run(t, "check", flawed, "--format", format, "--as-of", asOf, "--repo-root", flawed)
		if a != b {
			t.Errorf("%s output differs between two runs", format)
		}
		if !strings.Contains(a, asOf) {
			t.Errorf("%s output does not state the as-of date", format)
		}
	}
}
