package threatimport

import (
	"sort"
	"strings"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
)

// Interface is one of the manifest's product.interfaces.
type Interface struct {
	ID, Name string
}

// ManifestInterfaces reads product.interfaces from a bundle manifest
// (annexlint.yaml). Entries without a text id are errors at their place:
// a mapping onto them could never be checked.
func ManifestInterfaces(file string, data []byte) ([]Interface, error) {
	doc, err := docparse.Parse(file, data, docparse.Limits{})
	if err != nil {
		return nil, err
	}
	root, ok := doc.Value.(map[string]any)
	if !ok {
		return nil, position.Errorf(doc.Pos(""), "not a bundle manifest: expected a mapping with product.interfaces")
	}
	product, ok := root["product"].(map[string]any)
	if !ok {
		return nil, position.Errorf(doc.Pos(""), "the manifest has no product mapping, so it declares no interfaces to map onto")
	}
	list, ok := product["interfaces"].([]any)
	if !ok || len(list) == 0 {
		return nil, position.Errorf(doc.Pos("/product"), "the manifest declares no interfaces (product.interfaces), so there is nothing to map the model onto; declare each external interface with its id first")
	}
	var out []Interface
	for i, v := range list {
		ptr := docparse.Index("/product/interfaces", i)
		m, _ := v.(map[string]any)
		id, _ := m["id"].(string)
		if strings.TrimSpace(id) == "" {
			return nil, position.Errorf(doc.Pos(ptr), "interface %d has no id; give every interface an id to map onto", i+1)
		}
		name, _ := m["name"].(string)
		out = append(out, Interface{ID: id, Name: name})
	}
	return out, nil
}

// Mapping is element ID -> interface IDs, as MapInterfaces takes it.
type Mapping map[string][]string

// add records one element -> interface pair once.
func (m Mapping) add(element, iface string) {
	m[element] = appendUnique(m[element], iface)
}

// Mapper checks mapping entries against a model's elements and a
// manifest's interfaces and collects them.
type Mapper struct {
	model      *Model
	interfaces map[string]bool
	Mapping    Mapping
}

// NewMapper starts an empty mapping of model onto interfaces.
func NewMapper(model *Model, interfaces []Interface) *Mapper {
	known := map[string]bool{}
	for _, i := range interfaces {
		known[i.ID] = true
	}
	return &Mapper{model: model, interfaces: known, Mapping: Mapping{}}
}

// Add maps the element ref (ID or unique name) onto the interface id.
func (mp *Mapper) Add(ref, iface string) error {
	iface = strings.TrimSpace(iface)
	if !mp.interfaces[iface] {
		return &unknownInterface{id: iface, known: mp.interfaces}
	}
	e, err := mp.model.Lookup(ref)
	if err != nil {
		return err
	}
	mp.Mapping.add(e.ID, iface)
	return nil
}

type unknownInterface struct {
	id    string
	known map[string]bool
}

func (u *unknownInterface) Error() string {
	ids := make([]string, 0, len(u.known))
	for id := range u.known {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return "the manifest declares no interface " + quote(u.id) + " (its interfaces: " + strings.Join(ids, ", ") + ")"
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// AddFile reads a mapping file: a YAML or JSON mapping of model elements
// (ID or unique name) to an interface ID or a list of them. Every error
// names the file, line and column of the entry.
func (mp *Mapper) AddFile(file string, data []byte) error {
	doc, err := docparse.Parse(file, data, docparse.Limits{})
	if err != nil {
		return err
	}
	root, ok := doc.Value.(map[string]any)
	if !ok {
		return position.Errorf(doc.Pos(""), "a mapping file maps model elements to interface IDs (ELEMENT: IF-ID or ELEMENT: [IF-ID, ...])")
	}
	refs := make([]string, 0, len(root))
	for ref := range root {
		refs = append(refs, ref)
	}
	// Report the first error in file order, whatever the map order.
	sort.Slice(refs, func(i, j int) bool {
		pi, pj := doc.Pos(docparse.Pointer("", refs[i])), doc.Pos(docparse.Pointer("", refs[j]))
		if pi.Line != pj.Line {
			return pi.Line < pj.Line
		}
		return pi.Col < pj.Col
	})
	for _, ref := range refs {
		ptr := docparse.Pointer("", ref)
		var ifaces []any
		switch v := root[ref].(type) {
		case string:
			ifaces = []any{v}
		case []any:
			ifaces = v
		}
		if len(ifaces) == 0 {
			return position.Errorf(doc.Pos(ptr), "element %s: give an interface ID or a list of them", quote(ref))
		}
		for i, iv := range ifaces {
			id, ok := iv.(string)
			at := ptr
			if _, list := root[ref].([]any); list {
				at = docparse.Index(ptr, i)
			}
			if !ok {
				return position.Errorf(doc.Pos(at), "element %s: an interface ID must be text", quote(ref))
			}
			if err := mp.Add(ref, id); err != nil {
				return position.Errorf(doc.Pos(at), "%s", err.Error())
			}
		}
	}
	return nil
}

// Unnamed returns the interfaces (in manifest order) no threat names once
// the mapping is applied.
func (m *Model) Unnamed(interfaces []Interface) []Interface {
	named := map[string]bool{}
	threats, _ := m.Content["threats"].([]any)
	for _, tv := range threats {
		t, _ := tv.(map[string]any)
		list, _ := t["interfaces"].([]any)
		for _, v := range list {
			if s, ok := v.(string); ok {
				named[s] = true
			}
		}
	}
	var out []Interface
	for _, i := range interfaces {
		if !named[i.ID] {
			out = append(out, i)
		}
	}
	return out
}
