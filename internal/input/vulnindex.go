package input

import (
	"cmp"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
)

// VulnIndex is input.derived.vuln_index: what lib.vuln computes about the
// items that name shipped components (scan matches, VEX statements and their
// products), computed once in Go. In Rego, building lib.vuln's identity
// indexes over every component of every SBOM and matching every item against
// them was most of the VEX rules' evaluation at 10,000 components
// (docs/performance.md); here it is one pass over the components and one
// lookup per item. It holds:
//
//   - items: for every scan match, VEX statement and statement product of
//     the bundle, keyed by the item itself (the very value the rules read
//     from input.documents, so a lookup finds it by pointer), what lib.vuln
//     would compute for it: "ids" (lib.vuln.ids; matches and statements),
//     "package" (resolve_package) and "resolve" (resolve; matches and
//     products), and "unassessed" (matches: the components it names that no
//     VEX statement of the manufacturer assesses, lib.vuln.unassessed);
//   - labels: lib.vuln.label of every component those name, keyed by id:
//     the per-finding wording cost as much as the matching once that was
//     fast (three function calls and a sprintf per component named).
//
// The identity indexes themselves (lib.vuln.by_purl and the others) are not
// given: with every item here no rule reads them, and as OPA sets they would
// cost more to build than everything else (a set per component and level).
// An item this does not list (a rule matching something new) is matched by
// lib.vuln's Rego, which then builds them: correct, but slow at scale, so list
// such items here.
//
// The sets are OPA sets because that is what the Rego computation gives: a
// helper returns the same value, in the same order, whichever built it.
// lib.vuln keeps its Rego computation for an input without these facts (its
// unit tests, a policy evaluated outside annexlint check);
// TestVulnIndexMatchesRego holds both to the same results and the same
// findings, evidence and insufficient sets of every rule that reads them.
//
// docs are the policy input's documents ({id, type, path, content,
// supplied_by}) in the order of converted, the value they became
// (input.documents); ranges is input.derived.version_ranges. Without a VEX
// or scan document there is nothing to match, and the fact is left out (nil).
//
// Every key and decision is computed as lib.vuln computes it, built-in by
// built-in (see purlKey, cpeBase, itemVersions); a difference would make an
// item miss its component, and the equivalence test fails.
func VulnIndex(docs []map[string]any, converted *ast.Array, ranges map[string]map[string]bool) ast.Value {
	if !hasVulnDocuments(docs) {
		return nil
	}
	r := newResolver(docs, ranges)
	sets := newSetBuilder()
	assessed := r.coverage(docs)
	items := map[*ast.Term]*ast.Term{}
	var order []*ast.Term // keys in the order met, for a deterministic object
	put := func(key *ast.Term, entry [][2]*ast.Term) {
		if _, seen := items[key]; !seen {
			order = append(order, key)
		}
		items[key] = ast.ObjectTerm(entry...)
	}
	for k, d := range docs {
		if d["type"] != "vex" && d["type"] != "vulnerability-scan" {
			continue
		}
		content, _ := d["content"].(map[string]any)
		contentValue := contentObject(converted.Elem(k))
		if content == nil || contentValue == nil {
			continue
		}
		matches, _ := content["matches"].([]any)
		matchTerms := arrayAt(contentValue, "matches")
		for j, raw := range matches {
			m, ok := raw.(map[string]any)
			if !ok || matchTerms == nil || j >= matchTerms.Len() {
				continue
			}
			vulnerabilities := vulnerabilityIDs(m)
			entries, resolved, resolvedSet := sets.resolved(r, m)
			unassessed := r.filter(resolved, func(id componentID) bool { return !assessed.covers(vulnerabilities, id) })
			unassessedSet := resolvedSet // when no statement assesses any
			if len(unassessed) != len(resolved) {
				unassessedSet = sets.set(unassessed)
			}
			put(matchTerms.Elem(j), append(entries,
				ast.Item(ast.InternedTerm("ids"), stringSet(vulnerabilities)),
				ast.Item(ast.InternedTerm("unassessed"), unassessedSet)))
		}
		statements, _ := content["statements"].([]any)
		statementTerms := arrayAt(contentValue, "statements")
		for j, raw := range statements {
			st, ok := raw.(map[string]any)
			if !ok || statementTerms == nil || j >= statementTerms.Len() {
				continue
			}
			stTerm := statementTerms.Elem(j)
			put(stTerm, [][2]*ast.Term{ast.Item(ast.InternedTerm("ids"), stringSet(vulnerabilityIDs(st)))})
			products, _ := st["products"].([]any)
			stValue, _ := stTerm.Value.(ast.Object)
			productTerms := arrayAt(stValue, "products")
			for n, raw := range products {
				p, ok := raw.(map[string]any)
				if !ok || productTerms == nil || n >= productTerms.Len() {
					continue
				}
				entries, _, _ := sets.resolved(r, p)
				put(productTerms.Elem(n), entries)
			}
		}
	}
	memo := make([][2]*ast.Term, 0, len(order))
	for _, key := range order {
		memo = append(memo, ast.Item(key, items[key]))
	}
	labels := make([][2]*ast.Term, 0, len(sets.ids))
	for id, term := range sets.ids {
		labels = append(labels, ast.Item(term, ast.StringTerm(r.label(id))))
	}
	return ast.NewObject(
		ast.Item(ast.InternedTerm("items"), ast.ObjectTerm(memo...)),
		ast.Item(ast.InternedTerm("labels"), ast.ObjectTerm(labels...)),
	)
}

