package securitytxt

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/annexlint/annexlint/internal/position"
)

// Field names defined by RFC 9116, plus CSAF (registered by CSAF 2.0), keyed
// by lower case for case-insensitive matching.
var knownFields = map[string]string{
	"acknowledgments":     "Acknowledgments",
	"canonical":           "Canonical",
	"contact":             "Contact",
	"csaf":                "CSAF",
	"encryption":          "Encryption",
	"expires":             "Expires",
	"hiring":              "Hiring",
	"policy":              "Policy",
	"preferred-languages": "Preferred-Languages",
}

// uriFields hold a URI; RFC 9116 requires "https://" for web URIs in each.
var uriFields = map[string]bool{
	"Acknowledgments": true, "Canonical": true, "Contact": true, "CSAF": true,
	"Encryption": true, "Hiring": true, "Policy": true,
}

// OpenPGP cleartext signature framework markers (RFC 4880 section 7).
const (
	pgpBeginMessage   = "-----BEGIN PGP SIGNED MESSAGE-----"
	pgpBeginSignature = "-----BEGIN PGP SIGNATURE-----"
	pgpEndSignature   = "-----END PGP SIGNATURE-----"
)

// Parse parses a security.txt. name is the file's bundle-relative path, used
// in errors; asOf is the reference time for the Expires checks (zero skips
// them). It returns an error only for input that is not text (NUL bytes);
// RFC violations are reported in File.Problems.
func Parse(name string, data []byte, asOf time.Time) (*File, error) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line := 1 + bytes.Count(data[:i], []byte("\n"))
		return nil, fmt.Errorf("parse security.txt: %w",
			position.Errorf(position.Pos{File: name, Line: line}, "NUL byte: binary data, not a security.txt"))
	}
	p := &parser{file: &File{Fields: []Field{}, Problems: []Problem{}}, asOf: asOf}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	p.lines(splitLines(data))
	p.fileChecks()
	slices.SortStableFunc(p.file.Problems, func(a, b Problem) int { return a.Line - b.Line })
	return p.file, nil
}

type parser struct {
	file *File
	asOf time.Time
}

func (p *parser) problem(line int, code, format string, args ...any) {
	p.file.Problems = append(p.file.Problems, Problem{Line: line, Code: code, Msg: fmt.Sprintf(format, args...)})
}

// splitLines splits on LF, dropping a CR before it (RFC 9116 allows both
// line endings) and trailing white space (the ABNF's eol = *WSP [CR] LF).
func splitLines(data []byte) []string {
	s := string(data)
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	return lines
}

// lines walks the file, unwrapping a cleartext-signed message if there is
// one, and parses the content lines.
func (p *parser) lines(lines []string) {
	begin := slices.Index(lines, pgpBeginMessage)
	if begin < 0 {
		for i, l := range lines {
			p.line(i+1, l)
		}
		return
	}
	p.file.Signed = true
	p.problem(begin+1, CodeSignatureNotVerified, "file is wrapped in an OpenPGP cleartext signature, which was not verified")
	p.outside(lines[:begin], 0)
	i := begin + 1
	// Header lines ("Hash: SHA256") run to the first blank line.
	for i < len(lines) && lines[i] != "" {
		i++
	}
	if i == len(lines) {
		p.problem(begin+1, CodeSignatureMalformed, "signed message has no blank line after its header lines")
		return
	}
	i++
	for ; i < len(lines); i++ {
		l := lines[i]
		if l == pgpBeginSignature {
			break
		}
		// Undo dash-escaping: "- " in front of a line that starts with "-".
		l = strings.TrimPrefix(l, "- ")
		p.line(i+1, l)
	}
	if i == len(lines) {
		p.problem(begin+1, CodeSignatureMalformed, "signed message has no %q block", pgpBeginSignature)
		return
	}
	sigStart := i
	end := slices.Index(lines[sigStart:], pgpEndSignature)
	if end < 0 {
		p.problem(sigStart+1, CodeSignatureMalformed, "signature block has no %q line", pgpEndSignature)
		return
	}
	p.outside(lines[sigStart+end+1:], sigStart+end+1)
}

// outside flags the first non-blank line outside the signed part: it is not
// covered by the signature.
func (p *parser) outside(lines []string, offset int) {
	for i, l := range lines {
		if l != "" {
			p.problem(offset+i+1, CodeOutsideSignature, "content outside the signed part of the file is ignored")
			return
		}
	}
}

// line parses one content line: blank, "# comment" or "Name: value".
func (p *parser) line(n int, l string) {
	if !utf8.ValidString(l) {
		p.problem(n, CodeInvalidUTF8, "line is not valid UTF-8")
		l = strings.ToValidUTF8(l, "\uFFFD")
	}
	t := strings.TrimLeft(l, " \t")
	if t == "" || strings.HasPrefix(t, "#") {
		return
	}
	name, value, ok := strings.Cut(t, ":")
	if !ok || !validFieldName(name) {
		p.problem(n, CodeInvalidLine, "line is neither a comment nor a \"Name: value\" field: %q", truncate(t, 80))
		return
	}
	if value != "" && !strings.HasPrefix(value, " ") {
		p.problem(n, CodeMissingSpace, "field %s: RFC 9116 requires a space after the colon", name)
	}
	value = strings.Trim(value, " \t")
	canonical, known := knownFields[strings.ToLower(name)]
	if !known {
		canonical = name
		p.problem(n, CodeUnknownField, "unknown field %q (RFC 9116: ignored by consumers)", name)
	}
	p.file.Fields = append(p.file.Fields, Field{Name: canonical, Value: value, Line: n})
	if value == "" {
		p.problem(n, CodeEmptyValue, "field %s has an empty value", canonical)
		return
	}
	if strings.ContainsFunc(value, unicode.IsControl) {
		// Typically CR-only line endings, which RFC 9116 does not allow.
		p.problem(n, CodeInvalidLine, "field %s: value contains control characters (CR-only line endings?)", canonical)
		return
	}
	switch {
	case canonical == "Expires":
		p.checkExpires(n, value)
	case canonical == "Preferred-Languages":
		p.checkLanguages(n, value)
	case uriFields[canonical]:
		p.checkURI(n, canonical, value)
	}
}

// validFieldName follows RFC 5322 field-name: printable ASCII except colon.
func validFieldName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 33 || c > 126 {
			return false
		}
	}
	return true
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// fileChecks reports problems about the file as a whole.
func (p *parser) fileChecks() {
	var contacts int
	var expires, langs []Field
	for _, f := range p.file.Fields {
		switch f.Name {
		case "Contact":
			contacts++
		case "Expires":
			expires = append(expires, f)
		case "Preferred-Languages":
			langs = append(langs, f)
		}
	}
	if contacts == 0 {
		p.problem(0, CodeContactMissing, "no Contact field; RFC 9116 requires at least one")
	}
	if len(expires) == 0 {
		p.problem(0, CodeExpiresMissing, "no Expires field; RFC 9116 requires exactly one")
	}
	for _, f := range expires[min(1, len(expires)):] {
		p.problem(f.Line, CodeExpiresDuplicate, "Expires appears more than once (first on line %d); RFC 9116 allows exactly one", expires[0].Line)
	}
	for _, f := range langs[min(1, len(langs)):] {
		p.problem(f.Line, CodeLanguagesDuplicate, "Preferred-Languages appears more than once (first on line %d)", langs[0].Line)
	}
}
