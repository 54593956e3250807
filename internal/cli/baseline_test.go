package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"
)

type baselineReport struct {
	Summary   map[string]int    `json:"summary"`
	Findings  []baselineFinding `json:"findings"`
	Baselined []baselineFinding `json:"baselined"`
}

type baselineFinding struct {
	RuleID      string `json:"rule_id"`
	Status      string `json:"status"`
	Fingerprint string `json:"fingerprint"`
}

// TestBaseline: a baseline written today makes the same run pass with every
// finding still shown as baselined (JSON, SARIF, text); a new finding fails
// the run and is the only one counted; a bad baseline file is exit 2.
func TestBaseline(t *testing.T) {
	t.Parallel()
	dir := copyBundle(t, cleanExample)
	tmp := t.TempDir()
	bl := filepath.Join(tmp, "annexlint-baseline.json")

	// An old finding: the pump's disclosure policy without a contact.
	disclosure := filepath.Join(dir, "policies", "disclosure.yaml")
	s := readFile(t, disclosure)
	i, j := strings.Index(s, "contact:\n"), strings.Index(s, "acknowledgement_days:")
	if i < 0 || j < i {
		t.Fatalf("%s drifted: no contact block", disclosure)
	}
	writeFile(t, disclosure, s[:i]+s[j:])

	_, stderr, code := runGuarded(t, "check", dir, "--as-of", asOf, "--write-baseline", bl)
	if code != 1 || !strings.Contains(stderr, "wrote baseline "+bl) {
		t.Fatalf("--write-baseline: exit %d (want 1, the findings still count), stderr %q", code, stderr)
	}
	raw := readFile(t, bl)
	sch, err := gojsonschema.NewSchema(gojsonschema.NewReferenceLoader("file://" + mustAbs(t, filepath.Join("..", "..", "schemas", "baseline.schema.json"))))
	if err != nil {
		t.Fatal(err)
	}
	if res, err := sch.Validate(gojsonschema.NewStringLoader(raw)); err != nil || !res.Valid() {
		t.Fatalf("written baseline does not validate against schemas/baseline.schema.json: %v %v", err, res.Errors())
	}
	if _, _, _ = runGuarded(t, "check", dir, "--as-of", asOf, "--write-baseline", bl+".2"); readFile(t, bl+".2") != raw {
		t.Error("two runs wrote different baselines")
	}
	if _, err := os.Stat(filepath.Join(dir, "annexlint-baseline.json")); err == nil {
		t.Error("a baseline was written into the bundle")
	}

	// The same bundle against its baseline: exit 0, every finding shown.
	out, stderr, code := runGuarded(t, "check", dir, "--as-of", asOf, "--baseline", bl, "--format", "json")
	if code != 0 {
		t.Fatalf("--baseline on an unchanged bundle: exit %d, %s", code, stderr)
	}
	var rep baselineReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 0 || len(rep.Baselined) == 0 {
		t.Fatalf("findings %d (want 0), baselined %d (want > 0)", len(rep.Findings), len(rep.Baselined))
	}
	cvd := false
	for _, f := range rep.Baselined {
		if f.Status != "baselined" {
			t.Errorf("baselined finding %s has status %q", f.RuleID, f.Status)
		}
		cvd = cvd || f.RuleID == "AL-CVD-001"
	}
	if !cvd {
		t.Error("AL-CVD-001 is not among the baselined findings")
	}
	text, _, _ := runGuarded(t, "check", dir, "--as-of", asOf, "--baseline", bl, "--verbose")
	if !strings.Contains(text, "finding(s) in the baseline, not counted above:") || !strings.Contains(text, "baselined policies/disclosure.yaml:") {
		t.Errorf("text report does not list the baselined findings:\n%s", text)
	}
	sarifOut, _, _ := runGuarded(t, "check", dir, "--as-of", asOf, "--baseline", bl, "--format", "sarif")
	if n := strings.Count(sarifOut, `"baselineState": "unchanged"`); n != len(rep.Baselined) {
		t.Errorf("SARIF has %d unchanged results, want %d", n, len(rep.Baselined))
	}

	// New findings fail the run and are the only ones counted: an interface no threat covers (AL-RISK-001) and
	// the hospital's IT is not told about (AL-USER-021).
	replaceIn(t, filepath.Join(dir, "annexlint.yaml"), "documents:\n",
		"    - id: IF-NFC\n      name: NFC tag for asset tracking\n      type: wireless\n      description: Read-only asset tag added in this change.\ndocuments:\n")
	out, _, code = runGuarded(t, "check", dir, "--as-of", asOf, "--baseline", bl, "--format", "json")
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	var newIDs []string
	for _, f := range rep.Findings {
		newIDs = append(newIDs, f.RuleID)
	}
	sort.Strings(newIDs)
	if code != 1 || strings.Join(newIDs, ",") != "AL-RISK-001,AL-USER-021" {
		t.Fatalf("new finding: exit %d (want 1), findings %+v (want AL-RISK-001 and AL-USER-021)", code, rep.Findings)
	}
	sarifOut, _, _ = runGuarded(t, "check", dir, "--as-of", asOf, "--baseline", bl, "--format", "sarif")
	if n := strings.Count(sarifOut, `"baselineState": "new"`); n != len(rep.Findings) {
		t.Errorf("SARIF has %d new results, want %d", n, len(rep.Findings))
	}

	// The configuration's baseline: key, relative to the file.
	cfg := filepath.Join(tmp, "cfg.yaml")
	writeFile(t, cfg, "baseline: annexlint-baseline.json\n")
	out, stderr, code = runGuarded(t, "check", dir, "--as-of", asOf, "--config", cfg, "--format", "json")
	rep = baselineReport{}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 1 || len(rep.Findings) != len(newIDs) || len(rep.Baselined) == 0 {
		t.Errorf("baseline from the configuration: exit %d, findings %d (want %d), baselined %d, %v %s", code, len(rep.Findings), len(newIDs), len(rep.Baselined), err, stderr)
	}

	// Bad baseline files are usage errors.
	for name, content := range map[string]string{
		"not JSON":      "findings: []\n",
		"wrong version": `{"annexlint_baseline": 2, "as_of": "2026-11-25", "findings": []}`,
		"bad entry":     `{"annexlint_baseline": 1, "as_of": "2026-11-25", "findings": [{"bundle": ".", "fingerprint": "x", "rule": "AL-X-001", "file": "a"}]}`,
	} {
		p := filepath.Join(tmp, "bad.json")
		writeFile(t, p, content)
		if stdout, stderr, code := runGuarded(t, "check", dir, "--as-of", asOf, "--baseline", p); code != 2 || stdout != "" || !strings.Contains(stderr, "--baseline "+p) {
			t.Errorf("%s: exit %d (want 2), stderr %q", name, code, stderr)
		}
	}
	if _, _, code := runGuarded(t, "check", dir, "--as-of", asOf, "--baseline", filepath.Join(tmp, "missing.json")); code != 2 {
		t.Errorf("missing baseline: exit %d, want 2", code)
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