// contentObject is the content of a converted input document.
func contentObject(doc *ast.Term) ast.Object {
	obj, _ := doc.Value.(ast.Object)
	if obj == nil {
		return nil
	}
	content := obj.Get(ast.InternedTerm("content"))
	if content == nil {
		return nil
	}
	contentObj, _ := content.Value.(ast.Object)
	return contentObj
}

// coverage is lib.vuln.coverage: the VEX statements of the manufacturer's,
// each with its vulnerability IDs and aliases, and for each component and
// each SBOM whose product a statement assesses as a whole, the statements
// that do.
type coverage struct {
	ids        []map[string]bool     // each own statement's vulnerability IDs and aliases
	components map[componentID][]int // the statements (indexes into ids) each component resolves from
	products   map[string][]int      // SBOM path -> the statements that name its product
}

// covers is lib.vuln.covered: a statement about one of vulnerabilities
// names the component, or the product of its SBOM.
func (c coverage) covers(vulnerabilities []string, id componentID) bool {
	for _, list := range [][]int{c.components[id], c.products[id.path]} {
		for _, s := range list {
			for _, v := range vulnerabilities {
				if c.ids[s][v] {
					return true
				}
			}
		}
	}
	return false
}

// coverage is lib.vuln.coverage over the VEX documents lib.documents gives:
// the manufacturer's own, and a supplier's it adopted. It is kept by
// statement, not by vulnerability ID and component: a statement with
// thousands of aliases about a product that resolves to thousands of
// components would otherwise make millions of entries (TestCoverageNotSquared).
func (r *resolver) coverage(docs []map[string]any) coverage {
	c := coverage{components: map[componentID][]int{}, products: map[string][]int{}}
	for _, d := range docs {
		if d["type"] != "vex" || !ownEvidence(d) {
			continue
		}
		content, _ := d["content"].(map[string]any)
		statements, _ := content["statements"].([]any)
		for _, raw := range statements {
			st, ok := raw.(map[string]any)
			if !ok {
				continue
			}
			s := len(c.ids)
			ids := map[string]bool{}
			for _, v := range vulnerabilityIDs(st) {
				ids[v] = true
			}
			c.ids = append(c.ids, ids)
			for _, t := range targets(st) {
				for _, id := range r.resolve(t) {
					c.components[id] = appendOnce(c.components[id], s)
					if id.index == -1 {
						c.products[id.path] = appendOnce(c.products[id.path], s)
					}
				}
			}
		}
	}
	return c
}

// appendOnce appends s to list unless it is its last element already (a
// statement's products are added together).
func appendOnce(list []int, s int) []int {
	if n := len(list); n > 0 && list[n-1] == s {
		return list
	}
	return append(list, s)
}

// targets is lib.vuln.targets: a statement's products that are objects and
// not only the container of another (container absent or false).
func targets(st map[string]any) []map[string]any {
	products, _ := st["products"].([]any)
	var out []map[string]any
	for _, raw := range products {
		p, ok := raw.(map[string]any)
		if !ok {
			continue
		}
		if container, present := p["container"]; present && container != false {
			continue
		}
		out = append(out, p)
	}
	return out
}

