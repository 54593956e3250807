package threatimport

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/annexlint/annexlint/internal/docparse"
)

var tgStatuses = []string{"unchecked", "in-discussion", "accepted", "in-progress", "mitigated", "false-positive"}

func (im *tgImport) readTracking(root map[string]any) error {
	keys, m, ptr, err := im.mappingEntries(root, "", "risk_tracking")
	if err != nil {
		return err
	}
	for _, key := range keys {
		tptr := docparse.Pointer(ptr, key)
		e, err := im.r.object(m[key], tptr, fmt.Sprintf("risk tracking %q", key))
		if err != nil {
			return err
		}
		if e == nil {
			e = map[string]any{}
		}
		t := tgTracking{key: strings.TrimSpace(key), ptr: tptr}
		for _, f := range []struct {
			key string
			to  *string
		}{{"status", &t.status}, {"justification", &t.justification}, {"checked_by", &t.checkedBy}, {"date", &t.date}, {"ticket", &t.ticket}} {
			if *f.to, err = im.r.text(e, tptr, f.key); err != nil {
				return err
			}
			*f.to = oneLine(*f.to)
		}
		t.status = strings.ToLower(t.status)
		if t.status == "" {
			t.status = "unchecked"
		}
		if !contains(tgStatuses, t.status) {
			return im.r.errorf(docparse.Pointer(tptr, "status"), "risk tracking status %q is not one of %s", t.status, strings.Join(tgStatuses, ", "))
		}
		if strings.Contains(t.key, "*") {
			// As Threagile does: "*" stands for one @-delimited part. The
			// pattern is quoted, so any key compiles.
			t.pattern = regexp.MustCompile(strings.ReplaceAll(regexp.QuoteMeta(t.key), `\*`, `[^@]+`))
		}
		im.tracking = append(im.tracking, t)
	}
	return nil
}

// trackingFor finds the tracking of a risk: an exact ID first (Threagile
// compares risk IDs in lower case), then the first wildcard entry in file
// order that matches.
func (im *tgImport) trackingFor(riskID string) *tgTracking {
	if im.exact == nil {
		im.exact = map[string]int{}
		for i, t := range im.tracking {
			key := strings.ToLower(t.key)
			if _, seen := im.exact[key]; !seen && t.pattern == nil {
				im.exact[key] = i
			}
		}
	}
	if i, ok := im.exact[strings.ToLower(riskID)]; ok {
		return &im.tracking[i]
	}
	for i := range im.tracking {
		if t := &im.tracking[i]; t.pattern != nil && t.pattern.MatchString(riskID) {
			return t
		}
	}
	return nil
}

var (
	likelihoods = []string{"unlikely", "likely", "very-likely", "frequent"}
	impacts     = []string{"low", "medium", "high", "very-high"}
	strides     = []string{"spoofing", "tampering", "repudiation", "information-disclosure", "denial-of-service", "elevation-of-privilege"}
)

func (im *tgImport) risks(root map[string]any) error {
	titles, m, ptr, err := im.mappingEntries(root, "", "individual_risk_categories")
	if err != nil {
		return err
	}
	for _, title := range titles {
		cat, cptr, catID, err := im.entry(m, ptr, title, "individual risk category")
		if err != nil {
			return err
		}
		text := map[string]string{}
		for _, k := range []string{"description", "impact", "mitigation", "action", "check", "stride"} {
			if text[k], err = im.r.text(cat, cptr, k); err != nil {
				return err
			}
			text[k] = strings.TrimSpace(text[k])
		}
		stride := strings.ToLower(text["stride"])
		if stride != "" && !contains(strides, stride) {
			return im.r.errorf(docparse.Pointer(cptr, "stride"), "stride %q is not one of %s", stride, strings.Join(strides, ", "))
		}
		riskTitles, risks, rptr, err := im.mappingEntries(cat, cptr, "risks_identified")
		if err != nil {
			return err
		}
		for _, rt := range riskTitles {
			if err := im.risk(cptr, catID, title, text, stride, risks, rptr, rt); err != nil {
				return err
			}
		}
	}
	return nil
}

