package vuln

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/annexlint/annexlint/internal/placeholder"
)

// cdxStates maps CycloneDX analysis.state to normalised statuses.
// false_positive is not_affected: the vulnerability does not apply at all.
// Its Justification is the CycloneDX justification if one is given, else
// "false_positive", so policies requiring a reason for not_affected accept it.
var cdxStates = map[string]string{
	"exploitable":            StatusAffected,
	"in_triage":              StatusUnderInvestigation,
	"resolved":               StatusFixed,
	"resolved_with_pedigree": StatusFixed,
	"not_affected":           StatusNotAffected,
	"false_positive":         StatusNotAffected,
}

var (
	cdxStateNames     = []string{"resolved", "resolved_with_pedigree", "exploitable", "in_triage", "false_positive", "not_affected"}
	cdxJustifications = []string{"code_not_present", "code_not_reachable", "requires_configuration", "requires_dependency",
		"requires_environment", "protected_by_compiler", "protected_at_runtime", "protected_at_perimeter", "protected_by_mitigating_control"}
	cdxResponses = []string{"can_not_fix", "will_not_fix", "update", "rollback", "workaround_available"}
	// BOM-Link: urn:cdx:<serialNumber uuid>/<version>[#<url-encoded bom-ref>]
	bomLinkRE = regexp.MustCompile(`^urn:cdx:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/([1-9][0-9]*)(?:#(.+))?$`)
)

// readCycloneDX reads the vulnerabilities of a CycloneDX BOM: as VEX
// Statements (one per vulnerability, one Product per affects entry or per
// affects version) or, for a VDR, as Matches (one per affects entry).
func readCycloneDX(r node, doc *Document, vdr bool) {
	doc.SpecVersion = r.key("specVersion").str()
	doc.Version = r.key("version").text()
	doc.ID = r.key("serialNumber").str()
	md := r.key("metadata")
	doc.Timestamp = md.key("timestamp").str()
	doc.Author = cdxAuthor(md)
	doc.Tool = cdxTool(md.key("tools"))

	comps := map[string]Product{}
	cdxIndex(md.key("component"), nil, comps)
	for _, c := range r.key("components").list() {
		cdxIndex(c, nil, comps)
	}
	if vdr {
		doc.Subject = md.key("component").key("name").str()
	}

	vulns := r.key("vulnerabilities")
	if list := vulns.list(); len(list) == 0 && !vdr {
		vulns.p.add(vulns.ptr, "the VEX has no vulnerabilities")
	}
	for _, v := range vulns.list() {
		if !v.isObject("a vulnerability") {
			continue
		}
		id := v.key("id").str()
		if id == "" {
			v.p.add(v.ptr, `vulnerability has no "id"`)
		}
		var als []string
		for _, ref := range v.key("references").list() {
			als = append(als, ref.key("id").str())
		}
		affects := v.key("affects").list()
		if len(affects) == 0 {
			v.p.add(v.ptr, `vulnerability has no "affects": it does not say which component it is about`)
		}
		if vdr {
			sev, cvss := cdxRatings(v.key("ratings"))
			for _, a := range affects {
				p := cdxProduct(a, comps)
				m := Match{
					Vulnerability: id, Aliases: append([]string(nil), als...),
					Name: p.Name, Version: p.Version, Purl: p.Purl,
					Severity: sev, CVSS: cvss,
					Loc: Loc{Pointer: a.ptr},
				}
				if p.CPE != "" {
					m.CPEs = []string{p.CPE}
				}
				doc.Matches = append(doc.Matches, m)
			}
			continue
		}
		doc.Statements = append(doc.Statements, cdxStatement(v, id, als, affects, comps))
	}
}

func cdxStatement(v node, id string, als []string, affects []node, comps map[string]Product) Statement {
	st := Statement{Vulnerability: id, Aliases: als, Loc: Loc{Pointer: v.ptr}}
	a := v.key("analysis")
	if !a.present {
		v.p.add(v.ptr, `vulnerability has no "analysis", so the VEX says nothing about it`)
	} else if a.isObject("analysis") {
		st.SourceStatus = a.key("state").str()
		if st.SourceStatus == "" {
			a.p.add(a.ptr, `analysis has no "state"`)
		}
		a.key("state").enum(st.SourceStatus, "analysis state", cdxStateNames...)
		st.Status = cdxStates[st.SourceStatus]
		st.Justification = a.key("justification").str()
		a.key("justification").enum(st.Justification, "analysis justification", cdxJustifications...)
		if st.SourceStatus == "false_positive" && st.Justification == "" {
			st.Justification = "false_positive"
		}
		for _, rn := range a.key("response").list() {
			resp := rn.str()
			rn.enum(resp, "analysis response", cdxResponses...)
			if resp != "" {
				st.Responses = append(st.Responses, resp)
			}
		}
		st.ImpactStatement = a.key("detail").str()
		st.Timestamp = firstNonEmpty(a.key("lastUpdated").str(), a.key("firstIssued").str())
		st.FirstIssued = a.key("firstIssued").str()
	}
	st.Severity, _ = cdxRatings(v.key("ratings"))
	for _, adv := range v.key("advisories").list() {
		if u := strings.TrimSpace(adv.key("url").str()); u != "" {
			st.Advisories = append(st.Advisories, u)
		}
	}
	st.ActionStatement = joinContent([]string{v.key("recommendation").str(), v.key("workaround").str()})
	if st.Timestamp == "" {
		st.Timestamp = firstNonEmpty(v.key("updated").str(), v.key("published").str(), v.key("created").str())
	}
	for _, an := range affects {
		p := cdxProduct(an, comps)
		versions := an.key("versions").list()
		if len(versions) == 0 {
			st.Products = append(st.Products, p)
			continue
		}
		for _, vn := range versions {
			pv := p
			pv.Loc = Loc{Pointer: vn.ptr}
			pv.Version, pv.Range = vn.key("version").str(), vn.key("range").str()
			if pv.Version == "" && pv.Range == "" {
				vn.p.add(vn.ptr, `affected version needs "version" or "range"`)
			}
			pv.VersionStatus = vn.key("status").str()
			vn.key("status").enum(pv.VersionStatus, "version status", "affected", "unaffected", "unknown")
			st.Products = append(st.Products, pv)
		}
	}
	return st
}

