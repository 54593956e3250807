package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/junit"
)

// TestGitHubFormat: one workflow command per finding, at the place SARIF
// gives (relative to the repository root), waived findings not annotated,
// then the summary line; the exit code as for any format.
func TestGitHubFormat(t *testing.T) {
	t.Parallel()
	repo, good, bad := twoBundleRepo(t)
	writeFile(t, filepath.Join(repo, ".annexlint.yaml"), `waivers:
  - rule: AL-RISK-001
    path: bundles/bad/annexlint.yaml
    reason: The BLE service link is disabled in this build; ticket SEC-7.
    approved_by: J. Doe, PRRC
    expires: 2099-01-01
`)
	out, errOut, code := run(t, "check", bad, good, "--as-of", asOf, "--format", "github")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	sarifOut, _, _ := run(t, "check", bad, good, "--as-of", asOf, "--format", "sarif")
	log := parseSARIF(t, sarifOut)
	var want []string
	waived := 0
	for _, r := range log.Runs {
		for _, res := range r.Results {
			if len(res.Suppressions) > 0 {
				waived++
				continue
			}
			l := res.Locations[0].PhysicalLocation
			want = append(want, "file="+l.ArtifactLocation.URI+",line="+itoa(l.Region.StartLine)+",col="+itoa(l.Region.StartColumn)+",title="+res.RuleID+"::")
		}
	}
	if waived == 0 {
		t.Fatal("the waiver matched nothing; the test would show nothing")
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(want)+1 {
		t.Fatalf("%d lines for %d unwaived findings", len(lines), len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], "::") || !strings.Contains(lines[i], " "+w) {
			t.Errorf("line %d: %s\nwant the place %s", i+1, lines[i], w)
		}
	}
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "annexlint: 2 bundle(s) checked: ") || !strings.Contains(last, itoa(waived)+" waived") {
		t.Errorf("summary line %q", last)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestJUnitFormat: one suite per bundle, one test per clause of the run
// model, failures exactly where the JSON report says a clause fails or
// lacks evidence.
func TestJUnitFormat(t *testing.T) {
	t.Parallel()
	_, good, bad := twoBundleRepo(t)
	out, errOut, code := run(t, "check", bad, good, "--as-of", asOf, "--format", "junit")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rep, err := junit.Parse("annexlint.xml", []byte(out))
	if err != nil {
		t.Fatal(err)
	}
	jsonOut, _, _ := run(t, "check", bad, good, "--as-of", asOf, "--format", "json")
	var doc struct {
		Bundles []struct {
			RepoPrefix  string `json:"repo_prefix"`
			Obligations []struct {
				ID     string `json:"id"`
				Status string `json:"status"`
			} `json:"obligations"`
		} `json:"bundles"`
	}
	if err := json.Unmarshal([]byte(jsonOut), &doc); err != nil {
		t.Fatal(err)
	}
	if len(rep.Suites) != len(doc.Bundles) {
		t.Fatalf("%d suites for %d bundles", len(rep.Suites), len(doc.Bundles))
	}
	status := map[string]string{"fail": "failed", "insufficient-evidence": "failed", "pass": "passed", "not-applicable": "skipped"}
	for i, b := range doc.Bundles {
		s := rep.Suites[i]
		if s.Name != b.RepoPrefix {
			t.Errorf("suite %d is %s, want %s", i, s.Name, b.RepoPrefix)
		}
		// The clauses come first, then AL-SCHEMA-001 (and any rule no
		// clause lists that has findings).
		if len(s.Cases) < len(b.Obligations)+1 {
			t.Fatalf("%s: %d cases for %d clauses", s.Name, len(s.Cases), len(b.Obligations))
		}
		for j, o := range b.Obligations {
			c := s.Cases[j]
			if !strings.HasPrefix(c.Name, o.ID+" ") || c.Status != status[o.Status] {
				t.Errorf("%s case %d: %s %s, want clause %s %s", s.Name, j, c.Name, c.Status, o.ID, o.Status)
			}
		}
		if c := s.Cases[len(b.Obligations)]; !strings.HasPrefix(c.Name, "AL-SCHEMA-001 ") {
			t.Errorf("%s: no test case for the schema check: %s", s.Name, c.Name)
		}
	}
}
