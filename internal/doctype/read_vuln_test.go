package doctype

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/vuln"
)

const (
	openvexDoc = `{
  "@context": "https://openvex.dev/ns/v0.2.0",
  "@id": "https://example.com/vex/1",
  "author": "PSIRT",
  "timestamp": "2026-11-21T10:15:00Z",
  "version": 1,
  "statements": [
    {
      "vulnerability": {"name": "CVE-2025-27809"},
      "products": [{"@id": "pkg:github/Mbed-TLS/mbedtls@v3.6.2"}],
      "status": "not_affected",
      "justification": "vulnerable_code_not_in_execute_path"
    },
    {
      "vulnerability": {"name": "CVE-2025-27810"},
      "products": [{"@id": "pkg:github/Mbed-TLS/mbedtls@v3.6.2"}],
      "status": "affected"
    }
  ]
}`
	grypeDoc = `{"matches": [{"vulnerability": {"id": "CVE-2025-27809", "severity": "Medium"},
  "artifact": {"name": "mbedtls", "version": "3.6.2", "type": "UnknownPackage", "purl": "pkg:github/Mbed-TLS/mbedtls@v3.6.2"}}],
  "source": {"type": "sbom", "target": "sbom/fw.cdx.json"},
  "descriptor": {"name": "grype", "version": "0.92.2", "timestamp": "2026-11-20T05:12:43Z"}}`
	trivyDoc = `{"SchemaVersion": 2, "CreatedAt": "2026-11-19T02:00:13+01:00", "ArtifactName": "app.cdx.json",
  "Results": [{"Target": "Java", "Type": "jar", "Vulnerabilities": [{"VulnerabilityID": "CVE-2025-8916",
  "PkgName": "org.bouncycastle:bcprov-jdk18on", "InstalledVersion": "1.78.1", "Severity": "MEDIUM"}]}]}`
	osvDoc = `{"results": [{"source": {"path": "/app/gradle.lockfile", "type": "lockfile"}, "packages": [
  {"package": {"name": "org.bouncycastle:bcprov-jdk18on", "version": "1.78.1", "ecosystem": "Maven"},
   "vulnerabilities": [{"id": "CVE-2025-8916", "aliases": []}], "groups": [{"ids": ["CVE-2025-8916"]}]}]}]}`
	kevDoc = `{"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.11.24",
  "dateReleased": "2026-11-24T16:02:11.0000Z", "count": 1, "vulnerabilities": [{"cveID": "CVE-2023-4863",
  "vendorProject": "Google", "product": "Chromium WebP", "vulnerabilityName": "Google Chromium WebP Heap-Based Buffer Overflow Vulnerability",
  "dateAdded": "2023-09-13", "shortDescription": "x", "requiredAction": "y", "dueDate": "2023-10-04",
  "knownRansomwareCampaignUse": "Unknown", "notes": "", "cwes": ["CWE-787"]}]}`
	sbomDoc = `{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": []}`
)

func TestReadVulnRoutesByType(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, docType, data string
		kind                vuln.Kind
		timestampField      string // "" when the format has none
		errContains         string
	}{
		{name: "openvex as vex", docType: "vex", data: openvexDoc, kind: vuln.KindOpenVEX, timestampField: "timestamp"},
		{name: "grype as scan", docType: "vulnerability-scan", data: grypeDoc, kind: vuln.KindGrype, timestampField: "descriptor.timestamp"},
		{name: "trivy as scan", docType: "vulnerability-scan", data: trivyDoc, kind: vuln.KindTrivy, timestampField: "CreatedAt"},
		{name: "osv-scanner as scan", docType: "vulnerability-scan", data: osvDoc, kind: vuln.KindOSVScanner},
		{name: "kev as kev-catalog", docType: "kev-catalog", data: kevDoc, kind: vuln.KindKEV, timestampField: "dateReleased"},
		{name: "grype listed as vex", docType: "vex", data: grypeDoc, errContains: "document is a Grype report, but the manifest lists it as vex, which holds a VEX document (OpenVEX, CSAF VEX or CycloneDX VEX); list it as type vulnerability-scan"},
		{name: "openvex listed as kev-catalog", docType: "kev-catalog", data: openvexDoc, errContains: "list it as type vex"},
		{name: "kev listed as scan", docType: "vulnerability-scan", data: kevDoc, errContains: "list it as type kev-catalog"},
		{name: "sbom without vulnerabilities listed as vex", docType: "vex", data: sbomDoc, errContains: "the manifest lists it as vex"},
		{name: "xml", docType: "vex", data: "<bom/>", errContains: "XML is not supported"},
		{name: "empty", docType: "kev-catalog", data: " \n", errContains: "file is empty"},
		{name: "malformed", docType: "vex", data: `{"statements": [}`, errContains: "vex.json:1:"},
	}
	readers := map[string]Reader{"vex": vexType.read, "vulnerability-scan": scanType.read, "kev-catalog": kevType.read}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d, err := readers[tt.docType]("vulns/vex.json", []byte(tt.data), docparse.Limits{})
			content, loc := d.Content, d.Source
			if tt.errContains != "" {
				var pe *position.Error
				if err == nil || !errors.As(err, &pe) {
					t.Fatalf("err = %v, want a *position.Error", err)
				}
				if pe.Pos.File != "vulns/vex.json" || !strings.Contains(err.Error(), tt.errContains) {
					t.Fatalf("err = %q, want it in vulns/vex.json and containing %q", err, tt.errContains)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			m := content.(map[string]any)
			if got := vuln.Kind(m["kind"].(string)); got != tt.kind {
				t.Errorf("kind = %q, want %q", got, tt.kind)
			}
			if where := findLoc("", m); where != "" {
				t.Errorf("content holds position data at %s; it belongs in the source map", where)
			}
			ts, _ := m["timestamp_source"].(map[string]any)
			if field, _ := ts["field"].(string); field != tt.timestampField {
				t.Errorf("timestamp_source.field = %q, want %q", field, tt.timestampField)
			}
			if p := loc.Pos(""); p.File != "vulns/vex.json" || p.Line != 1 {
				t.Errorf("root resolves to %v", p)
			}
		})
	}
}