// cdxProduct resolves an affects entry: a BOM-Link to another BOM, or a
// bom-ref of a component in this BOM.
func cdxProduct(a node, comps map[string]Product) Product {
	ref := a.key("ref").str()
	if ref == "" {
		a.p.add(a.ptr, `affects entry has no "ref"`)
	}
	p := Product{ID: ref, Ref: ref}
	if strings.HasPrefix(ref, "urn:cdx:") {
		m := bomLinkRE.FindStringSubmatch(ref)
		if m == nil {
			a.p.add(a.key("ref").ptr, "malformed BOM-Link %q (want urn:cdx:<serial-uuid>/<version>#<bom-ref>)", ref)
		} else {
			p.Bom = "urn:uuid:" + strings.ToLower(m[1])
			p.BomVer, _ = strconv.Atoi(m[2])
			p.Ref = m[3]
			if dec, err := url.PathUnescape(m[3]); err == nil {
				p.Ref = dec
			}
		}
	} else if c, ok := comps[ref]; ok {
		p.Name, p.Version, p.Purl, p.CPE, p.Parent = c.Name, c.Version, c.Purl, c.CPE, c.Parent
	}
	// bom-refs are often purls themselves.
	if p.Purl == "" && isPurl(p.Ref) {
		if norm, err := normalizePurl(p.Ref); err == nil {
			p.Purl = norm
		}
	}
	fillFromPurl(&p)
	p.Loc = Loc{Pointer: a.ptr}
	return p
}

// cdxIndex records components by bom-ref, descending into nested components
// (bounded by the decoder's nesting cap). A component written inside another
// (metadata.component's components are the product's) gets that one as its
// Parent, so a statement about it is matched inside that product only.
func cdxIndex(c node, parent *Product, comps map[string]Product) {
	if _, ok := c.object(); !ok {
		return
	}
	p := Product{Ref: c.key("bom-ref").str(), Name: c.key("name").str(), Version: c.key("version").str(), CPE: c.key("cpe").str()}
	if pu := c.key("purl").str(); pu != "" {
		if norm, err := normalizePurl(pu); err == nil {
			p.Purl = norm
		}
	}
	if parent != nil {
		p.Parent = parent
	}
	if p.Ref != "" {
		comps[p.Ref] = p
	}
	self := p
	self.Parent = nil // one level: the product that directly contains the part
	for _, sub := range c.key("components").list() {
		cdxIndex(sub, &self, comps)
	}
}

// cdxRatings returns the most severe rating severity and the CVSS ratings.
// The most severe wins because ratings from several sources can disagree and
// the safe reading for a medical device is the worst one.
func cdxRatings(n node) (string, []CVSS) {
	sev := SeverityUnknown
	var out []CVSS
	for _, r := range n.list() {
		if s := normalizeSeverity(r.key("severity").str()); severityRank(s) > severityRank(sev) {
			sev = s
		}
		ver := map[string]string{"CVSSv2": "2.0", "CVSSv3": "3.0", "CVSSv31": "3.1", "CVSSv4": "4.0"}[r.key("method").str()]
		if ver == "" {
			continue
		}
		c := CVSS{Source: r.key("source").key("name").str(), Version: ver, Vector: r.key("vector").str()}
		if num, ok := r.key("score").v.(interface{ Float64() (float64, error) }); ok {
			if f, err := num.Float64(); err == nil {
				c.Score = &f
			}
		}
		if c.Score == nil {
			c.Score = cvss3Score(c.Vector)
		}
		out = append(out, c)
	}
	return sev, out
}

func cdxAuthor(md node) string {
	var names []string
	for _, a := range md.key("authors").list() {
		if s := a.key("name").str(); s != "" {
			names = append(names, s)
		}
	}
	if len(names) > 0 {
		return strings.Join(names, ", ")
	}
	return firstNonEmpty(md.key("manufacturer").key("name").str(), md.key("manufacture").key("name").str(),
		md.key("supplier").key("name").str())
}

// cdxTool names the first tool: tools is an array before CycloneDX 1.5 and
// an object {components, services} since.
func cdxTool(t node) string {
	var first node
	if _, ok := t.v.([]any); ok {
		if l := t.list(); len(l) > 0 {
			first = l[0]
		}
	} else if l := t.key("components").list(); len(l) > 0 {
		first = l[0]
	}
	return strings.TrimSpace(first.key("name").text() + " " + first.key("version").text())
}

// joinContent joins the texts that make up one statement (CSAF remediations
// or threats naming a product, CycloneDX recommendation and workaround), one
// a line, leaving out blanks and placeholders: "n/a" beside "TBD" is no
// action statement, although the joined text is none of the placeholders
// the rules' lib.has_text refuses (internal/placeholder is its list).
func joinContent(parts []string) string {
	var kept []string
	for _, s := range parts {
		if !placeholder.Is(s) {
			kept = append(kept, s)
		}
	}
	return strings.Join(kept, "\n")
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
