package threatimport

import (
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/annexlint/annexlint/internal/docparse"
)

// Threagile's risk severities, lowest first.
var tgScale = []string{"low", "medium", "elevated", "high", "critical"}

const tgRationale = "annexlint default for models imported from Threagile, which records no acceptance criteria: " +
	"the scale is Threagile's risk severities and only the lowest level is acceptable without further risk control. " +
	"Document your own criteria in a native security risk file to change this."

const tgMethod = "Threagile model (imported): only the individually identified risks of individual_risk_categories; " +
	"the risks Threagile derives from its built-in rules at run time are not in the model file"

// tgLink is a communication link: Threagile names it "<source asset
// ID>><link title in lower case with runs of other characters as ->".
type tgLink struct{ source, target string }

type tgImport struct {
	r      *reader
	f      *riskFile
	src    valued
	assets map[string]string // Threagile asset ID -> native asset ID
	links  map[string]tgLink
	// trackings in file order, for wildcard matching, and the exact ones
	// by lower-case risk ID.
	tracking []tgTracking
	exact    map[string]int
	// category controls already created, by category pointer.
	controls map[string]string
}

type tgTracking struct {
	key, ptr                               string
	status                                 string
	justification, checkedBy, date, ticket string
	pattern                                *regexp.Regexp // nil without wildcard
}

func importThreagile(src valued) (*Model, error) {
	im := &tgImport{
		r:        &reader{src: src, tool: "Threagile model"},
		f:        &riskFile{scale: tgScale, acceptable: tgScale[:1], rationale: tgRationale, method: tgMethod},
		src:      src,
		assets:   map[string]string{},
		links:    map[string]tgLink{},
		controls: map[string]string{},
	}
	root, err := im.r.object(src.value(), "", "the model")
	if err != nil {
		return nil, err
	}
	top := fieldSrc{"acceptance_criteria": "", "method": ""}
	title, err := im.r.text(root, "", "title")
	if err != nil {
		return nil, err
	}
	if im.f.title = oneLine(stripHTML(title)); im.f.title != "" {
		top["title"] = "/title"
	}
	if err := im.dataAssets(root); err != nil {
		return nil, err
	}
	if err := im.technicalAssets(root); err != nil {
		return nil, err
	}
	if err := im.readTracking(root); err != nil {
		return nil, err
	}
	if err := im.risks(root); err != nil {
		return nil, err
	}
	content, ptrs := im.f.render(top)
	return newModel(Threagile, im.f, content, &sourceMap{src: src, ptrs: ptrs}), nil
}

// mappingEntries returns the entries of the mapping under key in file order.
func (im *tgImport) mappingEntries(parent map[string]any, parentPtr, key string) ([]string, map[string]any, string, error) {
	ptr := docparse.Pointer(parentPtr, key)
	m, err := im.r.object(parent[key], ptr, fmt.Sprintf("%q", key))
	if err != nil {
		return nil, nil, "", err
	}
	return orderedKeys(im.src, ptr, m), m, ptr, nil
}

// entry returns one mapping entry as an object with its pointer and its
// required Threagile ID.
func (im *tgImport) entry(m map[string]any, ptr, title, what string) (map[string]any, string, string, error) {
	eptr := docparse.Pointer(ptr, title)
	e, err := im.r.object(m[title], eptr, fmt.Sprintf("%s %q", what, title))
	if err != nil {
		return nil, "", "", err
	}
	if e == nil {
		e = map[string]any{}
	}
	id, err := im.r.text(e, eptr, "id")
	if err != nil {
		return nil, "", "", err
	}
	if id = strings.TrimSpace(id); id == "" {
		return nil, "", "", im.r.errorf(eptr, "%s %q has no id; Threagile requires one", what, title)
	}
	return e, eptr, id, nil
}

var confidentialityLevels = []string{"public", "internal", "restricted", "confidential", "strictly-confidential"}
var criticalityLevels = []string{"archive", "operational", "important", "critical", "mission-critical"}

