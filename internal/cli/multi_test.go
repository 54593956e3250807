package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xeipuuv/gojsonschema"
)

// twoBundleRepo makes a repository (a folder with .git) holding the clean
// example under bundles/good, the flawed one under bundles/bad, and a file
// outside any bundle.
func twoBundleRepo(t *testing.T) (repo, good, bad string) {
	t.Helper()
	repo = t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	good = filepath.Join(repo, "bundles", "good")
	bad = filepath.Join(repo, "bundles", "bad")
	copyFiles(t, cleanExample, good, bundleFiles(t, cleanExample))
	copyFiles(t, flawedExample, bad, bundleFiles(t, flawedExample))
	writeFile(t, filepath.Join(repo, "README.md"), "not a bundle file\n")
	return repo, good, bad
}

type sarifLog struct {
	Runs []struct {
		AutomationDetails struct {
			ID string `json:"id"`
		} `json:"automationDetails"`
		OriginalURIBaseIDs map[string]json.RawMessage `json:"originalUriBaseIds"`
		Tool               struct {
			Driver struct {
				SemanticVersion string `json:"semanticVersion"`
				Rules           []struct {
					ID         string         `json:"id"`
					Properties map[string]any `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID              string            `json:"ruleId"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Locations           []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
						EndLine     int `json:"endLine"`
						EndColumn   int `json:"endColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			RelatedLocations []json.RawMessage `json:"relatedLocations"`
			Suppressions     []struct {
				Kind          string `json:"kind"`
				Status        string `json:"status"`
				Justification string `json:"justification"`
			} `json:"suppressions"`
		} `json:"results"`
	} `json:"runs"`
}

func parseSARIF(t *testing.T, out string) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("SARIF: %v\n%.500s", err, out)
	}
	return log
}

// TestCheckPaths is the pre-commit contract: any mix of bundle folders and
// file names, each bundle checked once in path order, files outside any
// bundle skipped, the exit code the worst across bundles.
func TestCheckPaths(t *testing.T) {
	t.Parallel()
	repo, good, bad := twoBundleRepo(t)
	args := []string{"check",
		filepath.Join(bad, "security", "risk-file.yaml"),
		filepath.Join(good, "annexlint.yaml"),
		filepath.Join(bad, "sbom"),
		filepath.Join(repo, "README.md"),
		good,
		"--as-of", asOf}

	t.Run("text", func(t *testing.T) {
		t.Parallel()
		out, errOut, code := run(t, args...)
		if code != 1 {
			t.Fatalf("exit %d, want 1 (the bad bundle has errors); stderr %s", code, errOut)
		}
		if !strings.Contains(errOut, "README.md is in no bundle") {
			t.Errorf("stderr does not say README.md was skipped: %q", errOut)
		}
		i, j := strings.Index(out, "== bundle "+bad+" =="), strings.Index(out, "== bundle "+good+" ==")
		if i < 0 || j < 0 || i > j {
			t.Errorf("want one section per bundle, bad before good (path order); got headers at %d and %d", i, j)
		}
		if n := strings.Count(out, "== bundle "); n != 2 {
			t.Errorf("%d bundle sections, want 2", n)
		}
		if !strings.Contains(out, "annexlint: 2 bundles checked, 1 with findings") {
			t.Errorf("no closing tally:\n%s", out[max(0, len(out)-300):])
		}
	})

	t.Run("json", func(t *testing.T) {
		t.Parallel()
		out, errOut, code := run(t, append(args, "--format", "json")...)
		if code != 1 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var rep struct {
			Summary map[string]int `json:"summary"`
			Bundles []struct {
				Bundle     string `json:"bundle"`
				RepoPrefix string `json:"repo_prefix"`
				Findings   []struct {
					RuleID   string `json:"rule_id"`
					Severity string `json:"severity"`
				} `json:"findings"`
			} `json:"bundles"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range rep.Bundles {
			got = append(got, b.RepoPrefix)
		}
		if diff := cmp.Diff([]string{"bundles/bad", "bundles/good"}, got); diff != "" {
			t.Errorf("bundles (-want +got):\n%s", diff)
		}
		if len(rep.Bundles) == 2 && (len(rep.Bundles[0].Findings) == 0 || len(rep.Bundles[1].Findings) != 0) {
			t.Errorf("findings per bundle: %d and %d", len(rep.Bundles[0].Findings), len(rep.Bundles[1].Findings))
		}
		if rep.Summary["error"] == 0 {
			t.Errorf("summary %v counts no errors", rep.Summary)
		}
	})

	t.Run("sarif", func(t *testing.T) {
		t.Parallel()
		out, errOut, code := run(t, append(args, "--format", "sarif")...)
		if code != 1 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		validateSARIF(t, out)
		log := parseSARIF(t, out)
		var ids []string
		for _, r := range log.Runs {
			ids = append(ids, r.AutomationDetails.ID)
			if _, ok := r.OriginalURIBaseIDs["%SRCROOT%"]; !ok {
				t.Errorf("run %s has no originalUriBaseIds %%SRCROOT%%", r.AutomationDetails.ID)
			}
			for _, res := range r.Results {
				uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI
				if !strings.HasPrefix(uri, strings.TrimPrefix(r.AutomationDetails.ID, "annexlint/")) {
					t.Errorf("result %s at %s is not under its bundle %s", res.RuleID, uri, r.AutomationDetails.ID)
				}
			}
		}
		if diff := cmp.Diff([]string{"annexlint/bundles/bad/", "annexlint/bundles/good/"}, ids); diff != "" {
			t.Errorf("automationDetails.id per run (-want +got):\n%s", diff)
		}
	})

	t.Run("same bundle named twice", func(t *testing.T) {
		t.Parallel()
		out, errOut, code := run(t, "check", filepath.Join(good, "annexlint.yaml"), filepath.Join(good, "sbom"), good, "--as-of", asOf, "--format", "sarif")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if n := len(parseSARIF(t, out).Runs); n != 1 {
			t.Errorf("%d runs, want 1", n)
		}
	})

	t.Run("only files outside bundles", func(t *testing.T) {
		t.Parallel()
		out, errOut, code := run(t, "check", filepath.Join(repo, "README.md"), "--as-of", asOf)
		if code != 0 || out != "" || !strings.Contains(errOut, "nothing to check") {
			t.Errorf("exit %d, stdout %q, stderr %q; want 0, nothing, and a note", code, out, errOut)
		}
	})

	t.Run("folder inside a bundle", func(t *testing.T) {
		t.Parallel()
		_, errOut, code := run(t, "check", filepath.Join(bad, "security"), "--as-of", asOf, "--fail-on", "none")
		if code != 0 {
			t.Errorf("exit %d: %s", code, errOut)
		}
	})

	t.Run("folder outside any bundle", func(t *testing.T) {
		t.Parallel()
		_, errOut, code := run(t, "check", repo, "--as-of", asOf)
		if code != 2 || !strings.Contains(errOut, "no manifest found") {
			t.Errorf("exit %d, stderr %q; want 2 and no manifest found", code, errOut)
		}
	})

	t.Run("input error in one bundle", func(t *testing.T) {
		t.Parallel()
		_, broken, _ := twoBundleRepo(t)
		writeFile(t, filepath.Join(broken, "security", "update-plan.yaml"), "kind: [\n")
		out, errOut, code := run(t, "check", broken, bad, "--as-of", asOf)
		// The broken bundle does not hide the other's findings: the report
		// covers the bundle that could be read, the exit code is the worst
		// (2, input error), and standard error names the broken bundle.
		if code != 2 {
			t.Errorf("exit %d, want 2", code)
		}
		if !strings.Contains(out, "== bundle "+bad+" ==") || strings.Contains(out, "== bundle "+broken+" ==") {
			t.Errorf("want a section for %s only:\n%.300s", bad, out)
		}
		if !strings.Contains(out, "AL-") || !strings.Contains(out, "annexlint: 1 bundle checked, 1 with findings; 1 not checked (input error, see standard error)") {
			t.Errorf("the readable bundle's findings or the tally are missing:\n%s", out[max(0, len(out)-300):])
		}
		if !strings.Contains(errOut, "bundle "+broken+": security/update-plan.yaml:") {
			t.Errorf("stderr does not name the bundle and file:line: %q", errOut)
		}
	})
}

// TestSARIFForCodeScanning checks what GitHub code scanning reads.
func TestSARIFForCodeScanning(t *testing.T) {
	t.Parallel()
	_, _, bad := twoBundleRepo(t)
	out, errOut, code := run(t, "check", bad, "--as-of", asOf, "--format", "sarif", "--fail-on", "none")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	validateSARIF(t, out)
	log := parseSARIF(t, out)
	r := log.Runs[0]
	if r.AutomationDetails.ID != "annexlint/bundles/bad/" {
		t.Errorf("automationDetails.id = %q", r.AutomationDetails.ID)
	}
	for _, rule := range r.Tool.Driver.Rules {
		sev, _ := rule.Properties["security-severity"].(string)
		if sev == "" {
			t.Errorf("rule %s has no security-severity", rule.ID)
		}
		tags, _ := rule.Properties["tags"].([]any)
		if len(tags) > 10 || len(tags) == 0 || tags[0] != "security" {
			t.Errorf("rule %s tags %v: want 1-10, starting with security", rule.ID, tags)
		}
		if rule.Properties["precision"] == nil {
			t.Errorf("rule %s has no precision", rule.ID)
		}
	}
	// GitHub's limits (docs/github-code-scanning.md)
	if len(r.Tool.Driver.Rules) > 25000 || len(r.Results) > 25000 {
		t.Errorf("%d rules, %d results: above GitHub's 25,000", len(r.Tool.Driver.Rules), len(r.Results))
	}
	seen := map[string]string{}
	for _, res := range r.Results {
		if n := len(res.Locations) + len(res.RelatedLocations); n > 100 {
			t.Errorf("%s has %d locations; GitHub shows 100", res.RuleID, n)
		}
		reg := res.Locations[0].PhysicalLocation.Region
		if reg.EndLine < reg.StartLine || (reg.EndLine == reg.StartLine && reg.EndColumn < reg.StartColumn) {
			t.Errorf("%s: region ends before it starts: %+v", res.RuleID, reg)
		}
		if res.Locations[0].PhysicalLocation.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("%s: uriBaseId %q", res.RuleID, res.Locations[0].PhysicalLocation.ArtifactLocation.URIBaseID)
		}
		h := res.PartialFingerprints["primaryLocationLineHash"]
		if h == "" {
			t.Errorf("%s has no primaryLocationLineHash", res.RuleID)
		}
		if other, dup := seen[h]; dup {
			t.Errorf("%s and %s share the fingerprint %s", res.RuleID, other, h)
		}
		seen[h] = res.RuleID
	}
}

// TestFingerprintsSurviveInsertion inserts a threat at the top of the risk
// file: every finding that was there keeps its fingerprint.
func TestFingerprintsSurviveInsertion(t *testing.T) {
	t.Parallel()
	_, _, bad := twoBundleRepo(t)
	fingerprints := func() map[string]string {
		out, errOut, code := run(t, "check", bad, "--as-of", asOf, "--format", "sarif", "--fail-on", "none")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		fps := map[string]string{}
		for _, res := range parseSARIF(t, out).Runs[0].Results {
			l := res.Locations[0].PhysicalLocation
			if strings.HasSuffix(l.ArtifactLocation.URI, "security/risk-file.yaml") {
				fps[res.PartialFingerprints["primaryLocationLineHash"]] = res.RuleID
			}
		}
		return fps
	}
	before := fingerprints()
	if len(before) < 5 {
		t.Fatalf("only %d risk-file results; the fixture drifted", len(before))
	}
	replaceIn(t, filepath.Join(bad, "security", "risk-file.yaml"), "threats:\n  - id: TH-01\n", `threats:
  - id: TH-00
    title: Replayed pump commands over Wi-Fi
    stride: [tampering]
    interfaces: [IF-WIFI]
    assets: [AS-DOSE]
    attack_vector: adjacent
    cvss: CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N
    cvss_score: 5.3
    initial_risk: medium
    controls: [SC-TLS]
    residual_risk: low
  - id: TH-01
`)
	after := fingerprints()
	var lost []string
	for fp, rule := range before {
		if _, ok := after[fp]; !ok {
			lost = append(lost, rule+" "+fp)
		}
	}
	sort.Strings(lost)
	if len(lost) > 0 {
		t.Errorf("%d of %d risk-file fingerprints changed when a threat was inserted above: %v", len(lost), len(before), lost)
	}
}

var (
	sarifSchemaOnce sync.Once
	sarifSchema     *gojsonschema.Schema
	sarifSchemaErr  error
)

// validateSARIF checks out against the official SARIF 2.1.0 schema in
// ../shared; without it (a checkout without the corpus) it only logs.
func validateSARIF(t *testing.T, out string) {
	t.Helper()
	sarifSchemaOnce.Do(func() {
		raw, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "corpus", "schemas", "sarif", "sarif-schema-2.1.0.json"))
		if err != nil {
			sarifSchemaErr = err
			return
		}
		sarifSchema, sarifSchemaErr = gojsonschema.NewSchema(gojsonschema.NewBytesLoader(raw))
	})
	if sarifSchemaErr != nil {
		t.Logf("SARIF schema not available, output not validated: %v", sarifSchemaErr)
		return
	}
	res, err := sarifSchema.Validate(gojsonschema.NewStringLoader(out))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors() {
		t.Errorf("SARIF schema: %s", e)
	}
}

