package vuln

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/position"
)

func TestDetectFixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		kind Kind
		err  error
	}{
		{"openvex-v020.json", KindOpenVEX, nil},
		{"openvex-v001.json", KindOpenVEX, nil},
		{"openvex-invalid.json", KindOpenVEX, nil},
		{"csaf-vex.json", KindCSAFVEX, nil},
		{"csaf-vex-invalid.json", KindCSAFVEX, nil},
		{"csaf-advisory.json", "", ErrNotVEX},
		{"cyclonedx-vex.json", KindCycloneDXVEX, nil},
		{"cyclonedx-vdr.json", KindCycloneDXVDR, nil},
		{"cyclonedx-sbom.json", "", ErrNotVEX},
		{"grype.json", KindGrype, nil},
		{"trivy.json", KindTrivy, nil},
		{"osv-scanner.json", KindOSVScanner, nil},
		{"kev.json", KindKEV, nil},
		{"sarif.json", "", ErrUnsupported},
		{"malformed.json", "", ErrMalformed},
		{"unknown.json", "", ErrUnknownFormat},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			kind, err := Detect(data)
			if kind != tt.kind || !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Fatalf("Detect = %q, %v; want %q, %v", kind, err, tt.kind, tt.err)
			}
		})
	}
}

func TestDetectInline(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		data string
		kind Kind
		err  error
	}{
		{"openvex http context", `{"@context":"http://openvex.dev/ns/v0.2.0"}`, KindOpenVEX, nil},
		{"empty cyclonedx vulnerabilities is an empty VEX", `{"bomFormat":"CycloneDX","vulnerabilities":[]}`, KindCycloneDXVEX, nil},
		{"clean osv scan", `{"results":[]}`, KindOSVScanner, nil},
		{"results of other shape", `{"results":[{"x":1}]}`, "", ErrUnknownFormat},
		{"spdx", `{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT"}`, "", ErrNotVEX},
		{"dsse envelope", `{"payloadType":"application/vnd.in-toto+json","payload":""}`, "", ErrUnsupported},
		{"csaf without category", `{"document":{"csaf_version":"2.0"}}`, "", ErrNotVEX},
		{"top-level array", `[]`, "", ErrUnknownFormat},
		{"xml", `<?xml version="1.0"?><bom/>`, "", ErrMalformed},
		{"empty", "  \n", "", ErrMalformed},
		{"syntax error", "{\n  \"a\": }", "", ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			kind, err := Detect([]byte(tt.data))
			if kind != tt.kind || !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Fatalf("Detect = %q, %v; want %q, %v", kind, err, tt.kind, tt.err)
			}
			if tt.name == "syntax error" && !strings.HasPrefix(err.Error(), "line 2, column 8: invalid JSON") {
				t.Fatalf("malformed input error %q does not say where", err)
			}
		})
	}
}

// TestParseErrors checks that unreadable input is a *position.Error naming
// the file, with a line and column where the input has one.
func TestParseErrors(t *testing.T) {
	t.Parallel()
	fixture := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		name      string
		data      string
		line, col int
		msg       string
	}{
		{"trailing comma", fixture("malformed.json"), 4, 26, "invalid JSON: unexpected character '}'"},
		{"truncated", `{"a": [1, 2`, 1, 12, "the document is truncated"},
		{"empty", "", 1, 0, "file is empty"},
		{"blank", " \n", 1, 0, "file is empty"},
		{"xml", "\n  <bom/>", 2, 3, "XML is not supported"},
		{"too deep", strings.Repeat("[", maxDepth+2), 1, maxDepth + 2, "nesting deeper than 1000 levels"},
		{"trailing data", "{}\n{}", 2, 1, "after the end of the JSON document"},
		{"duplicate key", "{\"a\": 1,\n \"a\": 2}", 2, 2, "duplicate"},
		{"invalid utf-8", "{\"a\": \"\xff\"}", 1, 8, "invalid UTF-8"},
		{"byte-order mark", "\xEF\xBB\xBF{}", 1, 1, "byte-order mark"},
		{"utf-16", "\xFF\xFE{\x00}\x00", 1, 1, "UTF-16"},
		{"not json", "\n  hello", 2, 3, "not JSON"},
		{"advisory", fixture("csaf-advisory.json"), 3, 5, `CSAF category "csaf_security_advisory" is not the VEX profile (csaf_vex)`},
		{"sbom", fixture("cyclonedx-sbom.json"), 0, 0, "CycloneDX BOM has no vulnerabilities: it is an SBOM"},
		{"sarif", fixture("sarif.json"), 0, 0, "SARIF scanner output is not supported; use the scanner's JSON output"},
		{"unknown", fixture("unknown.json"), 0, 0, "not a recognised VEX, scanner or KEV document (top-level members: items, name)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, err := Parse("bundle/x.json", []byte(tt.data))
			var pe *position.Error
			if !errors.As(err, &pe) {
				t.Fatalf("Parse = %v, %v; want *position.Error", doc, err)
			}
			want := position.Pos{File: "bundle/x.json", Line: tt.line, Col: tt.col}
			if pe.Pos != want || !strings.Contains(pe.Msg, tt.msg) {
				t.Fatalf("error = %v (pos %+v); want pos %+v and message containing %q", pe, pe.Pos, want, tt.msg)
			}
		})
	}
}
