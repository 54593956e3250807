package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// ruleMeta is complete package METADATA for a custom rule.
const ruleMeta = `# METADATA
# title: Custom probe
# description: A custom rule used by the sandbox tests.
# scope: package
# custom:
#   id: ACME-CUSTOM-001
#   severity: error
#   clauses:
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#   remediation: Remove the probe.
`

func customPolicy(body string) string {
	return ruleMeta + `package annexlint.rules.custom["x"]

import data.annexlint.lib

report contains lib.finding(lib.manifest_path, "/product", "custom probe fired") if {
	` + body + `
}
`
}

// writePolicy puts src where --policy DIR expects a rule and returns DIR
// and the file's path as messages name it.
func writePolicy(t *testing.T, src string) (dir, file string) {
	t.Helper()
	dir = t.TempDir()
	writeFile(t, filepath.Join(dir, "custom", "x", "x.rego"), src)
	return dir, filepath.ToSlash(dir) + "/custom/x/x.rego"
}

// TestCustomPolicySandbox runs custom rule sets through the command: each
// must stop with exit 2 and a message naming the file and the reason,
// before or while evaluating, and promptly.
func TestCustomPolicySandbox(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		src  string
		args []string
		want []string // in stderr; "FILE" stands for the policy file
	}{
		"network: http.send": {
			src:  customPolicy(`http.send({"method": "GET", "url": "https://example.com/"}).status_code == 200`),
			want: []string{"FILE:", "built-in http.send is not allowed in annexlint policies (network access)"},
		},
		"network: net.lookup_ip_addr": {
			src:  customPolicy(`count(net.lookup_ip_addr("example.com")) > 0`),
			want: []string{"FILE:", "built-in net.lookup_ip_addr is not allowed", "network access"},
		},
		"environment: opa.runtime": {
			src:  customPolicy(`opa.runtime().config != {}`),
			want: []string{"FILE:", "built-in opa.runtime is not allowed", "access to the environment"},
		},
		"environment variables": {
			src:  customPolicy(`startswith(opa.runtime().env.HOME, "/")`),
			want: []string{"FILE:", "built-in opa.runtime is not allowed", "access to the environment"},
		},
		"clock: time.now_ns": {
			src:  customPolicy(`time.now_ns() > 0`),
			want: []string{"FILE:", "built-in time.now_ns is not allowed", "wall clock"},
		},
		"file outside the bundle through a schema $ref": {
			src:  customPolicy(`[ok, _] := json.match_schema({}, {"$ref": "file:///etc/passwd"}); ok`),
			want: []string{"FILE:", "built-in json.match_schema is not allowed", "file://"},
		},
		"endless combinatorial loop": {
			src: customPolicy(`some a in numbers.range(1, 1000000)
	some b in numbers.range(1, 1000000)
	a * b < 0`),
			args: []string{"--timeout", "1s"},
			want: []string{"policy evaluation stopped after 1s (time limit); a rule loops or is too costly", "ACME-CUSTOM-001"},
		},
		"exploding comprehension": {
			src:  customPolicy(`count({x | some a in numbers.range(1, 10000); some b in numbers.range(1, 10000); x := a * b}) < 0`),
			args: []string{"--timeout", "1s"},
			want: []string{"stopped after 1s (time limit)", "ACME-CUSTOM-001"},
		},
		"missing METADATA": {
			src:  strings.TrimPrefix(customPolicy(`true`), ruleMeta),
			want: []string{"FILE:", "has no package-scoped METADATA block"},
		},
		"incomplete METADATA": {
			src:  strings.Replace(customPolicy(`true`), "#   severity: error\n", "", 1),
			want: []string{"FILE:", `custom.severity "" must be error, warning or note`},
		},
		"syntax error": {
			src:  customPolicy(`input.x ==`),
			want: []string{"FILE:"},
		},
		"built-in ID namespace": {
			src:  strings.Replace(customPolicy(`true`), "ACME-CUSTOM-001", "AL-CUSTOM-001", 1),
			want: []string{"FILE:", `custom.id "AL-CUSTOM-001" uses the AL- prefix, which is reserved for annexlint's built-in rules`},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir, file := writePolicy(t, tc.src)
			start := time.Now()
			stdout, stderr, code := runGuarded(t, append([]string{"check", cleanExample, "--as-of", asOf, "--policy", dir}, tc.args...)...)
			took := time.Since(start)
			t.Logf("exit %d in %s, stderr: %s", code, took.Round(time.Millisecond), stderr)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if stdout != "" {
				t.Errorf("stdout holds output: %.300s", stdout)
			}
			for _, w := range tc.want {
				w = strings.ReplaceAll(w, "FILE", file)
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not contain %q:\n%s", w, stderr)
				}
			}
			if took > 10*time.Second {
				t.Errorf("took %s; a 1s time limit must stop a run within seconds", took)
			}
		})
	}
}

// TestCustomPolicyRuns is the control for the sandbox cases: the same
// layout with a harmless body loads, runs and reports its finding.
func TestCustomPolicyRuns(t *testing.T) {
	t.Parallel()
	dir, _ := writePolicy(t, customPolicy(`input.manifest.content.product.framework == "MDR"`))
	stdout, stderr, code := runGuarded(t, "check", cleanExample, "--as-of", asOf, "--policy", dir, "--format", "json")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (the custom rule's finding is an error); stderr %s", code, stderr)
	}
	var rep struct {
		Findings []struct {
			RuleID  string `json:"rule_id"`
			Message string `json:"message"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	// Only the custom rule's findings matter here; the built-in rules may
	// have their own view of the example.
	var custom []string
	for _, f := range rep.Findings {
		if f.RuleID == "ACME-CUSTOM-001" {
			custom = append(custom, f.Message)
		}
	}
	if len(custom) != 1 || custom[0] != "custom probe fired" {
		t.Errorf("custom findings = %q, want the one probe", custom)
	}
}
