package sbom

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/annexlint/annexlint/internal/position"
)

// detectJSON recognises CycloneDX JSON ("bomFormat"), SPDX 2 JSON
// ("spdxVersion"), and names the near misses: SPDX 3 JSON-LD, DSSE envelopes.
func detectJSON(data []byte, start int) (*source, error) {
	if data[start] == '[' {
		return nil, position.Errorf(lineCol(data, start), notSBOM+"the JSON top level is an array, an SBOM is an object with \"bomFormat\" or \"spdxVersion\"")
	}
	top, off, res := scanTopLevel(data, start)
	switch res {
	case scanTooDeep:
		return nil, position.Errorf(lineCol(data, off), notSBOM+"JSON nesting deeper than %d levels", maxDepth)
	case scanMalformed:
		// encoding/json says precisely what is wrong and where.
		var v struct{}
		if err := json.Unmarshal(data, &v); err != nil {
			return nil, jsonError(data, "", err)
		}
		return nil, position.Errorf(lineCol(data, off), notSBOM+"invalid JSON")
	}
	src := &source{data: data, root: rootLoc(data, start), top: top, start: start}
	str := func(key string) (string, error) {
		var s string
		if err := json.Unmarshal(top[strings.ToLower(key)], &s); err != nil {
			return "", position.Errorf(keyPos(data, key), "%q must be a string, found %s", key, jsonKind(top[strings.ToLower(key)]))
		}
		return s, nil
	}
	has := func(key string) bool { _, ok := top[strings.ToLower(key)]; return ok }
	switch {
	case has("bomFormat"):
		bf, err := str("bomFormat")
		if err != nil {
			return nil, err
		}
		if bf != "CycloneDX" {
			return nil, position.Errorf(keyPos(data, "bomFormat"), notSBOM+"bomFormat is %q, CycloneDX requires \"CycloneDX\"", bf)
		}
		if !has("specVersion") {
			return nil, position.Errorf(lineCol(data, start), "CycloneDX JSON document has no specVersion; "+supportedText)
		}
		v, err := str("specVersion")
		if err != nil {
			return nil, err
		}
		if !cdxVersions[v] {
			return nil, versionError(keyPos(data, "specVersion"), FormatCycloneDXJSON, v, "CycloneDX "+quoteIfOdd(v))
		}
		src.format, src.version = FormatCycloneDXJSON, v
		return src, nil
	case has("spdxVersion"):
		v, err := str("spdxVersion")
		if err != nil {
			return nil, err
		}
		short, ok := spdxVersions[v]
		if !ok {
			return nil, versionError(keyPos(data, "spdxVersion"), FormatSPDXJSON, v, spdxVersionText(v))
		}
		src.format, src.version = FormatSPDXJSON, short
		return src, nil
	case has("@context") && bytes.Contains(top["@context"], []byte("spdx.org/rdf/3")):
		v := spdx3Version(top["@context"])
		return nil, versionError(keyPos(data, "@context"), FormatSPDXJSON, v, "SPDX "+v+" (JSON-LD)")
	case has("payloadType"):
		pt, _ := str("payloadType")
		return nil, position.Errorf(lineCol(data, start), notSBOM+"this is a DSSE envelope (payloadType %q), e.g. an in-toto attestation; "+
			"extract the SBOM from its signed payload and check that file", pt)
	default:
		return nil, position.Errorf(lineCol(data, start), notSBOM+"the JSON object has neither \"bomFormat\" (CycloneDX) nor \"spdxVersion\" (SPDX)")
	}
}

func jsonKind(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 'n':
		return "null"
	case 't', 'f':
		return "a boolean"
	default:
		return "a number"
	}
}

// jsonError turns a decoder error into a positioned one. prefix says what was
// being parsed; it is empty when the format is not known yet.
func jsonError(data []byte, prefix string, err error) error {
	withPrefix := func(msg string) string {
		if prefix == "" {
			return msg
		}
		return prefix + ": " + msg
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off := int(se.Offset)
		if off > 0 {
			off-- // Offset counts the byte that failed
		}
		return position.Errorf(lineCol(data, off), "%s", withPrefix("invalid JSON: "+se.Error()))
	case errors.As(err, &te):
		off := int(te.Offset)
		if off > 0 {
			off--
		}
		field := te.Field
		if field == "" {
			field = "top level"
		}
		var p position.Pos
		switch {
		case typeErrorAt(data, off, te.Field):
			p = lineCol(data, off)
		case te.Field != "" && !strings.Contains(te.Field, "."):
			// A top-level member ("version"): its key is a line a reader
			// can go to, where the decoder's offset was not.
			p = keyPos(data, te.Field)
		}
		return position.Errorf(p, "%s", withPrefix(fmt.Sprintf("%s is JSON %s, expected %s", field, te.Value, te.Type)))
	default:
		return position.Errorf(position.Pos{}, "%s", withPrefix(err.Error()))
	}
}

// typeErrorAt checks that a type error's offset really is the value of its
// field. Errors from a library's own UnmarshalJSON carry offsets relative to
// the sub-document it decoded, which would point at the wrong line; then no
// position beats a wrong one. The value must follow "key": or sit in an array.
func typeErrorAt(data []byte, off int, field string) bool {
	if off <= 0 || off >= len(data) {
		return false
	}
	i := off - 1
	for i >= 0 && isSpace(data[i]) {
		i--
	}
	if i < 0 {
		return false
	}
	switch data[i] {
	case '[', ',':
		return true
	case ':':
		key := field[strings.LastIndexByte(field, '.')+1:]
		i--
		for i >= 0 && isSpace(data[i]) {
			i--
		}
		quoted := `"` + key + `"`
		return i+1 >= len(quoted) && strings.EqualFold(string(data[i+1-len(quoted):i+1]), quoted)
	}
	return false
}

// keyPos finds a top-level key for error messages; it walks the document once
// and is used on error paths only.
func keyPos(data []byte, key string) position.Pos {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return position.Pos{}
	}
	for dec.More() {
		off := int(dec.InputOffset())
		t, err := dec.Token()
		if err != nil {
			return position.Pos{}
		}
		if k, ok := t.(string); ok && k == key {
			if j := bytes.IndexByte(data[off:], '"'); j >= 0 {
				off += j
			}
			return lineCol(data, off)
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return position.Pos{}
		}
	}
	return position.Pos{}
}

func rootLoc(data []byte, off int) Loc {
	p := lineCol(data, off)
	return Loc{Line: p.Line, Col: p.Col}
}
