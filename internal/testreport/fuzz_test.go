package testreport_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/testreport"
)

// FuzzRead checks that Read never panics, that every error is positioned in
// the file read, and that a JUnit report always becomes the shape the rules
// rely on: test cases with a known result and a line.
func FuzzRead(f *testing.F) {
	for _, pattern := range []string{"testdata/*", "../junit/testdata/*.xml"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte(`<testsuite><testcase name="a"><failure/></testcase></testsuite>`))
	f.Add([]byte("kind: test-report\ntest_cases: [{id: a, result: pass}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		content, loc, err := readReport("f.in", data)
		if err != nil {
			var pe *position.Error
			if !errors.As(err, &pe) || pe.Pos.File != "f.in" {
				t.Fatalf("error is not a positioned *position.Error: %#v", err)
			}
			return
		}
		if loc == nil {
			t.Fatal("nil locator")
		}
		_ = loc.Pos("/test_cases/0/result")
		if !testreport.IsXML(data) {
			return
		}
		m, ok := content.(map[string]any)
		if !ok || m["format"] != testreport.FormatJUnit {
			t.Fatalf("JUnit content %v", content)
		}
		cases, ok := m["test_cases"].([]any)
		if !ok {
			t.Fatalf("test_cases is %T", m["test_cases"])
		}
		for _, c := range cases {
			c := c.(map[string]any)
			switch c["result"] {
			case testreport.ResultPass, testreport.ResultFail, testreport.ResultError, testreport.ResultSkipped:
			default:
				t.Fatalf("result %v", c["result"])
			}
			if p := loc.Pos(""); p.File != "f.in" {
				t.Fatalf("position in %q", p.File)
			}
		}
	})
}
