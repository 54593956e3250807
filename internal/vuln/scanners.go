package vuln

import (
	"encoding/json"
	"math"
	"slices"
	"strings"

	packageurl "github.com/package-url/packageurl-go"
)

// readGrype reads Grype JSON ("grype -o json"): one Match per matches[] entry.
func readGrype(r node, doc *Document) {
	d := r.key("descriptor")
	doc.Tool = strings.TrimSpace("grype " + d.key("version").text())
	doc.Timestamp = d.key("timestamp").str()
	t := r.key("source").key("target")
	if s, ok := t.v.(string); ok {
		doc.Subject = s
	} else {
		doc.Subject = t.key("userInput").str()
	}
	ms := r.key("matches")
	for _, m := range ms.list() {
		if !m.isObject("a match") {
			continue
		}
		v, a := m.key("vulnerability"), m.key("artifact")
		match := Match{
			Vulnerability: v.key("id").reqStr(v, "vulnerability id"),
			Name:          a.key("name").reqStr(a, "package name"),
			Version:       a.key("version").str(),
			Type:          a.key("type").str(),
			CPEs:          a.key("cpes").strs(),
			Severity:      normalizeSeverity(v.key("severity").str()),
			FixedVersions: v.key("fix").key("versions").strs(),
			FixState:      v.key("fix").key("state").str(),
			Loc:           Loc{Pointer: m.ptr},
		}
		match.Purl = scannerPurl(a.key("purl"))
		if locs := a.key("locations").list(); len(locs) > 0 {
			match.Target = locs[0].key("path").str()
		}
		match.CVSS = grypeCVSS(v)
		for _, rel := range m.key("relatedVulnerabilities").list() {
			match.Aliases = append(match.Aliases, rel.key("id").str())
			match.CVSS = append(match.CVSS, grypeCVSS(rel)...)
		}
		doc.Matches = append(doc.Matches, match)
	}
}

func grypeCVSS(v node) []CVSS {
	list := v.key("cvss").list()
	out := make([]CVSS, 0, len(list))
	for _, c := range list {
		e := CVSS{Source: c.key("source").str(), Version: c.key("version").text(), Vector: c.key("vector").str()}
		e.Score = number(c.key("metrics").key("baseScore"))
		if e.Score == nil {
			e.Score = cvss3Score(e.Vector)
		}
		out = append(out, e)
	}
	return out
}

// readTrivy reads Trivy JSON (SchemaVersion 2): one Match per
// Results[].Vulnerabilities[] entry.
func readTrivy(r node, doc *Document) {
	sv := r.key("SchemaVersion")
	doc.SpecVersion = sv.text()
	if doc.SpecVersion != "2" {
		sv.p.add(sv.ptr, "Trivy SchemaVersion %q is not supported (read as 2)", doc.SpecVersion)
	}
	doc.ID = r.key("ReportID").str()
	doc.Timestamp = r.key("CreatedAt").str()
	doc.Tool = strings.TrimSpace("trivy " + r.key("Trivy").key("Version").text())
	doc.Subject = r.key("ArtifactName").str()
	for _, res := range r.key("Results").list() {
		target, typ := res.key("Target").str(), res.key("Type").str()
		for _, v := range res.key("Vulnerabilities").list() {
			if !v.isObject("a vulnerability") {
				continue
			}
			m := Match{
				Vulnerability: v.key("VulnerabilityID").reqStr(v, "VulnerabilityID"),
				Aliases:       v.key("VendorIDs").strs(),
				Name:          v.key("PkgName").reqStr(v, "PkgName"),
				Version:       v.key("InstalledVersion").str(),
				Type:          typ,
				Severity:      normalizeSeverity(v.key("Severity").str()),
				FixState:      v.key("Status").str(),
				Target:        target,
				Loc:           Loc{Pointer: v.ptr},
			}
			m.Purl = scannerPurl(v.key("PkgIdentifier").key("PURL"))
			for _, f := range strings.Split(v.key("FixedVersion").str(), ",") {
				m.FixedVersions = append(m.FixedVersions, strings.TrimSpace(f))
			}
			m.CVSS = trivyCVSS(v.key("CVSS"))
			doc.Matches = append(doc.Matches, m)
		}
	}
}

// trivyCVSS flattens {"nvd": {"V3Vector": ..., "V3Score": ...}, ...}, sources
// in sorted order so the output does not depend on map iteration.
func trivyCVSS(n node) []CVSS {
	m, ok := n.object()
	if !ok {
		return nil
	}
	sources := make([]string, 0, len(m))
	for k := range m {
		sources = append(sources, k)
	}
	slices.Sort(sources)
	var out []CVSS
	for _, src := range sources {
		s := n.key(src)
		for _, v := range []struct{ vec, score, ver string }{{"V2Vector", "V2Score", "2.0"}, {"V3Vector", "V3Score", ""}, {"V40Vector", "V40Score", "4.0"}} {
			vec, score := s.key(v.vec).str(), number(s.key(v.score))
			if vec == "" && score == nil {
				continue
			}
			ver := v.ver
			if ver == "" {
				ver = firstNonEmpty(cvssVersion(vec), "3.x")
			}
			if score == nil {
				score = cvss3Score(vec)
			}
			out = append(out, CVSS{Source: src, Version: ver, Vector: vec, Score: score})
		}
	}
	return out
}

