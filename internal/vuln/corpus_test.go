package vuln

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/position"
)

const corpusDir = "../../../shared/corpus"

// corpusExpect is what each corpus file must do: load as a kind, or fail with
// an error whose message contains a reason.
var corpusExpect = map[string]struct {
	kind     Kind
	errLike  string // non-empty: Parse must fail with this in the message
	problems bool   // the file is INVALID per the corpus README: must have Problems
}{
	"kev/known_exploited_vulnerabilities.json": {kind: KindKEV},

	"scanners/grype/grype-image.cdx-vuln.json":          {kind: KindCycloneDXVDR},
	"scanners/grype/image.grype.json":                   {kind: KindGrype},
	"scanners/osv-scanner/test-vuln-results-a.osv.json": {kind: KindOSVScanner},
	"scanners/osv-scanner/test-vuln-results-b.osv.json": {kind: KindOSVScanner},
	"scanners/trivy/alpine-310.trivy.json":              {kind: KindTrivy},
	"scanners/trivy/debian-stretch.trivy.json":          {kind: KindTrivy},
	"scanners/trivy/gomod-vex.trivy.json":               {kind: KindTrivy},
	"scanners/trivy/spring4shell-jre11.trivy.json":      {kind: KindTrivy},

	"vex/csaf/2022-evd-uc-01-a-001.json":    {kind: KindCSAFVEX},
	"vex/csaf/2022-evd-uc-01-na-001.json":   {kind: KindCSAFVEX},
	"vex/csaf/2022-evd-uc-02-na-001.json":   {kind: KindCSAFVEX},
	"vex/csaf/2022-evd-uc-03-ms-001.json":   {kind: KindCSAFVEX},
	"vex/csaf/2022-evd-uc-08-001.json":      {kind: KindCSAFVEX},
	"vex/csaf/advisory-bsi-2022-0001.json":  {errLike: `CSAF category "csaf_security_advisory" is not the VEX profile`},
	"vex/csaf/advisory-rhsa-2021_5186.json": {errLike: `CSAF category "csaf_security_advisory" is not the VEX profile`},
	"vex/csaf/grype-testdata-csaf-vex.json": {kind: KindCSAFVEX},
	"vex/csaf/sec-vex-2022-0001.json":       {kind: KindCSAFVEX},

	"vex/cyclonedx/cisa-case1-affected.cdx.json":            {kind: KindCycloneDXVEX},
	"vex/cyclonedx/cisa-case1-fixed.cdx.json":               {kind: KindCycloneDXVEX},
	"vex/cyclonedx/cisa-case1-not_affected.cdx.json":        {kind: KindCycloneDXVEX},
	"vex/cyclonedx/cisa-case1-under_investigation.cdx.json": {kind: KindCycloneDXVEX},
	"vex/cyclonedx/cisa-case2.cdx.json":                     {kind: KindCycloneDXVEX},
	"vex/cyclonedx/cisa-case8-bom-1.cdx.json":               {errLike: "CycloneDX BOM has no vulnerabilities"},
	"vex/cyclonedx/cisa-case8-bom-2.cdx.json":               {errLike: "CycloneDX BOM has no vulnerabilities"},
	"vex/cyclonedx/cisa-case8-vex.cdx.json":                 {kind: KindCycloneDXVEX},
	"vex/cyclonedx/usecase11.cdx.json":                      {kind: KindCycloneDXVEX},
	"vex/cyclonedx/vex-pair-bom.cdx.json":                   {errLike: "CycloneDX BOM has no vulnerabilities"},
	"vex/cyclonedx/vex-pair-vex.cdx.json":                   {kind: KindCycloneDXVEX},

	"vex/openvex/demo.vex.json":               {kind: KindOpenVEX},
	"vex/openvex/document1.vex.json":          {kind: KindOpenVEX},
	"vex/openvex/document2.vex.json":          {kind: KindOpenVEX},
	"vex/openvex/grype-openvex-demo2.json":    {kind: KindOpenVEX},
	"vex/openvex/images.v001.vex.json":        {kind: KindOpenVEX, problems: true},
	"vex/openvex/sample-2vulns.openvex.json":  {kind: KindOpenVEX, problems: true},
	"vex/openvex/sample-history.openvex.json": {kind: KindOpenVEX, problems: true},
	"vex/openvex/trivy-fixture.openvex.json":  {kind: KindOpenVEX, problems: true},
	"vex/openvex/v001-1.vex.json":             {kind: KindOpenVEX, problems: true},
	"vex/openvex/v020-1.vex.json":             {kind: KindOpenVEX, problems: true},
}

// TestCorpus reads every file under the corpus's vex/, scanners/ and kev/
// directories: each must load as its expected kind or fail with an error that
// names the file and a reason. SARIF files must be rejected with the SARIF
// message (this package reads the scanners' JSON output, not SARIF).
func TestCorpus(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not available at %s: %v", corpusDir, err)
	}
	seen := 0
	for _, sub := range []string{"vex", "scanners", "kev"} {
		err := filepath.WalkDir(filepath.Join(corpusDir, sub), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(corpusDir, path)
			rel = filepath.ToSlash(rel)
			seen++
			t.Run(rel, func(t *testing.T) {
				t.Parallel()
				checkCorpusFile(t, path, rel)
			})
			return nil
		})
		if err != nil {
			t.Fatalf("walk %s: %v", sub, err)
		}
	}
	if seen < len(corpusExpect) {
		t.Errorf("walked %d files, expected at least %d", seen, len(corpusExpect))
	}
}

func checkCorpusFile(t *testing.T, path, rel string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, known := corpusExpect[rel]
	if !known && strings.HasPrefix(rel, "scanners/sarif/") {
		want.errLike = "SARIF scanner output is not supported"
		if strings.HasPrefix(filepath.Base(rel), "OLD-sarif-2.0.0") {
			want.errLike = "byte-order mark" // and a trailing comma: not JSON at all
		}
		known = true
	}
	if !known {
		t.Fatalf("%s: no expectation recorded; add it to corpusExpect", rel)
	}
	doc, err := Parse(rel, data)
	if want.errLike != "" {
		var pe *position.Error
		if !errors.As(err, &pe) {
			t.Fatalf("Parse(%s) = %v, want *position.Error containing %q", rel, err, want.errLike)
		}
		if pe.Pos.File != rel || !strings.Contains(pe.Msg, want.errLike) {
			t.Fatalf("Parse(%s) error = %q, want file %s and %q", rel, err, rel, want.errLike)
		}
		t.Logf("%s: rejected: %v", rel, err)
		return
	}
	if err != nil {
		t.Fatalf("Parse(%s): %v", rel, err)
	}
	if doc.Kind != want.kind {
		t.Fatalf("Parse(%s).Kind = %q, want %q", rel, doc.Kind, want.kind)
	}
	if want.problems && len(doc.Problems) == 0 {
		t.Errorf("%s is INVALID in the corpus README but gave no problems", rel)
	}
	if n := len(doc.Statements) + len(doc.Matches) + len(doc.KEV); n == 0 {
		t.Errorf("%s: no statements, matches or KEV entries", rel)
	}
	t.Logf("%s: kind=%s spec=%s statements=%d matches=%d kev=%d problems=%d", rel, doc.Kind, doc.SpecVersion,
		len(doc.Statements), len(doc.Matches), len(doc.KEV), len(doc.Problems))
	for _, p := range doc.Problems {
		t.Logf("  problem %s: %s", p.Loc.Pointer, p.Msg)
	}
}