// TestCheckPathsDeterministic: the report of several bundles is the same
// bytes whatever order the paths come in and however often it runs.
func TestCheckPathsDeterministic(t *testing.T) {
	t.Parallel()
	repo, good, bad := twoBundleRepo(t)
	paths := []string{filepath.Join(bad, "sbom"), filepath.Join(repo, "README.md"), filepath.Join(good, "annexlint.yaml"), bad}
	reversed := []string{bad, filepath.Join(good, "annexlint.yaml"), filepath.Join(repo, "README.md"), filepath.Join(bad, "sbom")}
	for _, format := range []string{"text", "json", "sarif"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			flags := []string{"--as-of", asOf, "--format", format, "--fail-on", "none"}
			a, _, _ := run(t, append(append([]string{"check"}, paths...), flags...)...)
			b, _, _ := run(t, append(append([]string{"check"}, reversed...), flags...)...)
			c, _, _ := run(t, append(append([]string{"check"}, paths...), flags...)...)
			if a == "" || a != b || a != c {
				t.Errorf("%s output differs with the order of the paths or between runs", format)
			}
		})
	}
}

// TestNoRepositoryRoot: without .git above the bundle and without
// --repo-root, annexlint says that locations are bundle-relative, and the
// SARIF run states it.
func TestNoRepositoryRoot(t *testing.T) {
	t.Parallel()
	dir := copyBundle(t, flawedExample) // a temporary folder: no .git above it
	out, errOut, code := run(t, "check", dir, "--as-of", asOf, "--format", "sarif", "--fail-on", "none")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "no repository root (.git) found above "+dir+"; locations are relative to the bundle folder") {
		t.Errorf("stderr does not say locations are bundle-relative: %q", errOut)
	}
	validateSARIF(t, out)
	var log struct {
		Runs []struct {
			Invocations []struct {
				Properties map[string]any `json:"properties"`
			} `json:"invocations"`
			OriginalURIBaseIDs map[string]struct {
				Description struct {
					Text string `json:"text"`
				} `json:"description"`
			} `json:"originalUriBaseIds"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	r := log.Runs[0]
	if r.Invocations[0].Properties["uri_base"] != "bundle" || !strings.Contains(r.OriginalURIBaseIDs["%SRCROOT%"].Description.Text, "no repository root") {
		t.Errorf("run does not state bundle-relative locations: %+v", r)
	}
	if got := parseSARIF(t, out).Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; strings.Contains(got, "/tmp") || strings.HasPrefix(got, "..") {
		t.Errorf("URI %q is not bundle-relative", got)
	}
}

// TestSymlinkedBundleCheckedOnce: a bundle named through a symbolic link
// and directly is one bundle.
func TestSymlinkedBundleCheckedOnce(t *testing.T) {
	t.Parallel()
	_, good, _ := twoBundleRepo(t)
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(good, link); err != nil {
		t.Skipf("cannot create a symbolic link: %v", err)
	}
	out, errOut, code := run(t, "check", good, link, "--as-of", asOf, "--format", "sarif")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if n := len(parseSARIF(t, out).Runs); n != 1 {
		t.Errorf("%d runs, want 1", n)
	}
}
