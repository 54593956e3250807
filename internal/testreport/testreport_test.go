package testreport_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/doctype"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/testreport"
)

// readReport reads a test-report document as the bundle loader does,
// through the document type registry.
func readReport(file string, data []byte) (any, position.SourceMap, error) {
	d, err := doctype.ReadAs("test-report", file, data, docparse.Limits{})
	return d.Content, d.Source, err
}

func read(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestReadJUnit(t *testing.T) {
	t.Parallel()
	content, loc, err := readReport("verification/junit.xml", read(t, "junit.xml"))
	if err != nil {
		t.Fatal(err)
	}
	m := content.(map[string]any)
	if m["format"] != testreport.FormatJUnit {
		t.Errorf("format = %v", m["format"])
	}
	if _, ok := m["kind"]; ok {
		t.Error("a JUnit report must not claim a kind: the native schema does not describe it")
	}
	type got struct{ Name, Classname, Suite, Result string }
	var cases []got
	for _, c := range m["test_cases"].([]any) {
		c := c.(map[string]any)
		cl, _ := c["classname"].(string)
		cases = append(cases, got{c["name"].(string), cl, c["suite"].(string), c["result"].(string)})
	}
	want := []got{
		{"rejects unknown certificate", "VT-101", "transport", testreport.ResultPass},
		{"refuses unsigned library", "VT-102", "transport", testreport.ResultFail},
		{"off after reset", "VT-202", "configuration", testreport.ResultError},
		{"off after idle", "VT-202", "configuration", testreport.ResultSkipped},
	}
	if diff := cmp.Diff(want, cases); diff != "" {
		t.Errorf("test cases (-want +got):\n%s", diff)
	}
	positions := map[string]position.Pos{
		"":              {File: "verification/junit.xml", Line: 1, Col: 1},
		"/test_cases/0": {File: "verification/junit.xml", Line: 4, Col: 5},
		"/test_cases/1": {File: "verification/junit.xml", Line: 5, Col: 5},
		"/test_cases/2": {File: "verification/junit.xml", Line: 10, Col: 3},
		"/suites/1":     {File: "verification/junit.xml", Line: 9, Col: 3},
		// Deeper than any loc: the nearest ancestor with one.
		"/test_cases/3/result": {File: "verification/junit.xml", Line: 11, Col: 3},
	}
	for ptr, want := range positions {
		if got := loc.Pos(ptr); got != want {
			t.Errorf("Pos(%q) = %v, want %v", ptr, got, want)
		}
	}
}

func TestReadNative(t *testing.T) {
	t.Parallel()
	content, loc, err := readReport("verification/pt.yaml", read(t, "native.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := loc.(*docparse.Doc); !ok {
		t.Errorf("locator of a native report is %T, want *docparse.Doc (its schema is checked)", loc)
	}
	m := content.(map[string]any)
	if m["kind"] != "test-report" || m["test_type"] != "penetration-test" {
		t.Errorf("content not passed through as written: %v", m)
	}
	if got := loc.Pos("/findings/0"); got.Line != 11 {
		t.Errorf("Pos(/findings/0) = %v, want line 11", got)
	}
}

func TestReadErrorsArePositioned(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		data string
		line int
	}{
		"unclosed XML":     {"<testsuites>\n<testsuite name=\"a\">\n<testcase name=\"b\">\n", 4},
		"wrong XML root":   {"<?xml version=\"1.0\"?>\n<html/>", 2},
		"YAML syntax":      {"kind: test-report\nfindings: [\n", 2},
		"YAML duplicate":   {"kind: test-report\nkind: test-report\n", 2},
		"XML after a BOM":  {"\xef\xbb\xbf<testsuites>\n<testcase/>\n</testsuites>", 2},
		"XML after spaces": {"\n\n  <nope", 3},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, _, err := readReport("r.in", []byte(tc.data))
			var pe *position.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *position.Error", err)
			}
			if pe.Pos.File != "r.in" || pe.Pos.Line != tc.line {
				t.Errorf("error at %v, want r.in line %d (%v)", pe.Pos, tc.line, err)
			}
		})
	}
}

func TestIsXML(t *testing.T) {
	t.Parallel()
	cases := map[string]bool{
		"<testsuites/>":           true,
		"\xef\xbb\xbf <t/>":       true,
		"\r\n\t<?xml?>":           true,
		"kind: test-report":       false,
		`{"kind": "test-report"}`: false,
		"":                        false,
		"# <comment>\n":           false,
	}
	for in, want := range cases {
		if got := testreport.IsXML([]byte(in)); got != want {
			t.Errorf("IsXML(%q) = %v, want %v", in, got, want)
		}
	}
}
