package cli_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// readinessSection returns the text from the readiness heading on.
func readinessSection(t *testing.T, out string) string {
	t.Helper()
	i := strings.Index(out, "Readiness: obligations starting by ")
	if i < 0 {
		t.Fatalf("no readiness section in:\n%s", out)
	}
	return out[i:]
}

// The app is substantially modified on 2028-02-01 (examples/companion-app-modified): checked on 2027-06-01, the CRA
// product requirements start within 12 months, judged as of that day, while Art. 14 reporting already applies.
func TestReadinessListsObligationsStartingWithinAYear(t *testing.T) {
	dir := filepath.Join("..", "..", "examples", "companion-app-modified")
	out, errOut, code := run(t, "check", dir, "--as-of", "2027-06-01", "--readiness", "--fail-on", "none", "--color", "never")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	section := readinessSection(t, out)
	for _, want := range []string{
		"Readiness: obligations starting by 2028-06-01",
		"CRA-AI-P1-1 CRA Annex I Part I (1) (Appropriate cybersecurity based on risk): not ready (insufficient evidence) from 2028-02-01",
		"annexlint.yaml:41:1 error AL-PDE-001: insufficient evidence: the manifest lists no applicability matrix",
		"vulnerabilities/vf-service-app.vex.cdx.json:88:5 error AL-VEX-004: CVE-2025-8916",
	} {
		if !strings.Contains(section, want) {
			t.Errorf("readiness section lacks %q:\n%s", want, section)
		}
	}
	for _, notWanted := range []string{
		"CRA-ART14-1 ",   // applies already on 2027-06-01 (reporting, from 2026-09-11)
		"BSI-TR-03183-2", // a reference, not an obligation
	} {
		if strings.Contains(section, notWanted) {
			t.Errorf("readiness section lists %q, which is not an obligation starting later:\n%s", notWanted, section)
		}
	}
}

// The app placed in 2024 and never modified stays a legacy product: nothing new starts.
func TestReadinessNothingStarts(t *testing.T) {
	dir := filepath.Join("..", "..", "examples", "companion-app")
	out, errOut, code := run(t, "check", dir, "--as-of", "2027-01-15", "--readiness", "--color", "never")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if section := readinessSection(t, out); !strings.Contains(section, "no obligation cited by the rules starts within 12 months") {
		t.Errorf("readiness section:\n%s", section)
	}
}

func TestReadinessIsTextOnly(t *testing.T) {
	dir := filepath.Join("..", "..", "examples", "companion-app")
	_, errOut, code := run(t, "check", dir, "--as-of", "2027-01-15", "--readiness", "--format", "json")
	if code != 2 || !strings.Contains(errOut, "--readiness is shown in text output only") {
		t.Errorf("exit %d, stderr %q; want exit 2 and the reason", code, errOut)
	}
}

// Several bundles, checked in parallel: one section each, in the order of the bundles.
func TestReadinessSeveralBundles(t *testing.T) {
	app := filepath.Join("..", "..", "examples", "companion-app")
	modified := filepath.Join("..", "..", "examples", "companion-app-modified")
	out, errOut, code := run(t, "check", modified, app, "--as-of", "2027-06-01", "--readiness", "--fail-on", "none", "--color", "never")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	first := strings.Index(out, "examples/companion-app, as of 2027-06-01)")
	second := strings.Index(out, "examples/companion-app-modified, as of 2027-06-01)")
	if first < 0 || second < 0 || first > second {
		t.Errorf("want the sections of companion-app then companion-app-modified, got positions %d and %d:\n%s", first, second, out)
	}
}
