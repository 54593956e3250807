package vuln

import (
	"encoding/json"
	"slices"
	"strings"
)

// OpenVEX vocabularies (spec v0.2.0; v0.0.1 used the same ones).
var (
	openvexStatuses = []string{StatusNotAffected, StatusAffected, StatusFixed, StatusUnderInvestigation}
	// Also the CSAF 2.0 flag labels.
	vexJustifications = []string{
		"component_not_present",
		"vulnerable_code_not_present",
		"vulnerable_code_not_in_execute_path",
		"vulnerable_code_cannot_be_controlled_by_adversary",
		"inline_mitigations_already_exist",
	}
)

const (
	openvexNS     = "https://openvex.dev/ns"
	openvexLegacy = "v0.0.1" // the bare namespace context
)

// readOpenVEX reads an OpenVEX document: one Statement per statements[]
// entry, with each product's subcomponents flattened into Products after it
// (Parent set). The checks follow the v0.2.0 JSON schema and spec: required
// document members, no unknown members, status and justification
// enumerations, not_affected needing a justification or impact statement,
// affected needing an action statement.
func readOpenVEX(r node, doc *Document) {
	ctx := r.key("@context").str()
	ver := strings.TrimPrefix(strings.TrimPrefix(ctx, "http://openvex.dev/ns"), openvexNS)
	ver = strings.TrimPrefix(ver, "/")
	legacy := ver == ""
	switch {
	case legacy:
		ver = openvexLegacy
		r.p.add(r.key("@context").ptr, "legacy OpenVEX context %q (v0.0.1): the v0.2.0 schema rejects this document; regenerate it with the https://openvex.dev/ns/v0.2.0 context", ctx)
	case ver != "v0.2.0":
		r.p.add(r.key("@context").ptr, "OpenVEX version %q is not supported (read as v0.2.0)", ver)
	}
	doc.SpecVersion = ver
	if !legacy {
		r.only("the OpenVEX document", "@context", "@id", "author", "role", "timestamp", "last_updated", "version", "tooling", "statements")
	}
	doc.ID = r.key("@id").reqStr(r, `"@id"`)
	doc.Author = r.key("author").reqStr(r, `"author"`)
	doc.Timestamp = r.key("timestamp").reqStr(r, `"timestamp"`)
	r.key("timestamp").dateTime(doc.Timestamp, "timestamp")
	r.key("last_updated").dateTime(r.key("last_updated").str(), "last_updated")
	doc.Tool = r.key("tooling").str()
	doc.Version = openvexVersion(r, r.key("version"), true)

	stmts := r.key("statements")
	if !stmts.present {
		r.p.add(r.ptr, `missing required "statements"`)
	}
	list := stmts.list()
	if stmts.present && len(list) == 0 && stmts.v != nil {
		if _, ok := stmts.v.([]any); ok {
			stmts.p.add(stmts.ptr, "statements must not be empty")
		}
	}
	seen := map[string]string{}
	for _, s := range list {
		if !s.isObject("a statement") {
			continue
		}
		if b, err := json.Marshal(s.v); err == nil {
			if first, dup := seen[string(b)]; dup {
				s.p.add(s.ptr, "statement duplicates %s (statements must be unique)", first)
			} else {
				seen[string(b)] = s.ptr
			}
		}
		doc.Statements = append(doc.Statements, openvexStatement(s, doc.Timestamp, legacy))
	}
}

// openvexVersion reads an integer version >= 1.
func openvexVersion(parent, n node, required bool) string {
	if !n.present {
		if required {
			parent.p.add(parent.ptr, `missing required "version"`)
		}
		return ""
	}
	num, ok := n.v.(json.Number)
	if !ok {
		n.p.add(n.ptr, "version must be an integer, not %s", typeName(n.v))
		return n.text()
	}
	if i, err := num.Int64(); err != nil || i < 1 {
		n.p.add(n.ptr, "version must be an integer >= 1, not %s", num)
	}
	return num.String()
}

