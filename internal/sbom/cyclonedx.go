package sbom

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"strconv"
	"strings"

	cdx "github.com/CycloneDX/cyclonedx-go"

	"github.com/annexlint/annexlint/internal/position"
)

func parseCycloneDXJSON(src *source) (*SBOM, error) {
	var bom cdx.BOM
	// What cyclonedx-go's JSON BOMDecoder does (json.Unmarshal into a BOM),
	// without its io.ReadAll copy of the whole file first.
	if err := json.Unmarshal(src.data, &bom); err != nil {
		return nil, jsonError(src.data, "parse CycloneDX JSON", err)
	}
	root := locNode{json: true}
	s := normaliseCycloneDX(src, &bom, root)
	s.Problems = checkCycloneDX(src, &bom, s, root, newRawJSON(src.data, src.start))
	return s, nil
}

func parseCycloneDXXML(src *source) (*SBOM, error) {
	// The light pass first: it checks well-formedness and depth with line
	// numbers, and records where each element starts.
	root, err := indexCycloneDXXML(src.data)
	if err != nil {
		return nil, err
	}
	var bom cdx.BOM
	if err := cdx.NewBOMDecoder(bytes.NewReader(src.data), cdx.BOMFileFormatXML).Decode(&bom); err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, position.Errorf(position.Pos{Line: se.Line}, "parse CycloneDX XML: %s", se.Msg)
		}
		return nil, position.Errorf(position.Pos{}, "parse CycloneDX XML: %v", err)
	}
	at := locNode{xml: root}
	s := normaliseCycloneDX(src, &bom, at)
	s.Problems = checkCycloneDX(src, &bom, s, at, nil)
	return s, nil
}

// locNode places a decoded value in the original file: a JSON pointer for
// JSON inputs, the element index of the XML pass for XML inputs.
type locNode struct {
	json bool
	ptr  string
	xml  *xmlNode
}

func (n locNode) loc() Loc {
	switch {
	case n.json:
		return Loc{Pointer: n.ptr}
	case n.xml != nil:
		return Loc{Line: n.xml.line, Col: n.xml.col}
	}
	return Loc{}
}

// at steps to field[i] ("components", "dependencies", "compositions"), or to
// field itself when i < 0 ("metadata/component").
func (n locNode) at(field string, i int) locNode {
	if n.json {
		p := n.ptr + "/" + field
		if i >= 0 {
			p += "/" + strconv.Itoa(i)
		}
		return locNode{json: true, ptr: p}
	}
	if n.xml == nil {
		return locNode{}
	}
	var list []*xmlNode
	switch field {
	case "metadata/component":
		return locNode{xml: n.xml.metaComponent}
	case "components":
		list = n.xml.components
	case "dependencies":
		list = n.xml.dependencies
	case "compositions":
		list = n.xml.compositions
	}
	if i < 0 || i >= len(list) {
		return locNode{}
	}
	return locNode{xml: list[i]}
}

// sub steps into members of the value at n: a deeper pointer for JSON. XML
// values inside a tracked element stay at that element's line.
func (n locNode) sub(tokens ...string) locNode {
	if !n.json {
		return n
	}
	p := n.ptr
	for _, t := range tokens {
		p += "/" + t
	}
	return locNode{json: true, ptr: p}
}

// idx is sub for an array element.
func (n locNode) idx(field string, i int) locNode { return n.sub(field, strconv.Itoa(i)) }

func newSBOM(src *source) *SBOM {
	return &SBOM{
		Format:        src.format,
		SpecVersion:   src.version,
		Authors:       []string{},
		Tools:         []string{},
		Components:    []Component{},
		Dependencies:  []Dependency{},
		KnownUnknowns: []KnownUnknown{},
		Problems:      []Problem{},
		Loc:           src.root,
	}
}

