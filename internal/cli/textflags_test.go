package cli_test

import (
	"regexp"
	"strings"
	"testing"
)

var regexpTime = regexp.MustCompile(`rules applicable in [0-9.]+(ms|s)`)

// TestTextFlags: colour only when asked for (the test's stdout is no
// terminal) and never under NO_COLOR, compact clause IDs by default, full
// citations with --verbose, findings only with --quiet, and no time taken
// outside a terminal (so reports stay byte-identical).
func TestTextFlags(t *testing.T) {
	check := func(extra ...string) string {
		t.Helper()
		out, errOut, code := run(t, append([]string{"check", flawedExample, "--as-of", asOf, "--fail-on", "none"}, extra...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		return out
	}
	t.Setenv("NO_COLOR", "")
	plain := check()
	if strings.Contains(plain, "\x1b") {
		t.Error("--color auto coloured output that is not a terminal")
	}
	// Which clauses a rule cites is the rules' business; how they are
	// cited is the writer's.
	if !strings.Contains(plain, "\n    legal basis: MDR-AI-17.2") || strings.Contains(plain, "[MDR-AI-17.2]") {
		t.Error("clauses are not cited by ID only by default")
	}
	if !strings.Contains(plain, "\n  27 |     - id: IF-BLE\n     |       ^\n") {
		t.Errorf("the finding at annexlint.yaml:27:7 does not show its line and a caret:\n%.3000s", plain)
	}
	if regexpTime.MatchString(plain) {
		t.Error("the time taken is printed outside a terminal")
	}
	if !strings.Contains(check("--color", "always"), "\x1b[1;31merror\x1b[0m") {
		t.Error("--color always did not colour")
	}
	if strings.Contains(check("--color", "never"), "\x1b") {
		t.Error("--color never coloured")
	}
	verbose := check("--verbose")
	if !strings.Contains(verbose, "\n    legal basis: MDR Annex I 17.2 [MDR-AI-17.2]") {
		t.Error("--verbose does not cite clauses in full")
	}
	quiet := check("--quiet")
	for i, l := range strings.Split(strings.TrimSuffix(quiet, "\n"), "\n") {
		if i == 0 && !strings.HasPrefix(l, "regime as of "+asOf+": ") || i > 0 && !strings.Contains(l, ": error AL-") && !strings.Contains(l, ": warning AL-") && !strings.Contains(l, ": note AL-") {
			t.Errorf("--quiet line %d is not the regime or a finding: %q", i+1, l)
		}
	}
	t.Setenv("NO_COLOR", "1")
	if strings.Contains(check("--color", "always"), "\x1b") {
		t.Error("coloured although NO_COLOR is set")
	}
}

func TestTextFlagErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--color", "sometimes"}, `unknown --color "sometimes"`},
		{[]string{"--quiet", "--verbose"}, "--quiet and --verbose exclude each other"},
	} {
		_, errOut, code := run(t, append([]string{"check", cleanExample, "--as-of", asOf}, tc.args...)...)
		if code != 2 || !strings.Contains(errOut, tc.msg) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errOut, tc.msg)
		}
	}
}

// TestErrorsAreCleaned: an error message that quotes input carries no
// control characters to the terminal.
func TestErrorsAreCleaned(t *testing.T) {
	t.Parallel()
	_, errOut, code := run(t, "check", cleanExample, "--as-of", asOf, "--policy", "no\x1b[2Jsuch\u202Edir")
	if code != 2 || strings.ContainsAny(errOut, "\x1b\u202E") || !strings.Contains(errOut, `no\x1b[2Jsuch\u202edir`) {
		t.Errorf("exit %d, stderr %q; want 2 and the escape shown escaped", code, errOut)
	}
}
