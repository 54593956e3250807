package input

import (
	"regexp"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// SuppliedComponents is input.derived.supplied_components: for each
// document a component supplier delivered (supplied_by) whose marking names
// the component, lib.supply.in_product_sbom of it: [SBOM path, index,
// component] for every component of the manufacturer's own SBOMs that is
// that component, in the order the Rego gives them (documents by path, then
// components by index). In Rego this compared every component of every own
// SBOM with the marking, several built-ins each: at 10,000 components most
// of the supply-chain rules' evaluation (docs/performance.md). The component
// is the very value of input.documents, not a copy.
//
// lib.supply keeps its Rego computation for an input without these facts,
// and TestVulnIndexMatchesRego holds both to the same findings and evidence.
// docs and converted are as for VulnIndex. Nil when no document is a
// supplier's.
func SuppliedComponents(docs []map[string]any, converted *ast.Array) ast.Value {
	var out [][2]*ast.Term
	for _, d := range docs {
		marking, ok := d["supplied_by"].(map[string]any)
		path, _ := d["path"].(string)
		if !ok || !hasText(marking, "component") {
			continue
		}
		ref := strings.TrimSpace(marking["component"].(string))
		match := supplyMatcher(ref)
		var found []*ast.Term
		for k, s := range docs {
			// lib.documents("sbom"): the own SBOMs, in input order
			if _, supplied := s["supplied_by"]; s["type"] != "sbom" || supplied {
				continue
			}
			bom, _ := s["content"].(map[string]any)
			components, _ := bom["components"].([]any)
			var terms *ast.Array
			for i, raw := range components {
				c, ok := raw.(map[string]any)
				if !ok || !match(c) {
					continue
				}
				if terms == nil {
					terms = arrayAt(contentObject(converted.Elem(k)), "components")
				}
				if terms == nil || i >= terms.Len() {
					continue // cannot happen: converted is this content
				}
				found = append(found, ast.ArrayTerm(ast.StringTerm(s["path"].(string)), ast.InternedTerm(i), terms.Elem(i)))
			}
		}
		out = append(out, ast.Item(ast.StringTerm(path), ast.ArrayTerm(found...)))
	}
	if out == nil {
		return nil
	}
	return ast.NewObject(out...)
}

// supplyMatcher is lib.supply.matches(·, ref): a package URL ref matches a
// component with the same purl base, any other ref one whose name squashes
// to the same letters and digits.
func supplyMatcher(ref string) func(c map[string]any) bool {
	if strings.HasPrefix(ref, "pkg:") {
		want := supplyBase(ref)
		return func(c map[string]any) bool {
			p, ok := c["purl"].(string)
			return ok && supplyBase(p) == want
		}
	}
	want := squash(ref)
	return func(c map[string]any) bool {
		n, ok := c["name"].(string)
		return ok && squash(n) == want
	}
}

// supplyBase is lib.supply.base: lower(split(split(split(purl, "?")[0],
// "#")[0], "@")[0]).
func supplyBase(purl string) string {
	s, _, _ := strings.Cut(purl, "?")
	s, _, _ = strings.Cut(s, "#")
	s, _, _ = strings.Cut(s, "@")
	return strings.ToLower(s)
}

var notAlphanumeric = regexp.MustCompile(`[^a-z0-9]`)

// squash is lib.supply.squash: lower case, letters and digits only.
func squash(s string) string {
	return notAlphanumeric.ReplaceAllString(strings.ToLower(s), "")
}
