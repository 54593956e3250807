package threatimport

import (
	"bytes"
	"encoding/json"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
)

// Format names the tool a threat model file was written with.
type Format string

// The formats Detect tells apart.
const (
	// Native is annexlint's own security risk file, and anything Detect does
	// not recognise, so that the schema check reports what is wrong with it.
	Native Format = "native"
	// ThreatDragonV2 is an OWASP Threat Dragon 2.x JSON model.
	ThreatDragonV2 Format = "threat-dragon-v2"
	// ThreatDragonV1 is the legacy Threat Dragon 1.x model; Import refuses it.
	ThreatDragonV1 Format = "threat-dragon-v1"
	// Threagile is a Threagile YAML model.
	Threagile Format = "threagile"
)

// Detect tells the format from the content, never from the file name. Only
// the top-level keys are read, so a file that does not even parse is
// Native: parsing it again reports the syntax error with its position.
func Detect(data []byte) Format {
	keys, ok := topLevel(data)
	if !ok {
		return Native
	}
	if kind, _ := keys["kind"].(string); kind == "security-risk-file" {
		return Native
	}
	if _, ok := keys["threagile_version"]; ok {
		return Threagile
	}
	if _, ok := keys["technical_assets"]; ok {
		return Threagile
	}
	_, summary := keys["summary"]
	_, detail := keys["detail"]
	version, hasVersion := keys["version"]
	if !summary || (!detail && !hasVersion) {
		return Native
	}
	// Threat Dragon 1.x wrote no version; 2.x writes its own version.
	if v, _ := version.(string); !hasVersion || strings.HasPrefix(strings.TrimSpace(v), "1.") {
		return ThreatDragonV1
	}
	return ThreatDragonV2
}

// topLevel returns the top-level keys of a JSON or YAML mapping, with the
// value when it is text. It does not expand YAML aliases nor descend into
// values, so it is cheap on any input.
func topLevel(data []byte) (map[string]any, bool) {
	keys := map[string]any{}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(trimmed, &raw); err != nil {
			return nil, false
		}
		for k, v := range raw {
			var s string
			if json.Unmarshal(v, &s) == nil {
				keys[k] = s
			} else {
				keys[k] = nil
			}
		}
		return keys, true
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, false
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	if doc.Kind != yaml.MappingNode {
		return nil, false
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" {
			keys[k.Value] = v.Value
		} else {
			keys[k.Value] = nil
		}
	}
	return keys, true
}

// Import reads a threat model and returns it as a native security risk file
// (plain JSON values: map[string]any, []any, string, json.Number, bool, nil)
// together with a source map that maps pointers into that content to positions
// in the original file. A native file is returned as it is, with its own
// positions. Syntax errors are docparse's *position.Error; a file of the
// wrong shape is a *position.Error naming the place and what is expected.
func Import(file string, data []byte, limits docparse.Limits) (map[string]any, position.SourceMap, error) {
	switch Detect(data) {
	case ThreatDragonV1, ThreatDragonV2, Threagile:
		m, err := ImportModel(file, data, limits)
		if err != nil {
			return nil, nil, err
		}
		return m.Content, m.Source, nil
	default:
		doc, err := docparse.Parse(file, data, limits)
		if err != nil {
			return nil, nil, err
		}
		content, ok := doc.Value.(map[string]any)
		if !ok {
			return nil, nil, position.Errorf(doc.Pos(""),
				"expected a security risk file (a mapping with kind: security-risk-file), a Threat Dragon v2 model or a Threagile model")
		}
		return content, doc, nil
	}
}

// source is a parsed original file: its value and the position of any
// pointer into it. *docparse.Doc is one.
type source interface {
	Pos(pointer string) position.Pos
}

// sourceMap is the position.SourceMap of an imported file: native pointer -> pointer
// into the original, resolved through the original's positions. A pointer
// that was not mapped takes its nearest mapped ancestor, so /threats/3/stride/0
// lands where /threats/3/stride came from.
type sourceMap struct {
	src  source
	ptrs map[string]string
}

func (m *sourceMap) Pos(pointer string) position.Pos {
	for p := pointer; ; {
		if s, ok := m.ptrs[p]; ok {
			return m.src.Pos(s)
		}
		if p == "" {
			return m.src.Pos("")
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			p = ""
			continue
		}
		p = p[:i]
	}
}
