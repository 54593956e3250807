package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

const rulesConfig = `rules:
  - id: AL-USER-002
    severity: off
    reason: Our labelling is reviewed by the notified body under a separate procedure.
    approved_by: J. Doe, PRRC
  - id: AL-GSPR-003
    severity: note
    reason: Matrix wording is tracked in the quality system, CAPA-2211.
    approved_by: J. Doe, PRRC
  - id: AL-RISK-001
    severity: off
    reason: The BLE interface is being removed in the next release, CR-88.
    approved_by: J. Doe, PRRC
  - id: AL-VEX-007
    severity: error
    reason: Our procedure treats every VEX gap as blocking for release.
    approved_by: Head of QA
`

type overrideFinding struct {
	RuleID   string `json:"rule_id"`
	Severity string `json:"severity"`
	Status   string `json:"status"`
	Override *struct {
		Severity string `json:"severity"`
		Was      string `json:"was"`
		Limited  bool   `json:"limited_by_legal_basis"`
		Source   string `json:"source"`
	} `json:"override"`
}

// TestRuleSettings: rules turned off or re-graded in the configuration stay
// visible in JSON, SARIF and text, marked; where the law applies a finding
// stays at least a warning; placeholders and duplicates are exit 2.
func TestRuleSettings(t *testing.T) {
	t.Parallel()
	cfg := filepath.Join(t.TempDir(), "annexlint-config.yaml")
	writeFile(t, cfg, rulesConfig)
	out, stderr, code := runGuarded(t, "check", flawedExample, "--as-of", asOf, "--config", cfg, "--format", "json")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Findings []overrideFinding `json:"findings"`
		Waived   []overrideFinding `json:"waived"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	got := map[string]overrideFinding{}
	for _, f := range rep.Findings {
		got[f.RuleID] = f
	}
	for _, f := range rep.Waived {
		got["waived "+f.RuleID] = f
	}
	check := func(key, severity, status, was string, limited bool) {
		t.Helper()
		f, ok := got[key]
		if !ok || f.Override == nil {
			t.Errorf("%s: missing or without override: %+v", key, f)
			return
		}
		if f.Severity != severity || f.Status != status || f.Override.Was != was || f.Override.Limited != limited || !strings.Contains(f.Override.Source, "annexlint-config.yaml:") {
			t.Errorf("%s: %+v %+v", key, f, *f.Override)
		}
	}
	check("waived AL-USER-002", "warning", "off", "warning", false) // no legal basis: off
	check("AL-GSPR-003", "note", "", "warning", false)              // no legal basis: note
	check("AL-RISK-001", "warning", "", "error", true)              // the law applies: at least warning
	check("AL-VEX-007", "error", "", "warning", false)              // raised
	if _, ok := got["AL-USER-002"]; ok {
		t.Error("AL-USER-002 is off but still counted")
	}

	sarifOut, _, _ := runGuarded(t, "check", flawedExample, "--as-of", asOf, "--config", cfg, "--format", "sarif")
	if !strings.Contains(sarifOut, `"justification": "rule set to off (was warning) by `) || !strings.Contains(sarifOut, `"override"`) {
		t.Error("SARIF does not carry the rule settings (suppression for off, override property)")
	}
	text, _, _ := runGuarded(t, "check", flawedExample, "--as-of", asOf, "--config", cfg, "--verbose")
	for _, want := range []string{"rule set to off (was error) by ", "the law applies to this finding, so it stays at warning", "  off ", "AL-USER-002"} {
		if !strings.Contains(text, want) {
			t.Errorf("text report lacks %q", want)
		}
	}

	for name, bad := range map[string]struct{ yaml, where, reason string }{
		"placeholder reason": {"rules:\n  - id: AL-USER-002\n    severity: off\n    reason: TODO\n    approved_by: J. Doe\n", ":4:", "reason \"TODO\" is a placeholder"},
		"twice":              {rulesConfig + "  - id: AL-USER-002\n    severity: note\n    reason: A second setting of the same rule here.\n    approved_by: J. Doe\n", ":18:", "rule AL-USER-002 is set twice"},
		"bad severity":       {"rules:\n  - id: AL-USER-002\n    severity: critical\n    reason: A reason long enough for the check.\n    approved_by: J. Doe\n", "", "severity"},
	} {
		p := filepath.Join(t.TempDir(), "c.yaml")
		writeFile(t, p, bad.yaml)
		stdout, stderr, code := runGuarded(t, "check", flawedExample, "--as-of", asOf, "--config", p)
		if code != 2 || stdout != "" || !strings.Contains(stderr, bad.where) || !strings.Contains(stderr, bad.reason) {
			t.Errorf("%s: exit %d, stderr %q", name, code, stderr)
		}
	}
}