// TestReadVulnPointsIntoTheFile checks that pointers into the normalised
// model land on the original members: statements, problems and the
// document's timestamp.
func TestReadVulnPointsIntoTheFile(t *testing.T) {
	t.Parallel()
	d, err := vexType.read("vex.json", []byte(openvexDoc), docparse.Limits{})
	content, loc := d.Content, d.Source
	if err != nil {
		t.Fatal(err)
	}
	problems := content.(map[string]any)["problems"].([]any)
	if len(problems) != 1 || problems[0].(map[string]any)["code"] != vuln.ProblemAffectedNoAction {
		t.Fatalf("problems = %v, want the missing action statement only", problems)
	}
	tests := []struct {
		pointer   string
		line, col int
	}{
		{"/statements/0", 8, 5},
		{"/statements/1", 14, 5},
		{"/statements/1/products/0", 16, 20},
		{"/problems/0", 14, 5},
		{"/timestamp_source", 5, 3},
		{"/no/such/member", 1, 1},
	}
	for _, tt := range tests {
		if p := loc.Pos(tt.pointer); p.Line != tt.line || p.Col != tt.col {
			t.Errorf("Pos(%q) = %d:%d, want %d:%d", tt.pointer, p.Line, p.Col, tt.line, tt.col)
		}
	}
}

// TestDocumentValidSkipsOnlyProblemsOtherRulesReport pins the problem codes
// that rule AL-VEX-001 leaves to AL-VEX-003 and AL-VEX-004: each must still
// be a code the vuln package gives, or the same fault would be reported
// twice.
func TestDocumentValidSkipsOnlyProblemsOtherRulesReport(t *testing.T) {
	t.Parallel()
	rule, err := os.ReadFile(filepath.Join("..", "..", "policies", "annexlint", "rules", "vex", "document-valid", "document_valid.rego"))
	if err != nil {
		t.Fatal(err)
	}
	set := regexp.MustCompile(`(?s)_reported_elsewhere\(problem\) if problem\.code in \{(.*?)\}`).FindSubmatch(rule)
	if set == nil {
		t.Fatal("no set of skipped problem codes in the rule")
	}
	codes := regexp.MustCompile(`"([^"]+)"`).FindAllSubmatch(set[1], -1)
	if len(codes) != 4 {
		t.Fatalf("found %d skipped codes in the rule, want 4", len(codes))
	}
	given := map[string]bool{}
	for _, f := range []string{"openvex-invalid.json", "csaf-vex-invalid.json"} {
		data, err := os.ReadFile(filepath.Join("..", "vuln", "testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := vuln.Parse(f, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range doc.Problems {
			given[p.Code] = true
		}
	}
	for _, c := range codes {
		if !given[string(c[1])] {
			t.Errorf("no problem of the vuln package has code %q any more; update document_valid.rego", c[1])
		}
	}
}

func FuzzReadVuln(f *testing.F) {
	for _, s := range []string{openvexDoc, grypeDoc, trivyDoc, osvDoc, kevDoc, sbomDoc, "{}", "[]", `{"statements": null}`} {
		f.Add([]byte(s))
	}
	if files, err := filepath.Glob(filepath.Join("..", "vuln", "testdata", "*.json")); err == nil {
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, read := range []Reader{vexType.read, scanType.read, kevType.read} {
			d, err := read("fuzz.json", data, docparse.Limits{})
			content, loc := d.Content, d.Source
			if err != nil {
				if content != nil || loc != nil {
					t.Fatal("content or locator returned with an error")
				}
				continue
			}
			if where := findLoc("", content); where != "" {
				t.Fatalf("content holds position data at %s", where)
			}
			for _, ptr := range []string{"", "/statements/0", "/matches/0", "/kev/0", "/problems/0", "/timestamp_source"} {
				if p := loc.Pos(ptr); p.File != "fuzz.json" || p.Line < 1 {
					t.Fatalf("Pos(%q) = %v", ptr, p)
				}
			}
		}
	})
}

// findLoc returns the pointer of the first "loc" member in v, or "".
func findLoc(ptr string, v any) string {
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v["loc"]; ok {
			return ptr + "/loc"
		}
		for k, x := range v {
			if w := findLoc(docparse.Pointer(ptr, k), x); w != "" {
				return w
			}
		}
	case []any:
		for i, x := range v {
			if w := findLoc(docparse.Index(ptr, i), x); w != "" {
				return w
			}
		}
	}
	return ""
}
