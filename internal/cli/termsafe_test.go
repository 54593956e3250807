package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// rawControl finds a control, C1 or bidi character a terminal would act on.
func rawControl(s string, allowNewline bool) (rune, bool) {
	for _, r := range s {
		if r == '\n' && allowNewline {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			return r, true
		}
	}
	return 0, false
}

// TestHostileStringsNeutralised: a bundle's strings reach the text report,
// JSON, SARIF and standard error. None may carry a raw escape sequence,
// line break, C1 control or bidi override: in a terminal they could clear
// the screen or forge a "0 error(s)" line; in JSON and SARIF they are
// written as \u escapes.
func TestHostileStringsNeutralised(t *testing.T) {
	t.Parallel()
	const name = "Pump\x1b[2J\x1b]0;pwned\x07\nannexlint: 0 error(s)\u202e\u0085"
	dir := copyBundle(t, cleanExample)
	replaceIn(t, filepath.Join(dir, "annexlint.yaml"), "  name: Vitaflo VF-300 Volumetric Infusion Pump",
		`  name: "Pump\e[2J\e]0;pwned\a\nannexlint: 0 error(s)\u202e\u0085"`)

	// The SBOM still names the pump, so AL-SBOM-010 reports the renamed product,
	// quoting the hostile name in its message too: exit 1 is expected.
	stdout, stderr, code := runGuarded(t, "check", dir, "--as-of", asOf, "--fail-on", "none")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if r, bad := rawControl(stdout, true); bad {
		t.Errorf("text report holds raw %U:\n%q", r, stdout)
	}
	for _, line := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(line, "annexlint: 0 error(s)") {
			t.Errorf("the product name forged a line of its own: %q", line)
		}
	}
	if !strings.Contains(stdout, `Pump\x1b[2J\x1b]0;pwned\x07\x0aannexlint: 0 error(s)\u202e\u0085`) {
		t.Errorf("text report does not show the name with visible escapes:\n%s", stdout)
	}

	for _, format := range []string{"json", "sarif"} {
		out, stderr, code := runGuarded(t, "check", dir, "--as-of", asOf, "-f", format, "--fail-on", "none")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		if r, bad := rawControl(out, true); bad {
			t.Errorf("%s report holds raw %U", format, r)
		}
		if !strings.Contains(out, `\u202e\u0085`) {
			t.Errorf("%s report does not escape the bidi override and C1 control", format)
		}
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Errorf("%s report is not JSON after escaping: %v", format, err)
		}
	}
	var doc struct {
		Product struct{ Name string } `json:"product"`
	}
	out, _, _ := runGuarded(t, "check", dir, "--as-of", asOf, "-f", "json")
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Product.Name != name {
		t.Errorf("JSON product name = %q (%v), want the name as written", doc.Product.Name, err)
	}

	// A manifest path holding escapes reaches standard error in an error.
	replaceIn(t, filepath.Join(dir, "annexlint.yaml"), "path: "+updatePlan, `path: "security/upd\e[31mate\u202e\0.yaml"`)
	_, stderr, code = runGuarded(t, "check", dir, "--as-of", asOf)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if r, bad := rawControl(stderr, true); bad {
		t.Errorf("stderr holds raw %U: %q", r, stderr)
	}
}
