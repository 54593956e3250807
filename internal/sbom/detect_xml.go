package sbom

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/annexlint/annexlint/internal/position"
)

// cdxNamespace is the prefix of every CycloneDX XML namespace; the version
// follows it.
const cdxNamespace = "http://cyclonedx.org/schema/bom/"

// detectXML reads up to the root element: CycloneDX XML is a <bom> in the
// namespace of its version.
func detectXML(data []byte) (*source, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for tokens := 0; tokens < maxDepth; tokens++ {
		line, col := dec.InputPos()
		tok, err := dec.Token()
		if err != nil {
			return nil, xmlError(dec, notSBOM+"invalid XML", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		loc := Loc{Line: line, Col: col}
		p := position.Pos{Line: line, Col: col}
		switch {
		case se.Name.Local == "bom" && strings.HasPrefix(se.Name.Space, cdxNamespace):
			v := strings.TrimPrefix(se.Name.Space, cdxNamespace)
			if !cdxVersions[v] {
				return nil, versionError(p, FormatCycloneDXXML, v, "CycloneDX "+quoteIfOdd(v)+" (XML)")
			}
			return &source{data: data, format: FormatCycloneDXXML, version: v, root: loc}, nil
		case se.Name.Local == "bom":
			return nil, position.Errorf(p, notSBOM+"<bom> has namespace %q, CycloneDX uses %s<version>", se.Name.Space, cdxNamespace)
		case se.Name.Local == "RDF" && bytes.Contains(data, []byte("spdx.org/rdf/terms")):
			return nil, position.Errorf(p, "unsupported format: SPDX RDF/XML; "+supportedText)
		default:
			return nil, position.Errorf(p, notSBOM+"XML root element is <%s>, CycloneDX uses <bom>", se.Name.Local)
		}
	}
	return nil, position.Errorf(position.Pos{}, notSBOM+"no XML root element among the first %d tokens", maxDepth)
}

func xmlError(dec *xml.Decoder, prefix string, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return position.Errorf(position.Pos{Line: se.Line}, "%s: %s", prefix, se.Msg)
	}
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	line, col := dec.InputPos()
	return position.Errorf(position.Pos{Line: line, Col: col}, "%s: %v", prefix, err)
}
