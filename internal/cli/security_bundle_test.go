package cli_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestSecurityBundle lints annexlint's own threat model (docs/security) and
// checks that every test its verification table names still exists, so
// the evidence cannot silently rot.
func TestSecurityBundle(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "docs", "security")
	out, errOut, code := run(t, "check", dir, "--as-of", asOf, "--fail-on", "warning", "--format", "json")
	// No finding: annexlint is a CRA product not yet under the CRA's product
	// requirements (docs/security.md), and what does apply is met.
	if code != 0 || strings.Contains(out, `"rule_id": "AL-`) {
		t.Fatalf("docs/security: want no finding (exit %d):\n%s%s", code, out, errOut)
	}
	table, err := os.ReadFile(filepath.Join(dir, "verification", "tests.md"))
	if err != nil {
		t.Fatal(err)
	}
	var sources strings.Builder
	err = filepath.WalkDir(filepath.Join("..", ".."), func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if strings.HasSuffix(p, "_test.go") {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sources.Write(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	names := regexp.MustCompile("`((?:Test|Fuzz)[A-Za-z0-9_]+)`").FindAllStringSubmatch(string(table), -1)
	if len(names) == 0 {
		t.Fatal("verification table names no tests")
	}
	for _, m := range names {
		if !strings.Contains(sources.String(), "func "+m[1]+"(") {
			t.Errorf("docs/security/verification/tests.md names %s, which no test file defines", m[1])
		}
	}
}

// TestSecuritySBOMMatchesGoMod keeps the hand-maintained SBOM of annexlint's
// direct dependencies in step with go.mod.
func TestSecuritySBOMMatchesGoMod(t *testing.T) {
	t.Parallel()
	sbom, err := os.ReadFile(filepath.Join("..", "..", "docs", "security", "sbom", "annexlint.cdx.json"))
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	purls := regexp.MustCompile(`"purl": "pkg:golang/([^@"]+)@([^"]+)"`).FindAllStringSubmatch(string(sbom), -1)
	if len(purls) < 2 {
		t.Fatal("SBOM lists no Go modules")
	}
	for _, m := range purls[1:] { // the first is annexlint itself
		if !strings.Contains(string(gomod), "\t"+m[1]+" "+m[2]+"\n") {
			t.Errorf("SBOM lists %s %s, but go.mod requires another version (or none)", m[1], m[2])
		}
	}
}
