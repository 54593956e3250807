package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// waiverRepo is twoBundleRepo with a configuration at the repository root.
func waiverRepo(t *testing.T, config string) (repo, good, bad string) {
	t.Helper()
	repo, good, bad = twoBundleRepo(t)
	writeFile(t, filepath.Join(repo, ".annexlint.yaml"), config)
	return repo, good, bad
}

const (
	// waiveUserInfo waives the bad bundle's AL-USER-001 error.
	waiveUserInfo = `  - rule: AL-USER-001
    path: bundles/bad/ifu/security-information.yaml
    reason: Network requirements are in the separate IT integration guide, revision 4.
    approved_by: Head of Product Security
    expires: 2027-01-31
`
	// waiveSBOM waives one component's AL-SBOM-003 by its stable key.
	waiveSBOM = `  - rule: AL-SBOM-003
    path: "bundles/*/sbom/*.cdx.json"
    pointer: "/components[ref=pkg:github~1Mbed-TLS~1mbedtls@v3.6.2]"
    reason: Supplier of the vendored Mbed TLS is the Mbed TLS project; vendor ticket SEC-142.
    approved_by: J. Doe (PRRC)
    expires: 2027-03-31
`
	expiredCVD = `  - rule: AL-CVD-001
    path: bundles/bad/policies/disclosure.yaml
    reason: Contact moved to the company-wide PSIRT page, pending revision 7.
    approved_by: Head of Product Security
    expires: 2026-01-31
`
	unmatched = `  - rule: AL-RISK-001
    path: bundles/bad/security/risk-file.yaml
    reason: This waiver names a rule that reports nothing in the risk file.
    approved_by: QA lead
    expires: 2027-01-01
`
)

type jsonReport struct {
	Summary  map[string]int `json:"summary"`
	Findings []struct {
		RuleID   string `json:"rule_id"`
		Location struct {
			File string `json:"file"`
			Line int    `json:"line"`
		} `json:"location"`
	} `json:"findings"`
	Waived []struct {
		RuleID string `json:"rule_id"`
		Status string `json:"status"`
		Key    string `json:"key"`
		Waiver struct {
			Reason     string `json:"reason"`
			ApprovedBy string `json:"approved_by"`
			Expires    string `json:"expires"`
			Source     string `json:"source"`
		} `json:"waiver"`
	} `json:"waived"`
	Rules []struct {
		ID     string `json:"id"`
		Status string `json:"status"`
	} `json:"rules"`
}

func TestWaivers(t *testing.T) {
	t.Parallel()
	_, _, bad := waiverRepo(t, "waivers:\n"+waiveUserInfo+waiveSBOM+expiredCVD+unmatched)

	out, errOut, code := run(t, "check", bad, "--as-of", asOf, "--format", "json", "--fail-on", "none")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, f := range rep.Findings {
		got[f.RuleID]++
		if f.RuleID == "AL-USER-001" {
			t.Errorf("waived AL-USER-001 is still a finding")
		}
	}
	if got["AL-WAIVER-001"] != 1 || got["AL-WAIVER-002"] != 1 || got["AL-CVD-001"] != 1 {
		t.Errorf("want one expired-waiver finding, one unmatched-waiver finding, and AL-CVD-001 no longer waived; got %v", got)
	}
	if got["AL-SBOM-003"] != 1 {
		t.Errorf("AL-SBOM-003: %d findings, want 1 (the other component's; mbedtls is waived)", got["AL-SBOM-003"])
	}
	var waived []string
	for _, w := range rep.Waived {
		waived = append(waived, w.RuleID+" "+w.Waiver.Source+" "+w.Waiver.ApprovedBy+" "+w.Waiver.Expires)
		if w.Status != "waived" {
			t.Errorf("waived %s has status %q", w.RuleID, w.Status)
		}
		if w.Waiver.Reason == "" {
			t.Errorf("waived %s carries no waiver reason", w.RuleID)
		}
	}
	want := []string{
		"AL-USER-001 .annexlint.yaml:2 Head of Product Security 2027-01-31",
		"AL-SBOM-003 .annexlint.yaml:7 J. Doe (PRRC) 2027-03-31",
	}
	if strings.Join(waived, "\n") != strings.Join(want, "\n") && strings.Join(waived, "\n") != strings.Join([]string{want[1], want[0]}, "\n") {
		t.Errorf("waived:\n%s\nwant:\n%s", strings.Join(waived, "\n"), strings.Join(want, "\n"))
	}
	for _, r := range rep.Rules {
		if (r.ID == "AL-WAIVER-001" || r.ID == "AL-WAIVER-002") && r.Status != "fail" {
			t.Errorf("rule %s status %s, want fail", r.ID, r.Status)
		}
	}

	t.Run("sarif suppressions", func(t *testing.T) {
		t.Parallel()
		out, errOut, code := run(t, "check", bad, "--as-of", asOf, "--format", "sarif", "--fail-on", "none")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		validateSARIF(t, out)
		n := 0
		for _, r := range parseSARIF(t, out).Runs[0].Results {
			for _, s := range r.Suppressions {
				n++
				if s.Status != "accepted" || !strings.Contains(s.Justification, "approved by") {
					t.Errorf("%s suppression %+v", r.RuleID, s)
				}
			}
		}
		if n != 2 {
			t.Errorf("%d suppressed results, want 2", n)
		}
	})

	t.Run("text", func(t *testing.T) {
		t.Parallel()
		out, _, _ := run(t, "check", bad, "--as-of", asOf, "--fail-on", "none")
		if !strings.Contains(out, "2 finding(s) waived by the configuration") || strings.Contains(out, "approved by J. Doe") {
			t.Errorf("text without --verbose: want the waived count only:\n%s", out[max(0, len(out)-400):])
		}
		out, _, _ = run(t, "check", bad, "--as-of", asOf, "--fail-on", "none", "--verbose")
		if !strings.Contains(out, "waiver .annexlint.yaml:7: Supplier of the vendored Mbed TLS") {
			t.Errorf("text with --verbose does not show the waiver:\n%s", out[max(0, len(out)-800):])
		}
		if !strings.Contains(out, ".annexlint.yaml:13:5: error AL-WAIVER-001") {
			t.Errorf("expired waiver not reported at its line:\n%s", out)
		}
	})
}

