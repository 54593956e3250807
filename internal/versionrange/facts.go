package versionrange

import (
	"strings"

	packageurl "github.com/package-url/packageurl-go"
)

// Facts evaluates every version range a VEX statement names against the
// versions at which the SBOMs ship the package it names, for the policies
// (input.derived.version_ranges): range as written -> component version as
// written -> inside or not. sboms and vexes are the normalised document
// contents the policies read. A pair that cannot be evaluated (unreadable
// range, unparsable version) is left out, so the policy does not know and
// treats the component as possibly in range.
func Facts(sboms, vexes []any) map[string]map[string]bool {
	ranges, _ := Derive(sboms, vexes)
	return ranges
}

// Derive computes both facts the policies read about versions, from one
// index of the shipped components:
//
//   - ranges (input.derived.version_ranges): see Facts;
//   - order (input.derived.version_order): for every version a "fixed" VEX
//     statement names for a product (the product's version as written), the
//     versions at which the SBOMs ship that package, as written, each with
//     the sign of shipped minus named in the package's ecosystem order: -1
//     when the shipped version predates the fix (1.2.9 before 1.2.10), 0
//     when it is the fixed version however written (v1.2.10), 1 when it is
//     later. A pair that cannot be compared, or that two ecosystems order
//     differently, is left out: the policy then compares the texts.
//
// The SBOM components are indexed once by package (package URL without
// version, qualifiers and subpath; else name), and only when a statement
// names a range or a fixed version, so the work grows with those products
// times the versions of their package, not with the SBOM size squared.
func Derive(sboms, vexes []any) (ranges map[string]map[string]bool, order map[string]map[string]int) {
	ranges, order = map[string]map[string]bool{}, map[string]map[string]int{}
	type item struct {
		product map[string]any
		spec    string // a range, or
		fixed   string // the version a fixed statement names
	}
	var items []item
	for _, content := range vexes {
		doc, _ := content.(map[string]any)
		statements, _ := doc["statements"].([]any)
		for _, s := range statements {
			st, _ := s.(map[string]any)
			products, _ := st["products"].([]any)
			status, _ := st["status"].(string)
			for _, p := range products {
				product, _ := p.(map[string]any)
				spec, _ := product["range"].(string)
				version, _ := product["version"].(string)
				switch {
				case strings.TrimSpace(spec) != "":
					items = append(items, item{product: product, spec: spec})
				case status == "fixed" && strings.TrimSpace(version) != "":
					items = append(items, item{product: product, fixed: version})
				}
			}
		}
	}
	if len(items) == 0 {
		return ranges, order
	}
	byPackage := shippedByPackage(sboms)
	conflicting := map[[2]string]bool{}
	for _, it := range items {
		purlType, keys := packageKeys(it.product)
		for _, k := range keys {
			for _, c := range byPackage[k] {
				t := purlType
				if t == "" {
					t = c.purlType
				}
				if it.spec != "" {
					in, err := Contains(t, it.spec, c.version)
					if err != nil {
						continue
					}
					if ranges[it.spec] == nil {
						ranges[it.spec] = map[string]bool{}
					}
					// One range may name several packages: a version inside it
					// for any of them counts as inside.
					ranges[it.spec][c.version] = ranges[it.spec][c.version] || in
					continue
				}
				pair := [2]string{it.fixed, c.version}
				cmp, err := Compare(t, c.version, it.fixed)
				if err != nil || conflicting[pair] {
					continue
				}
				cmp = sign(cmp)
				if order[it.fixed] == nil {
					order[it.fixed] = map[string]int{}
				}
				if prev, seen := order[it.fixed][c.version]; seen && prev != cmp {
					conflicting[pair] = true
					delete(order[it.fixed], c.version)
					continue
				}
				order[it.fixed][c.version] = cmp
			}
			if len(byPackage[k]) > 0 {
				break // the most specific identity that finds components decides, as in the policies
			}
		}
	}
	for v, m := range order {
		if len(m) == 0 {
			delete(order, v)
		}
	}
	return ranges, order
}

type shipped struct{ purlType, version string }

// shippedByPackage indexes the versioned components (primary included) of
// the SBOMs by their package identity keys.
func shippedByPackage(sboms []any) map[string][]shipped {
	byPackage := map[string][]shipped{}
	for _, content := range sboms {
		bom, _ := content.(map[string]any)
		comps, _ := bom["components"].([]any)
		if p, ok := bom["primary"]; ok {
			comps = append([]any{p}, comps...)
		}
		for _, c := range comps {
			comp, _ := c.(map[string]any)
			version, _ := comp["version"].(string)
			if strings.TrimSpace(version) == "" {
				continue
			}
			purlType, keys := packageKeys(comp)
			for _, k := range keys {
				byPackage[k] = append(byPackage[k], shipped{purlType, version})
			}
		}
	}
	return byPackage
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// packageKeys returns an item's package URL type and its identity keys, most
// specific first: "purl:" and the package URL without version, qualifiers and
// subpath, then "name:" and the lower-case name.
func packageKeys(item map[string]any) (string, []string) {
	var purlType string
	var keys []string
	if s, _ := item["purl"].(string); s != "" {
		if p, err := packageurl.FromString(s); err == nil {
			purlType = p.Type
			p.Version, p.Qualifiers, p.Subpath = "", nil, ""
			keys = append(keys, "purl:"+strings.ToLower(p.ToString()))
		}
	}
	if n, _ := item["name"].(string); strings.TrimSpace(n) != "" {
		keys = append(keys, "name:"+strings.ToLower(strings.TrimSpace(n)))
	}
	return purlType, keys
}
