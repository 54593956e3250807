package github_test

import (
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/report/github"
	"github.com/annexlint/annexlint/internal/report/reporttest"
)

// unescape reverses the runner's escaping (actions/runner ActionCommand.cs:
// %0D, %0A, %3A, %2C, then %25 last), so a test can check nothing is lost.
func unescape(s string) string {
	for _, r := range [][2]string{{"%0D", "\r"}, {"%0A", "\n"}, {"%3A", ":"}, {"%2C", ","}, {"%25", "%"}} {
		s = strings.ReplaceAll(s, r[0], r[1])
	}
	return s
}

func TestCommand(t *testing.T) {
	meta := report.Meta{RepoPrefix: "devices/pump"}
	f := finding.Finding{
		RuleID: "AL-RISK-001", Severity: catalog.Error, Message: "interface IF-BLE has no threat",
		Pos: position.Pos{File: "security/risk-file.yaml", Line: 27, Col: 7}, Basis: "legal basis: MDR Annex I 17.2",
	}
	got := github.Command(meta, f)
	want := "::error file=devices/pump/security/risk-file.yaml,line=27,col=7,title=AL-RISK-001::interface IF-BLE has no threat (legal basis: MDR Annex I 17.2)"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}

	f.Severity, f.Pos = catalog.Note, position.Pos{File: "annexlint.yaml"}
	if got := github.Command(report.Meta{}, f); !strings.HasPrefix(got, "::notice file=annexlint.yaml,title=AL-RISK-001::") {
		t.Errorf("a note without a line: %s", got)
	}
	f.Severity = catalog.Warning
	if got := github.Command(report.Meta{}, f); !strings.HasPrefix(got, "::warning ") {
		t.Errorf("a warning: %s", got)
	}
}

// TestEscaping: GitHub's rules: in data %, CR and LF; in properties also
// ":" and ","; "%" first so nothing is escaped twice. Every other control
// is shown, not sent.
func TestEscaping(t *testing.T) {
	f := finding.Finding{
		RuleID: "X-A:B,C", Severity: catalog.Error, Message: "100% of a::b,c\r\n::error::forged",
		Pos: position.Pos{File: "odd,name:%0A.yaml", Line: 1, Col: 2},
	}
	got := github.Command(report.Meta{}, f)
	want := "::error file=odd%2Cname%3A%250A.yaml,line=1,col=2,title=X-A%3AB%2CC::100%25 of a::b,c%0D%0A::error::forged"
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	props, data, _ := strings.Cut(strings.TrimPrefix(got, "::error "), "::")
	if unescape(data) != f.Message {
		t.Errorf("data does not unescape to the message: %q", unescape(data))
	}
	var file, title string
	for _, p := range strings.Split(props, ",") {
		k, v, _ := strings.Cut(p, "=")
		switch k {
		case "file":
			file = unescape(v)
		case "title":
			title = unescape(v)
		}
	}
	if file != f.Pos.File || title != f.RuleID {
		t.Errorf("properties unescape to file %q, title %q", file, title)
	}

	f.Message = reporttest.Hostile
	got = github.Command(report.Meta{}, f)
	if strings.ContainsAny(got, "\r\n\x1b\u202e") {
		t.Errorf("a control reached the log: %q", got)
	}
}

func TestWriteAll(t *testing.T) {
	res := reporttest.Result()
	var b strings.Builder
	if err := (github.Writer{}).WriteAll(&b, []report.Bundle{{Meta: report.Meta{RepoPrefix: "dev"}, Result: res}}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != len(res.Findings)+1 {
		t.Fatalf("%d lines for %d findings, want one each and a summary:\n%s", len(lines), len(res.Findings), b.String())
	}
	for i, f := range res.Findings {
		if !strings.Contains(lines[i], "title="+f.RuleID+"::") || !strings.Contains(lines[i], "file=dev/"+f.Pos.File) {
			t.Errorf("line %d is not finding %s: %s", i+1, f.RuleID, lines[i])
		}
	}
	// The waived finding (risk.yaml line 9) is accepted: no annotation.
	if strings.Contains(b.String(), "line=9") {
		t.Errorf("a waived finding was annotated:\n%s", b.String())
	}
	wantSummary := "annexlint: 1 bundle(s) checked: 1 error(s), 1 warning(s), 0 note(s); 1 waived and 0 baselined finding(s) not annotated"
	if lines[len(lines)-1] != wantSummary {
		t.Errorf("summary %q, want %q", lines[len(lines)-1], wantSummary)
	}
}

func TestAnnotationLimitSaid(t *testing.T) {
	res := reporttest.Result()
	res.Waived = nil
	for range github.MaxAnnotationsPerStep {
		res.Findings = append(res.Findings, res.Findings[1])
	}
	var b strings.Builder
	if err := (github.Writer{}).Write(&b, report.Meta{}, res); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "GitHub shows at most 10 annotations of each level per step") {
		t.Errorf("11 errors and no word on GitHub's limit:\n%s", b.String())
	}
}
