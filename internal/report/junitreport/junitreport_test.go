package junitreport_test

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/junit"
	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/report/junitreport"
	"github.com/annexlint/annexlint/internal/report/reporttest"
	"github.com/annexlint/annexlint/internal/result"
)

func write(t *testing.T, bundles ...report.Bundle) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := (junitreport.Writer{}).WriteAll(&b, bundles); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

type parsed struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Suites   []struct {
		Name       string `xml:"name,attr"`
		Tests      int    `xml:"tests,attr"`
		Failures   int    `xml:"failures,attr"`
		Skipped    int    `xml:"skipped,attr"`
		Properties []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:"value,attr"`
		} `xml:"properties>property"`
		Cases []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failure   *struct {
				Type    string `xml:"type,attr"`
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func parse(t *testing.T, data []byte) parsed {
	t.Helper()
	var p parsed
	if err := xml.Unmarshal(data, &p); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	return p
}

// TestStatuses: one test case per clause, its status as the run model
// says: fail and insufficient evidence are failures (with their type),
// not applicable is skipped with the reason, pass is a plain test case.
func TestStatuses(t *testing.T) {
	res := reporttest.Result()
	res.Obligations = append(res.Obligations,
		result.Obligation{Cited: res.Obligations[2].Cited, Status: result.Insufficient, Rules: []string{"AL-TEST-001"}},
		result.Obligation{Cited: res.Obligations[2].Cited, Status: result.Pass, Rules: []string{"AL-RISK-002"}})
	out := write(t, report.Bundle{Meta: report.Meta{RepoPrefix: "devices/pump", ToolVersion: "v1.0.0"}, Result: res})
	if errs := validate(schemaRules(t), out); len(errs) > 0 {
		t.Fatalf("not valid against junit-10.xsd: %v\n%s", errs, out)
	}
	p := parse(t, out)
	if len(p.Suites) != 1 {
		t.Fatalf("%d suites", len(p.Suites))
	}
	s := p.Suites[0]
	if s.Name != "devices/pump" || s.Tests != 5 || s.Failures != 3 || s.Skipped != 1 || p.Tests != 5 || p.Failures != 3 {
		t.Errorf("suite %s: %d tests, %d failures, %d skipped (all: %d, %d); want devices/pump 5 3 1",
			s.Name, s.Tests, s.Failures, s.Skipped, p.Tests, p.Failures)
	}
	na, ref, basis, insufficient, pass := s.Cases[0], s.Cases[1], s.Cases[2], s.Cases[3], s.Cases[4]
	if na.Skipped == nil || na.Skipped.Message != "not applicable: not a CRA product" || na.Failure != nil {
		t.Errorf("not applicable: %+v", na)
	}
	if ref.Failure == nil || ref.Failure.Type != "fail" || !strings.HasPrefix(ref.Name, "MDCG-2019-16-3.4 ") {
		t.Errorf("failing reference clause: %+v", ref)
	}
	if basis.Failure == nil || basis.Failure.Message != "3 finding(s) against MDR-AI-17.2 from AL-RISK-001, AL-TEST-001" {
		t.Fatalf("failing clause: %+v", basis)
	}
	for _, want := range []string{
		"devices/pump/annexlint.yaml:2:1: warning AL-TEST-001: insufficient evidence: no security test report\n",
		"devices/pump/risk.yaml:9:5: error AL-RISK-001: interface IF-X has no threat [waived]\n",
	} {
		if !strings.Contains(basis.Failure.Text, want) {
			t.Errorf("failure text lacks %q:\n%s", want, basis.Failure.Text)
		}
	}
	if insufficient.Failure == nil || insufficient.Failure.Type != "insufficient-evidence" || insufficient.Failure.Message != "insufficient evidence: no test report" {
		t.Errorf("insufficient evidence: %+v", insufficient.Failure)
	}
	if pass.Failure != nil || pass.Skipped != nil || pass.Classname != "devices/pump" {
		t.Errorf("pass: %+v", pass)
	}
	props := map[string]string{}
	for _, pr := range s.Properties {
		props[pr.Name] = pr.Value
	}
	if props["as_of"] != "2026-11-25" || props["annexlint.version"] != "v1.0.0" || props["framework"] != "MDR" {
		t.Errorf("properties %v", props)
	}
	if bytes.Contains(out, []byte("timestamp")) || bytes.Contains(out, []byte("time=")) || bytes.Contains(out, []byte("hostname")) {
		t.Errorf("run-dependent attributes in the report:\n%s", out)
	}
}

// TestHostileText: controls from the bundle are shown as escapes, never
// written raw (and never replaced by U+FFFD, hiding what the file says).
func TestHostileText(t *testing.T) {
	res := reporttest.Result()
	res.Findings[1].Message += " ]]><x/>"
	out := write(t, report.Bundle{Meta: report.Meta{}, Result: res})
	if p := parse(t, out); !strings.Contains(p.Suites[0].Cases[2].Failure.Text, "has no threat ]]><x/>\n") {
		t.Errorf("a CDATA end in a message is not kept as text:\n%s", out)
	}
	if bytes.ContainsAny(out, "\x1b\u202e\ufffd") {
		t.Errorf("a control reached the report:\n%s", out)
	}
	if !bytes.Contains(out, []byte(`\x1b[2J`)) {
		t.Errorf("the escape sequence is not shown")
	}
	if errs := validate(schemaRules(t), out); len(errs) > 0 {
		t.Errorf("not valid: %v", errs)
	}
}

// TestReadBack: annexlint's own JUnit reader (for test evidence in
// bundles) reads the report with the same statuses: what one CI tool
// writes, another reads.
func TestReadBack(t *testing.T) {
	res := reporttest.Result()
	out := write(t, report.Bundle{Meta: report.Meta{RepoPrefix: "a"}, Result: res}, report.Bundle{Meta: report.Meta{RepoPrefix: "b"}, Result: res})
	rep, err := junit.Parse("report.xml", out)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Suites) != 2 || rep.Suites[0].Name != "a" || rep.Suites[1].Name != "b" {
		t.Fatalf("suites %+v", rep.Suites)
	}
	var got []string
	for _, c := range rep.Suites[0].Cases {
		got = append(got, c.Status)
	}
	if want := "skipped failed failed"; strings.Join(got, " ") != want {
		t.Errorf("statuses %v, want %s", got, want)
	}
}

// TestXmllint validates with libxml2's full XSD implementation where
// xmllint is installed (apt-get install libxml2-utils); the schema check of
// xsd_test.go runs everywhere.
func TestXmllint(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not installed")
	}
	res := reporttest.Result()
	file := filepath.Join(t.TempDir(), "report.xml")
	if err := os.WriteFile(file, write(t, report.Bundle{Result: res}, report.Bundle{Meta: report.Meta{RepoPrefix: "b"}, Result: res}), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(xmllint, "--noout", "--schema", "testdata/junit-10.xsd", file).CombinedOutput(); err != nil {
		t.Errorf("xmllint: %v\n%s", err, out)
	}
}