func normaliseCycloneDX(src *source, bom *cdx.BOM, root locNode) *SBOM {
	s := newSBOM(src)
	s.SerialNumber = bom.SerialNumber
	// Reserved: growing it copied every component some twelve times on a
	// large SBOM, and fresh memory costs a short run most.
	reserve := countCycloneDX(bom.Components)
	if bom.Metadata != nil && bom.Metadata.Component != nil {
		reserve += countCycloneDX(bom.Metadata.Component.Components)
	}
	s.Components = make([]Component, 0, reserve)
	if md := bom.Metadata; md != nil {
		s.Timestamp = md.Timestamp
		authors, tools := newOrderedSet(), newOrderedSet()
		if md.Authors != nil {
			for _, a := range *md.Authors {
				authors.add(contactName(a))
			}
		}
		for _, e := range []*cdx.OrganizationalEntity{md.Manufacture, md.Manufacturer, md.Supplier} {
			authors.add(entityName(e))
		}
		cdxTools(md.Tools, tools)
		s.Authors, s.Tools = authors.list, tools.list
		if md.Component != nil {
			at := root.at("metadata/component", -1)
			p := cdxComponent(md.Component, at)
			s.Primary = &p
			// Parts of the product are components too; the product is not.
			s.Components = walkCycloneDX(s.Components, md.Component.Components, at)
		}
	}
	s.Components = walkCycloneDX(s.Components, bom.Components, root)
	if bom.Dependencies != nil {
		for i, d := range *bom.Dependencies {
			dep := Dependency{Ref: d.Ref, DependsOn: []string{}, Contains: []string{}, Loc: root.at("dependencies", i).loc()}
			if d.Dependencies != nil {
				dep.DependsOn = append(dep.DependsOn, *d.Dependencies...)
			}
			s.Dependencies = append(s.Dependencies, dep)
		}
	}
	if bom.Compositions != nil {
		for i, c := range *bom.Compositions {
			if c.Aggregate == cdx.CompositionAggregateComplete {
				continue
			}
			refs := newOrderedSet()
			for _, list := range []*[]cdx.BOMReference{c.Assemblies, c.Dependencies} {
				if list != nil {
					for _, r := range *list {
						refs.add(string(r))
					}
				}
			}
			ku := KnownUnknown{Aggregate: string(c.Aggregate), Refs: refs.list, Loc: root.at("compositions", i).loc()}
			s.KnownUnknowns = append(s.KnownUnknowns, ku)
		}
	}
	return s
}

// walkCycloneDX appends list and, after each component, its nested
// components (pre-order). Recursion depth is bounded by the input nesting
// cap checked before decoding.
func walkCycloneDX(out []Component, list *[]cdx.Component, parent locNode) []Component {
	if list == nil {
		return out
	}
	for i := range *list {
		c := &(*list)[i]
		at := parent.at("components", i)
		out = append(out, cdxComponent(c, at))
		out = walkCycloneDX(out, c.Components, at)
	}
	return out
}

// countCycloneDX counts the components of list and of their nested lists.
func countCycloneDX(list *[]cdx.Component) int {
	if list == nil {
		return 0
	}
	n := len(*list)
	for i := range *list {
		n += countCycloneDX((*list)[i].Components)
	}
	return n
}

func cdxTools(tc *cdx.ToolsChoice, tools *orderedSet) {
	if tc == nil {
		return
	}
	if tc.Tools != nil {
		for _, t := range *tc.Tools {
			tools.add(joinNonEmpty(t.Vendor, t.Name, t.Version))
		}
	}
	if tc.Components != nil {
		for _, c := range *tc.Components {
			tools.add(joinNonEmpty(c.Group, c.Name, c.Version))
		}
	}
	if tc.Services != nil {
		for _, sv := range *tc.Services {
			tools.add(joinNonEmpty(sv.Group, sv.Name, sv.Version))
		}
	}
}

