package cli_test

import (
	"encoding/json"
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

// TestCustomFindingPathsStayInBundle: a custom rule's finding names a file
// by path; one outside the bundle would become a SARIF location outside
// the repository. It is a policy error, exit 2.
func TestCustomFindingPathsStayInBundle(t *testing.T) {
	t.Parallel()
	for _, p := range []string{"/etc/passwd", "../../x", "a/../../b", `C:/x`, `a\b`, "./annexlint.yaml"} {
		t.Run(p, func(t *testing.T) {
			t.Parallel()
			src := ruleMeta + `package annexlint.rules.custom["x"]

report contains {"path": ` + strconvQuote(p) + `, "pointer": "", "message": "escape"}
`
			dir, _ := writePolicy(t, src)
			stdout, stderr, code := runGuarded(t, "check", cleanExample, "--as-of", asOf, "--policy", dir, "-f", "sarif")
			if code != 2 || stdout != "" {
				t.Errorf("exit %d, stdout %.300q; want exit 2 and no report", code, stdout)
			}
			if !strings.Contains(stderr, "rule ACME-CUSTOM-001: finding path") {
				t.Errorf("stderr does not name the rule and the path:\n%s", stderr)
			}
		})
	}
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestCustomMetadataMarkdownEscaped: custom METADATA goes into SARIF
// help.markdown, which viewers render; links, images and HTML from it must
// arrive as text.
func TestCustomMetadataMarkdownEscaped(t *testing.T) {
	t.Parallel()
	src := strings.Replace(customPolicy(`false`), "# description: A custom rule used by the sandbox tests.",
		`# description: "Click [here](https://evil.example/) <img src=x onerror=alert(1)>"`, 1)
	src = strings.Replace(src, "#   remediation: Remove the probe.", "#   remediation: \"![x](https://evil.example/t.png) <script>alert(1)</script>\"", 1)
	dir, _ := writePolicy(t, src)
	stdout, stderr, code := runGuarded(t, "check", cleanExample, "--as-of", asOf, "--policy", dir, "-f", "sarif")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID   string `json:"id"`
						Help struct {
							Markdown string `json:"markdown"`
						} `json:"help"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		md := r.Help.Markdown
		switch r.ID {
		case "ACME-CUSTOM-001":
			found = true
			for _, bad := range []string{"[here](", "<img", "![x](", "<script"} {
				if strings.Contains(md, bad) {
					t.Errorf("custom help.markdown holds live %q:\n%s", bad, md)
				}
			}
			if !strings.Contains(md, `&lt;img src\=x`) {
				t.Errorf("custom help.markdown lost the text:\n%s", md)
			}
		case "AL-RISK-001":
			if !strings.Contains(md, "`") {
				t.Errorf("built-in help.markdown lost its code spans:\n%s", md)
			}
		}
	}
	if !found {
		t.Fatal("custom rule missing from SARIF rules")
	}
}
