package sbom

import (
	"bytes"
	"strconv"
	"strings"

	spdxjson "github.com/spdx/tools-golang/json"
	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/spdx/v2/common"

	"github.com/annexlint/annexlint/internal/position"
)

// spdxLocator places packages (by index and SPDX id) and relationships (by
// index in the parsed document) in the original file.
type spdxLocator struct {
	pkg func(i int, id string) Loc
	rel func(i int, r *spdx.Relationship) Loc
	// file places doc.Files[i], or a file known by id only (i < 0).
	file func(i int, id string) Loc
	// doc places a document-level tag-value tag (JSON uses pointers).
	doc func(tag string) Loc
}

func parseSPDXJSON(src *source) (*SBOM, error) {
	// Null entries are schema-invalid, and tools-golang handles them badly:
	// it removes null relationships with a quadratic loop and dereferences
	// null packages.
	for _, key := range []string{"packages", "relationships"} {
		if _, i := arrayNulls(src.top[key]); i >= 0 {
			return nil, position.Errorf(keyPos(src.data, key), "parse SPDX JSON: %s[%d] is null", key, i)
		}
	}
	doc, err := spdxjson.Read(bytes.NewReader(src.data))
	var actors map[string]untypedActors
	if err != nil && isUntypedActorError(err) {
		if repaired, a, rerr := stripUntypedActorsJSON(src.data); rerr == nil {
			actors = a
			doc, err = spdxjson.Read(bytes.NewReader(repaired))
		}
	}
	if err != nil {
		return nil, jsonError(src.data, "parse SPDX JSON", err)
	}
	loc := jsonSPDXLocator(src.top, doc)
	s := normaliseSPDX(src, doc, loc, actors)
	s.Problems = checkSPDX(src, doc, s, loc, newRawJSON(src.data, src.start))
	return s, nil
}

// jsonSPDXLocator maps the parsed document back to pointers. tools-golang
// keeps the file's packages and relationships in order (nulls were rejected
// in detect) and appends relationships it derives from documentDescribes and
// packages[].hasFiles after them.
func jsonSPDXLocator(top jsonTop, doc *spdx.Document) spdxLocator {
	explicit, _ := arrayNulls(top["relationships"])
	pkgIndex := map[common.ElementID]int{}
	for i, pk := range doc.Packages {
		if pk != nil {
			if _, dup := pkgIndex[pk.PackageSPDXIdentifier]; !dup {
				pkgIndex[pk.PackageSPDXIdentifier] = i
			}
		}
	}
	return spdxLocator{
		pkg: func(i int, _ string) Loc { return Loc{Pointer: "/packages/" + strconv.Itoa(i)} },
		file: func(i int, _ string) Loc {
			if i < 0 {
				return Loc{}
			}
			return Loc{Pointer: "/files/" + strconv.Itoa(i)}
		},
		doc: func(string) Loc { return Loc{} },
		rel: func(i int, r *spdx.Relationship) Loc {
			switch {
			case i < explicit:
				return Loc{Pointer: "/relationships/" + strconv.Itoa(i)}
			case r.Relationship == common.TypeRelationshipDescribe:
				return Loc{Pointer: "/documentDescribes"}
			default:
				if j, ok := pkgIndex[r.RefA.ElementRefID]; ok {
					return Loc{Pointer: "/packages/" + strconv.Itoa(j) + "/hasFiles"}
				}
				return Loc{}
			}
		},
	}
}

type relKind int

const (
	relOther relKind = iota
	relDescribes
	relDescribedBy
	relDependsOn    // A needs B
	relDependencyOf // A is needed by B
	relContains
	relContainedBy
)

// spdxRelKinds sorts SPDX 2.3 relationship types into what the model keeps.
var spdxRelKinds = map[string]relKind{
	"DESCRIBES":              relDescribes,
	"DESCRIBED_BY":           relDescribedBy,
	"DEPENDS_ON":             relDependsOn,
	"DYNAMIC_LINK":           relDependsOn,
	"STATIC_LINK":            relDependsOn,
	"HAS_PREREQUISITE":       relDependsOn,
	"DEPENDENCY_OF":          relDependencyOf,
	"BUILD_DEPENDENCY_OF":    relDependencyOf,
	"DEV_DEPENDENCY_OF":      relDependencyOf,
	"OPTIONAL_DEPENDENCY_OF": relDependencyOf,
	"PROVIDED_DEPENDENCY_OF": relDependencyOf,
	"TEST_DEPENDENCY_OF":     relDependencyOf,
	"RUNTIME_DEPENDENCY_OF":  relDependencyOf,
	"PREREQUISITE_FOR":       relDependencyOf,
	"CONTAINS":               relContains,
	"CONTAINED_BY":           relContainedBy,
}

// depBuilder gathers SPDX edges per source element in first-seen order.
type depBuilder struct {
	deps  []Dependency
	index map[string]int
	seen  map[[3]string]bool // ref, kind, target
}

func (b *depBuilder) entry(ref string, loc Loc) *Dependency {
	i, ok := b.index[ref]
	if !ok {
		i = len(b.deps)
		b.index[ref] = i
		b.deps = append(b.deps, Dependency{Ref: ref, DependsOn: []string{}, Contains: []string{}, Loc: loc})
	}
	return &b.deps[i]
}

func (b *depBuilder) add(ref, target string, contains bool, loc Loc) {
	d := b.entry(ref, loc)
	if target == "" {
		return
	}
	key := [3]string{ref, "d", target}
	if contains {
		key[1] = "c"
	}
	if b.seen[key] {
		return
	}
	b.seen[key] = true
	if contains {
		d.Contains = append(d.Contains, target)
	} else {
		d.DependsOn = append(d.DependsOn, target)
	}
}