func (im *tgImport) risk(cptr, catID, catTitle string, catText map[string]string, stride string,
	risks map[string]any, rptr, title string) error {
	ptr := docparse.Pointer(rptr, title)
	r, err := im.r.object(risks[title], ptr, fmt.Sprintf("risk %q", title))
	if err != nil {
		return err
	}
	if r == nil {
		r = map[string]any{}
	}
	v := map[string]string{}
	for _, k := range []string{"severity", "exploitation_likelihood", "exploitation_impact", "data_breach_probability",
		"most_relevant_data_asset", "most_relevant_technical_asset", "most_relevant_communication_link",
		"most_relevant_trust_boundary", "most_relevant_shared_runtime"} {
		if v[k], err = im.r.text(r, ptr, k); err != nil {
			return err
		}
		v[k] = strings.TrimSpace(v[k])
	}
	// Threagile's synthetic risk ID, which risk_tracking refers to.
	riskID := catID
	for _, k := range []string{"most_relevant_technical_asset", "most_relevant_communication_link",
		"most_relevant_trust_boundary", "most_relevant_shared_runtime", "most_relevant_data_asset"} {
		if v[k] != "" {
			riskID += "@" + v[k]
		}
	}
	tracking := im.trackingFor(riskID)
	if tracking != nil && tracking.status == "false-positive" {
		return nil // a native risk file lists only the threats that apply
	}

	th := &threat{src: fieldSrc{
		"":           ptr,
		"id":         ptr,
		"title":      ptr,
		"interfaces": ptr,
		"assets":     ptr,
	}}
	th.id = im.f.threatIDs.claim(strings.ReplaceAll(riskID, "@", "."), "risk")
	th.title = oneLine(stripHTML(title))
	if th.title == "" {
		th.title = oneLine(stripHTML(catTitle))
	}
	if th.title == "" {
		th.title = riskID
	}
	if stride != "" {
		th.stride = []string{stride}
		th.src["stride"] = docparse.Pointer(cptr, "stride")
	}
	if th.initialRisk, err = im.severity(v, ptr); err != nil {
		return err
	}
	if th.initialRisk != "" {
		if v["severity"] != "" {
			th.src["initial_risk"] = docparse.Pointer(ptr, "severity")
		} else {
			th.src["initial_risk"] = docparse.Pointer(ptr, "exploitation_likelihood")
		}
	}
	if err := im.riskAssets(th, r, ptr, v); err != nil {
		return err
	}
	for _, k := range []string{"most_relevant_technical_asset", "most_relevant_communication_link", "most_relevant_trust_boundary"} {
		th.elements = appendUnique(th.elements, v[k])
	}

	status := "unchecked"
	if tracking != nil {
		status = tracking.status
	}
	switch status {
	case "mitigated":
		th.residualRisk = im.f.scale[0]
		th.src["residual_risk"] = docparse.Pointer(tracking.ptr, "status")
	case "accepted":
		if th.initialRisk != "" {
			th.residualRisk = th.initialRisk
			th.src["residual_risk"] = docparse.Pointer(tracking.ptr, "status")
		}
	}
	if status != "accepted" {
		if id := im.categoryControl(cptr, catID, catText); id != "" {
			th.controls = []string{id}
			th.src["controls"] = docparse.Pointer(cptr, "mitigation")
		}
	}

	facts := fmt.Sprintf("Threagile risk %s in category %q (%s)", riskID, oneLine(stripHTML(catTitle)), catID)
	var details []string
	for _, k := range []string{"exploitation_likelihood", "exploitation_impact", "data_breach_probability"} {
		if v[k] != "" {
			details = append(details, strings.ReplaceAll(k, "_", " ")+" "+v[k])
		}
	}
	if len(details) > 0 {
		facts += ": " + strings.Join(details, ", ")
	}
	facts += "."
	if tracking != nil {
		facts += "\nRisk tracking (" + tracking.key + "): " + tracking.status
		var who []string
		for _, s := range []string{tracking.checkedBy, tracking.date, tracking.ticket} {
			if s != "" {
				who = append(who, s)
			}
		}
		if len(who) > 0 {
			facts += " (" + strings.Join(who, ", ") + ")"
		}
		if tracking.justification != "" {
			facts += ": " + tracking.justification
		}
		facts += "."
	}
	impact := ""
	if catText["impact"] != "" {
		impact = "Impact: " + catText["impact"]
	}
	th.description = paragraphs(catText["description"], impact, facts)
	im.f.threats = append(im.f.threats, th)
	return nil
}

