package termsafe

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	cases := map[string]string{
		"plain text, ünïcode":     "plain text, ünïcode",
		"\x1b[2J\x1b]0;pwned\x07": `\x1b[2J\x1b]0;pwned\x07`,
		"a\nb\rc\td\x00":          `a\x0ab\x0dc\x09d\x00`,
		"x\u0085y\u009bz":         `x\u0085y\u009bz`,
		"evil\u202etxt.exe":       `evil\u202etxt.exe`,
		"iso\u2066late\u2069":     `iso\u2066late\u2069`,
		"bad \xff byte":           `bad \xff byte`,
		"del\x7f":                 `del\x7f`,
	}
	for in, want := range cases {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLinesKeepsLineFeedsOnly(t *testing.T) {
	if got, want := Lines("one\ntwo\r\x1b[A"), `one`+"\n"+`two\x0d\x1b[A`; got != want {
		t.Errorf("Lines = %q, want %q", got, want)
	}
}

func TestJSON(t *testing.T) {
	raw, err := json.Marshal(map[string]string{"name": "a\u0085b\u202ec\u2067d é"})
	if err != nil {
		t.Fatal(err)
	}
	got := JSON(raw)
	want := `{"name":"a\u0085b\u202ec\u2067d é"}`
	if string(got) != want {
		t.Fatalf("JSON = %s, want %s", got, want)
	}
	var back map[string]string
	if err := json.Unmarshal(got, &back); err != nil || back["name"] != "a\u0085b\u202ec\u2067d é" {
		t.Fatalf("escaped JSON does not decode to the same text: %v %q", err, back["name"])
	}
}

func TestMarkdown(t *testing.T) {
	in := "Fix <img src=x onerror=alert(1)> [click](javascript:alert(1))\n# Heading *bold* `code`"
	want := `Fix &lt;img src\=x onerror\=alert\(1\)&gt; \[click\]\(javascript\:alert\(1\)\) \# Heading \*bold\* \` + "`" + `code\` + "`"
	if got := Markdown(in); got != want {
		t.Errorf("Markdown =\n%s\nwant\n%s", got, want)
	}
}

func TestWriterNeutralisesEachWrite(t *testing.T) {
	var b strings.Builder
	w := Writer(&b)
	n, err := w.Write([]byte("annexlint: dir\x1b[2J is in no bundle\n"))
	if err != nil || n != len("annexlint: dir\x1b[2J is in no bundle\n") {
		t.Fatalf("n=%d err=%v", n, err)
	}
	if strings.ContainsRune(b.String(), '\x1b') || !strings.HasSuffix(b.String(), "\n") {
		t.Errorf("got %q", b.String())
	}
}
