package junit

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/annexlint/annexlint/internal/position"
)

// FuzzParse checks that Parse never panics, that every error is positioned
// and that accepted reports are well formed.
func FuzzParse(f *testing.F) {
	files, err := filepath.Glob("testdata/*.xml")
	if err != nil || len(files) == 0 {
		f.Fatalf("no seed files: %v", err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<testsuite><testcase name="a"><failure message="m">x</failure></testcase></testsuite>`))
	f.Add([]byte(`<!DOCTYPE t [<!ENTITY a "aaaa">]><testsuites><testsuite/></testsuites>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := Parse("f.xml", data)
		if err != nil {
			var pe *position.Error
			if !errors.As(err, &pe) || pe.Pos.File != "f.xml" || pe.Pos.Line < 1 {
				t.Fatalf("error is not a positioned *position.Error: %#v", err)
			}
			return
		}
		for _, s := range rep.Suites {
			if s.Line < 1 || s.Tests < 0 || s.Failures < 0 || s.Errors < 0 || s.Skipped < 0 || s.Time < 0 || s.Cases == nil {
				t.Fatalf("bad suite %+v", s)
			}
			for _, c := range s.Cases {
				switch c.Status {
				case StatusPassed, StatusFailed, StatusError, StatusSkipped:
				default:
					t.Fatalf("bad status %q", c.Status)
				}
				if c.Line < s.Line || len(c.Message) > maxMessage+len("…") || c.Time < 0 {
					t.Fatalf("bad case %+v in suite at line %d", c, s.Line)
				}
			}
		}
	})
}
