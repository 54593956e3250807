// Package testreport reads the bundle documents of type test-report: JUnit XML
// reports of automated test runs (through internal/junit) and annexlint's
// native test report summary in YAML or JSON (schemas/test-report.schema.json)
// for penetration tests, fuzzing campaigns, vulnerability scans, static
// analysis and third-party component reviews.
//
// Both reach the policies with their test cases under "test_cases", each with
// a "result" of pass, fail, error or skipped, so a rule checks a control's
// verification the same way whatever the report's format. A JUnit report is
// normalised (its content carries "format": "junit-xml" and no "kind"); a
// native report is passed through as written and validated against its schema.
package testreport

import (
	"bytes"

	"github.com/annexlint/annexlint/internal/junit"
)

// FormatJUnit is the "format" of the content a JUnit XML report becomes.
const FormatJUnit = "junit-xml"

// Results of a test case as the policies see them.
const (
	ResultPass    = "pass"
	ResultFail    = "fail"
	ResultError   = "error"
	ResultSkipped = "skipped"
)

// Report is the policy content of a JUnit XML report.
type Report struct {
	Format    string  `json:"format"`
	Suites    []Suite `json:"suites"`
	TestCases []Case  `json:"test_cases"`
}

// Suite is one <testsuite> with its counts as the report states them.
type Suite struct {
	Name      string `json:"name"`
	Tests     int    `json:"tests"`
	Failures  int    `json:"failures"`
	Errors    int    `json:"errors"`
	Skipped   int    `json:"skipped"`
	Timestamp string `json:"timestamp,omitempty"`
	Loc       Loc    `json:"loc"`
}

// Case is one <testcase>. Suite is the name of the suite that holds it.
type Case struct {
	Name      string `json:"name"`
	Classname string `json:"classname,omitempty"`
	Suite     string `json:"suite,omitempty"`
	Result    string `json:"result"`
	Message   string `json:"message,omitempty"`
	Loc       Loc    `json:"loc"`
}

// Loc is where an element starts in the XML file; doctype.ModelMap reads it.
type Loc struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"`
}

// IsXML reports whether data is an XML document (after an optional UTF-8
// byte-order mark and white space), which for a test report means JUnit.
func IsXML(data []byte) bool {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(data) > 0 && data[0] == '<'
}

// FromJUnit flattens a parsed JUnit report into a Report. data is the XML the
// report was parsed from; it gives each element its column.
func FromJUnit(rep *junit.Report, data []byte) Report {
	cols := columnFinder{data: data}
	out := Report{Format: FormatJUnit, Suites: []Suite{}, TestCases: []Case{}}
	for _, s := range rep.Suites {
		out.Suites = append(out.Suites, Suite{
			Name: s.Name, Tests: s.Tests, Failures: s.Failures, Errors: s.Errors, Skipped: s.Skipped,
			Timestamp: s.Timestamp, Loc: Loc{Line: s.Line, Column: cols.column(s.Line, "<testsuite")},
		})
		for _, c := range s.Cases {
			out.TestCases = append(out.TestCases, Case{
				Name: c.Name, Classname: c.Classname, Suite: s.Name, Result: result(c.Status), Message: c.Message,
				Loc: Loc{Line: c.Line, Column: cols.column(c.Line, "<testcase")},
			})
		}
	}
	return out
}

// result maps junit statuses onto the vocabulary of native test reports.
func result(status string) string {
	switch status {
	case junit.StatusPassed:
		return ResultPass
	case junit.StatusFailed:
		return ResultFail
	case junit.StatusSkipped:
		return ResultSkipped
	}
	return ResultError
}

// columnFinder finds the column of an element's start tag on a line. junit
// records lines only; a column lets findings land on the tag itself.
type columnFinder struct {
	data   []byte
	starts []int // byte offset of each line, built on first use
}

// column is the 1-based column of tag on line, or 0 when it is not there
// (the element then starts on an earlier line's continuation).
func (c *columnFinder) column(line int, tag string) int {
	if c.starts == nil {
		c.starts = []int{0}
		for i, b := range c.data {
			if b == '\n' {
				c.starts = append(c.starts, i+1)
			}
		}
	}
	if line < 1 || line > len(c.starts) {
		return 0
	}
	text := c.data[c.starts[line-1]:]
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	if line == 1 {
		text = bytes.TrimPrefix(text, []byte("\xef\xbb\xbf"))
	}
	i := bytes.Index(text, []byte(tag))
	if i < 0 {
		return 0
	}
	// Columns count characters, as docparse's do.
	return len([]rune(string(text[:i]))) + 1
}
