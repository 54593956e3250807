package sbom

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Problem is a structural defect that the lenient reader accepted: a
// violation of the format's official schema (a required member missing, a
// value outside its enumeration or pattern) or of a rule the specification
// states in words that a schema cannot express (bom-refs unique, references
// that resolve). The document still loads; the rule AL-SBOM-009 reports each
// problem. Loc points at the offending value, or at the object that lacks a
// required member. Code names the kind of defect for rules to match
// (ProblemInvalid unless a rule treats the kind apart); Msg is for people
// and may be reworded.
type Problem struct {
	Loc  Loc    `json:"loc"`
	Code string `json:"code"`
	Msg  string `json:"msg"`
}

// Problem codes. They are part of the policy input: rules match them, never
// the wording of Msg.
const (
	// ProblemInvalid is a defect against the format's schema or
	// specification that no rule treats apart.
	ProblemInvalid = "invalid"
	// ProblemPurl is a package URL that does not parse. The model carries
	// the same fact as the component's purl_error, which AL-SBOM-003
	// reports, so AL-SBOM-009 leaves these problems out.
	ProblemPurl = "purl-unparsable"
	// ProblemMore summarises the problems of one kind past the listing cap.
	ProblemMore = "more-of-kind"
)

// maxProblemsPerKind bounds the problems listed for one kind of defect. A
// generator that gets a field wrong gets it wrong for every component; the
// first few places and a count say all a reader needs, and a 10,000-component
// SBOM must not turn into 10,000 findings.
const maxProblemsPerKind = 20

// problemList collects Problems in discovery order, which is deterministic
// for a given input.
type problemList struct {
	list    []Problem
	counts  map[string]int
	dropped []droppedKind
}

type droppedKind struct {
	kind string
	loc  Loc // the first place not listed
	n    int
}

// code gives the Problem code of a kind of defect.
func code(kind string) string {
	if kind == purlKind {
		return ProblemPurl
	}
	return ProblemInvalid
}

func newProblemList() *problemList { return &problemList{list: []Problem{}, counts: map[string]int{}} }

// add records a problem of kind (a short description such as "package without
// copyrightText", used in the summary of those not listed).
func (p *problemList) add(kind string, at Loc, format string, args ...any) {
	p.counts[kind]++
	if p.counts[kind] <= maxProblemsPerKind {
		p.list = append(p.list, Problem{Loc: at, Code: code(kind), Msg: fmt.Sprintf(format, args...)})
		return
	}
	for i := range p.dropped {
		if p.dropped[i].kind == kind {
			p.dropped[i].n++
			return
		}
	}
	p.dropped = append(p.dropped, droppedKind{kind: kind, loc: at, n: 1})
}

// done returns the problems with one summary for each kind that hit the cap.
func (p *problemList) done() []Problem {
	for _, d := range p.dropped {
		p.list = append(p.list, Problem{Loc: d.loc, Code: ProblemMore, Msg: fmt.Sprintf(
			"%d more of the same kind (%s) from here on, not listed one by one", d.n, d.kind)})
	}
	return p.list
}

// isDateTime reports an RFC 3339 date-time, the "date-time" format of JSON
// Schema: a date, "T", a time with seconds and a zone. Date-only values and a
// space instead of the "T" are not date-times.
func isDateTime(s string) bool {
	// Go also takes a comma before fractional seconds; RFC 3339 does not.
	if len(s) < len("2006-01-02T15:04:05Z") || s[19] == ',' {
		return false
	}
	// RFC 3339 allows the separator and zone letter in lower case; Go does not.
	b := []byte(s)
	if b[10] == 't' {
		b[10] = 'T'
	}
	if b[len(b)-1] == 'z' {
		b[len(b)-1] = 'Z'
	}
	_, err := time.Parse(time.RFC3339Nano, string(b))
	return err == nil
}

// hexLen returns the number of hexadecimal digits in s, or -1 if any
// character is not one.
func hexLen(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return -1
		}
	}
	return len(s)
}

// isIRIReference matches what JSON Schema validators accept as the
// "iri-reference" format: text that parses as a URI reference and has no
// backslash. It rejects the scp-like "git@host:path" that npm tooling writes
// for repositories.
func isIRIReference(s string) bool {
	_, err := url.Parse(s)
	return err == nil && !strings.Contains(s, `\`)
}

// licenseIDSyntax says why id cannot be an SPDX License List identifier, or
// returns "" if it could be one. annexlint does not embed the SPDX License
// List (no module it depends on ships a current copy), so an identifier that
// is well-formed but not on the list, such as "Apache-2", is not caught here.
func licenseIDSyntax(id string) string {
	switch {
	case id == "NOASSERTION" || id == "NONE":
		return "is an SPDX keyword, not a licence identifier"
	case strings.HasPrefix(id, "LicenseRef-"), strings.HasPrefix(id, "DocumentRef-"):
		return "is a custom licence reference, not an SPDX License List identifier; put it in \"name\" or an \"expression\""
	case strings.ContainsAny(id, " ()"):
		return "is not a single identifier; put a licence expression in \"expression\" and a licence's name in \"name\""
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+') {
			return "contains characters no SPDX licence identifier has (letters, digits, '.', '-', '+')"
		}
	}
	return ""
}

// quoteList renders an enumeration for a message.
func quoteList(values []string) string { return strings.Join(values, ", ") }

func inList(values []string, v string) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}
