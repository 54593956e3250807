package vuln

import (
	"slices"
	"strings"
)

// csafStatuses maps CSAF product_status lists to normalised statuses, in the
// order Statements are emitted for each vulnerability. "recommended" is not a
// status (it names the product version to move to) and yields no Statement.
var csafStatuses = []struct{ list, status string }{
	{"first_affected", StatusAffected},
	{"known_affected", StatusAffected},
	{"last_affected", StatusAffected},
	{"first_fixed", StatusFixed},
	{"fixed", StatusFixed},
	{"known_not_affected", StatusNotAffected},
	{"under_investigation", StatusUnderInvestigation},
}

// csafProduct is a product_id's definition in the product tree.
type csafProduct struct {
	prod Product
	// relationship members, resolved into Parent and the component's
	// identifiers after the whole tree is read.
	ref, relatesTo string
}

type csafReader struct {
	products map[string]*csafProduct
	groups   map[string][]string
	order    []string // product ids in definition order (deterministic output)
}

// readCSAF reads a CSAF 2.0 document. vex selects the csaf_vex profile tests
// (6.1.27.x of the CSAF 2.0 standard); the schema-required members and
// enumerations are checked for every category.
func readCSAF(r node, doc *Document, vex bool) {
	d := r.key("document")
	if !d.isObject("document") {
		r.p.add(r.ptr, `missing required "document"`)
	}
	doc.SpecVersion = d.key("csaf_version").reqStr(d, `"csaf_version"`)
	d.key("csaf_version").enum(doc.SpecVersion, "csaf_version", "2.0")
	d.key("category").reqStr(d, `"category"`)
	d.key("title").reqStr(d, `"title"`)
	pub := d.key("publisher")
	if !pub.present {
		d.p.add(d.ptr, `missing required "publisher"`)
	} else if pub.isObject("publisher") {
		cat := pub.key("category").reqStr(pub, `publisher "category"`)
		pub.key("category").enum(cat, "publisher category", "coordinator", "discoverer", "other", "translator", "user", "vendor")
		doc.Author = pub.key("name").reqStr(pub, `publisher "name"`)
		pub.key("namespace").reqStr(pub, `publisher "namespace"`)
	}
	csafTracking(d, doc)

	cr := &csafReader{products: map[string]*csafProduct{}, groups: map[string][]string{}}
	pt := r.key("product_tree")
	if !pt.present {
		if vex {
			r.p.addCode(r.ptr, ProblemCSAF("6.1.27.4"), `CSAF 6.1.27.4: the VEX profile requires "product_tree"`)
		}
	} else if pt.isObject("product_tree") {
		cr.readTree(pt)
	}

	vulns := r.key("vulnerabilities")
	if !vulns.present && vex {
		r.p.addCode(r.ptr, ProblemCSAF("6.1.27.11"), `CSAF 6.1.27.11: the VEX profile requires "vulnerabilities"`)
	}
	for _, v := range vulns.list() {
		if v.isObject("a vulnerability") {
			doc.Statements = append(doc.Statements, cr.vulnerability(v, vex)...)
		}
	}
}

func csafTracking(d node, doc *Document) {
	t := d.key("tracking")
	if !t.present {
		d.p.add(d.ptr, `missing required "tracking"`)
		return
	}
	if !t.isObject("tracking") {
		return
	}
	doc.ID = t.key("id").reqStr(t, `tracking "id"`)
	doc.Version = t.key("version").reqStr(t, `tracking "version"`)
	status := t.key("status").reqStr(t, `tracking "status"`)
	t.key("status").enum(status, "tracking status", "draft", "final", "interim")
	for _, k := range []string{"initial_release_date", "current_release_date"} {
		v := t.key(k).reqStr(t, `tracking "`+k+`"`)
		t.key(k).dateTime(v, k)
	}
	doc.Timestamp = t.key("current_release_date").str()
	rh := t.key("revision_history")
	if !rh.present {
		t.p.add(t.ptr, `missing required tracking "revision_history"`)
	} else if items := rh.list(); len(items) == 0 {
		if _, ok := rh.v.([]any); ok {
			rh.p.add(rh.ptr, "revision_history must not be empty")
		}
	} else {
		for _, it := range items {
			if it.isObject("a revision") {
				it.key("date").reqStr(it, `revision "date"`)
				it.key("number").reqStr(it, `revision "number"`)
				it.key("summary").reqStr(it, `revision "summary"`)
			}
		}
	}
	if e := t.key("generator").key("engine"); e.present {
		doc.Tool = strings.TrimSpace(e.key("name").str() + " " + e.key("version").str())
	}
}