// ownEvidence is lib.own_evidence for a VEX document: not a supplier's, or
// a supplier's the manufacturer adopted (by someone, on a date).
func ownEvidence(d map[string]any) bool {
	marking, supplied := d["supplied_by"].(map[string]any)
	if !supplied {
		return true
	}
	adopted, _ := marking["adopted"].(map[string]any)
	date, _ := adopted["date"].(string)
	return hasText(adopted, "by") && isDate(date)
}

// label is lib.vuln.label: "name version (path)", a name or version that is
// not text shown as nothing.
func (r *resolver) label(id componentID) string {
	c := r.component(id)
	name, _ := c["name"].(string)
	version, _ := c["version"].(string)
	return name + " " + version + " (" + id.path + ")"
}

func hasVulnDocuments(docs []map[string]any) bool {
	for _, d := range docs {
		if d["type"] == "vex" || d["type"] == "vulnerability-scan" {
			return true
		}
	}
	return false
}

// arrayAt is obj[key] when it is an array.
func arrayAt(obj ast.Object, key string) *ast.Array {
	if obj == nil {
		return nil
	}
	t := obj.Get(ast.InternedTerm(key))
	if t == nil {
		return nil
	}
	a, _ := t.Value.(*ast.Array)
	return a
}

// componentID names a component: its SBOM's path and its index in the
// SBOM's components, -1 for the primary component.
type componentID struct {
	path  string
	index int
}

func compareIDs(a, b componentID) int {
	return cmp.Or(strings.Compare(a.path, b.path), cmp.Compare(a.index, b.index))
}

// setBuilder makes the sets of component ids as lib.vuln writes them
// ([path, index]), each id's term made once: at scale most of the facts' size
// is these sets.
type setBuilder struct {
	ids   map[componentID]*ast.Term
	empty *ast.Term
}

func newSetBuilder() *setBuilder {
	return &setBuilder{ids: map[componentID]*ast.Term{}, empty: ast.SetTerm()}
}

func (b *setBuilder) set(ids []componentID) *ast.Term {
	if len(ids) == 0 {
		return b.empty
	}
	terms := make([]*ast.Term, len(ids))
	for i, id := range ids {
		t, ok := b.ids[id]
		if !ok {
			t = ast.ArrayTerm(ast.StringTerm(id.path), ast.InternedTerm(id.index))
			b.ids[id] = t
		}
		terms[i] = t
	}
	return ast.SetTerm(terms...)
}

// resolved are the "package" and "resolve" entries of an item (the same set
// when the version narrows nothing), and what resolve gives, as ids and as
// their set.
func (b *setBuilder) resolved(r *resolver, x map[string]any) (entries [][2]*ast.Term, ids []componentID, set *ast.Term) {
	pkg, versioned := r.resolvePackage(x), r.resolve(x)
	pkgSet := b.set(pkg)
	versionedSet := pkgSet
	if !slices.Equal(pkg, versioned) {
		versionedSet = b.set(versioned)
	}
	entries = [][2]*ast.Term{ast.Item(ast.InternedTerm("package"), pkgSet), ast.Item(ast.InternedTerm("resolve"), versionedSet)}
	return entries, versioned, versionedSet
}

// resolver is lib.vuln's matching of items to components. Each identity
// level is indexed when an item first needs it, as in lib.vuln (a level no
// item reaches is never built).
type resolver struct {
	boms   map[string]map[string]any // lib.vuln.sboms: own SBOM path -> content
	paths  []string                  // their paths, in input order
	ranges map[string]map[string]bool
	levels [levelCount]map[string][]componentID // key -> ids, sorted, without repeats
}

// The identity levels, in the order lib.vuln._package tries them.
const (
	levelPurl = iota
	levelRef
	levelCPE
	levelName
	levelCount
)

func newResolver(docs []map[string]any, ranges map[string]map[string]bool) *resolver {
	r := &resolver{boms: map[string]map[string]any{}, ranges: ranges}
	for _, d := range docs {
		// lib.vuln.sboms: the own SBOMs (lib.documents leaves a supplier's
		// out) whose content is an object
		if _, supplied := d["supplied_by"]; d["type"] != "sbom" || supplied {
			continue
		}
		bom, ok := d["content"].(map[string]any)
		path, _ := d["path"].(string)
		if !ok {
			continue
		}
		r.boms[path] = bom
		r.paths = append(r.paths, path)
	}
	return r
}

