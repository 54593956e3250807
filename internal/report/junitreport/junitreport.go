// Package junitreport writes the run as a JUnit XML test report, so CI
// systems that show test results (GitLab, Jenkins, Azure DevOps, CircleCI,
// test-report actions) show each regulatory obligation as a test: one
// <testsuite> per bundle, one <testcase> per cited clause, with the
// clause's status. (internal/junit is the reverse: a reader of JUnit
// reports a bundle holds as test evidence; its model records parsed
// reports, not what this writer needs to say.)
//
// The output is valid against the JUnit schema of the Jenkins xUnit plugin
// (testdata/junit-10.xsd, whose origin and licence are in its header) and
// has no run time, timestamp or host name, so identical input gives
// identical bytes; the --as-of date is stated as a property.
package junitreport

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/regime"
	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/report/sarif"
	"github.com/annexlint/annexlint/internal/result"
	"github.com/annexlint/annexlint/internal/termsafe"
)

// Writer renders JUnit XML.
type Writer struct{}

// Failure types: what a <failure> element's type attribute says.
const (
	TypeFail         = "fail"
	TypeInsufficient = "insufficient-evidence"
)

type testsuites struct {
	XMLName  xml.Name    `xml:"testsuites"`
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Suites   []testsuite `xml:"testsuite"`
}

type testsuite struct {
	Name       string     `xml:"name,attr"`
	Tests      int        `xml:"tests,attr"`
	Failures   int        `xml:"failures,attr"`
	Errors     int        `xml:"errors,attr"`
	Skipped    int        `xml:"skipped,attr"`
	Properties []property `xml:"properties>property"`
	Cases      []testcase `xml:"testcase"`
}

type property struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type testcase struct {
	Name      string   `xml:"name,attr"`
	Classname string   `xml:"classname,attr"`
	Failure   *outcome `xml:"failure"`
	Skipped   *outcome `xml:"skipped"`
}

type outcome struct {
	Type    string `xml:"type,attr,omitempty"`
	Message string `xml:"message,attr"`
	// Text is CDATA, so the listing stays one finding per line in the
	// file (character data would write each line feed as &#xA;).
	Text string `xml:",cdata"`
}

// Write renders one bundle.
func (Writer) Write(w io.Writer, meta report.Meta, res *result.Result) error {
	return Writer{}.WriteAll(w, []report.Bundle{{Meta: meta, Result: res}})
}