// readTree collects product definitions from branches, full_product_names and
// relationships, and product groups.
func (cr *csafReader) readTree(pt node) {
	for _, b := range pt.key("branches").list() {
		cr.branch(b, Product{})
	}
	for _, f := range pt.key("full_product_names").list() {
		cr.define(f, Product{})
	}
	for _, rel := range pt.key("relationships").list() {
		if !rel.isObject("a relationship") {
			continue
		}
		cat := rel.key("category").reqStr(rel, `relationship "category"`)
		rel.key("category").enum(cat, "relationship category", "default_component_of", "external_component_of",
			"installed_on", "installed_with", "optional_component_of")
		ref := rel.key("product_reference").reqStr(rel, `"product_reference"`)
		to := rel.key("relates_to_product_reference").reqStr(rel, `"relates_to_product_reference"`)
		fp := rel.key("full_product_name")
		if !fp.present {
			rel.p.add(rel.ptr, `missing required "full_product_name"`)
			continue
		}
		if cp := cr.define(fp, Product{}); cp != nil {
			cp.ref, cp.relatesTo = ref, to
		}
	}
	for _, g := range pt.key("product_groups").list() {
		if !g.isObject("a product group") {
			continue
		}
		id := g.key("group_id").reqStr(g, `"group_id"`)
		ids := g.key("product_ids").strs()
		if !g.has("product_ids") {
			g.p.add(g.ptr, `missing required "product_ids"`)
		}
		if id != "" {
			cr.groups[id] = ids
		}
	}
	// Resolve relationships now that every product is defined.
	for _, id := range cr.order {
		cp := cr.products[id]
		if cp.ref == "" {
			continue
		}
		if comp := cr.resolve(cp.ref, 0); comp != nil {
			cp.prod.Name = comp.Name // what an SBOM calls it, not "X as component of Y"
			if cp.prod.Purl == "" && cp.prod.CPE == "" {
				cp.prod.Purl, cp.prod.CPE = comp.Purl, comp.CPE
			}
			if cp.prod.Version == "" && cp.prod.Range == "" {
				cp.prod.Version, cp.prod.Range = comp.Version, comp.Range
			}
		}
		cp.prod.Parent = cr.resolve(cp.relatesTo, 0)
	}
	cr.checkRefs(pt)
}

// branch walks a branches_t tree, carrying product name and version down to
// the products it defines. Depth is bounded by the decoder's nesting cap.
func (cr *csafReader) branch(b node, ctx Product) {
	if !b.isObject("a branch") {
		return
	}
	cat := b.key("category").reqStr(b, `branch "category"`)
	b.key("category").enum(cat, "branch category", "architecture", "host_name", "language", "legacy",
		"patch_level", "product_family", "product_name", "product_version", "product_version_range",
		"service_pack", "specification", "vendor")
	name := b.key("name").reqStr(b, `branch "name"`)
	switch cat {
	case "product_name":
		ctx.Name = name
	case "product_version":
		ctx.Version, ctx.Range = name, ""
	case "product_version_range":
		ctx.Range, ctx.Version = name, ""
	}
	if pn := b.key("product"); pn.present {
		cr.define(pn, ctx)
	}
	for _, c := range b.key("branches").list() {
		cr.branch(c, ctx)
	}
}

// define records a full_product_name_t. ctx carries name and version from
// enclosing branches; the branch's product_name wins over the full product
// name because it is what an SBOM calls the component.
func (cr *csafReader) define(n node, ctx Product) *csafProduct {
	if !n.isObject("a product") {
		return nil
	}
	id := n.key("product_id").reqStr(n, `"product_id"`)
	full := n.key("name").reqStr(n, `product "name"`)
	p := ctx
	p.ID, p.Ref, p.Loc = id, id, Loc{Pointer: n.ptr}
	if p.Name == "" {
		p.Name = full
	}
	if h := n.key("product_identification_helper"); h.isObject("product_identification_helper") {
		if pu := h.key("purl").str(); pu != "" {
			if norm, err := normalizePurl(pu); err != nil {
				h.p.add(h.key("purl").ptr, "invalid package URL %q: %v", pu, err)
			} else {
				// The purl is the machine identity; branch names are prose
				// and sometimes misfiled (a package name as product_version).
				p.Purl = norm
				name, ver := purlParts(norm)
				p.Name = firstNonEmpty(name, p.Name)
				if ver != "" {
					p.Version, p.Range = ver, ""
				}
			}
		}
		p.CPE = h.key("cpe").str()
	}
	if id == "" {
		return nil
	}
	if _, dup := cr.products[id]; dup {
		n.p.add(n.key("product_id").ptr, "CSAF 6.1.2: product_id %q is defined more than once", id)
		return nil
	}
	cp := &csafProduct{prod: p}
	cr.products[id] = cp
	cr.order = append(cr.order, id)
	return cp
}

