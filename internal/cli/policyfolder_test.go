package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCustomPolicyCannotTouchBuiltinPackages: a custom module that defines
// or extends a package of the built-in set would change the built-in
// verdict silently (redefining lib.file_exists) or forge findings under a
// built-in rule's ID. Each is refused with exit 2, naming file and package.
func TestCustomPolicyCannotTouchBuiltinPackages(t *testing.T) {
	t.Parallel()
	cases := map[string]struct{ src, want string }{
		"library redefined": {
			"package annexlint.lib\n\nfile_exists(_) := true\n",
			"package annexlint.lib belongs to the built-in policies",
		},
		"library sub-package": {
			"package annexlint.lib.extra\n\nx := 1\n",
			"package annexlint.lib.extra belongs to the built-in policies (annexlint.lib)",
		},
		"built-in rule package, no METADATA": {
			"package annexlint.rules.risk[\"interface-threat-coverage\"]\n\nreport contains {\"path\": \"annexlint.yaml\", \"message\": \"FORGED\"}\n",
			`package annexlint.rules.risk["interface-threat-coverage"] belongs to the built-in policies`,
		},
		"library reached through a rule head": {
			"package annexlint\n\nlib.has_text(_, _) := true\n",
			"rule lib.has_text in package annexlint would define data in annexlint.lib",
		},
		"built-in rule reached through a rule head": {
			"package annexlint.rules\n\nrisk[\"interface-threat-coverage\"].report contains \"x\"\n",
			`would define data in annexlint.rules.risk["interface-threat-coverage"]`,
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir, file := writePolicy(t, c.src)
			stdout, stderr, code := runGuarded(t, "check", flawedExample, "--as-of", asOf, "--policy", dir)
			if code != 2 || stdout != "" {
				t.Errorf("exit %d, stdout %.200q; want exit 2 and no report", code, stdout)
			}
			if !strings.Contains(stderr, file+":") || !strings.Contains(stderr, c.want) {
				t.Errorf("stderr does not name %s and %q:\n%s", file, c.want, stderr)
			}
		})
	}
}

// TestCustomPolicyMayUseOwnAreaPackages: a custom rule beside the built-in
// ones in an area, importing the library, still loads.
func TestCustomPolicyMayUseOwnAreaPackages(t *testing.T) {
	t.Parallel()
	dir, _ := writePolicy(t, strings.Replace(customPolicy(`false`), `custom["x"]`, `risk["my-own-check"]`, 1))
	_, stderr, code := runGuarded(t, "check", cleanExample, "--as-of", asOf, "--policy", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
}

// TestCustomPolicyFolderLinksOut: a .rego link to a file outside the folder
// (the environment, a secret) is refused without reading it, so no parse
// error can echo its content.
func TestCustomPolicyFolderLinksOut(t *testing.T) {
	t.Parallel()
	secret := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(secret, []byte("AWS_SECRET=hunter2-do-not-echo\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"secret": secret, "zero": "/dev/zero", "environ": "/proc/self/environ"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if err := os.Symlink(target, filepath.Join(dir, "x.rego")); err != nil {
				t.Skip(err)
			}
			stdout, stderr, code := runGuarded(t, "check", cleanExample, "--as-of", asOf, "--policy", dir)
			if code != 2 || stdout != "" {
				t.Errorf("exit %d; want 2", code)
			}
			if !strings.Contains(stderr, "x.rego") || !strings.Contains(stderr, "outside") {
				t.Errorf("stderr does not say x.rego leads outside the folder:\n%s", stderr)
			}
			if strings.Contains(stderr, "hunter2") || strings.Contains(stderr, "PATH=") {
				t.Errorf("stderr echoes the linked file:\n%s", stderr)
			}
		})
	}
}

// TestCustomPolicyFolderTooLarge: each .rego file is size-bounded.
func TestCustomPolicyFolderTooLarge(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	big := "package big\n\n# " + strings.Repeat("x", 5<<20) + "\n"
	writeFile(t, filepath.Join(dir, "big.rego"), big)
	_, stderr, code := runGuarded(t, "check", cleanExample, "--as-of", asOf, "--policy", dir)
	if code != 2 || !strings.Contains(stderr, "big.rego") || !strings.Contains(stderr, "over the limit") {
		t.Errorf("exit %d, stderr:\n%.500s", code, stderr)
	}
}
