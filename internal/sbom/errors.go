package sbom

import (
	"bytes"
	"errors"

	"github.com/annexlint/annexlint/internal/position"
)

// VersionError reports a recognised SBOM format in a version this package does
// not load. It unwraps to a *position.Error, so callers that only know that
// type still print file:line: reason.
type VersionError struct {
	Err     *position.Error
	Format  Format
	Version string // as declared, e.g. "1.1", "SPDX-2.1", "3.0.1"
}

func (e *VersionError) Error() string { return e.Err.Error() }

// Unwrap returns the positioned error.
func (e *VersionError) Unwrap() error { return e.Err }

// supportedText is quoted in every version error so users know what to produce.
const supportedText = "supported: CycloneDX 1.2–1.7 (JSON or XML), SPDX 2.2 and 2.3 (JSON or tag-value)"

func asVersionError(err error, target **VersionError) bool { return errors.As(err, target) }

// withFile stamps the file name on a positioned error made before the name was
// known. Other errors are wrapped into a *position.Error.
func withFile(err error, name string) error {
	var ve *VersionError
	if errors.As(err, &ve) {
		ve.Err.Pos.File = name
		return ve
	}
	var pe *position.Error
	if errors.As(err, &pe) {
		pe.Pos.File = name
		return pe
	}
	return position.Errorf(position.Pos{File: name}, "%v", err)
}

// source is the input after detection: the bytes to decode (a UTF-8 byte-order
// mark removed) and enough of the original to turn offsets into lines.
type source struct {
	data    []byte // what decoders see: the original without a UTF-8 BOM
	format  Format
	version string // normalised: "1.6", "2.3"
	root    Loc
	top     jsonTop // JSON inputs only: the top-level values
	start   int     // JSON inputs only: offset of the root '{' in data
}

// lineCol turns a byte offset into a 1-based line and byte column; it is linear in off; it runs once per error or root, never per item.
// Lines end at \n, \r\n or a lone \r.
func lineCol(data []byte, off int) position.Pos {
	if off < 0 {
		return position.Pos{}
	}
	if off > len(data) {
		off = len(data)
	}
	line, start := 1, 0
	for i := 0; i < off; i++ {
		switch data[i] {
		case '\n':
			line++
			start = i + 1
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				continue
			}
			line++
			start = i + 1
		}
	}
	return position.Pos{Line: line, Col: off - start + 1}
}

// utf8BOM is the byte-order mark some Windows tools put before JSON and XML.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

func stripBOM(data []byte) []byte { return bytes.TrimPrefix(data, utf8BOM) }
