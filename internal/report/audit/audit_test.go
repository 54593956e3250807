package audit_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/report/audit"
	"github.com/annexlint/annexlint/internal/report/html"
	"github.com/annexlint/annexlint/internal/report/markdown"
	"github.com/annexlint/annexlint/internal/report/reporttest"
	"github.com/annexlint/annexlint/internal/result"
)

var meta = report.Meta{ToolVersion: "v0.0.0-test", PolicyDigest: strings.Repeat("0f", 32), PolicyModules: 3}

func TestBuild(t *testing.T) {
	t.Parallel()
	r := audit.Build(meta, reporttest.Result())
	if len(r.Matrix) != 2 || r.Matrix[0].ID != "MDR-AI-17.2" || r.Matrix[1].ID != "MDCG-2019-16-3.4" {
		t.Fatalf("matrix = %+v; want the legal basis MDR-AI-17.2 first, then the reference", r.Matrix)
	}
	if rules := r.Matrix[0].Rules; len(rules) != 3 || rules[0].Status != "fail" || rules[1].Status != "pass" || rules[2].Status != "insufficient-evidence" ||
		len(rules[1].Evidence) != 1 || rules[1].Evidence[0].SHA256 != "ab12" || rules[1].Evidence[0].Places[0].Line != 3 {
		t.Errorf("matrix rules of MDR-AI-17.2 = %+v", rules)
	}
	if len(r.NotApplicable) != 1 || r.NotApplicable[0].Reason != "not a CRA product" {
		t.Errorf("not applicable = %+v", r.NotApplicable)
	}
	if len(r.Review) != 1 || r.Review[0].Category != "insufficient evidence" || r.Review[0].Subject != "AL-TEST-001" || r.Review[0].Where != "annexlint.yaml:2:1" {
		t.Errorf("review = %+v; want the insufficient evidence of AL-TEST-001", r.Review)
	}
	if len(r.Waived) != 1 || r.Waived[0].ApprovedBy != "QA lead" || r.Waived[0].Source != ".annexlint.yaml:7" || strings.ContainsAny(r.Waived[0].Reason, "\x1b\n") {
		t.Errorf("waived = %+v", r.Waived)
	}
	if len(r.FindingGroups) != 1 || r.FindingGroups[0].Clause.ID != "MDR-AI-17.2" || len(r.FindingGroups[0].Rules) != 2 || len(r.FindingGroups[0].Rules[0].Findings) != 1 {
		t.Errorf("a finding must be listed once, under its first legal basis: %+v", r.FindingGroups)
	}
	for _, s := range []string{r.Product.Name, r.FindingGroups[0].Rules[0].Findings[0].Message, r.FindingGroups[0].Rules[1].Findings[0].Message} {
		if strings.ContainsAny(s, "\x1b\n\u202E") {
			t.Errorf("view holds control or bidi characters: %q", s)
		}
	}
}

// TestAuditFormatsEscapeInput: a bundle's strings cannot add markup,
// scripts, links, table cells or terminal escapes to either format, and the
// output is the same bytes every time.
func TestAuditFormatsEscapeInput(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		w       report.Writer
		escaped []string // how the input must appear
	}{
		"html":     {html.Writer{}, []string{"&lt;script&gt;alert(1)&lt;/script&gt;\\x1b[2J\\u202eevil| [x](http://e.invalid) *b*\\x0anext"}},
		"markdown": {markdown.Writer{}, []string{"\\<script\\>alert(1)\\</script\\>\\\\x1b\\[2J\\\\u202eevil\\| \\[x\\](http://e.invalid) \\*b\\*\\\\x0anext"}},
	} {
		w := tc.w
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var a, b bytes.Buffer
			if err := w.Write(&a, meta, reporttest.Result()); err != nil {
				t.Fatal(err)
			}
			if err := w.Write(&b, meta, reporttest.Result()); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("two renderings of the same result differ")
			}
			out := a.String()
			for _, bad := range []string{"<script>", "\x1b", "\u202E"} {
				if strings.Contains(out, bad) {
					t.Errorf("output contains %q from the input", bad)
				}
			}
			for _, want := range tc.escaped {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks the escaped input %q", want)
				}
			}
			for _, want := range []string{"AL-RISK-001", "MDR-AI-17.2", "not a CRA product", "ab12", "cd34", "v0.0.0-test", strings.Repeat("0f", 32), "5. Waived findings", "QA lead", "2027-01-01", ".annexlint.yaml:7"} {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q", want)
				}
			}
		})
	}
}

func TestMarkdownEscape(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"plain text, VF-300 (v1.2)": "plain text, VF-300 (v1.2)",
		"a|b":                       `a\|b`,
		"[x](y)":                    `\[x\](y)`,
		"<b>&amp;":                  `\<b\>\&amp;`,
		"*_`~!":                     "\\*\\_\\`\\~\\!",
	} {
		if got := markdown.Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPlacesSortedAndCapped: the matrix lists the first MaxPlaces places of
// a file by line, once each, and counts the rest.
func TestPlacesSortedAndCapped(t *testing.T) {
	t.Parallel()
	res := reporttest.Result()
	var ev []result.Evidence
	for i := 40; i > 0; i-- {
		ev = append(ev, result.Evidence{Path: "risk.yaml", Pointer: fmt.Sprintf("/threats/%d", i), Line: i + 1, SHA256: "ab12"})
	}
	ev = append(ev, ev[0]) // a duplicate
	res.Rules[1].Evidence = ev
	r := audit.Build(meta, res)
	got := r.Matrix[0].Rules[1].Evidence
	if len(got) != 1 || len(got[0].Places) != audit.MaxPlaces || got[0].More != 40-audit.MaxPlaces || got[0].Places[0].Line != 2 || got[0].Places[audit.MaxPlaces-1].Line != audit.MaxPlaces+1 {
		t.Errorf("evidence = %+v", got)
	}
}
