package policy_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/annexlint/annexlint/internal/policy"
)

var updateBuiltins = flag.Bool("update-builtins", false, "rewrite testdata/builtins.txt from this OPA version")

// TestBuiltinsReviewed pins OPA's whole built-in list with annexlint's
// verdict on each. An OPA upgrade that adds a built-in (one that reads the
// clock, say, without OPA marking it nondeterministic) fails here until
// someone has looked at it and rerun with -update-builtins.
func TestBuiltinsReviewed(t *testing.T) {
	t.Parallel()
	var lines []string
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		verdict := "allowed"
		if why, denied := policy.DeniedReason(b.Name); denied {
			verdict = "denied: " + why
		}
		lines = append(lines, b.Name+"\t"+verdict)
	}
	sort.Strings(lines)
	got := strings.Join(lines, "\n") + "\n"
	golden := filepath.Join("testdata", "builtins.txt")
	if *updateBuiltins {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		have := map[string]bool{}
		for _, l := range strings.Split(string(want), "\n") {
			have[l] = true
		}
		for _, l := range lines {
			if !have[l] {
				t.Errorf("built-in not reviewed (new in this OPA, or its verdict changed): %s", l)
			}
		}
		t.Errorf("OPA's built-ins differ from %s: review each new one (does it read the clock, randomness, the environment, files or the network?), add it to deniedBuiltins if so, then run go test ./internal/policy -run TestBuiltinsReviewed -update-builtins", golden)
	}
}

// TestNondeterministicBuiltinsDenied: whatever OPA marks nondeterministic
// is refused, named or not.
func TestNondeterministicBuiltinsDenied(t *testing.T) {
	t.Parallel()
	n := 0
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		if b.Nondeterministic {
			n++
			if _, denied := policy.DeniedReason(b.Name); !denied {
				t.Errorf("nondeterministic built-in %s is allowed", b.Name)
			}
		}
	}
	if n == 0 {
		t.Fatal("OPA marks no built-in nondeterministic; the metadata this relies on has changed")
	}
}

// TestSandboxRefusesClockAndRandomness covers built-ins that read the wall
// clock or randomness without being obvious about it.
func TestSandboxRefusesClockAndRandomness(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"crypto.x509.parse_and_verify_certificates": `[ok, _] := crypto.x509.parse_and_verify_certificates("x"); ok`,
		"io.jwt.encode_sign":                        `io.jwt.encode_sign({"alg": "ES256"}, {}, {"kty": "EC", "crv": "P-256", "d": "x", "x": "x", "y": "y"}) != ""`,
		"io.jwt.encode_sign_raw":                    `io.jwt.encode_sign_raw("{}", "{}", "{}") != ""`,
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := compileCustom(t, customRule(body))
			if err == nil || !strings.Contains(err.Error(), "built-in "+name+" is not allowed") {
				t.Fatalf("err = %v, want %s refused", err, name)
			}
		})
	}
}

// TestLocalZoneIsUTC: time.clock([t, "Local"]) must not read TZ. The check
// runs in a child process started with TZ set, since time.Local is read
// once per process.
func TestLocalZoneIsUTC(t *testing.T) {
	t.Parallel()
	if os.Getenv("ANNEXLINT_TZ_CHILD") == "1" {
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLocalZoneChild$", "-test.v")
	cmd.Env = append(os.Environ(), "TZ=Asia/Kolkata", "ANNEXLINT_TZ_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "clock=[0 0 0]") {
		t.Fatalf("child: %v\n%s", err, out)
	}
}

func TestLocalZoneChild(t *testing.T) {
	if os.Getenv("ANNEXLINT_TZ_CHILD") != "1" {
		t.Skip("run by TestLocalZoneIsUTC")
	}
	rs, err := rego.New(
		rego.Query(`time.clock([0, "Local"])`),
		rego.Capabilities(policy.Capabilities()),
	).Eval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("clock=%v\n", rs[0].Expressions[0].Value)
}