// level is the index of one identity level (lib.vuln.by_purl, by_ref,
// by_cpe, by_name), built on first use.
func (r *resolver) level(l int) map[string][]componentID {
	if r.levels[l] != nil {
		return r.levels[l]
	}
	size := 0
	for _, path := range r.paths {
		components, _ := r.boms[path]["components"].([]any)
		size += len(components) + 1
	}
	index := make(map[string][]componentID, size)
	for _, path := range r.paths {
		bom := r.boms[path]
		serial, hasSerial := "", hasText(bom, "serial_number")
		if hasSerial {
			serial = strings.ToLower(bom["serial_number"].(string))
		}
		if p, ok := bom["primary"].(map[string]any); ok {
			// the primary's ref and name must be text (lib.vuln._ref_pairs,
			// _name_pairs), a component's only non-blank
			eachIdentityKey(l, p, serial, hasSerial, true, func(k string) {
				index[k] = append(index[k], componentID{path, -1})
			})
		}
		components, _ := bom["components"].([]any)
		for i, raw := range components {
			if c, ok := raw.(map[string]any); ok {
				eachIdentityKey(l, c, serial, hasSerial, false, func(k string) {
					index[k] = append(index[k], componentID{path, i})
				})
			}
		}
	}
	for k, ids := range index {
		if len(ids) > 1 {
			slices.SortFunc(ids, compareIDs)
			index[k] = slices.Compact(ids)
		}
	}
	r.levels[l] = index
	return index
}

// eachIdentityKey calls add with each of a component's keys at one identity
// level, as lib.vuln's _purl_pairs, _ref_pairs, _cpe_pairs and _name_pairs
// take them.
func eachIdentityKey(l int, c map[string]any, serial string, hasSerial, primary bool, add func(string)) {
	switch l {
	case levelPurl:
		if k, ok := componentPurlKey(c); ok {
			add(k)
		}
	case levelRef:
		ref, ok := c["ref"].(string)
		if hasSerial && ok && (primary && hasText(c, "ref") || !primary && ref != "") {
			add(serial + "#" + ref)
		}
	case levelCPE:
		list, _ := c["cpes"].([]any)
		for _, raw := range list {
			if k, ok := cpeBase(raw); ok {
				add(k)
			}
		}
	case levelName:
		n, ok := c["name"].(string)
		if ok && (primary && hasText(c, "name") || !primary && strings.TrimSpace(n) != "") {
			add(strings.ToLower(strings.TrimSpace(n)))
		}
	}
}

// component is lib.vuln.component.
func (r *resolver) component(id componentID) map[string]any {
	bom := r.boms[id.path]
	if id.index == -1 {
		c, _ := bom["primary"].(map[string]any)
		return c
	}
	components, _ := bom["components"].([]any)
	c, _ := components[id.index].(map[string]any)
	return c
}

// pkg is lib.vuln._package: the components an item names whatever their
// version, at the first identity level that finds any.
func (r *resolver) pkg(x map[string]any) []componentID {
	if p, ok := x["purl"].(string); ok {
		if ids, ok := r.level(levelPurl)[purlKey(p)]; ok {
			return ids
		}
	}
	bom, bomOK := x["bom"].(string)
	ref, refOK := x["ref"].(string)
	if bomOK && bom != "" && refOK && ref != "" {
		if ids, ok := r.level(levelRef)[strings.ToLower(bom)+"#"+ref]; ok {
			return ids
		}
	}
	var byCPE []componentID
	for _, cpe := range itemCPEs(x) {
		if k, ok := cpeBase(cpe); ok {
			byCPE = append(byCPE, r.level(levelCPE)[k]...)
		}
	}
	if len(byCPE) > 0 {
		slices.SortFunc(byCPE, compareIDs)
		return slices.Compact(byCPE)
	}
	if n, ok := x["name"].(string); ok {
		if ids, ok := r.level(levelName)[strings.ToLower(strings.TrimSpace(n))]; ok {
			return ids
		}
	}
	return nil
}

// versioned is lib.vuln._versioned: the components an item names at the
// version it names (a version, a range evaluated in Go, or any).
func (r *resolver) versioned(x map[string]any) []componentID {
	if versions := itemVersions(x); len(versions) > 0 {
		return r.filter(r.pkg(x), func(id componentID) bool { return versionOK(versions, r.component(id)) })
	}
	if spec, ok := x["range"].(string); ok {
		if evaluated, ok := r.ranges[spec]; ok {
			return r.filter(r.pkg(x), func(id componentID) bool {
				v, ok := r.component(id)["version"].(string)
				inside, known := evaluated[v]
				return !ok || !known || inside
			})
		}
	}
	return r.pkg(x)
}

