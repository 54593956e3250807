package securitytxt

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/annexlint/annexlint/internal/position"
)

// FuzzParse checks that Parse never panics, that only binary input is an
// error, and that fields and problems point at real lines.
func FuzzParse(f *testing.F) {
	files, err := filepath.Glob("testdata/*.txt")
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
	f.Add([]byte("-----BEGIN PGP SIGNED MESSAGE-----\n\n- Contact: x\n-----BEGIN PGP SIGNATURE-----\n"))
	asOf := time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse("f.txt", data, asOf)
		if err != nil {
			var pe *position.Error
			if !errors.As(err, &pe) || pe.Pos.Line < 1 {
				t.Fatalf("error is not a positioned *position.Error: %v", err)
			}
			return
		}
		lines := 1
		for _, b := range data {
			if b == '\n' {
				lines++
			}
		}
		last := 0
		for _, fl := range file.Fields {
			if fl.Line < 1 || fl.Line > lines || fl.Line < last || !utf8.ValidString(fl.Value) {
				t.Fatalf("bad field %+v (file has %d lines)", fl, lines)
			}
			last = fl.Line
		}
		last = 0
		for _, p := range file.Problems {
			if p.Line < 0 || p.Line > lines || p.Line < last || p.Code == "" || p.Msg == "" {
				t.Fatalf("bad or unsorted problem %+v", p)
			}
			last = p.Line
		}
	})
}