// Property names read from CycloneDX components. The bsi: names are from the
// BSI TR-03183-2 CycloneDX property taxonomy; cdx:lifecycle:milestone:* is the
// official CycloneDX taxonomy; support-level/end-of-support are plain names
// some generators use.
var cdxProps = map[string]func(*Component) *string{
	"bsi:component:filename":               func(c *Component) *string { return &c.Filename },
	"bsi:component:executable":             func(c *Component) *string { return &c.ExecutableProperty },
	"bsi:component:archive":                func(c *Component) *string { return &c.ArchiveProperty },
	"bsi:component:structured":             func(c *Component) *string { return &c.StructuredProperty },
	"support-level":                        func(c *Component) *string { return &c.SupportLevel },
	"end-of-support":                       func(c *Component) *string { return &c.EndOfSupport },
	"cdx:lifecycle:milestone:endofsupport": func(c *Component) *string { return &c.EndOfSupport },
}

func cdxComponent(c *cdx.Component, at locNode) Component {
	out := Component{
		Ref:      c.BOMRef,
		Type:     string(c.Type),
		Name:     c.Name,
		Version:  c.Version,
		Group:    c.Group,
		Scope:    string(c.Scope),
		CPEs:     []string{},
		Hashes:   []Hash{},
		Licenses: []string{},
		Loc:      at.loc(),
	}
	out.Supplier, out.SupplierSource = cdxSupplier(c)
	out.Purl, out.PurlError = normalisePurl(c.PackageURL)
	if cpe := strings.TrimSpace(c.CPE); cpe != "" {
		out.CPEs = append(out.CPEs, cpe)
	}
	if c.Hashes != nil {
		for _, h := range *c.Hashes {
			out.Hashes = append(out.Hashes, normaliseHash(string(h.Algorithm), h.Value))
		}
	}
	if c.Licenses != nil {
		for _, lc := range *c.Licenses {
			if l := licenseText(lc); l != "" {
				out.Licenses = append(out.Licenses, l)
			}
		}
	}
	if c.Properties != nil {
		for _, p := range *c.Properties {
			field, ok := cdxProps[strings.ToLower(strings.TrimSpace(p.Name))]
			if !ok {
				continue
			}
			if dst := field(&out); *dst == "" {
				*dst = strings.TrimSpace(p.Value)
			}
		}
	}
	return out
}

// cdxSupplier picks the supplier, falling back to who made or published the
// component, and says which field it came from.
func cdxSupplier(c *cdx.Component) (string, string) {
	if n := entityName(c.Supplier); n != "" {
		return n, "supplier"
	}
	if n := entityName(c.Manufacturer); n != "" {
		return n, "manufacturer"
	}
	if n := strings.TrimSpace(c.Publisher); n != "" {
		return n, "publisher"
	}
	if c.Authors != nil {
		for _, a := range *c.Authors {
			if n := contactName(a); n != "" {
				return n, "author"
			}
		}
	}
	if n := strings.TrimSpace(c.Author); n != "" {
		return n, "author"
	}
	return "", ""
}

func licenseText(lc cdx.LicenseChoice) string {
	if e := strings.TrimSpace(lc.Expression); e != "" {
		return e
	}
	if lc.License == nil {
		return ""
	}
	if id := strings.TrimSpace(lc.License.ID); id != "" {
		return id
	}
	return strings.TrimSpace(lc.License.Name)
}

// entityName is an organisation's name, else its first URL, else its first
// contact: BSI accepts a URL or e-mail address where no name is given.
func entityName(e *cdx.OrganizationalEntity) string {
	if e == nil {
		return ""
	}
	if n := strings.TrimSpace(e.Name); n != "" {
		return n
	}
	if e.URL != nil {
		for _, u := range *e.URL {
			if u = strings.TrimSpace(u); u != "" {
				return u
			}
		}
	}
	if e.Contact != nil {
		for _, c := range *e.Contact {
			if n := contactName(c); n != "" {
				return n
			}
		}
	}
	return ""
}

func contactName(c cdx.OrganizationalContact) string {
	if n := strings.TrimSpace(c.Name); n != "" {
		return n
	}
	return strings.TrimSpace(c.Email)
}
