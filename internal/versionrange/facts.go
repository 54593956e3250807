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
//
// The SBOM components are indexed once by package (package URL without
// version, qualifiers and subpath; else name), so the work grows with the
// ranged products times the versions of their package, not with the SBOM
// size squared.
func Facts(sboms, vexes []any) map[string]map[string]bool {
	type shipped struct{ purlType, version string }
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
	out := map[string]map[string]bool{}
	for _, content := range vexes {
		doc, _ := content.(map[string]any)
		statements, _ := doc["statements"].([]any)
		for _, s := range statements {
			st, _ := s.(map[string]any)
			products, _ := st["products"].([]any)
			for _, p := range products {
				product, _ := p.(map[string]any)
				spec, _ := product["range"].(string)
				if strings.TrimSpace(spec) == "" {
					continue
				}
				purlType, keys := packageKeys(product)
				for _, k := range keys {
					for _, c := range byPackage[k] {
						t := purlType
						if t == "" {
							t = c.purlType
						}
						in, err := Contains(t, spec, c.version)
						if err != nil {
							continue
						}
						if out[spec] == nil {
							out[spec] = map[string]bool{}
						}
						// One range may name several packages: a version inside it
						// for any of them counts as inside.
						out[spec][c.version] = out[spec][c.version] || in
					}
					if len(byPackage[k]) > 0 {
						break // the most specific identity that finds components decides, as in the policies
					}
				}
			}
		}
	}
	return out
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
