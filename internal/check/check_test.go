package check_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annexlint/annexlint/internal/check"
	"github.com/annexlint/annexlint/internal/cli"
)

func dfChecker(t *testing.T) *check.Checker {
	t.Helper()
	c, err := cli.NewChecker(context.Background(), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func dfWriteBundle(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const dfManifest = `apiVersion: annexlint/v1
kind: bundle
product:
  name: Pump
  version: "1.0"
  manufacturer: {name: Example}
  framework: MDR
  classification: IIb
  placed_on_market: "2026-03-02"
  support_period_end: "2033-12-31"
  interfaces: []
documents:
  - {type: security-risk-file, path: risk.yaml}
  - {type: gspr-evidence-matrix, path: gspr.yaml}
  - {type: test-report, path: junit.xml}
  - {type: test-report, path: scan.yaml}
`

const dfRiskFile = `kind: security-risk-file
acceptance_criteria: {scale: [low, high], acceptable: [low]}
assets: []
threats:
  - id: T-1
    title: Tampering
    interfaces: []
    cvss: CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:L/I:H/A:H
    cvss_score: 9.1
    initial_risk: low
controls: []
`

const dfJUnit = `<testsuite name="s">
  <testcase name="a"/>
</testsuite>
`

// scan.yaml misses the required performed_by: a native report is validated.
const dfNativeReport = `kind: test-report
test_type: vulnerability-scan
independence: internal
end_date: "2026-01-01"
`

func dfSum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// TestRunDerivesFacts runs a bundle end to end and checks what needs Go:
// CVSS scores, evidence hashes, and schema validation of native test reports
// only (a JUnit report is not a native document).
func TestRunDerivesFacts(t *testing.T) {
	t.Parallel()
	gspr := "kind: gspr-evidence-matrix\nentries:\n  - gspr: \"17.2\"\n    evidence:\n" +
		"      - {document: risk.yaml, sha256: " + dfSum(dfRiskFile) + "}\n" +
		"      - {document: junit.xml, sha256: " + dfSum("an older report") + "}\n"
	dir := dfWriteBundle(t, map[string]string{
		"annexlint.yaml": dfManifest, "risk.yaml": dfRiskFile, "gspr.yaml": gspr, "junit.xml": dfJUnit, "scan.yaml": dfNativeReport,
	})
	res, err := dfChecker(t).Run(context.Background(), dir, check.Options{AsOf: "2026-11-25"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if f.RuleID == "AL-RISK-008" || f.RuleID == "AL-GSPR-003" || f.RuleID == "AL-SCHEMA-001" {
			got = append(got, f.RuleID+" "+f.Pos.String())
		}
	}
	sort.Strings(got)
	want := []string{
		"AL-GSPR-003 gspr.yaml:6:31",
		"AL-RISK-008 risk.yaml:9:5",
		"AL-SCHEMA-001 scan.yaml:1:1",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s\nall: %v", diff, res.Findings)
	}
}

// TestRunRefusesOversizedEvidence checks that hashing keeps to the loader's
// file size limit and reports the matrix entry.
func TestRunRefusesOversizedEvidence(t *testing.T) {
	t.Parallel()
	gspr := "kind: gspr-evidence-matrix\nentries:\n  - gspr: \"17.2\"\n    evidence:\n      - document: big.bin\n"
	dir := dfWriteBundle(t, map[string]string{
		"annexlint.yaml": dfManifest, "risk.yaml": dfRiskFile, "gspr.yaml": gspr, "junit.xml": dfJUnit,
		"scan.yaml": dfNativeReport, "big.bin": string(make([]byte, 4096)),
	})
	c, err := cli.NewChecker(context.Background(), nil, 2048)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Run(context.Background(), dir, check.Options{AsOf: "2026-11-25"})
	if err == nil || err.Error() != `gspr.yaml:5:9: evidence file "big.bin": file is 4096 bytes, over the limit of 2048 bytes (raise it with --max-file-size)` {
		t.Errorf("err = %v", err)
	}
}

// TestRunHashesOtherFiles: with HashOtherFiles the run lists every file of
// the bundle folder the manifest does not list, in path order, with its
// SHA-256 (GSPR evidence too), and a file it cannot hash with the reason
// rather than failing the run or leaving it out; without the option none.
func TestRunHashesOtherFiles(t *testing.T) {
	t.Parallel()
	dir := dfWriteBundle(t, map[string]string{
		"annexlint.yaml": dfManifest, "risk.yaml": dfRiskFile, "junit.xml": dfJUnit, "scan.yaml": dfNativeReport,
		"gspr.yaml":       "kind: gspr-evidence-matrix\nentries:\n  - gspr: \"17.2\"\n    evidence:\n      - document: notes/extra.txt\n",
		"notes/extra.txt": "x", "big.bin": string(make([]byte, 4096)),
	})
	c, err := cli.NewChecker(context.Background(), nil, 2048)
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Run(context.Background(), dir, check.Options{AsOf: "2026-11-25", HashOtherFiles: true})
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte("x"))
	var got []string
	for _, f := range res.OtherFiles {
		got = append(got, f.Path+" "+f.SHA256+" "+f.Note)
	}
	want := []string{
		"big.bin  not hashed: file is 4096 bytes, over the limit of 2048 bytes (raise it with --max-file-size)",
		"notes/extra.txt " + hex.EncodeToString(sum[:]) + " ",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("OtherFiles (-want +got):\n%s", diff)
	}
	res, err = c.Run(context.Background(), dir, check.Options{AsOf: "2026-11-25"})
	if err != nil || len(res.OtherFiles) != 0 {
		t.Errorf("without HashOtherFiles: %d other files, err %v; want none", len(res.OtherFiles), err)
	}
}