// severity is the risk's severity, or, as Threagile computes it, the product
// of exploitation likelihood and impact weights (1-4 each).
func (im *tgImport) severity(v map[string]string, ptr string) (string, error) {
	if s := strings.ToLower(v["severity"]); s != "" {
		if !contains(tgScale, s) {
			return "", im.r.errorf(docparse.Pointer(ptr, "severity"), "severity %q is not one of %s", s, strings.Join(tgScale, ", "))
		}
		return s, nil
	}
	l, i := strings.ToLower(v["exploitation_likelihood"]), strings.ToLower(v["exploitation_impact"])
	if l == "" || i == "" {
		return "", nil
	}
	lw, iw := 0, 0
	for n, x := range likelihoods {
		if x == l {
			lw = n + 1
		}
	}
	for n, x := range impacts {
		if x == i {
			iw = n + 1
		}
	}
	if lw == 0 {
		return "", im.r.errorf(docparse.Pointer(ptr, "exploitation_likelihood"), "exploitation_likelihood %q is not one of %s", l, strings.Join(likelihoods, ", "))
	}
	if iw == 0 {
		return "", im.r.errorf(docparse.Pointer(ptr, "exploitation_impact"), "exploitation_impact %q is not one of %s", i, strings.Join(impacts, ", "))
	}
	switch p := lw * iw; {
	case p <= 1:
		return "low", nil
	case p <= 3:
		return "medium", nil
	case p <= 8:
		return "elevated", nil
	case p <= 12:
		return "high", nil
	default:
		return "critical", nil
	}
}

// riskAssets names the assets a risk concerns: its most relevant technical
// and data assets, the end points of its most relevant communication link
// and the technical assets it may breach. IDs Threagile does not define are
// kept, so the dangling-reference rule reports them at this risk.
func (im *tgImport) riskAssets(th *threat, r map[string]any, ptr string, v map[string]string) error {
	add := func(id, from string) {
		if id == "" {
			return
		}
		native, ok := im.assets[id]
		if !ok {
			native = cleanID(id)
		}
		if native != "" && !contains(th.assets, native) {
			th.assets = append(th.assets, native)
			if len(th.assets) == 1 {
				th.src["assets"] = from
			}
		}
	}
	add(v["most_relevant_technical_asset"], docparse.Pointer(ptr, "most_relevant_technical_asset"))
	if l, ok := im.links[v["most_relevant_communication_link"]]; ok {
		add(l.source, docparse.Pointer(ptr, "most_relevant_communication_link"))
		add(l.target, docparse.Pointer(ptr, "most_relevant_communication_link"))
	}
	add(v["most_relevant_data_asset"], docparse.Pointer(ptr, "most_relevant_data_asset"))
	bptr := docparse.Pointer(ptr, "data_breach_technical_assets")
	breached, err := im.r.list(r["data_breach_technical_assets"], bptr, `"data_breach_technical_assets"`)
	if err != nil {
		return err
	}
	for i, b := range breached {
		id, ok := b.(string)
		if !ok {
			return im.r.errorf(docparse.Index(bptr, i), "a technical asset ID must be text, not %s", typeName(b))
		}
		add(strings.TrimSpace(id), bptr)
	}
	return nil
}

// categoryControl returns the control made from a category's mitigation,
// creating it on first use: Threagile writes one mitigation per category,
// shared by its risks.
func (im *tgImport) categoryControl(cptr, catID string, text map[string]string) string {
	if id, ok := im.controls[cptr]; ok {
		return id
	}
	mitigation := text["mitigation"]
	if mitigation == "" {
		return ""
	}
	var extra []string
	if text["action"] != "" {
		extra = append(extra, "Action: "+text["action"])
	}
	if text["check"] != "" {
		extra = append(extra, "Check: "+text["check"])
	}
	mp := docparse.Pointer(cptr, "mitigation")
	c := &control{
		id:          im.f.controlIDs.claim(catID+"-M", "control"),
		title:       titleFrom(stripHTML(mitigation)),
		description: paragraphs(mitigation, strings.Join(extra, "\n")),
		src:         fieldSrc{"": mp, "title": mp, "description": mp, "type": mp},
	}
	im.f.controls = append(im.f.controls, c)
	im.controls[cptr] = c.id
	return c.id
}
