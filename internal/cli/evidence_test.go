package cli_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEvidenceDryRun lists what is out of date, exits 1, and leaves every
// file of the bundle as it was, bytes and modification time.
func TestEvidenceDryRun(t *testing.T) {
	t.Parallel()
	dir := copyBundle(t, flawedExample)
	before := snapshot(t, dir)
	// mtimes of a fresh copy can be equal to the second; make a change visible
	time.Sleep(10 * time.Millisecond)
	out, errOut, code := run(t, "evidence", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, errOut)
	}
	for _, want := range []string{
		"security/gspr-matrix.yaml:14:17: changed: ifu/security-information.yaml (GSPR 14.2(d)) records sha256 013e0113",
		"security/gspr-matrix.yaml:58:9: no hash: security/risk-file.yaml (GSPR 18.8)",
		"security/gspr-matrix.yaml:68:9: missing: ../shared/ifu-chapter-11.pdf (GSPR 23.4(ab)) is not a file in the bundle",
		"13 evidence entries in 1 matrices: 2 changed, 2 missing, 1 without a hash, 8 current",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	after := snapshot(t, dir)
	if len(after) != len(before) {
		t.Errorf("%d files before, %d after", len(before), len(after))
	}
	for p, v := range before {
		if after[p] != v {
			t.Errorf("%s changed in a dry run", p)
		}
	}
}

func TestEvidenceWrite(t *testing.T) {
	t.Parallel()
	dir := copyBundle(t, flawedExample)
	matrix := filepath.Join(dir, "security", "gspr-matrix.yaml")
	old := readFile(t, matrix)
	_, errOut, code := run(t, "evidence", dir, "--write", "--reviewed-by", "J. Doe", "--date", "2026-12-01")
	if code != 1 { // two entries name files that are not in the bundle
		t.Fatalf("exit %d, want 1: %s", code, errOut)
	}
	if n := strings.Count(errOut, "recorded sha256"); n != 3 {
		t.Errorf("%d hashes recorded, want 3:\n%s", n, errOut)
	}
	// Exactly these bytes change: the two out-of-date hashes and their
	// sign-offs in place, and the unhashed entry gets hash and sign-off
	// after its document line. Every other byte stays.
	want := strings.NewReplacer(
		"sha256: 013e011331acfc839608ea60924e39affdc3874de73c864e9aac02e8783576e8\n        reviewed_by: S. Brandt, regulatory affairs manager\n        reviewed_on: \"2026-02-16\"",
		"sha256: "+fileSHA256(t, filepath.Join(dir, "ifu", "security-information.yaml"))+"\n        reviewed_by: \"J. Doe\"\n        reviewed_on: \"2026-12-01\"",
		"      - document: security/risk-file.yaml\n        section: TH-03, TH-04\n",
		"      - document: security/risk-file.yaml\n        sha256: "+fileSHA256(t, filepath.Join(dir, "security", "risk-file.yaml"))+"\n        reviewed_by: \"J. Doe\"\n        reviewed_on: \"2026-12-01\"\n        section: TH-03, TH-04\n",
	).Replace(old)
	if want == old {
		t.Fatal("the flawed example's matrix no longer has the entries this test updates")
	}
	got := readFile(t, matrix)
	if got != want {
		t.Errorf("written matrix:\n%s\nwant:\n%s", got, want)
	}
	if n := strings.Count(got, `reviewed_by: "J. Doe"`); n != 3 {
		t.Errorf("%d reviewed_by lines, want 3", n)
	}
	res, _, _ := run(t, "check", dir, "--as-of", asOf, "--fail-on", "none", "--quiet")
	for _, rule := range []string{"AL-GSPR-003", "AL-GSPR-004"} {
		if strings.Contains(res, rule) {
			t.Errorf("after --write, check still reports %s:\n%s", rule, res)
		}
	}
	if strings.Contains(res, "gspr-matrix.yaml") && strings.Contains(res, "AL-SCHEMA-001") && strings.Contains(res, "gspr-evidence-matrix schema") {
		t.Errorf("the written matrix does not match its schema:\n%s", res)
	}
}

func TestEvidenceUsage(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		args []string
		code int
		want string
	}{
		"clean bundle":            {[]string{"evidence", cleanExample}, 0, "16 current"},
		"reviewer without write":  {[]string{"evidence", cleanExample, "--reviewed-by", "J. Doe"}, 2, "add --write"},
		"date without reviewer":   {[]string{"evidence", cleanExample, "--write", "--date", "2026-12-01"}, 2, "--date needs --reviewed-by"},
		"bad date":                {[]string{"evidence", cleanExample, "--write", "--reviewed-by", "J. Doe", "--date", "1.12.2026"}, 2, "YYYY-MM-DD"},
		"no bundle":               {[]string{"evidence", "no-such-bundle"}, 2, "no-such-bundle"},
		"bundle without a matrix": {[]string{"evidence", "../../examples/empty-cra-default"}, 2, "lists no GSPR evidence matrix"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			out, errOut, code := run(t, tc.args...)
			if code != tc.code || !strings.Contains(out+errOut, tc.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d and %q", code, out, errOut, tc.code, tc.want)
			}
		})
	}
}

// fileSHA256 is the hex SHA-256 of a file: the value evidence --write must
// record for it, whatever the example's file holds today.
func fileSHA256(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