func openvexStatement(s node, docTime string, legacy bool) Statement {
	if !legacy {
		s.only("a statement", "@id", "version", "vulnerability", "timestamp", "last_updated", "products",
			"status", "supplier", "status_notes", "justification", "impact_statement", "action_statement",
			"action_statement_timestamp")
	}
	st := Statement{Loc: Loc{Pointer: s.ptr}}
	st.Vulnerability, st.Aliases = openvexVulnerability(s, legacy)

	st.Status = s.key("status").reqStr(s, `"status"`)
	st.SourceStatus = st.Status
	s.key("status").enum(st.Status, "status", openvexStatuses...)
	if !slices.Contains(openvexStatuses, st.Status) {
		st.Status = ""
	}
	st.Justification = s.key("justification").str()
	s.key("justification").enum(st.Justification, "justification", vexJustifications...)
	st.ImpactStatement = s.key("impact_statement").str()
	st.ActionStatement = s.key("action_statement").str()
	switch st.SourceStatus {
	case StatusNotAffected:
		if st.Justification == "" && st.ImpactStatement == "" {
			s.p.addCode(s.ptr, ProblemNotAffectedUnjustified, "not_affected statement needs a justification or an impact_statement")
		}
	case StatusAffected:
		if st.ActionStatement == "" {
			s.p.addCode(s.ptr, ProblemAffectedNoAction, "affected statement needs an action_statement")
		}
	}

	st.Timestamp = s.key("timestamp").str()
	s.key("timestamp").dateTime(st.Timestamp, "timestamp")
	s.key("last_updated").dateTime(s.key("last_updated").str(), "last_updated")
	s.key("action_statement_timestamp").dateTime(s.key("action_statement_timestamp").str(), "action_statement_timestamp")
	if st.Timestamp == "" {
		st.Timestamp = docTime // the spec: a statement inherits the document's timestamp
	}
	if s.has("version") {
		openvexVersion(s, s.key("version"), false)
	}

	prods := s.key("products")
	if !prods.present {
		s.p.add(s.ptr, `missing required "products"`)
	}
	items := prods.list()
	if prods.present && len(items) == 0 {
		if _, ok := prods.v.([]any); ok {
			prods.p.add(prods.ptr, "products must not be empty")
		}
	}
	// v0.0.1 listed subcomponents per statement, applying to every product.
	legacySubs := s.key("subcomponents").list()
	for _, pn := range items {
		prod, ok := openvexProduct(pn, legacy, "product")
		if !ok {
			continue
		}
		st.Products = append(st.Products, prod)
		parent := prod
		for _, sn := range pn.key("subcomponents").list() {
			if sub, ok := openvexProduct(sn, legacy, "subcomponent"); ok {
				sub.Parent = &parent
				st.Products = append(st.Products, sub)
			}
		}
		for _, sn := range legacySubs {
			if sub, ok := openvexProduct(sn, true, "subcomponent"); ok {
				sub.Parent = &parent
				st.Products = append(st.Products, sub)
			}
		}
	}
	return st
}

// openvexVulnerability reads {"name", "@id", "aliases"} (v0.2.0) or a plain
// string (v0.0.1).
func openvexVulnerability(s node, legacy bool) (string, []string) {
	v := s.key("vulnerability")
	if !v.present {
		s.p.add(s.ptr, `missing required "vulnerability"`)
		return "", nil
	}
	if name, ok := v.v.(string); ok {
		if !legacy {
			v.p.add(v.ptr, `vulnerability must be an object with "name" (a plain string is the v0.0.1 form)`)
		}
		return strings.TrimSpace(name), nil
	}
	if !v.isObject("vulnerability") {
		return "", nil
	}
	v.only("the vulnerability", "@id", "name", "description", "aliases")
	name := v.key("name").str()
	id := v.key("@id").str()
	if !v.has("name") {
		v.p.add(v.ptr, `missing required "name" in vulnerability`)
	}
	if name == "" {
		name = id // the @id still names it, so joins keep working
	}
	return name, v.key("aliases").strs()
}

// openvexProduct reads a product or subcomponent: {"@id", "identifiers",
// "hashes"} or, in v0.0.1, a plain identifier string.
func openvexProduct(n node, legacy bool, what string) (Product, bool) {
	p := Product{Loc: Loc{Pointer: n.ptr}}
	if id, ok := n.v.(string); ok {
		if !legacy {
			n.p.add(n.ptr, "%s must be an object with \"@id\" (a plain string is the v0.0.1 form)", what)
		}
		p.ID = strings.TrimSpace(id)
		identify(&p, p.ID, n)
		fillFromPurl(&p)
		return p, true
	}
	if !n.isObject("a " + what) {
		return p, false
	}
	if what == "product" {
		n.only("a product", "@id", "identifiers", "hashes", "subcomponents")
	} else {
		n.only("a subcomponent", "@id", "identifiers", "hashes")
	}
	p.ID = n.key("@id").str()
	ids := n.key("identifiers")
	if !n.has("@id") && !ids.present {
		n.p.add(n.ptr, `%s needs "@id" or "identifiers"`, what)
	}
	identify(&p, p.ID, n.key("@id"))
	if ids.isObject("identifiers") {
		ids.only("identifiers", "purl", "cpe22", "cpe23")
		if !ids.has("purl") && !ids.has("cpe22") && !ids.has("cpe23") {
			ids.p.add(ids.ptr, `identifiers needs "purl", "cpe22" or "cpe23"`)
		}
		if pu := ids.key("purl").str(); pu != "" {
			if norm, err := normalizePurl(pu); err != nil {
				ids.p.add(ids.key("purl").ptr, "invalid package URL %q: %v", pu, err)
			} else {
				p.Purl = norm
			}
		}
		if c := ids.key("cpe23").str(); c != "" {
			p.CPE = c
		} else if c := ids.key("cpe22").str(); c != "" {
			p.CPE = c
		}
	}
	if h := n.key("hashes"); h.isObject("hashes") {
		h.only("hashes", "md5", "sha1", "sha-256", "sha-384", "sha-512", "sha3-224", "sha3-256",
			"sha3-384", "sha3-512", "blake2s-256", "blake2b-256", "blake2b-512")
	}
	fillFromPurl(&p)
	return p, true
}