// resolve returns a copy of a product with its parents, following
// relationship chains up to maxParentDepth.
func (cr *csafReader) resolve(id string, depth int) *Product {
	cp, ok := cr.products[id]
	if !ok || depth >= maxParentDepth {
		return nil
	}
	p := cp.prod
	if p.Parent == nil && cp.relatesTo != "" {
		p.Parent = cr.resolve(cp.relatesTo, depth+1)
	}
	return &p
}

// checkRefs reports product ids used in the tree but never defined
// (CSAF 6.1.1).
func (cr *csafReader) checkRefs(pt node) {
	for _, rel := range pt.key("relationships").list() {
		for _, k := range []string{"product_reference", "relates_to_product_reference"} {
			cr.checkID(rel.key(k), rel.key(k).str())
		}
	}
	for _, g := range pt.key("product_groups").list() {
		for _, pn := range g.key("product_ids").list() {
			cr.checkID(pn, pn.text())
		}
	}
}

func (cr *csafReader) checkID(n node, id string) {
	if _, ok := cr.products[id]; !ok && id != "" {
		n.p.add(n.ptr, "CSAF 6.1.1: product_id %q is not defined in the product_tree", id)
	}
}

// covered returns the product ids an item (flag, threat, remediation) applies
// to, expanding group_ids, and reports undefined ids and groups.
func (cr *csafReader) covered(item node, productsKey string) []string {
	var ids []string
	for _, pn := range item.key(productsKey).list() {
		if id := pn.str(); id != "" {
			cr.checkID(pn, id)
			ids = append(ids, id)
		}
	}
	for _, gn := range item.key("group_ids").list() {
		g := gn.str()
		members, ok := cr.groups[g]
		if !ok && g != "" {
			gn.p.add(gn.ptr, "CSAF 6.1.4: group_id %q is not defined in the product_tree", g)
		}
		ids = append(ids, members...)
	}
	return ids
}

