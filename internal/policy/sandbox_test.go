package policy_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/policy"
)

// customMeta is the complete package METADATA a custom rule needs, so that
// each test below fails for the reason it names and not for missing fields.
const customMeta = `# METADATA
# title: Sandbox probe
# description: A custom rule that tries something the sandbox must stop.
# scope: package
# custom:
#   id: ACME-CUSTOM-001
#   severity: warning
#   clauses:
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#   remediation: Remove the probe.
`

// customRule builds a custom rule module whose report fires when body holds.
func customRule(body string) string {
	return customMeta + `package annexlint.rules.custom["x"]

import data.annexlint.lib

report contains lib.finding(lib.manifest_path, "", "probe") if {
	` + body + `
}
`
}

func compileCustom(t *testing.T, src string) (*policy.Engine, error) {
	t.Helper()
	custom := policy.Source{Name: "custom", FS: fstest.MapFS{"custom/x/x.rego": {Data: []byte(src)}}, Custom: true}
	return policy.New(context.Background(), append(append([]policy.Source{}, builtinSource...), custom), catalog.Builtin())
}

// TestSandboxRefusesBuiltins: a custom rule set may come from a stranger, so
// every built-in that reaches the network, the environment, the clock,
// randomness or files must be refused when the policy is compiled, with a
// message that names the file, the built-in and the reason.
func TestSandboxRefusesBuiltins(t *testing.T) {
	t.Parallel()
	outside := filepath.Join(t.TempDir(), "secret.json")
	if err := os.WriteFile(outside, []byte(`{"type": "string"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct {
		body    string
		builtin string
		why     string
	}{
		"http.send": {
			`resp := http.send({"method": "GET", "url": "http://127.0.0.1:1/"}); resp.status_code == 200`,
			"http.send", "network access",
		},
		"net.lookup_ip_addr": {`count(net.lookup_ip_addr("example.com")) > 0`, "net.lookup_ip_addr", "network access"},
		"opa.runtime":        {`opa.runtime().version != ""`, "opa.runtime", "environment"},
		"environment variables": {
			`opa.runtime().env.HOME != ""`, "opa.runtime", "environment",
		},
		"time.now_ns":  {`time.now_ns() > 0`, "time.now_ns", "wall clock"},
		"rand.intn":    {`rand.intn("x", 10) == 3`, "rand.intn", "randomness"},
		"uuid.rfc4122": {`uuid.rfc4122("x") != ""`, "uuid.rfc4122", "randomness"},
		"trace":        {`trace("x")`, "trace", "tracing"},
		"json.match_schema reads file refs": {
			`[ok, _] := json.match_schema("x", {"$ref": "file://` + filepath.ToSlash(outside) + `"}); ok`,
			"json.match_schema", "file://",
		},
		"json.verify_schema reads file refs": {
			`[ok, _] := json.verify_schema({"$ref": "file://` + filepath.ToSlash(outside) + `"}); ok`,
			"json.verify_schema", "file://",
		},
		"io.jwt.decode_verify": {
			`[ok, _, _] := io.jwt.decode_verify("a.b.c", {"secret": "s"}); ok`,
			"io.jwt.decode_verify", "fetch keys",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := compileCustom(t, customRule(tc.body))
			if err == nil {
				t.Fatalf("policy using %s compiled", tc.builtin)
			}
			for _, want := range []string{"custom/custom/x/x.rego", "built-in " + tc.builtin + " is not allowed", tc.why} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error does not contain %q:\n%v", want, err)
				}
			}
		})
	}
}

// TestCapabilitiesHaveNoEscape checks the capability list itself, so that a
// new OPA version adding a built-in with side effects under a known prefix
// does not slip through unnoticed.
func TestCapabilitiesHaveNoEscape(t *testing.T) {
	t.Parallel()
	caps := policy.Capabilities()
	if caps.AllowNet == nil || len(caps.AllowNet) != 0 {
		t.Errorf("AllowNet = %#v, want an empty, non-nil list (nil allows every host)", caps.AllowNet)
	}
	forbidden := []string{"http.", "net.lookup", "opa.runtime", "time.now_ns", "rand.", "uuid.rfc4122",
		"io.jwt.verify_", "io.jwt.decode_verify", "json.match_schema", "json.verify_schema", "trace", "providers."}
	for _, b := range caps.Builtins {
		for _, f := range forbidden {
			if strings.HasPrefix(b.Name, f) {
				t.Errorf("built-in %s is available to policies", b.Name)
			}
		}
	}
	// The pure built-ins rules rely on must stay.
	have := map[string]bool{}
	for _, b := range caps.Builtins {
		have[b.Name] = true
	}
	for _, name := range []string{"count", "sprintf", "time.parse_ns", "regex.match", "object.get", "numbers.range"} {
		if !have[name] {
			t.Errorf("pure built-in %s was removed", name)
		}
	}
}

// TestSandboxRefusesRecursion: Rego has no loops, and recursion is the one
// way to write an endless one; the compiler refuses it.
func TestSandboxRefusesRecursion(t *testing.T) {
	t.Parallel()
	src := customMeta + `package annexlint.rules.custom["x"]

import data.annexlint.lib

f(n) := f(n + 1)

report contains lib.finding(lib.manifest_path, "", "probe") if f(1) > 0
`
	_, err := compileCustom(t, src)
	if err == nil || !strings.Contains(err.Error(), "recursi") {
		t.Fatalf("recursive policy: err = %v, want a recursion error", err)
	}
}

// TestTimeLimit: a rule that explodes combinatorially is stopped by the
// evaluation time limit, promptly and with a message that says why.
func TestTimeLimit(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"nested iteration": `some a in numbers.range(1, 100000)
	some b in numbers.range(1, 100000)
	a + b < 0`,
		"nested comprehensions": `n := count({1 | some a in numbers.range(1, 5000); some b in numbers.range(1, 5000); some c in numbers.range(1, 5000); a + b + c < 0})
	n > 0`,
		"huge range": `some x in numbers.range(1, 1000000000000)
	x < 0`,
		"array comprehension of 10^10 pairs": `xs := [[i, j] | some i in numbers.range(1, 100000); some j in numbers.range(1, 100000)]
	count(xs) < 0`,
	}
	input := minimalInput(t)
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			e, err := compileCustom(t, customRule(body))
			if err != nil {
				t.Fatal(err)
			}
			e.SetTimeout(time.Second)
			start := time.Now()
			_, err = e.Eval(context.Background(), input, func(r catalog.Rule) bool { return r.ID == "ACME-CUSTOM-001" })
			took := time.Since(start)
			if err == nil {
				t.Fatal("evaluation finished; want it stopped by the time limit")
			}
			if !strings.Contains(err.Error(), "stopped after 1s (time limit)") {
				t.Errorf("error does not say the time limit stopped it: %v", err)
			}
			if took > 5*time.Second {
				t.Errorf("stopping took %s; the limit was 1s", took)
			}
		})
	}
}

func minimalInput(t *testing.T) ast.Value {
	t.Helper()
	v, err := ast.ValueFromReader(strings.NewReader(`{"as_of": "2026-11-25", "manifest": {"path": "annexlint.yaml", "content": {}}, "documents": [], "files": {}}`))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestCustomRuleNeedsMetadata: a rule package without its METADATA block
// would otherwise be ignored silently (it has no ID, so it never runs).
func TestCustomRuleNeedsMetadata(t *testing.T) {
	t.Parallel()
	body := `package annexlint.rules.custom["x"]

import data.annexlint.lib

report contains lib.finding(lib.manifest_path, "", "probe") if true
`
	cases := map[string]struct {
		src  string
		want []string
	}{
		"no METADATA": {body, []string{"custom/custom/x/x.rego", "has no package-scoped METADATA"}},
		"no severity": {
			strings.Replace(customMeta, "#   severity: warning\n", "", 1) + body,
			[]string{"custom/custom/x/x.rego:", "custom.severity"},
		},
		"no clauses": {
			strings.Replace(customMeta, "#   clauses:\n#     - id: MDR-AI-17.2\n#       cite: MDR Annex I 17.2\n", "", 1) + body,
			[]string{"custom/custom/x/x.rego:", "custom.clauses"},
		},
		"bad id": {
			strings.Replace(customMeta, "ACME-CUSTOM-001", "custom-1", 1) + body,
			[]string{"custom/custom/x/x.rego:", "custom.id"},
		},
		"built-in namespace": {
			strings.Replace(customMeta, "ACME-CUSTOM-001", "AL-CUSTOM-001", 1) + body,
			[]string{"custom/custom/x/x.rego:", `custom.id "AL-CUSTOM-001" uses the AL- prefix`, "ACME-CUSTOM-001"},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := compileCustom(t, tc.src)
			if err == nil {
				t.Fatal("rule without complete metadata was accepted")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not contain %q:\n%v", w, err)
				}
			}
		})
	}
}

// TestCustomRuleRuns is the control for the tests above: the same module
// with harmless body compiles and reports.
func TestCustomRuleRuns(t *testing.T) {
	t.Parallel()
	e, err := compileCustom(t, customRule(`count(input.documents) == 0`))
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Eval(context.Background(), minimalInput(t), func(r catalog.Rule) bool { return r.ID == "ACME-CUSTOM-001" })
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Message != "probe" {
		t.Errorf("results = %+v, want the one probe finding", res)
	}
}
