package vuln

import (
	"bytes"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
)

// maxDepth is the nesting cap for Parse and Detect when the caller gives no
// limits. The readers recurse over the decoded tree (CSAF branches,
// CycloneDX components), so the decoder's cap also bounds their recursion.
const maxDepth = 1000

// decode reads data as JSON with the project's JSON reader (docparse), so
// syntax errors, duplicate keys, byte-order marks, invalid UTF-8 and the
// nesting and size limits are reported exactly as for every other bundle
// document, with the line and column of the offending byte. Input that does
// not start like JSON is refused here rather than handed to docparse's YAML
// reader: every format this package reads is JSON.
func decode(name string, data []byte, limits docparse.Limits) (*docparse.Doc, error) {
	if limits.MaxDepth <= 0 {
		limits.MaxDepth = maxDepth
	}
	body := bytes.TrimLeft(data, " \t\r\n")
	if len(body) == 0 {
		return nil, position.Errorf(position.Pos{File: name, Line: 1}, "file is empty; expected a JSON VEX, scan or KEV document")
	}
	if body[0] != '{' && body[0] != '[' && !hasBOM(data) {
		line, col := position.LineCol(data, len(data)-len(body))
		pos := position.Pos{File: name, Line: line, Col: col}
		if body[0] == '<' {
			return nil, position.Errorf(pos, "XML is not supported; VEX, scan results and the KEV catalog must be JSON")
		}
		return nil, position.Errorf(pos, "not JSON: a VEX, scan or KEV document starts with '{'")
	}
	return docparse.Parse(name, data, limits)
}

// hasBOM reports a UTF-8 or UTF-16 byte-order mark, which docparse refuses
// with a message that says how to fix the file.
func hasBOM(data []byte) bool {
	for _, bom := range [][]byte{{0xEF, 0xBB, 0xBF}, {0xFE, 0xFF}, {0xFF, 0xFE}} {
		if bytes.HasPrefix(data, bom) {
			return true
		}
	}
	return false
}