// vulnerability emits one Statement per product_status entry.
func (cr *csafReader) vulnerability(v node, vex bool) []Statement {
	name := v.key("cve").str()
	var aliases []string
	for _, id := range v.key("ids").list() {
		if !id.isObject("an id") {
			continue
		}
		id.key("system_name").reqStr(id, `id "system_name"`)
		if t := id.key("text").reqStr(id, `id "text"`); t != "" {
			aliases = append(aliases, t)
		}
	}
	if name == "" && len(aliases) > 0 {
		name, aliases = aliases[0], aliases[1:]
	}
	if vex {
		if !v.has("cve") && !v.has("ids") {
			v.p.addCode(v.ptr, ProblemCSAF("6.1.27.8"), `CSAF 6.1.27.8: a VEX vulnerability needs "cve" or "ids"`)
		}
		if !v.has("notes") {
			v.p.addCode(v.ptr, ProblemCSAF("6.1.27.5"), `CSAF 6.1.27.5: a VEX vulnerability needs "notes"`)
		}
	}

	// Per-product justification flags, impact statements and actions.
	flagOf, flagDate := map[string]string{}, map[string]string{}
	for _, f := range v.key("flags").list() {
		if !f.isObject("a flag") {
			continue
		}
		label := f.key("label").reqStr(f, `flag "label"`)
		f.key("label").enum(label, "flag label", vexJustifications...)
		if !f.has("product_ids") && !f.has("group_ids") {
			f.p.add(f.ptr, `CSAF 6.1.32: flag names no "product_ids" or "group_ids"`)
		}
		for _, id := range cr.covered(f, "product_ids") {
			if prev, dup := flagOf[id]; dup {
				f.p.add(f.ptr, "CSAF 6.1.33: product %q has more than one VEX justification flag (%s, %s)", id, prev, label)
				continue
			}
			flagOf[id], flagDate[id] = label, f.key("date").str()
		}
	}
	impact := map[string][]string{}
	for _, t := range v.key("threats").list() {
		if !t.isObject("a threat") {
			continue
		}
		cat := t.key("category").reqStr(t, `threat "category"`)
		t.key("category").enum(cat, "threat category", "exploit_status", "impact", "target_set")
		details := t.key("details").reqStr(t, `threat "details"`)
		for _, id := range cr.covered(t, "product_ids") {
			if cat == "impact" {
				impact[id] = append(impact[id], details)
			}
		}
	}
	action := map[string][]string{}
	remediations := map[string][]Remediation{}
	for _, rem := range v.key("remediations").list() {
		if !rem.isObject("a remediation") {
			continue
		}
		cat := rem.key("category").reqStr(rem, `remediation "category"`)
		rem.key("category").enum(cat, "remediation category", "mitigation", "no_fix_planned", "none_available", "vendor_fix", "workaround")
		details := rem.key("details").reqStr(rem, `remediation "details"`)
		date := rem.key("date").str()
		rem.key("date").dateTime(date, "remediation date")
		if !rem.has("product_ids") && !rem.has("group_ids") {
			rem.p.add(rem.ptr, `CSAF 6.1.29: remediation names no "product_ids" or "group_ids"`)
		}
		r := Remediation{Category: cat, Details: details, Date: date, URL: rem.key("url").str(), Loc: Loc{Pointer: rem.ptr}}
		for _, id := range cr.covered(rem, "product_ids") {
			action[id] = append(action[id], details)
			remediations[id] = append(remediations[id], r)
		}
	}
	for _, sc := range v.key("scores").list() {
		if sc.isObject("a score") {
			if !sc.has("products") {
				sc.p.add(sc.ptr, `missing required score "products"`)
			}
			cr.covered(sc, "products")
		}
	}

	ps := v.key("product_status")
	if vex {
		n := 0
		for _, k := range []string{"fixed", "known_affected", "known_not_affected", "under_investigation"} {
			n += len(ps.key(k).list())
		}
		if n == 0 {
			v.p.addCode(v.ptr, ProblemCSAF("6.1.27.7"), "CSAF 6.1.27.7: a VEX vulnerability needs product_status with fixed, known_affected, known_not_affected or under_investigation")
		}
	}
	if ps.isObject("product_status") {
		known := make([]string, 0, len(csafStatuses)+1)
		known = append(known, "recommended")
		for _, s := range csafStatuses {
			known = append(known, s.list)
		}
		ps.only("product_status", known...)
		for _, rn := range ps.key("recommended").list() {
			cr.checkID(rn, rn.str())
		}
	}

	// A CSAF vulnerability's references (category self or external, the
	// only two CSAF defines) are its advisories; CSAF has no per-product one.
	var advisories []string
	for _, ref := range v.key("references").list() {
		if u := strings.TrimSpace(ref.key("url").str()); u != "" {
			advisories = append(advisories, u)
		}
	}
	var out []Statement
	for _, s := range csafStatuses {
		for _, pn := range ps.key(s.list).list() {
			id := pn.str()
			st := Statement{
				Vulnerability: name, Aliases: slices.Clone(aliases),
				Status: s.status, SourceStatus: s.list,
				Justification:   flagOf[id],
				ImpactStatement: joinContent(impact[id]),
				ActionStatement: joinContent(action[id]),
				Timestamp:       flagDate[id],
				Advisories:      slices.Clone(advisories),
				Remediations:    slices.Clone(remediations[id]),
				Loc:             Loc{Pointer: pn.ptr},
			}
			if p := cr.resolve(id, 0); p != nil {
				st.Products = []Product{*p}
			} else if id != "" {
				cr.checkID(pn, id)
				st.Products = []Product{{ID: id, Ref: id, Loc: Loc{Pointer: pn.ptr}}}
			}
			if vex {
				switch s.list {
				case "known_not_affected":
					if st.Justification == "" && len(impact[id]) == 0 {
						pn.p.addCode(pn.ptr, ProblemCSAF("6.1.27.9"), "CSAF 6.1.27.9: known_not_affected product %q has no impact statement (a flag, or a threat of category impact naming it)", id)
					}
				case "known_affected":
					if len(action[id]) == 0 {
						pn.p.addCode(pn.ptr, ProblemCSAF("6.1.27.10"), "CSAF 6.1.27.10: known_affected product %q has no action statement (a remediation naming it)", id)
					}
				}
			}
			out = append(out, st)
		}
	}
	return out
}
