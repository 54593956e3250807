package report_test

import (
	"testing"

	"github.com/annexlint/annexlint/internal/report"
)

func TestClean(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"plain, é, 日本":          "plain, é, 日本",
		"a\x1b[2Jb":             `a\x1b[2Jb`,
		"line\nnext\ttab":       `line\x0anext\x09tab`,
		"rtl \u202Eevil\u2066x": `rtl \u202eevil\u2066x`,
		"bad \xff utf8":         `bad \xff utf8`,
	} {
		if got := report.Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}
