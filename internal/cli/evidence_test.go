package cli_test

import (
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
		"security/gspr-matrix.yaml:12:17: changed: ifu/security-information.yaml (GSPR 14.2(d)) records sha256 013e0113",
		"security/gspr-matrix.yaml:40:9: no hash: security/risk-file.yaml (GSPR 18.8)",
		"security/gspr-matrix.yaml:48:9: missing: ../shared/ifu-chapter-11.pdf (GSPR 23.4(ab)) is not a file in the bundle",
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
	got := readFile(t, matrix)
	oldLines, newLines := strings.Split(old, "\n"), strings.Split(got, "\n")
	// Every old line is still there, in order, apart from the two changed hashes.
	j, replaced := 0, 0
	for _, line := range oldLines {
		for j < len(newLines) && newLines[j] != line {
			if strings.Contains(line, "013e011331acfc83") && strings.Contains(newLines[j], "sha256: 759d6c36") {
				replaced++
				break
			}
			if !strings.Contains(newLines[j], "reviewed_") && !strings.Contains(newLines[j], "sha256: 85b22705") {
				t.Errorf("unexpected new line %q", newLines[j])
			}
			j++
		}
		j++
	}
	if replaced != 2 {
		t.Errorf("%d hashes replaced in place, want 2:\n%s", replaced, got)
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
		"clean bundle":            {[]string{"evidence", cleanExample}, 0, "14 current"},
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
