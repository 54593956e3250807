package junit

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annexlint/annexlint/internal/position"
)

// MaxDepth is the deepest element nesting Parse accepts. Real reports nest a
// handful of levels; the cap keeps hostile input from growing the parser's
// stack without bound.
const MaxDepth = 1000

// maxMessage bounds Case.Message (bytes). Some dialects (gotestsum) put the
// whole test output into the message attribute; the policy input only needs
// the gist.
const maxMessage = 4096

// maxText bounds how much of a failure element's text is kept while looking
// for its first line.
const maxText = 16 << 10

// Parse reads a JUnit XML report. name is the file's bundle-relative path,
// used in errors. Malformed XML, an unexpected root element, a testcase
// outside a testsuite, bad numeric attributes and nesting deeper than
// MaxDepth are reported as *position.Error with the line.
func Parse(name string, data []byte) (*Report, error) {
	p := &parser{file: name}
	rep, err := p.parse(data)
	if err != nil {
		return nil, fmt.Errorf("parse JUnit XML: %w", err)
	}
	return rep, nil
}

type parser struct {
	file string
	dec  *xml.Decoder

	stack  []string      // names of open elements
	suites []*suiteState // open testsuite elements, innermost last
	all    []*suiteState // every testsuite, in document order
	tc     *caseState    // open testcase, if any
	res    *resultState  // open failure/error/skipped element, if any
}

type suiteState struct {
	suite      Suite
	has        map[string]bool // count attributes present on the element
	nestsSuite bool            // contains testsuite elements
}

type caseState struct {
	c       Case
	results map[string]string // status -> message of its first element
}

type resultState struct {
	status  string
	message string
	text    strings.Builder
}

func (p *parser) errorf(line, col int, format string, args ...any) error {
	return position.Errorf(position.Pos{File: p.file, Line: line, Col: col}, format, args...)
}

func (p *parser) parse(data []byte) (*Report, error) {
	// encoding/xml does not skip a UTF-8 byte order mark; it has no newline,
	// so dropping it keeps line numbers intact.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	p.dec = xml.NewDecoder(bytes.NewReader(data))
	p.dec.Strict = true
	p.dec.CharsetReader = charsetReader
	rootSeen, rootDone := false, false
	for {
		line, col := p.dec.InputPos() // start of the next token
		tok, err := p.dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, p.xmlError(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(p.stack) == 0 {
				if rootDone {
					return nil, p.errorf(line, col, "second root element <%s> after the end of the report", t.Name.Local)
				}
				if t.Name.Local != "testsuites" && t.Name.Local != "testsuite" {
					return nil, p.errorf(line, col, "root element is <%s>, not <testsuites> or <testsuite>: not a JUnit XML report", t.Name.Local)
				}
				rootSeen = true
			}
			if len(p.stack) >= MaxDepth {
				return nil, p.errorf(line, col, "elements nested deeper than %d levels", MaxDepth)
			}
			if err := p.start(t, line, col); err != nil {
				return nil, err
			}
			p.stack = append(p.stack, t.Name.Local)
		case xml.EndElement:
			// Strict mode guarantees the end tag matches the open element.
			p.stack = p.stack[:len(p.stack)-1]
			p.end(t.Name.Local)
			if len(p.stack) == 0 {
				rootDone = true
			}
		case xml.CharData:
			if len(p.stack) == 0 {
				if i := bytes.IndexFunc(t, func(r rune) bool { return !unicode.IsSpace(r) }); i >= 0 {
					// Point at the text itself, not at the white space before it.
					if nl := bytes.Count(t[:i], []byte("\n")); nl > 0 {
						line, col = line+nl, i-bytes.LastIndexByte(t[:i], '\n')
					} else {
						col += i
					}
					return nil, p.errorf(line, col, "text outside the root element")
				}
				continue
			}
			if p.res != nil && p.res.text.Len() < maxText {
				p.res.text.Write(t[:min(len(t), maxText-p.res.text.Len())])
			}
		}
	}
	if !rootSeen {
		line, _ := p.dec.InputPos()
		return nil, p.errorf(line, 0, "no root element: empty document")
	}
	rep := &Report{Suites: []Suite{}}
	for _, s := range p.all {
		// A suite that only groups other suites (PHPUnit) would double count
		// their tests; its children carry the cases.
		if s.nestsSuite && len(s.suite.Cases) == 0 {
			continue
		}
		rep.Suites = append(rep.Suites, s.suite)
	}
	return rep, nil
}

// xmlError turns a decoder error into a positioned error.
func (p *parser) xmlError(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return p.errorf(se.Line, 0, "invalid XML: %s", se.Msg)
	}
	line, _ := p.dec.InputPos()
	return p.errorf(line, 0, "invalid XML: %v", err)
}

func (p *parser) parent() string {
	if len(p.stack) == 0 {
		return ""
	}
	return p.stack[len(p.stack)-1]
}

func (p *parser) start(t xml.StartElement, line, col int) error {
	switch t.Name.Local {
	case "testsuite":
		if par := p.parent(); par != "" && par != "testsuites" && par != "testsuite" {
			return p.errorf(line, col, "<testsuite> inside <%s>", par)
		}
		s, err := p.newSuite(t, line, col)
		if err != nil {
			return err
		}
		if n := len(p.suites); n > 0 {
			p.suites[n-1].nestsSuite = true
		}
		p.suites = append(p.suites, s)
		p.all = append(p.all, s)
	case "testcase":
		if p.parent() != "testsuite" {
			return p.errorf(line, col, "<testcase> outside a <testsuite> (inside <%s>)", p.parent())
		}
		c := Case{Name: attr(t, "name"), Classname: attr(t, "classname"), Line: line}
		tm, err := parseTime(attr(t, "time"))
		if err != nil {
			return p.errorf(line, col, "testcase %q: %v", c.Name, err)
		}
		c.Time = tm
		p.tc = &caseState{c: c, results: map[string]string{}}
	case "failure", "error", "skipped":
		if p.parent() == "testcase" && p.tc != nil {
			status := map[string]string{"failure": StatusFailed, "error": StatusError, "skipped": StatusSkipped}[t.Name.Local]
			p.res = &resultState{status: status, message: attr(t, "message")}
		}
	}
	return nil
}