// cia reads the CIA rating of an asset. A rating above the lowest level
// (public, archive) says the property needs protection, so it is listed.
func (im *tgImport) cia(e map[string]any, ptr string) (props []string, summary string, err error) {
	var parts []string
	for _, p := range []struct {
		key    string
		levels []string
	}{{"confidentiality", confidentialityLevels}, {"integrity", criticalityLevels}, {"availability", criticalityLevels}} {
		level, err := im.r.text(e, ptr, p.key)
		if err != nil {
			return nil, "", err
		}
		level = strings.ToLower(strings.TrimSpace(level))
		if level == "" {
			continue
		}
		rank := -1
		for i, l := range p.levels {
			if l == level {
				rank = i
			}
		}
		if rank < 0 {
			return nil, "", im.r.errorf(docparse.Pointer(ptr, p.key), "%s %q is not one of %s", p.key, level, strings.Join(p.levels, ", "))
		}
		if rank > 0 {
			props = append(props, p.key)
		}
		parts = append(parts, p.key+" "+level)
	}
	if len(parts) > 0 {
		summary = "CIA rating: " + strings.Join(parts, ", ") + "."
	}
	return props, summary, nil
}

func (im *tgImport) dataAssets(root map[string]any) error {
	titles, m, ptr, err := im.mappingEntries(root, "", "data_assets")
	if err != nil {
		return err
	}
	for _, title := range titles {
		e, eptr, id, err := im.entry(m, ptr, title, "data asset")
		if err != nil {
			return err
		}
		desc, err := im.r.text(e, eptr, "description")
		if err != nil {
			return err
		}
		props, rating, err := im.cia(e, eptr)
		if err != nil {
			return err
		}
		justification, err := im.r.text(e, eptr, "justification_cia_rating")
		if err != nil {
			return err
		}
		if j := oneLine(justification); j != "" {
			rating += " " + j
		}
		im.addAsset(id, title, eptr, props, paragraphs(desc, strings.TrimSpace("Threagile data asset. "+rating)))
	}
	return nil
}

func (im *tgImport) addAsset(id, title, ptr string, props []string, desc string) {
	name := oneLine(stripHTML(title))
	if name == "" {
		name = id
	}
	nativeID := im.f.assetIDs.claim(id, "asset")
	if _, seen := im.assets[id]; !seen {
		im.assets[id] = nativeID
	}
	im.f.assets = append(im.f.assets, &asset{id: nativeID, name: name, description: desc, properties: props, src: fieldSrc{
		"":            ptr,
		"id":          docparse.Pointer(ptr, "id"),
		"name":        ptr,
		"description": docparse.Pointer(ptr, "description"),
		"properties":  ptr,
	}})
}

func (im *tgImport) technicalAssets(root map[string]any) error {
	boundaries, err := im.boundaries(root)
	if err != nil {
		return err
	}
	titles, m, ptr, err := im.mappingEntries(root, "", "technical_assets")
	if err != nil {
		return err
	}
	for _, title := range titles {
		e, eptr, id, err := im.entry(m, ptr, title, "technical asset")
		if err != nil {
			return err
		}
		im.f.addElement(Element{ID: id, Kind: "technical asset", Name: oneLine(stripHTML(title))})
		text := map[string]string{}
		for _, k := range []string{"description", "type", "technology", "justification_out_of_scope", "justification_cia_rating"} {
			if text[k], err = im.r.text(e, eptr, k); err != nil {
				return err
			}
		}
		props, rating, err := im.cia(e, eptr)
		if err != nil {
			return err
		}
		kind := "Threagile technical asset"
		if t := oneLine(text["type"]); t != "" {
			kind += " (" + t
			if tech := oneLine(text["technology"]); tech != "" {
				kind += ", " + tech
			}
			kind += ")"
		}
		facts := []string{kind + "."}
		if flag(e, "out_of_scope") {
			s := "Out of scope"
			if j := oneLine(text["justification_out_of_scope"]); j != "" {
				s += ": " + j
			}
			facts = append(facts, s+".")
		}
		if flag(e, "internet") {
			facts = append(facts, "Exposed to the internet.")
		}
		if b := boundaries[id]; len(b) > 0 {
			facts = append(facts, "Trust boundary: "+strings.Join(b, ", ")+".")
		}
		if rating != "" {
			if j := oneLine(text["justification_cia_rating"]); j != "" {
				rating += " " + j
			}
			facts = append(facts, rating)
		}
		links, err := im.commLinks(e, eptr, id)
		if err != nil {
			return err
		}
		if len(links) > 0 {
			facts = append(facts, "Communication links:\n"+strings.Join(links, "\n"))
		}
		im.addAsset(id, title, eptr, props, paragraphs(text["description"], strings.Join(facts, "\n")))
	}
	return nil
}

