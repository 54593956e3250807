package sbom

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"

	"github.com/annexlint/annexlint/internal/position"
)

// xmlNode is where a CycloneDX XML element starts, with the tracked children
// in document order, so the decoded BOM can be matched back index by index.
type xmlNode struct {
	line, col     int
	hasName       bool       // a <name> child, for components
	hasVersion    bool       // a <version> child, for components
	components    []*xmlNode // components/component
	dependencies  []*xmlNode // dependencies/dependency (root only)
	compositions  []*xmlNode // compositions/composition (root only)
	metaComponent *xmlNode   // metadata/component (root only)
}

type xmlFrameKind int

const (
	xOther xmlFrameKind = iota
	xBOM
	xMetadata
	xComponent
	xComponents
	xDependencies
	xCompositions
)

type xmlFrame struct {
	kind xmlFrameKind
	node *xmlNode
}

// indexCycloneDXXML is a light token pass over the element tree. It follows
// the same paths cyclonedx-go decodes (matching local names, as it does) and
// records each start position: InputPos before a token is the end of the
// previous one, which is where the start tag begins.
func indexCycloneDXXML(data []byte) (*xmlNode, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var (
		stack []xmlFrame
		root  *xmlNode
	)
	for {
		line, col := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, xmlError(dec, "parse CycloneDX XML", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= maxDepth {
				return nil, position.Errorf(position.Pos{Line: line, Col: col}, "parse CycloneDX XML: elements nested deeper than %d levels", maxDepth)
			}
			stack = append(stack, childFrame(stack, t.Name.Local, line, col, &root))
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	if root == nil {
		return nil, position.Errorf(position.Pos{}, "parse CycloneDX XML: no root element")
	}
	return root, nil
}

func childFrame(stack []xmlFrame, name string, line, col int, root **xmlNode) xmlFrame {
	if len(stack) == 0 {
		*root = &xmlNode{line: line, col: col}
		return xmlFrame{kind: xBOM, node: *root}
	}
	parent := stack[len(stack)-1]
	newNode := func() *xmlNode { return &xmlNode{line: line, col: col} }
	switch {
	case parent.kind == xComponent && name == "name":
		parent.node.hasName = true
	case parent.kind == xComponent && name == "version":
		parent.node.hasVersion = true
	case name == "components" && (parent.kind == xBOM || parent.kind == xComponent):
		return xmlFrame{kind: xComponents, node: parent.node}
	case name == "component" && parent.kind == xComponents:
		n := newNode()
		parent.node.components = append(parent.node.components, n)
		return xmlFrame{kind: xComponent, node: n}
	case name == "metadata" && parent.kind == xBOM:
		return xmlFrame{kind: xMetadata, node: parent.node}
	case name == "component" && parent.kind == xMetadata:
		n := newNode()
		parent.node.metaComponent = n
		return xmlFrame{kind: xComponent, node: n}
	case name == "dependencies" && parent.kind == xBOM:
		return xmlFrame{kind: xDependencies, node: parent.node}
	case name == "dependency" && parent.kind == xDependencies:
		parent.node.dependencies = append(parent.node.dependencies, newNode())
	case name == "compositions" && parent.kind == xBOM:
		return xmlFrame{kind: xCompositions, node: parent.node}
	case name == "composition" && parent.kind == xCompositions:
		parent.node.compositions = append(parent.node.compositions, newNode())
	}
	return xmlFrame{kind: xOther}
}
