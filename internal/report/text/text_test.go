package text_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/report/reporttest"
	"github.com/annexlint/annexlint/internal/report/text"
)

// lines is a report.Source over fixed file contents.
type lines map[string][]string

func (l lines) Line(path string, n int) (string, bool) {
	ls, ok := l[path]
	if !ok || n < 1 || n > len(ls) {
		return "", false
	}
	return ls[n-1], true
}

var hostileLine = "\t- id: IF\x1b[2J\u202E" + strings.Repeat("x", 10)

func write(t *testing.T, w text.Writer, src report.Source) string {
	t.Helper()
	var b bytes.Buffer
	meta := report.Meta{ToolVersion: "v0.0.0-test", Source: src}
	if err := w.Write(&b, meta, reporttest.Result()); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestDefault(t *testing.T) {
	t.Parallel()
	src := lines{"risk.yaml": {"threats:", "  - id: TH-01", "  - name: x" + hostileLine}}
	out := write(t, text.Writer{}, src)
	t.Logf("\n%s", out)
	if !strings.HasPrefix(out, "regime as of 2026-11-25: ") {
		t.Errorf("the output does not open with the regime decision")
	}
	if strings.ContainsAny(out, "\x1b\u202E") {
		t.Errorf("uncoloured output holds an escape or bidi character from the input")
	}
	for _, want := range []string{
		"\nrisk.yaml (1 finding(s))\n",
		"risk.yaml:3:5: error AL-RISK-001: interface <script>alert(1)</script>\\x1b[2J\\u202eevil| [x](http://e.invalid) *b*\\x0anext has no threat\n",
		"  3 |   - name: x\t- id: IF\\x1b[2J\\u202exxxxxxxxxx\n",
		"    |     ^\n",
		"    legal basis: MDR-AI-17.2; see also: MDCG-2019-16-3.4\n",
		"\nfindings:    1 error(s), 1 warning(s), 0 note(s) in 2 of 2 file(s) checked\n",
		"obligations: 2 fail, 0 insufficient evidence, 0 pass, 1 not applicable\n",
		"2 document(s), 3 of 4 rules applicable\n",
		"\nannexlint.yaml (1 finding(s))\nannexlint.yaml:2:1: warning AL-TEST-001: insufficient evidence: no security test report\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestVerboseCitesInFull(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := (text.Writer{}).Write(&b, report.Meta{ToolVersion: "v0.0.0-test", Verbose: true}, reporttest.Result()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"    legal basis: MDR Annex I 17.2 [MDR-AI-17.2]\n", "    see also: MDCG 2019-16 rev.1 section 3.4 [MDCG-2019-16-3.4]\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("verbose output lacks %q:\n%s", want, out)
		}
	}
}

func TestQuiet(t *testing.T) {
	t.Parallel()
	out := write(t, text.Writer{Quiet: true, Elapsed: time.Second}, lines{"risk.yaml": {"a", "b", "c"}})
	got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(got) != 3 || !strings.HasPrefix(got[0], "regime as of 2026-11-25: medical-device; legal basis: ") ||
		got[1] != "annexlint.yaml:2:1: warning AL-TEST-001: insufficient evidence: no security test report" ||
		!strings.HasPrefix(got[2], "risk.yaml:3:5: error AL-RISK-001: interface ") {
		t.Errorf("quiet output is not the regime line and one line per finding:\n%s", out)
	}
}

// TestColour: colour only when asked, and then the only escape sequences
// are annexlint's own SGR codes; the input's escape stays escaped.
func TestColour(t *testing.T) {
	t.Parallel()
	out := write(t, text.Writer{Color: true}, lines{"risk.yaml": {"", "", "  - name: " + hostileLine}})
	if !strings.Contains(out, "\x1b[1;31merror\x1b[0m") {
		t.Errorf("coloured output lacks a red error:\n%q", out)
	}
	rest := regexp.MustCompile(`\x1b\[[0-9;]*m`).ReplaceAllString(out, "")
	if strings.ContainsAny(rest, "\x1b\u202E") {
		t.Errorf("coloured output holds escapes other than its own colours:\n%q", rest)
	}
	if strings.Contains(write(t, text.Writer{}, nil), "\x1b") {
		t.Error("uncoloured output holds an escape")
	}
}

func TestElapsedOnlyWhenGiven(t *testing.T) {
	t.Parallel()
	if out := write(t, text.Writer{Elapsed: 1500 * time.Millisecond}, nil); !strings.Contains(out, "rules applicable in 1.5s\n") {
		t.Errorf("time taken missing:\n%s", out)
	}
	if out := write(t, text.Writer{}, nil); strings.Contains(out, " in 0s") {
		t.Errorf("time printed without being given:\n%s", out)
	}
}

func TestSourceLine(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		line       string
		col        int
		shown, pad string
	}{
		{"abc", 2, "abc", " "},
		{"\tkey: v", 2, "\tkey: v", "\t"},
		{"é: \x07x", 5, "é: \\x07x", "   " + strings.Repeat(" ", 4)},
		{strings.Repeat("a", 200) + "Z" + strings.Repeat("b", 200), 201, "…" + strings.Repeat("a", 80) + "Z" + strings.Repeat("b", 79) + "…", " " + strings.Repeat(" ", 80)},
		{strings.Repeat("a", 300), 1, strings.Repeat("a", 160) + "…", ""},
	} {
		shown, pad := text.SourceLine(tc.line, tc.col)
		if shown != tc.shown || pad != tc.pad {
			t.Errorf("SourceLine(%.20q…, %d) = %q, %q; want %q, %q", tc.line, tc.col, shown, pad, tc.shown, tc.pad)
		}
	}
}
