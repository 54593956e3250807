package vuln

import (
	"strings"

	packageurl "github.com/package-url/packageurl-go"
)

// normalizePurl returns the canonical form of a package URL (lower-case type,
// type-specific name rules, sorted qualifiers) so purls from different tools
// compare equal in policies.
func normalizePurl(s string) (string, error) {
	p, err := packageurl.FromString(strings.TrimSpace(s))
	if err != nil {
		return "", err
	}
	return p.ToString(), nil
}

// purlParts returns the component name and version of a valid purl. The name
// is what an SBOM calls the component: the purl name, except for Go modules
// (the whole module path) and scoped npm packages ("@scope/name"), whose
// names include the namespace.
func purlParts(s string) (name, version string) {
	p, err := packageurl.FromString(s)
	if err != nil {
		return "", ""
	}
	name = p.Name
	if p.Namespace != "" && (p.Type == "golang" || p.Type == "npm") {
		name = p.Namespace + "/" + p.Name
	}
	return name, p.Version
}

func isPurl(s string) bool { return strings.HasPrefix(strings.ToLower(s), "pkg:") }
func isCPE(s string) bool  { return strings.HasPrefix(strings.ToLower(s), "cpe:") }

// identify fills Purl or CPE of p from an identifier string, reporting a purl
// that does not parse. Other identifiers (IRIs, image references) stay in ID
// only.
func identify(p *Product, id string, n node) {
	switch {
	case isPurl(id):
		pu, err := normalizePurl(id)
		if err != nil {
			n.p.add(n.ptr, "invalid package URL %q: %v", id, err)
			return
		}
		p.Purl = pu
	case isCPE(id):
		p.CPE = id
	}
}

// fillFromPurl sets Name and Version from the purl when they are unknown.
func fillFromPurl(p *Product) {
	if p.Purl == "" {
		return
	}
	name, version := purlParts(p.Purl)
	if p.Name == "" {
		p.Name = name
	}
	if p.Version == "" && p.Range == "" {
		p.Version = version
	}
}
