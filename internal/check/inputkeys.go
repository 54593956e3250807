package check

import (
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/finding"
)

// releaseContents lets the bundle's copy of each plain document's content
// go once the policy input holds it (input.documents[_].content) and
// returns those contents by path, for stable keys. Every large document
// (an SBOM, a scan, a VEX document) is held as content and as policy input
// otherwise: for 10,000 components about 26 MB more live heap through
// evaluation, and twice that in peak memory.
func releaseContents(b *bundle.Bundle, in ast.Value) map[string]ast.Value {
	byPath := map[string]ast.Value{}
	obj, _ := in.(ast.Object)
	if obj == nil {
		return byPath
	}
	docs, _ := termValue(obj.Get(ast.InternedTerm("documents"))).(*ast.Array)
	if docs == nil {
		return byPath
	}
	for i := range docs.Len() {
		doc, _ := docs.Elem(i).Value.(ast.Object)
		if doc == nil {
			continue
		}
		path, _ := termValue(doc.Get(ast.InternedTerm("path"))).(ast.String)
		byPath[string(path)] = termValue(doc.Get(ast.InternedTerm("content")))
	}
	for _, d := range b.Documents {
		// (a document listed under the manifest's own path keeps its
		// content: stable keys in that file name the manifest's places)
		if _, ok := byPath[d.Path]; ok && d.Plain && d.Path != b.Manifest.Path {
			d.Content = nil
		} else {
			delete(byPath, d.Path)
		}
	}
	return byPath
}

func termValue(t *ast.Term) ast.Value {
	if t == nil {
		return nil
	}
	return t.Value
}

// astNode is a value of the policy input as finding.StableKeyOf reads it:
// the same tree as the plain content it was built from (input.Build), so
// the same keys.
type astNode struct{ v ast.Value }

func (n astNode) Kind() finding.NodeKind {
	switch n.v.(type) {
	case ast.Object:
		return finding.KindObject
	case *ast.Array:
		return finding.KindArray
	case ast.String:
		return finding.KindString
	}
	return finding.KindOther
}

func (n astNode) Member(name string) finding.Node {
	obj, _ := n.v.(ast.Object)
	if obj == nil {
		return astNode{}
	}
	return astNode{termValue(obj.Get(ast.StringTerm(name)))}
}

func (n astNode) Len() int {
	a, _ := n.v.(*ast.Array)
	if a == nil {
		return 0
	}
	return a.Len()
}

func (n astNode) Item(i int) finding.Node { return astNode{n.v.(*ast.Array).Elem(i).Value} }

func (n astNode) Text() string {
	s, _ := n.v.(ast.String)
	return string(s)
}
