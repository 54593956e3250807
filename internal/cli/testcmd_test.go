package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// customExample is the worked example of docs/custom-policies.md.
var customExample = filepath.Join("..", "..", "examples", "custom-policies")

const exampleTest = "acme/wireless-interface-described/wireless_interface_described_test.rego"

// TestCustomPolicyExampleTestsPass runs the worked example's Rego tests
// through the command, as CI and the guide do.
func TestCustomPolicyExampleTestsPass(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := runGuarded(t, "test", customExample)
	if code != 0 || stdout != "PASS: 4/4\n" {
		t.Fatalf("exit %d, stdout %q, stderr %s; want exit 0 and PASS: 4/4", code, stdout, stderr)
	}
	stdout, _, code = runGuarded(t, "test", "-v", customExample)
	if code != 0 {
		t.Fatalf("-v: exit %d", code)
	}
	for _, name := range []string{"test_fail_bluetooth_without_description", "test_fail_placeholder_is_no_description",
		"test_success_described_radio", "test_success_no_radio_nothing_examined"} {
		if !strings.Contains(stdout, `data.annexlint.rules.acme["wireless-interface-described_test"].`+name+": PASS\n") {
			t.Errorf("-v does not list %s as passed:\n%s", name, stdout)
		}
	}
	if !strings.Contains(stdout, filepath.ToSlash(customExample)+"/"+exampleTest+":7:\n") {
		t.Errorf("-v does not give the tests' file:line:\n%s", stdout)
	}
}

// TestCustomPolicyExampleChecks: the example rule loads beside the built-in
// set, stays quiet on the compliant example and reports a radio interface
// whose description is a placeholder, at its line in the manifest.
func TestCustomPolicyExampleChecks(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := runGuarded(t, "check", cleanExample, "--as-of", asOf, "--policy", customExample, "--fail-on", "note", "-q")
	if code != 0 || strings.Contains(stdout, "ACME-NET-001") {
		t.Fatalf("exit %d on the compliant example:\n%s%s", code, stdout, stderr)
	}
	dir := filepath.Join(t.TempDir(), "pump")
	copyFiles(t, cleanExample, dir, bundleFiles(t, cleanExample))
	replaceIn(t, filepath.Join(dir, "annexlint.yaml"),
		"description: Used by biomedical engineering with the VF Service app for diagnostics; off by default.",
		"description: TODO")
	stdout, _, code = runGuarded(t, "check", dir, "--as-of", asOf, "--policy", customExample, "-q")
	line := 1 + strings.Count(strings.Split(readFile(t, filepath.Join(dir, "annexlint.yaml")), "- id: IF-BLE")[0], "\n")
	want := fmt.Sprintf("annexlint.yaml:%d:7: warning ACME-NET-001: bluetooth interface IF-BLE has no description of how it is secured", line)
	if code != 0 || !strings.Contains(stdout, want) {
		t.Errorf("exit %d; want exit 0 (a warning) and %q in:\n%s", code, want, stdout)
	}
}

// TestTestCommandReportsFailures: a failing test and one raising an error
// give exit 1, name the test's file:line, the expression that was false,
// the error and what the test printed, and count each outcome; --run
// selects tests; two runs print the same.
func TestTestCommandReportsFailures(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyFiles(t, customExample, dir, bundleFiles(t, customExample))
	file := filepath.Join(dir, filepath.FromSlash(exampleTest))
	replaceIn(t, file, "count(findings) == 1", "count(findings) == 2")
	replaceIn(t, file, "test_success_no_radio_nothing_examined if {", "test_success_no_radio_nothing_examined if {\n\tprint(\"looked at\", 1)\n\tto_number(\"x\") == 1")
	at := filepath.ToSlash(dir) + "/" + exampleTest
	stdout, stderr, code := runGuarded(t, "test", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1; stderr %s", code, stderr)
	}
	for _, want := range []string{
		at + ":19:\n" + `data.annexlint.rules.acme["wireless-interface-described_test"].test_fail_placeholder_is_no_description: FAIL` + "\n",
		"  false at " + at + ":21: count(findings) == 2\n",
		at + ":30:\n" + `data.annexlint.rules.acme["wireless-interface-described_test"].test_success_no_radio_nothing_examined: ERROR` + "\n",
		`to_number: strconv.ParseFloat: parsing "x"`,
		"  | looked at 1\n",
		"PASS: 2/4\nFAIL: 1/4\nERROR: 1/4\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "test_success_described_radio") {
		t.Errorf("without -v a passing test is listed:\n%s", stdout)
	}
	again, _, _ := runGuarded(t, "test", dir)
	if again != stdout {
		t.Errorf("two runs differ:\n%s\n---\n%s", stdout, again)
	}
	stdout, _, code = runGuarded(t, "test", dir, "--run", "described_radio$")
	if code != 0 || stdout != "PASS: 1/1\n" {
		t.Errorf("--run: exit %d, stdout %q; want exit 0 and PASS: 1/1", code, stdout)
	}
}