func (r *resolver) filter(ids []componentID, keep func(componentID) bool) []componentID {
	var out []componentID
	for _, id := range ids {
		if keep(id) {
			out = append(out, id)
		}
	}
	return out
}

// partOf is lib.vuln.part_of: the SBOMs holding the item's parent at the
// version it names; ok is false when the item has no parent the SBOMs ship.
func (r *resolver) partOf(x map[string]any) (scope map[string]bool, ok bool) {
	parent, isObject := x["parent"].(map[string]any)
	if !isObject || len(r.pkg(parent)) == 0 {
		return nil, false
	}
	scope = map[string]bool{}
	for _, id := range r.versioned(parent) {
		scope[id.path] = true
	}
	return scope, true
}

// resolvePackage is lib.vuln.resolve_package.
func (r *resolver) resolvePackage(x map[string]any) []componentID {
	if scope, ok := r.partOf(x); ok {
		return r.filter(r.pkg(x), func(id componentID) bool { return scope[id.path] })
	}
	return r.pkg(x)
}

// resolve is lib.vuln.resolve.
func (r *resolver) resolve(x map[string]any) []componentID {
	if scope, ok := r.partOf(x); ok {
		return r.filter(r.versioned(x), func(id componentID) bool { return scope[id.path] })
	}
	return r.versioned(x)
}