func (p *parser) end(local string) {
	switch local {
	case "testsuite":
		s := p.suites[len(p.suites)-1]
		p.suites = p.suites[:len(p.suites)-1]
		s.fillCounts()
	case "testcase":
		if p.tc == nil || len(p.suites) == 0 {
			return
		}
		c := p.tc.c
		c.Status = StatusPassed
		// A case with several outcome elements takes the most severe one.
		for _, st := range []string{StatusError, StatusFailed, StatusSkipped} {
			if msg, ok := p.tc.results[st]; ok {
				c.Status, c.Message = st, msg
				break
			}
		}
		s := p.suites[len(p.suites)-1]
		s.suite.Cases = append(s.suite.Cases, c)
		p.tc = nil
	case "failure", "error", "skipped":
		if p.res == nil || p.tc == nil || p.parent() != "testcase" {
			return
		}
		if _, seen := p.tc.results[p.res.status]; !seen {
			msg := p.res.message
			if strings.TrimSpace(msg) == "" {
				msg = firstLine(p.res.text.String())
			}
			p.tc.results[p.res.status] = truncate(strings.TrimSpace(msg), maxMessage)
		}
		p.res = nil
	}
}

func (p *parser) newSuite(t xml.StartElement, line, col int) (*suiteState, error) {
	s := &suiteState{has: map[string]bool{}}
	s.suite = Suite{Name: attr(t, "name"), Timestamp: attr(t, "timestamp"), Line: line, Cases: []Case{}}
	counts := []struct {
		names []string
		dst   *int
	}{
		{[]string{"tests"}, &s.suite.Tests},
		{[]string{"failures"}, &s.suite.Failures},
		{[]string{"errors"}, &s.suite.Errors},
		{[]string{"skipped", "skip"}, &s.suite.Skipped},
	}
	for _, c := range counts {
		for _, n := range c.names {
			v, ok := attrOK(t, n)
			if !ok {
				continue
			}
			i, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || i < 0 {
				return nil, p.errorf(line, col, "testsuite %q: attribute %s=%q is not a non-negative integer", s.suite.Name, n, v)
			}
			*c.dst = i
			s.has[c.names[0]] = true
			break
		}
	}
	tm, err := parseTime(attr(t, "time"))
	if err != nil {
		return nil, p.errorf(line, col, "testsuite %q: %v", s.suite.Name, err)
	}
	s.suite.Time = tm
	return s, nil
}

// fillCounts counts from the cases the figures the element did not state.
func (s *suiteState) fillCounts() {
	var n = map[string]int{}
	for _, c := range s.suite.Cases {
		n[c.Status]++
	}
	if !s.has["tests"] {
		s.suite.Tests = len(s.suite.Cases)
	}
	if !s.has["failures"] {
		s.suite.Failures = n[StatusFailed]
	}
	if !s.has["errors"] {
		s.suite.Errors = n[StatusError]
	}
	if !s.has["skipped"] {
		s.suite.Skipped = n[StatusSkipped]
	}
}

func attrOK(t xml.StartElement, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value, true
		}
	}
	return "", false
}

func attr(t xml.StartElement, local string) string {
	v, _ := attrOK(t, local)
	return v
}

// parseTime reads a duration in seconds. Surefire has written times above
// 1000 s with a thousands separator ("1,234.5"), so commas before the decimal
// point are dropped.
func parseTime(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	clean := s
	if dot := strings.IndexByte(s, '.'); dot > 0 && strings.Contains(s[:dot], ",") && !strings.Contains(s[dot:], ",") {
		clean = strings.ReplaceAll(s[:dot], ",", "") + s[dot:]
	}
	f, err := strconv.ParseFloat(clean, 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, fmt.Errorf("time=%q is not a non-negative number of seconds", s)
	}
	return f, nil
}

func firstLine(s string) string {
	for line := range strings.Lines(s) {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return ""
}

// truncate cuts s to at most n bytes on a rune boundary, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// charsetReader lets reports declare the encodings seen in practice besides
// UTF-8: US-ASCII (a subset) and ISO-8859-1/Latin-1 (one byte per rune).
func charsetReader(charset string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "us-ascii", "ascii":
		return input, nil
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1":
		return &latin1Reader{r: input}, nil
	}
	return nil, fmt.Errorf("unsupported encoding %q (use UTF-8)", charset)
}

type latin1Reader struct {
	r   io.Reader
	buf []byte // converted bytes not yet returned
}

func (l *latin1Reader) Read(p []byte) (int, error) {
	if len(l.buf) == 0 {
		raw := make([]byte, max(len(p)/2, 1))
		n, err := l.r.Read(raw)
		for _, b := range raw[:n] {
			l.buf = utf8.AppendRune(l.buf, rune(b))
		}
		if n == 0 {
			return 0, err
		}
	}
	n := copy(p, l.buf)
	l.buf = l.buf[n:]
	return n, nil
}