func normaliseSPDX(src *source, doc *spdx.Document, loc spdxLocator, actors map[string]untypedActors) *SBOM {
	s := newSBOM(src)
	s.SerialNumber = doc.DocumentNamespace
	if ci := doc.CreationInfo; ci != nil {
		s.Timestamp = ci.Created
		authors, tools := newOrderedSet(), newOrderedSet()
		for _, c := range ci.Creators {
			switch strings.TrimSpace(c.CreatorType) {
			case "Person", "Organization":
				authors.add(c.Creator)
			case "Tool":
				tools.add(c.Creator)
			}
		}
		s.Authors, s.Tools = authors.list, tools.list
	}

	pkgIndex := map[string]int{}
	for i, p := range doc.Packages {
		if p == nil {
			continue
		}
		if id := common.RenderElementID(p.PackageSPDXIdentifier); !hasKey(pkgIndex, id) {
			pkgIndex[id] = i
		}
	}
	docID := common.RenderElementID(doc.SPDXIdentifier)
	primary := -1
	deps := &depBuilder{index: map[string]int{}, seen: map[[3]string]bool{}}
	for i, r := range doc.Relationships {
		if r == nil || r.RefA.SpecialID != "" {
			continue
		}
		typ := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(r.Relationship), "-", "_"))
		a, b := common.RenderDocElementID(r.RefA), common.RenderDocElementID(r.RefB)
		at := loc.rel(i, r)
		if r.RefB.SpecialID == "NOASSERTION" {
			s.KnownUnknowns = append(s.KnownUnknowns, KnownUnknown{Aggregate: "unknown", Refs: []string{a}, Relationship: typ, Loc: at})
			continue
		}
		none := r.RefB.SpecialID == "NONE" // "A DEPENDS_ON NONE": A is known to need nothing
		switch spdxRelKinds[typ] {
		case relDescribes:
			if a == docID && primary < 0 && hasKey(pkgIndex, b) {
				primary = pkgIndex[b]
			}
		case relDescribedBy:
			if b == docID && primary < 0 && hasKey(pkgIndex, a) {
				primary = pkgIndex[a]
			}
		case relDependsOn:
			deps.add(a, ifNot(none, b), false, at)
		case relContains:
			deps.add(a, ifNot(none, b), true, at)
		case relDependencyOf:
			if !none {
				deps.add(b, a, false, at)
			}
		case relContainedBy:
			if !none {
				deps.add(b, a, true, at)
			}
		}
	}
	s.Dependencies = deps.deps
	if s.Dependencies == nil {
		s.Dependencies = []Dependency{}
	}
	// Reserved: growing it copied every component some twelve times on a
	// large SBOM, and fresh memory costs a short run most.
	s.Components = make([]Component, 0, len(doc.Packages))
	for i, p := range doc.Packages {
		if p == nil {
			continue
		}
		id := common.RenderElementID(p.PackageSPDXIdentifier)
		c := spdxPackage(p, loc.pkg(i, id), actors[id])
		if i == primary {
			s.Primary = &c
			continue
		}
		s.Components = append(s.Components, c)
	}
	return s
}

func hasKey(m map[string]int, k string) bool { _, ok := m[k]; return ok }

func ifNot(cond bool, v string) string {
	if cond {
		return ""
	}
	return v
}

// noAssertion is SPDX for "the author does not say"; it is treated as absent.
const noAssertion = "NOASSERTION"

func spdxPackage(p *spdx.Package, at Loc, untyped untypedActors) Component {
	c := Component{
		Ref:          common.RenderElementID(p.PackageSPDXIdentifier),
		Type:         strings.ToLower(strings.ReplaceAll(strings.TrimSpace(p.PrimaryPackagePurpose), "_", "-")),
		Name:         p.PackageName,
		Version:      p.PackageVersion,
		Filename:     p.PackageFileName,
		EndOfSupport: p.ValidUntilDate,
		CPEs:         []string{},
		Hashes:       []Hash{},
		Licenses:     []string{},
		Loc:          at,
	}
	supplier, originator := untyped.supplier, untyped.originator
	if p.PackageSupplier != nil && isAsserted(p.PackageSupplier.Supplier) {
		supplier = strings.TrimSpace(p.PackageSupplier.Supplier)
	}
	if p.PackageOriginator != nil && isAsserted(p.PackageOriginator.Originator) {
		originator = strings.TrimSpace(p.PackageOriginator.Originator)
	}
	switch {
	case supplier != "":
		c.Supplier, c.SupplierSource = supplier, "spdx-supplier"
	case originator != "":
		c.Supplier, c.SupplierSource = originator, "spdx-originator"
	}
	for _, ref := range p.PackageExternalReferences {
		if ref == nil {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(ref.RefType)) {
		case "purl":
			// The model holds one purl; the first is the package's own.
			if c.Purl == "" {
				c.Purl, c.PurlError = normalisePurl(ref.Locator)
			}
		case "cpe22type", "cpe23type":
			if cpe := strings.TrimSpace(ref.Locator); cpe != "" {
				c.CPEs = append(c.CPEs, cpe)
			}
		}
	}
	for _, h := range p.PackageChecksums {
		c.Hashes = append(c.Hashes, normaliseHash(string(h.Algorithm), h.Value))
	}
	for _, l := range []string{p.PackageLicenseDeclared, p.PackageLicenseConcluded} {
		if l = strings.TrimSpace(l); isAsserted(l) && !contains(c.Licenses, l) {
			c.Licenses = append(c.Licenses, l)
		}
	}
	return c
}

func isAsserted(v string) bool {
	v = strings.TrimSpace(v)
	return v != "" && v != noAssertion
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