// TestWaiverExitCode: a waived error does not fail the run; once the
// waiver expires the error counts again, and the waiver is itself an error.
func TestWaiverExitCode(t *testing.T) {
	t.Parallel()
	_, good, _ := waiverRepo(t, "waivers:\n"+strings.ReplaceAll(waiveUserInfo, "bundles/bad", "bundles/good"))
	info := filepath.Join(good, "ifu", "security-information.yaml")
	s := readFile(t, info)
	i := strings.Index(s, "  network:")
	if i < 0 {
		t.Fatal("fixture drifted: no network requirements")
	}
	j := i + 1 + strings.Index(s[i+1:], "\n  ")
	for j < len(s) && strings.HasPrefix(s[j+1:], "    ") {
		j += 1 + strings.Index(s[j+1:], "\n")
	}
	writeFile(t, info, s[:i]+s[j+1:])
	if _, errOut, code := run(t, "check", good, "--as-of", asOf); code != 0 {
		t.Errorf("waived error: exit %d, want 0; %s", code, errOut)
	}
	out, _, code := run(t, "check", good, "--as-of", "2027-02-01")
	if code != 1 || !strings.Contains(out, "AL-WAIVER-001") || !strings.Contains(out, "error AL-USER-001") {
		t.Errorf("after expiry: exit %d, want 1 with AL-WAIVER-001 and AL-USER-001:\n%s", code, out)
	}
}

// TestConfigSettings: the file's settings apply, flags win over them, and
// a bad file is a usage error at file:line.
func TestConfigSettings(t *testing.T) {
	t.Parallel()
	repo, good, bad := waiverRepo(t, "fail_on: none\nformat: json\n")
	out, errOut, code := run(t, "check", bad, "--as-of", asOf)
	if code != 0 || !strings.HasPrefix(out, "{") {
		t.Errorf("config fail_on none, format json: exit %d, output %.40q; %s", code, out, errOut)
	}
	out, _, code = run(t, "check", bad, "--as-of", asOf, "--fail-on", "error", "--format", "text")
	if code != 1 || strings.HasPrefix(out, "{") {
		t.Errorf("flags over config: exit %d, output %.40q", code, out)
	}

	writeFile(t, filepath.Join(repo, "other.yaml"), "fail_on: none\nwaivers:\n  - rule: AL-USER-001\n    path: x\n    reason: TODO\n    approved_by: me\n    expires: 2027-01-01\n")
	_, errOut, code = run(t, "check", good, "--as-of", asOf, "--config", filepath.Join(repo, "other.yaml"))
	if code != 2 || !strings.Contains(errOut, "other.yaml:5:5: waiver reason \"TODO\" is a placeholder") {
		t.Errorf("bad config: exit %d, stderr %q; want 2 and file:line", code, errOut)
	}
	_, errOut, code = run(t, "check", good, "--config", filepath.Join(repo, "missing.yaml"))
	if code != 2 || !strings.Contains(errOut, "missing.yaml: no such file") {
		t.Errorf("missing config: exit %d, stderr %q", code, errOut)
	}

	writeFile(t, filepath.Join(bad, "annexlint.config.yaml"), "fail_on: warning\n")
	_, errOut, code = run(t, "check", good, bad, "--as-of", asOf)
	if code != 2 || !strings.Contains(errOut, "different configuration files") {
		t.Errorf("two configurations: exit %d, stderr %q", code, errOut)
	}
}

// TestReadmeConfigSnippets keeps the configuration examples of the README
// and docs/configuration.md loadable.
func TestReadmeConfigSnippets(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{"README.md", filepath.Join("docs", "configuration.md")} {
		s := readFile(t, filepath.Join("..", "..", doc))
		i := strings.Index(s, "```yaml\n"+"# .annexlint.yaml")
		if i < 0 {
			i = strings.Index(s, "```yaml\nfail_on:")
		}
		if i < 0 {
			t.Fatalf("%s: no configuration example", doc)
		}
		body := s[i+len("```yaml\n"):]
		body, _, _ = strings.Cut(body, "```")
		p := filepath.Join(t.TempDir(), ".annexlint.yaml")
		writeFile(t, p, body)
		// The example names a policy folder; one without a rule is an
		// error, so it gets the worked example of docs/custom-policies.md.
		copyFiles(t, customExample, filepath.Join(filepath.Dir(p), "rules"), bundleFiles(t, customExample))
		if _, errOut, code := run(t, "check", cleanExample, "--as-of", asOf, "--config", p, "--format", "text"); code != 0 {
			t.Errorf("%s example: exit %d: %s", doc, code, errOut)
		}
	}
}
