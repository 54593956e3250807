package sbom

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annexlint/annexlint/internal/position"
)

// notSBOM prefixes every "this is not an SBOM" reason so users and tests can
// tell it apart from a broken SBOM.
const notSBOM = "not a CycloneDX or SPDX document: "

// maxDepth caps JSON and XML nesting; real SBOMs stay far below it and our own
// walks recurse once per level.
const maxDepth = 1000

var (
	cdxVersions  = map[string]bool{"1.2": true, "1.3": true, "1.4": true, "1.5": true, "1.6": true, "1.7": true}
	spdxVersions = map[string]string{"SPDX-2.2": "2.2", "SPDX-2.3": "2.3"}
)

// detect decides the format by content and checks the declared version.
func detect(orig []byte) (*source, error) {
	data := stripBOM(orig)
	i := 0
	for i < len(data) && isSpace(data[i]) {
		i++
	}
	if i == len(data) {
		return nil, position.Errorf(position.Pos{}, notSBOM+"the file is empty")
	}
	switch data[i] {
	case '{', '[':
		return detectJSON(data, i)
	case '<':
		return detectXML(data)
	default:
		return detectTagValue(data)
	}
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

func versionError(p position.Pos, f Format, declared, what string) error {
	return &VersionError{
		Err:     position.Errorf(p, "unsupported version: %s; %s", what, supportedText),
		Format:  f,
		Version: declared,
	}
}

// quoteIfOdd quotes a version only when it would read badly bare.
func quoteIfOdd(v string) string {
	if v == "" || strings.ContainsAny(v, " \t\"") {
		return fmt.Sprintf("%q", v)
	}
	return v
}

// spdxVersionText names a declared SPDX version for a message.
func spdxVersionText(v string) string {
	if strings.HasPrefix(v, "SPDX-") && !strings.ContainsAny(v, " \t\"") {
		return v
	}
	return "SPDX version " + quoteIfOdd(v)
}

// spdx3Version pulls "3.0.1" out of an @context such as
// "https://spdx.org/rdf/3.0.1/spdx-context.jsonld".
func spdx3Version(ctx []byte) string {
	s := string(ctx)
	i := strings.Index(s, "spdx.org/rdf/")
	if i < 0 {
		return "3"
	}
	s = s[i+len("spdx.org/rdf/"):]
	if j := strings.IndexAny(s, "/\""); j > 0 {
		s = s[:j]
	}
	if len(s) > 16 {
		return "3"
	}
	return s
}

func detectTagValue(data []byte) (*source, error) {
	var (
		first   = true
		bad     string
		version string
		vline   int
	)
	forEachLine(data, func(ln []byte, n int) bool {
		t := bytes.TrimLeftFunc(ln, unicode.IsSpace)
		if len(t) == 0 || t[0] == '#' {
			return true
		}
		tag, val, ok := bytes.Cut(t, []byte(":"))
		tag = bytes.TrimSpace(tag)
		if first {
			first = false
			if !ok || !isTagName(tag) {
				bad = shorten(string(t))
				vline = n
				return false
			}
		}
		if string(tag) == "SPDXVersion" {
			version, vline = string(bytes.TrimSpace(val)), n
			return false
		}
		return true
	})
	switch {
	case bad != "":
		return nil, position.Errorf(position.Pos{Line: vline}, notSBOM+"content is not JSON, XML or SPDX tag-value (starts with %q)", bad)
	case first:
		return nil, position.Errorf(position.Pos{}, notSBOM+"the file has only blank or comment lines")
	case vline == 0:
		return nil, position.Errorf(position.Pos{Line: 1}, notSBOM+"tag-value text without an SPDXVersion tag")
	}
	short, ok := spdxVersions[version]
	if !ok {
		return nil, versionError(position.Pos{Line: vline}, FormatSPDXTagValue, version, spdxVersionText(version)+" (tag-value)")
	}
	return &source{data: data, format: FormatSPDXTagValue, version: short, root: Loc{Line: vline, Col: 1}}, nil
}

func isTagName(b []byte) bool {
	if len(b) == 0 || len(b) > 64 {
		return false
	}
	for i, c := range b {
		letter := c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// shorten keeps error messages readable when a file's first line is huge.
func shorten(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}

// forEachLine calls fn for each line (without its end) and its 1-based number
// until fn returns false. Lines end at \n, \r\n or a lone \r: old Mac tools
// still write CR-only SPDX files.
func forEachLine[T ~string | ~[]byte](data T, fn func(line T, n int) bool) {
	n := 0
	for len(data) > 0 {
		n++
		i := 0
		for i < len(data) && data[i] != '\r' && data[i] != '\n' {
			i++
		}
		if i == len(data) {
			fn(data, n)
			return
		}
		next := i + 1
		if data[i] == '\r' && next < len(data) && data[next] == '\n' {
			next++
		}
		if !fn(data[:i], n) {
			return
		}
		data = data[next:]
	}
}