// TestTestCommandInputErrors: what is not a test run is exit 2 with a
// message naming what to fix, and no counts on standard output.
func TestTestCommandInputErrors(t *testing.T) {
	t.Parallel()
	rule := filepath.FromSlash("acme/wireless-interface-described/wireless_interface_described.rego")
	cases := map[string]struct {
		edit func(t *testing.T, dir string)
		args []string
		want []string // DIR stands for the folder
	}{
		"syntax error in a test": {
			edit: func(t *testing.T, dir string) {
				writeFile(t, filepath.Join(dir, "acme", "bad_test.rego"), "package acme.bad_test\n\ntest_x if {\n")
			},
			want: []string{"DIR/acme/bad_test.rego:"},
		},
		"denied built-in in a test": {
			edit: func(t *testing.T, dir string) {
				writeFile(t, filepath.Join(dir, "acme", "net_test.rego"), "package acme.net_test\n\ntest_net if http.send({\"method\": \"GET\", \"url\": \"https://example.com/\"}).status_code == 200\n")
			},
			want: []string{"DIR/acme/net_test.rego:3", "built-in http.send is not allowed in annexlint policies (network access)"},
		},
		"test redefines the library": {
			edit: func(t *testing.T, dir string) {
				writeFile(t, filepath.Join(dir, "acme", "lib_test.rego"), "package annexlint.lib\n\nhas_text(_, _) := true\n")
			},
			want: []string{"DIR/acme/lib_test.rego:1", "package annexlint.lib belongs to the built-in policies"},
		},
		"rule without METADATA": {
			edit: func(t *testing.T, dir string) {
				data, err := os.ReadFile(filepath.Join(dir, rule))
				if err != nil {
					t.Fatal(err)
				}
				_, rest, _ := strings.Cut(string(data), "package ")
				writeFile(t, filepath.Join(dir, rule), "package "+rest)
			},
			want: []string{"has no package-scoped METADATA block"},
		},
		"no test": {
			edit: func(t *testing.T, dir string) {
				if err := os.Remove(filepath.Join(dir, filepath.FromSlash(exampleTest))); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{"no test in DIR", "_test.rego"},
		},
		"--run matches nothing": {
			args: []string{"--run", "no_such_test"},
			want: []string{`no test in DIR matches --run "no_such_test"`},
		},
		"--run is no expression": {
			args: []string{"--run", "("},
			want: []string{`--run "("`},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			copyFiles(t, customExample, dir, bundleFiles(t, customExample))
			if c.edit != nil {
				c.edit(t, dir)
			}
			stdout, stderr, code := runGuarded(t, append([]string{"test", dir}, c.args...)...)
			if code != 2 || stdout != "" {
				t.Errorf("exit %d, stdout %q; want exit 2 and nothing on stdout", code, stdout)
			}
			for _, w := range c.want {
				w = strings.ReplaceAll(w, "DIR", filepath.ToSlash(dir))
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
		})
	}
	if _, stderr, code := runGuarded(t, "test"); code != 2 || !strings.Contains(stderr, "policy folder") {
		t.Errorf("no folder: exit %d, stderr %s", code, stderr)
	}
}
