package vuln

import "regexp"

var (
	kevCVE = regexp.MustCompile(`^CVE-[0-9]{4}-[0-9]{4,19}$`)
	kevCWE = regexp.MustCompile(`^CWE-[0-9]+$`)
)

// readKEV reads the CISA KEV catalog, checking the members its (draft-07)
// schema requires, so a truncated or hand-edited copy is noticed.
func readKEV(r node, doc *Document) {
	doc.Version = r.key("catalogVersion").reqStr(r, `"catalogVersion"`)
	doc.Timestamp = r.key("dateReleased").reqStr(r, `"dateReleased"`)
	r.key("dateReleased").dateTime(doc.Timestamp, "dateReleased")
	vulns := r.key("vulnerabilities")
	if !vulns.present {
		r.p.add(r.ptr, `missing required "vulnerabilities"`)
	}
	list := vulns.list()
	if c := r.key("count"); !c.present {
		r.p.add(r.ptr, `missing required "count"`)
	} else if n := number(c); n == nil || int(*n) != len(list) {
		c.p.add(c.ptr, "count %s does not match the %d vulnerabilities listed", c.text(), len(list))
	}
	seen := map[string]string{}
	for _, v := range list {
		if !v.isObject("a KEV entry") {
			continue
		}
		e := KEVEntry{
			CVE:                        v.key("cveID").reqStr(v, `"cveID"`),
			VendorProject:              v.key("vendorProject").reqStr(v, `"vendorProject"`),
			Product:                    v.key("product").reqStr(v, `"product"`),
			VulnerabilityName:          v.key("vulnerabilityName").reqStr(v, `"vulnerabilityName"`),
			DateAdded:                  v.key("dateAdded").reqStr(v, `"dateAdded"`),
			ShortDescription:           v.key("shortDescription").reqStr(v, `"shortDescription"`),
			RequiredAction:             v.key("requiredAction").reqStr(v, `"requiredAction"`),
			DueDate:                    v.key("dueDate").reqStr(v, `"dueDate"`),
			KnownRansomwareCampaignUse: v.key("knownRansomwareCampaignUse").str(),
			Notes:                      v.key("notes").str(),
			CWEs:                       v.key("cwes").strs(),
			Loc:                        Loc{Pointer: v.ptr},
		}
		if e.CVE != "" && !kevCVE.MatchString(e.CVE) {
			v.p.add(v.key("cveID").ptr, "cveID %q is not of the form CVE-YYYY-NNNN", e.CVE)
		}
		if first, dup := seen[e.CVE]; dup && e.CVE != "" {
			v.p.add(v.key("cveID").ptr, "cveID %s is listed again (first at %s)", e.CVE, first)
		} else {
			seen[e.CVE] = v.ptr
		}
		v.key("dateAdded").date(e.DateAdded, "dateAdded")
		v.key("dueDate").date(e.DueDate, "dueDate")
		for i, c := range e.CWEs {
			if !kevCWE.MatchString(c) {
				v.p.add(v.key("cwes").ptr, "cwes[%d] %q is not of the form CWE-NNN", i, c)
			}
		}
		doc.KEV = append(doc.KEV, e)
	}
}
