package threatimport

import (
	"fmt"
	"sort"
	"strings"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
)

// Element is a part of a threat model that threats are on and that a team
// can map onto the manifest's interfaces: a Threat Dragon data flow,
// process, actor or store; a Threagile technical asset, communication link
// or trust boundary. Neither tool knows the manifest's interface IDs, so
// the mapping is the team's statement, never a guess from names.
type Element struct {
	// ID is the element's ID in the model: a Threat Dragon cell ID, a
	// Threagile asset or boundary id, or Threagile's link ID
	// "<source asset id>><link title>".
	ID string
	// Kind says what the element is, in words: "data flow", "process",
	// "technical asset", "communication link", "trust boundary"...
	Kind string
	// Name is the element's name or title in the model, possibly empty.
	Name string
	// Threats is how many imported threats are on the element.
	Threats int
}

// Label names the element for a person: its kind, name and ID.
func (e Element) Label() string {
	switch {
	case e.Name != "" && e.Name != e.ID:
		return fmt.Sprintf("%s %q (id %s)", e.Kind, e.Name, e.ID)
	default:
		return fmt.Sprintf("%s %s", e.Kind, e.ID)
	}
}

// Model is an imported threat model: the native risk file, where its values
// came from, and the model's elements with the threats on each.
type Model struct {
	Format   Format
	Content  map[string]any
	Source   position.SourceMap
	Elements []Element
	// threatElements[i] are the element IDs threat i of Content is on.
	threatElements [][]string
}

func newModel(format Format, f *riskFile, content map[string]any, src position.SourceMap) *Model {
	m := &Model{Format: format, Content: content, Source: src, Elements: f.elements}
	count := map[string]int{}
	for _, t := range f.threats {
		m.threatElements = append(m.threatElements, t.elements)
		for _, id := range t.elements {
			count[id]++
		}
	}
	for i := range m.Elements {
		m.Elements[i].Threats = count[m.Elements[i].ID]
	}
	return m
}

// Lookup finds the element ref names: its ID, or else its name when exactly
// one element has that name. The error says what ref matched, or which IDs
// share the name.
func (m *Model) Lookup(ref string) (Element, error) {
	ref = strings.TrimSpace(ref)
	for _, e := range m.Elements {
		if e.ID == ref && e.ID != "" {
			return e, nil
		}
	}
	var named []Element
	for _, e := range m.Elements {
		if e.Name == ref && e.Name != "" {
			named = append(named, e)
		}
	}
	switch len(named) {
	case 1:
		if named[0].ID == "" {
			return Element{}, fmt.Errorf("model element %q has no ID, so the imported threats cannot name it; give it an ID in the model", ref)
		}
		return named[0], nil
	case 0:
		return Element{}, fmt.Errorf("the model has no element with ID or name %q (elements: %s)", ref, m.elementList())
	default:
		ids := make([]string, len(named))
		for i, e := range named {
			ids[i] = e.ID
		}
		return Element{}, fmt.Errorf("%d model elements are named %q; map them by ID instead: %s", len(named), ref, strings.Join(ids, ", "))
	}
}

// maxListed bounds the element list in an error message.
const maxListed = 20

func (m *Model) elementList() string {
	if len(m.Elements) == 0 {
		return "none"
	}
	var parts []string
	for i, e := range m.Elements {
		if i == maxListed {
			parts = append(parts, fmt.Sprintf("and %d more", len(m.Elements)-maxListed))
			break
		}
		parts = append(parts, e.Label())
	}
	return strings.Join(parts, "; ")
}

// MapInterfaces sets the interfaces of every imported threat to the
// interface IDs its elements are mapped to (element ID -> interface IDs),
// sorted. Threats on no mapped element keep an empty list, so the
// interface coverage rule still reports what nobody mapped.
func (m *Model) MapInterfaces(mapping map[string][]string) {
	threats, _ := m.Content["threats"].([]any)
	for i, tv := range threats {
		t, ok := tv.(map[string]any)
		if !ok || i >= len(m.threatElements) {
			continue
		}
		var ifaces []string
		for _, el := range m.threatElements[i] {
			for _, id := range mapping[el] {
				ifaces = appendUnique(ifaces, id)
			}
		}
		sort.Strings(ifaces)
		t["interfaces"] = strList(ifaces)
	}
}

// ImportModel is Import for a file that must be a Threat Dragon v2 or
// Threagile model, returning its elements too.
func ImportModel(file string, data []byte, limits docparse.Limits) (*Model, error) {
	switch format := Detect(data); format {
	case ThreatDragonV2:
		doc, err := docparse.Parse(file, data, limits)
		if err != nil {
			return nil, err
		}
		return importThreatDragon(doc)
	case Threagile:
		src, err := parseThreagile(file, data, limits)
		if err != nil {
			return nil, err
		}
		return importThreagile(src)
	case ThreatDragonV1:
		return nil, errThreatDragonV1(file)
	default:
		return nil, fmt.Errorf("%s: not a Threat Dragon v2 or Threagile model (a native security risk file, or an unknown format)", file)
	}
}

func errThreatDragonV1(file string) error {
	return position.Errorf(position.Pos{File: file, Line: 1, Col: 1},
		"this is a Threat Dragon v1 model, and v1 is not supported; open and save it in Threat Dragon 2, which converts it to the v2 format")
}