// WriteAll renders every bundle as one <testsuite> of one <testsuites>, in
// run order.
func (Writer) WriteAll(w io.Writer, bundles []report.Bundle) error {
	doc := testsuites{Name: "annexlint"}
	for _, b := range bundles {
		s := suite(b.Meta, b.Result)
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Suites = append(doc.Suites, s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("junit: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// suite is one bundle: a test case per cited clause, in the run model's
// order. A clause that fails lists the findings of the rules citing it
// (waived and baselined ones marked: the clause's status is the law's
// verdict, the exit code is --fail-on's); one with insufficient evidence
// says what is missing; one that does not apply is skipped with the
// reason; one that passes is a plain test case.
func suite(meta report.Meta, res *result.Result) testsuite {
	name := bundleName(meta, res)
	s := testsuite{Name: clean(name), Properties: properties(meta, res)}
	byRule := map[string][]finding.Finding{}
	for _, list := range [][]finding.Finding{res.Findings, res.Waived, res.Baselined} {
		for _, f := range list {
			byRule[f.RuleID] = append(byRule[f.RuleID], f)
		}
	}
	covered := map[string]bool{}
	for _, o := range res.Obligations {
		tc := testcase{Name: clean(o.ID + " " + o.Cite), Classname: clean(name)}
		var fs []finding.Finding
		for _, id := range applying(res, o) {
			fs = append(fs, byRule[id]...)
			covered[id] = true
		}
		finding.Sort(fs)
		switch o.Status {
		case result.Fail:
			tc.Failure = &outcome{Type: TypeFail, Message: fmt.Sprintf("%d finding(s) against %s from %s", len(fs), o.ID, strings.Join(ruleIDs(fs), ", ")), Text: listing(meta, fs)}
			s.Failures++
		case result.Insufficient:
			tc.Failure = &outcome{Type: TypeInsufficient, Message: clean("insufficient evidence: " + insufficientReason(res, o)), Text: listing(meta, fs)}
			s.Failures++
		case result.NotApplicable:
			reason := o.Reason
			if reason == "" {
				reason = "no applicable rule cites this clause"
			}
			tc.Skipped = &outcome{Message: clean("not applicable: " + reason)}
			s.Skipped++
		}
		s.Cases = append(s.Cases, tc)
	}
	// Findings no obligation lists (malformed documents, AL-SCHEMA-001,
	// which is a precondition of checking rather than a clause; configuration
	// findings) are test cases of their own, so none goes unreported. The
	// schema check is always one: a bundle whose documents are well-formed
	// shows it passing.
	for _, r := range res.Rules {
		fs := byRule[r.ID]
		if covered[r.ID] || (len(fs) == 0 && r.ID != catalog.SchemaRuleID) {
			continue
		}
		tc := testcase{Name: clean(r.ID + " " + r.Title), Classname: clean(name)}
		if len(fs) > 0 {
			tc.Failure = &outcome{Type: TypeFail, Message: fmt.Sprintf("%d finding(s) of %s", len(fs), r.ID), Text: listing(meta, fs)}
			s.Failures++
		}
		s.Cases = append(s.Cases, tc)
	}
	s.Tests = len(s.Cases)
	return s
}

// applying lists the rules of an obligation that apply to this product
// and cite the clause as more than not applicable: the rules whose
// findings are findings against it.
func applying(res *result.Result, o result.Obligation) []string {
	var ids []string
	for _, id := range o.Rules {
		r, ok := res.Rule(id)
		if !ok || r.Status == result.NotApplicable {
			continue
		}
		for _, c := range r.Verdict.Clauses {
			if c.ID == o.ID && c.Role != regime.NotApplicable {
				ids = append(ids, id)
				break
			}
		}
	}
	return ids
}

// bundleName is the bundle's folder as SARIF names it: relative to the
// repository root, or as given when there is none.
func bundleName(meta report.Meta, res *result.Result) string {
	switch {
	case meta.NoRepoRoot:
		return res.Bundle
	case meta.RepoPrefix == "":
		return "."
	}
	return meta.RepoPrefix
}

// properties are what every output states about the run: the date it
// judged, the regime decided, the tool and the policies.
func properties(meta report.Meta, res *result.Result) []property {
	ps := []property{{"annexlint.version", meta.ToolVersion}, {"as_of", res.AsOf}}
	if res.Regime != nil {
		ps = append(ps, property{"qualification", res.Regime.Qualification}, property{"framework", res.Regime.Framework})
	}
	ps = append(ps, property{"product", res.Product.Name + " " + res.Product.Version})
	if meta.PolicyDigest != "" {
		ps = append(ps, property{"policy_digest", meta.PolicyDigest}, property{"policy_modules", strconv.Itoa(meta.PolicyModules)})
	}
	for i := range ps {
		ps[i].Value = clean(ps[i].Value)
	}
	return ps
}

// insufficientReason is why the first rule of the clause that lacks
// evidence could not judge it.
func insufficientReason(res *result.Result, o result.Obligation) string {
	for _, id := range o.Rules {
		if r, ok := res.Rule(id); ok && r.Status == result.Insufficient && r.Reason != "" {
			return r.Reason
		}
	}
	return "the bundle holds nothing the rules citing this clause can examine"
}

// ruleIDs lists the rules of the findings, each once, sorted.
func ruleIDs(fs []finding.Finding) []string {
	var ids []string
	for _, f := range fs {
		if !slices.Contains(ids, f.RuleID) {
			ids = append(ids, f.RuleID)
		}
	}
	slices.Sort(ids)
	return ids
}

// listing is one line per finding, as the text report's quiet form writes
// it, with the file relative to the repository root.
func listing(meta report.Meta, fs []finding.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		p := f.Pos
		p.File = sarif.URI(meta, p.File)
		fmt.Fprintf(&b, "%s: %s %s: %s", p, f.Severity, f.RuleID, termsafe.String(f.Message))
		if f.Status != "" {
			fmt.Fprintf(&b, " [%s]", f.Status)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// clean makes text from a bundle safe to show: controls visible, one line.
// (encoding/xml would otherwise replace characters XML cannot hold with
// U+FFFD, hiding what the file says.)
func clean(s string) string { return termsafe.String(s) }