// vulnerabilityIDs is lib.vuln.ids: the vulnerability and its aliases,
// trimmed, upper case, blanks left out; sorted, without repeats.
func vulnerabilityIDs(x map[string]any) []string {
	var out []string
	add := func(v any) {
		if s, ok := v.(string); ok && strings.TrimSpace(s) != "" {
			out = append(out, strings.ToUpper(strings.TrimSpace(s)))
		}
	}
	// object.get(x, "vulnerability", "") and _list(object.get(x, "aliases", []))
	add(x["vulnerability"])
	if aliases, ok := x["aliases"].([]any); ok {
		for _, a := range aliases {
			add(a)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func stringSet(values []string) *ast.Term {
	terms := make([]*ast.Term, len(values))
	for i, v := range values {
		terms[i] = ast.StringTerm(v)
	}
	return ast.SetTerm(terms...)
}

// componentPurlKey is a component's by_purl key, as lib.vuln._purl_pairs
// takes it: a package URL that starts with "pkg:" as written and has no
// parse error (purl_error absent or ""), keyed by purlKey.
func componentPurlKey(c map[string]any) (string, bool) {
	p, ok := c["purl"].(string)
	if !ok || !strings.HasPrefix(p, "pkg:") || !noPurlError(c) {
		return "", false
	}
	return purlKey(p), true
}

// noPurlError is object.get(c, "purl_error", "") == "".
func noPurlError(c map[string]any) bool {
	e, present := c["purl_error"]
	return !present || e == ""
}

// purlLower is lower(split(split(trim_space(p), "#")[0], "?")[0]): the
// package URL in lower case without subpath and qualifiers.
func purlLower(p string) string {
	k, _, _ := strings.Cut(strings.TrimSpace(p), "#")
	k, _, _ = strings.Cut(k, "?")
	return strings.ToLower(k)
}

// purlKey is lib.vuln's package key of a package URL: the part of purlLower
// before its "@" (substring(k, 0, indexof(k, "@")); without "@" the whole).
func purlKey(p string) string {
	before, _, _ := cutAt(purlLower(p))
	return before
}

// cutAt splits k at its first "@" as OPA's indexof and substring do: both
// count runes in a text that is not ASCII, and a rune slice turns invalid
// UTF-8 into U+FFFD, so such a text is cut the same way; without "@",
// substring(k, 0, -1) is the whole text.
func cutAt(k string) (before, after string, found bool) {
	if utf8.ValidString(k) {
		return strings.Cut(k, "@")
	}
	runes := []rune(k)
	for i, c := range runes {
		if c == '@' {
			return string(runes[:i]), string(runes[i+1:]), true
		}
	}
	return string(runes), "", false
}

// escapedVersion is the pattern lib.vuln._unescape decodes: percent
// escapes only, and no "+" (which decoding would turn into a space).
var escapedVersion = regexp.MustCompile(`^([^%+]|%[0-9a-f]{2})*$`)

// purlVersion is lib.vuln.purl_version: the version a package URL names,
// percent-decoded when that is safe; "" when there is none.
func purlVersion(raw any) string {
	p, ok := raw.(string)
	if !ok || !strings.HasPrefix(strings.ToLower(strings.TrimSpace(p)), "pkg:") {
		return ""
	}
	_, v, found := cutAt(purlLower(p))
	if !found {
		return ""
	}
	if strings.Contains(v, "%") && escapedVersion.MatchString(v) {
		if decoded, err := url.QueryUnescape(v); err == nil {
			return decoded
		}
	}
	return v
}

// normVersion is lib.vuln.norm_version: regex.replace(lower(trim_space(v)),
// "^v([0-9])", "$1"), that is without a "v" before a digit at the start.
func normVersion(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	if len(v) >= 2 && v[0] == 'v' && v[1] >= '0' && v[1] <= '9' {
		return v[1:]
	}
	return v
}

// cpeVersion is lib.vuln.cpe_version: the version field of a CPE name; ""
// when it is absent or a wildcard.
func cpeVersion(raw any) string {
	c, ok := raw.(string)
	if !ok {
		return ""
	}
	lower := strings.ToLower(c)
	if strings.HasPrefix(lower, "cpe:2.3:") {
		if parts := strings.Split(c, ":"); len(parts) > 5 {
			if v := parts[5]; v != "*" && v != "-" && v != "" {
				return v
			}
		}
	}
	if strings.HasPrefix(lower, "cpe:/") {
		if parts := strings.Split(c, ":"); len(parts) > 4 && parts[4] != "" {
			return parts[4]
		}
	}
	return ""
}

// cpeBase is lib.vuln.cpe_base: a CPE 2.3 name in lower case up to the
// product field (five parts), a CPE 2.2 URI up to the product (four).
func cpeBase(raw any) (string, bool) {
	s, ok := raw.(string)
	if !ok {
		return "", false
	}
	parts := strings.Split(strings.ToLower(strings.TrimSpace(s)), ":")
	if len(parts) < 2 {
		return "", false
	}
	switch {
	case parts[1] == "2.3" && len(parts) >= 5:
		return strings.Join(parts[:5], ":"), true
	case strings.HasPrefix(parts[1], "/") && len(parts) >= 4:
		return strings.Join(parts[:4], ":"), true
	}
	return "", false
}

// itemCPEs is lib.vuln._cpes: an item's cpe (when text) and its cpes list.
func itemCPEs(x map[string]any) []any {
	var out []any
	if c, ok := x["cpe"].(string); ok {
		out = append(out, c)
	}
	if list, ok := x["cpes"].([]any); ok {
		out = append(out, list...)
	}
	return out
}

// itemVersions is lib.vuln.item_versions: the versions an item names,
// normalised (none: any version).
func itemVersions(x map[string]any) map[string]bool {
	if v, ok := x["version"].(string); ok && strings.TrimSpace(v) != "" {
		return map[string]bool{normVersion(v): true}
	}
	if spec, ok := x["range"].(string); ok && strings.TrimSpace(spec) != "" {
		return nil
	}
	out := map[string]bool{}
	if _, present := x["purl"]; present && purlVersion(x["purl"]) != "" {
		if v := normVersion(purlVersion(x["purl"])); v != "" {
			out[v] = true
		}
		return out
	}
	for _, cpe := range itemCPEs(x) {
		if v := normVersion(cpeVersion(cpe)); v != "" {
			out[v] = true
		}
	}
	return out
}

// versionOK is lib.vuln._version_ok: the component is known by one of the
// versions (its own version, its package URL's, its CPEs').
func versionOK(versions map[string]bool, c map[string]any) bool {
	if v, ok := c["version"].(string); ok && versions[normVersion(v)] {
		return true
	}
	for v := range componentVersions(c) {
		if versions[v] {
			return true
		}
	}
	return false
}

// componentVersions is lib.vuln.component_versions.
func componentVersions(c map[string]any) map[string]bool {
	out := map[string]bool{}
	add := func(raw string) {
		if v := normVersion(raw); v != "" {
			out[v] = true
		}
	}
	if v, ok := c["version"].(string); ok {
		add(v)
	}
	if _, present := c["purl"]; present && noPurlError(c) {
		add(purlVersion(c["purl"]))
	}
	if list, ok := c["cpes"].([]any); ok {
		for _, cpe := range list {
			add(cpeVersion(cpe))
		}
	}
	return out
}
