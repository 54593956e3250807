package cli_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCustomFolderWithoutRules: --policy DIR asks for checks; a folder from
// which no rule loads would give a clean report that checked nothing. Each
// such folder is an input error (exit 2) that names the folder, what it
// read, and what a rule needs.
func TestCustomFolderWithoutRules(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		files map[string]string
		want  []string // in stderr; DIR stands for the folder
	}{
		"empty folder": {
			files: nil,
			want:  []string{"--policy DIR: no rule loaded from this folder", "no .rego file"},
		},
		"tests only": {
			files: map[string]string{"acme/x/x_test.rego": "package annexlint.rules.acme[\"x_test\"]\n\ntest_x if true\n"},
			want:  []string{"--policy DIR: no rule loaded", "no .rego file"},
		},
		"helper package only": {
			files: map[string]string{"helpers.rego": "package acme.helpers\n\nanswer := 42\n"},
			want: []string{"--policy DIR: no rule loaded", "read 1 .rego file(s): helpers.rego",
				`DIR/helpers.rego:1: package acme.helpers is not a rule package annexlint.rules.<area>["<slug>"]`},
		},
		"METADATA without report": {
			files: map[string]string{"acme/x/x.rego": strings.Replace(customPolicy("true"), "report contains", "reported contains", 1)},
			want: []string{"--policy DIR: no rule loaded",
				"DIR/acme/x/x.rego:12: package annexlint.rules.custom.x has rule METADATA (ACME-CUSTOM-001) but no report set"},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			for p, src := range c.files {
				writeFile(t, filepath.Join(dir, p), src)
			}
			stdout, stderr, code := runGuarded(t, "check", cleanExample, "--as-of", asOf, "--policy", dir)
			if code != 2 || stdout != "" {
				t.Errorf("exit %d, stdout %.200q; want exit 2 and no report", code, stdout)
			}
			for _, w := range append(c.want, "custom.id", "report set", "docs/custom-policies.md") {
				w = strings.ReplaceAll(w, "DIR", filepath.ToSlash(dir))
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
		})
	}
}

// TestCustomFolderHelperBesideRule: a helper package is fine in a folder
// that also holds a rule; only a folder with no rule at all is refused.
func TestCustomFolderHelperBesideRule(t *testing.T) {
	t.Parallel()
	dir, _ := writePolicy(t, customPolicy("false"))
	writeFile(t, filepath.Join(dir, "helpers.rego"), "package acme.helpers\n\nanswer := 42\n")
	if _, stderr, code := runGuarded(t, "check", cleanExample, "--as-of", asOf, "--policy", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
}

// TestCustomRuleIDCollision: two custom rules with one ID, in two folders,
// are refused with both declarations' file:line, so the user sees which
// file to change.
func TestCustomRuleIDCollision(t *testing.T) {
	t.Parallel()
	first, firstFile := writePolicy(t, customPolicy("false"))
	second := t.TempDir()
	writeFile(t, filepath.Join(second, "other", "y", "y.rego"), strings.Replace(customPolicy("false"), `custom["x"]`, `other["y"]`, 1))
	_, stderr, code := runGuarded(t, "check", cleanExample, "--as-of", asOf, "--policy", first, "--policy", second)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	want := filepath.ToSlash(second) + "/other/y/y.rego:12: rule ID ACME-CUSTOM-001 is already declared at " + firstFile + ":12"
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
}