// boundaries maps technical asset IDs to the titles of the trust
// boundaries they are in. Boundaries are informative only.
func (im *tgImport) boundaries(root map[string]any) (map[string][]string, error) {
	out := map[string][]string{}
	titles, m, ptr, err := im.mappingEntries(root, "", "trust_boundaries")
	if err != nil {
		return nil, err
	}
	for _, title := range titles {
		eptr := docparse.Pointer(ptr, title)
		e, err := im.r.object(m[title], eptr, fmt.Sprintf("trust boundary %q", title))
		if err != nil {
			return nil, err
		}
		inside, err := im.r.list(e["technical_assets_inside"], docparse.Pointer(eptr, "technical_assets_inside"), `"technical_assets_inside"`)
		if err != nil {
			return nil, err
		}
		name := oneLine(stripHTML(title))
		id, err := im.r.text(e, eptr, "id")
		if err != nil {
			return nil, err
		}
		if id = strings.TrimSpace(id); id != "" {
			im.f.addElement(Element{ID: id, Kind: "trust boundary", Name: name})
		}
		for _, a := range inside {
			if id, ok := a.(string); ok && !contains(out[id], name) {
				out[id] = append(out[id], name)
			}
		}
	}
	return out, nil
}

// commLinks records the links of one technical asset and describes them:
// the native model has no data flows, but a reviewer wants to see them.
func (im *tgImport) commLinks(asset map[string]any, assetPtr, assetID string) ([]string, error) {
	titles, m, ptr, err := im.mappingEntries(asset, assetPtr, "communication_links")
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, title := range titles {
		lptr := docparse.Pointer(ptr, title)
		l, err := im.r.object(m[title], lptr, fmt.Sprintf("communication link %q", title))
		if err != nil {
			return nil, err
		}
		if l == nil {
			l = map[string]any{}
		}
		text := map[string]string{}
		for _, k := range []string{"target", "description", "protocol", "authentication", "authorization"} {
			if text[k], err = im.r.text(l, lptr, k); err != nil {
				return nil, err
			}
			text[k] = oneLine(text[k])
		}
		im.links[linkID(assetID, title)] = tgLink{source: assetID, target: text["target"]}
		im.f.addElement(Element{ID: linkID(assetID, title), Kind: "communication link", Name: oneLine(stripHTML(title))})
		line := fmt.Sprintf("- %q to %s", oneLine(stripHTML(title)), text["target"])
		var facts []string
		for _, k := range []string{"protocol", "authentication", "authorization"} {
			if text[k] != "" {
				facts = append(facts, k+" "+text[k])
			}
		}
		if flag(l, "vpn") {
			facts = append(facts, "VPN")
		}
		if len(facts) > 0 {
			line += " (" + strings.Join(facts, ", ") + ")"
		}
		if text["description"] != "" {
			line += ": " + text["description"]
		}
		lines = append(lines, line)
	}
	return lines, nil
}

var nonAlnumRun = regexp.MustCompile(`[^A-Za-z0-9]+`)

// linkID is Threagile's ID for a communication link.
func linkID(sourceID, title string) string {
	return sourceID + ">" + strings.Trim(nonAlnumRun.ReplaceAllString(strings.ToLower(title), "-"), "- ")
}

var htmlTag = regexp.MustCompile(`<[^<>]*>`)

// stripHTML removes the markup Threagile allows in titles (<b>...</b>).
func stripHTML(s string) string {
	return html.UnescapeString(htmlTag.ReplaceAllString(s, ""))
}