// readOSVScanner reads OSV-Scanner JSON: one Match per
// results[].packages[].vulnerabilities[] entry.
func readOSVScanner(r node, doc *Document) {
	for _, res := range r.key("results").list() {
		target := res.key("source").key("path").str()
		for _, pk := range res.key("packages").list() {
			pkg := pk.key("package")
			name := pkg.key("name").reqStr(pkg, "package name")
			version, eco := pkg.key("version").str(), pkg.key("ecosystem").str()
			groups := pk.key("groups").list()
			for _, v := range pk.key("vulnerabilities").list() {
				if !v.isObject("a vulnerability") {
					continue
				}
				m := Match{
					Vulnerability: v.key("id").reqStr(v, "vulnerability id"),
					Aliases:       v.key("aliases").strs(),
					Name:          name, Version: version, Type: eco,
					Target: target,
					Loc:    Loc{Pointer: v.ptr},
				}
				var groupMax *float64
				for _, g := range groups {
					ids := g.key("ids").strs()
					if !slices.Contains(ids, m.Vulnerability) {
						continue
					}
					m.Aliases = append(m.Aliases, ids...)
					m.Aliases = append(m.Aliases, g.key("aliases").strs()...)
					groupMax = number(g.key("max_severity"))
				}
				affPurl := ""
				for _, a := range v.key("affected").list() {
					ap := a.key("package")
					if ap.key("name").str() != name || !sameEcosystem(ap.key("ecosystem").str(), eco) {
						continue
					}
					affPurl = firstNonEmpty(affPurl, ap.key("purl").str())
					for _, rg := range a.key("ranges").list() {
						for _, ev := range rg.key("events").list() {
							m.FixedVersions = append(m.FixedVersions, ev.key("fixed").str())
						}
					}
				}
				m.Purl = osvPurl(pkg, name, version, eco, affPurl)
				var worst *float64
				for _, s := range v.key("severity").list() {
					vec := s.key("score").str()
					c := CVSS{Source: "osv", Vector: vec, Version: cvssVersion(vec), Score: cvss3Score(vec)}
					if c.Version == "" && s.key("type").str() == "CVSS_V2" {
						c.Version = "2.0"
					}
					if c.Score != nil && (worst == nil || *c.Score > *worst) {
						worst = c.Score
					}
					m.CVSS = append(m.CVSS, c)
				}
				switch sev := v.key("database_specific").key("severity").str(); {
				case sev != "":
					m.Severity = normalizeSeverity(sev)
				case groupMax != nil:
					m.Severity = severityFromScore(*groupMax)
				case worst != nil:
					m.Severity = severityFromScore(*worst)
				default:
					m.Severity = SeverityUnknown
				}
				doc.Matches = append(doc.Matches, m)
			}
		}
	}
}

// sameEcosystem compares OSV ecosystems ignoring a release suffix
// ("Debian:11" matches "Debian").
func sameEcosystem(a, b string) bool {
	a, _, _ = strings.Cut(a, ":")
	b, _, _ = strings.Cut(b, ":")
	return strings.EqualFold(a, b)
}

// osvEcosystems maps OSV ecosystems to purl types (and a fixed namespace).
var osvEcosystems = map[string][2]string{
	"go": {"golang", ""}, "npm": {"npm", ""}, "pypi": {"pypi", ""}, "crates.io": {"cargo", ""},
	"maven": {"maven", ""}, "rubygems": {"gem", ""}, "nuget": {"nuget", ""}, "packagist": {"composer", ""},
	"pub": {"pub", ""}, "hex": {"hex", ""}, "cran": {"cran", ""}, "hackage": {"hackage", ""},
	"swifturl": {"swift", ""}, "github actions": {"github", ""},
	"debian": {"deb", "debian"}, "ubuntu": {"deb", "ubuntu"}, "alpine": {"apk", "alpine"},
}

// osvPurl picks the package's own purl, else the advisory's version-less purl
// with the installed version, else one built from the ecosystem.
func osvPurl(pkg node, name, version, eco, affPurl string) string {
	if pu := scannerPurl(pkg.key("purl")); pu != "" {
		return pu
	}
	if affPurl != "" {
		if p, err := packageurl.FromString(affPurl); err == nil {
			if p.Version == "" {
				p.Version = version
			}
			return p.ToString()
		}
	}
	base, _, _ := strings.Cut(strings.ToLower(eco), ":")
	t, ok := osvEcosystems[base]
	if !ok || name == "" {
		return ""
	}
	ns, n := t[1], name
	switch {
	case t[0] == "maven":
		if g, a, ok := strings.Cut(name, ":"); ok {
			ns, n = g, a
		}
	case ns == "":
		if i := strings.LastIndex(name, "/"); i > 0 {
			ns, n = name[:i], name[i+1:]
		}
	}
	p := packageurl.NewPackageURL(t[0], ns, n, version, nil, "")
	norm, err := normalizePurl(p.ToString())
	if err != nil {
		return ""
	}
	return norm
}

// scannerPurl normalises a purl written by a scanner; one that does not parse
// is reported and dropped.
func scannerPurl(n node) string {
	s := n.str()
	if s == "" {
		return ""
	}
	norm, err := normalizePurl(s)
	if err != nil {
		n.p.add(n.ptr, "invalid package URL %q: %v", s, err)
		return ""
	}
	return norm
}

// number reads a JSON number (or a numeric string, as osv-scanner writes
// max_severity).
func number(n node) *float64 {
	var num json.Number
	switch v := n.v.(type) {
	case json.Number:
		num = v
	case string:
		num = json.Number(strings.TrimSpace(v))
	default:
		return nil
	}
	f, err := num.Float64()
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return nil // NaN cannot be marshalled to JSON for the policies
	}
	return &f
}
