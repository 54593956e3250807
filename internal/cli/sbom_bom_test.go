package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSBOMWithByteOrderMarkKeepsPositions: sbom.Parse accepts a UTF-8
// byte-order mark in an SBOM, so findings must still land on the
// component's line, not fall back to the top of the file.
func TestSBOMWithByteOrderMarkKeepsPositions(t *testing.T) {
	t.Parallel()
	src := filepath.Join("..", "..", "examples", "infusion-pump-flawed")
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dst, "sbom", "vf300-firmware.cdx.json")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append([]byte("\xEF\xBB\xBF"), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "check", dst, "--as-of", asOf, "--fail-on", "none")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// The same lines as in EXPECTED-FINDINGS.txt of the example.
	for _, want := range []string{"vf300-firmware.cdx.json:93:5: error AL-SBOM-003", "vf300-firmware.cdx.json:163:5: error AL-SBOM-003"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
