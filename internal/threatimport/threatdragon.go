package threatimport

import (
	"fmt"
	"strings"

	"github.com/annexlint/annexlint/internal/docparse"
)

// Threat Dragon's severity levels, lowest first (Threat Dragon 2.x offers
// TBD, Low, Medium, High and Critical).
var tdScale = []string{"low", "medium", "high", "critical"}

const tdRationale = "annexlint default for models imported from Threat Dragon, which records no acceptance criteria: " +
	"the scale is Threat Dragon's severity levels and only the lowest level is acceptable without further risk control. " +
	"Document your own criteria in a native security risk file to change this."

// tdElementKind names the cell kinds a threat can be on, for Element.Kind.
var tdElementKind = map[string]string{"process": "process", "store": "store", "actor": "actor", "flow": "data flow"}

// tdCell is a diagram element that threats can name.
type tdCell struct {
	kind    string // process, store, actor, flow, other
	name    string
	rawID   string // the cell's ID in the file
	assetID string // native asset ID for process, store and actor cells
	ptr     string
	obj     map[string]any
	data    map[string]any
	dataPtr string
	// flow end points, as cell IDs
	source, target string
}

func importThreatDragon(doc *docparse.Doc) (*Model, error) {
	r := &reader{src: doc, tool: "Threat Dragon v2 model"}
	root, err := r.object(doc.Value, "", "the model")
	if err != nil {
		return nil, err
	}
	summary, err := r.object(root["summary"], "/summary", `"summary"`)
	if err != nil {
		return nil, err
	}
	detail, err := r.object(root["detail"], "/detail", `"detail"`)
	if err != nil {
		return nil, err
	}
	if detail == nil {
		if _, typo := root["details"]; typo {
			return nil, r.errorf("/details", `there is no "detail" object, only "details"; Threat Dragon keeps the diagrams under detail.diagrams`)
		}
		return nil, r.errorf("", `there is no "detail" object; Threat Dragon keeps the diagrams under detail.diagrams`)
	}
	if _, ok := detail["diagrams"]; !ok {
		return nil, r.errorf("/detail", `"detail" has no "diagrams" list`)
	}
	diagrams, err := r.list(detail["diagrams"], "/detail/diagrams", `"diagrams"`)
	if err != nil {
		return nil, err
	}

	f := &riskFile{scale: tdScale, acceptable: tdScale[:1], rationale: tdRationale}
	top := fieldSrc{"acceptance_criteria": ""}
	if f.title, err = r.text(summary, "/summary", "title"); err != nil {
		return nil, err
	}
	f.title = oneLine(f.title)
	if f.title != "" {
		top["title"] = "/summary/title"
	}
	version, err := r.text(root, "", "version")
	if err != nil {
		return nil, err
	}

	// First pass: every element, so that threats on a flow can name its end
	// points whatever the order of the cells.
	cells := map[string]*tdCell{}
	var order []*tdCell
	var methods []string
	for d, dv := range diagrams {
		dptr := docparse.Index("/detail/diagrams", d)
		diagram, err := r.object(dv, dptr, "a diagram")
		if err != nil {
			return nil, err
		}
		kind, err := r.text(diagram, dptr, "diagramType")
		if err != nil {
			return nil, err
		}
		methods = appendUnique(methods, oneLine(kind))
		cellList, err := r.list(diagram["cells"], docparse.Pointer(dptr, "cells"), `"cells"`)
		if err != nil {
			return nil, err
		}
		for c, cv := range cellList {
			cell, err := readTDCell(r, cv, docparse.Index(docparse.Pointer(dptr, "cells"), c))
			if err != nil {
				return nil, err
			}
			if cell.kind == "process" || cell.kind == "store" || cell.kind == "actor" {
				if err := addTDAsset(r, f, cell); err != nil {
					return nil, err
				}
			}
			if cell.kind != "other" {
				f.addElement(Element{ID: cell.rawID, Kind: tdElementKind[cell.kind], Name: cell.name})
			}
			order = append(order, cell)
			if cell.rawID != "" {
				if _, dup := cells[cell.rawID]; !dup {
					cells[cell.rawID] = cell
				}
			}
		}
	}
	f.method = tdMethod(methods, version)
	if f.method != "" {
		top["method"] = "/detail/diagrams"
	}

	for _, cell := range order {
		if err := addTDThreats(r, f, cell, cells); err != nil {
			return nil, err
		}
	}
	content, ptrs := f.render(top)
	return newModel(ThreatDragonV2, f, content, &sourceMap{src: doc, ptrs: ptrs}), nil
}

func tdMethod(methods []string, version string) string {
	var kept []string
	for _, m := range methods {
		if m != "" {
			kept = append(kept, m)
		}
	}
	tool := "OWASP Threat Dragon"
	if v := oneLine(version); v != "" {
		tool += " " + v
	}
	if len(kept) == 0 {
		return "Imported from an " + tool + " model"
	}
	return strings.Join(kept, ", ") + " (imported from an " + tool + " model)"
}

// readTDCell reads the parts of a cell the import uses. Everything about how
// the cell is drawn (attrs, size, position, ports...) is ignored, so the
// cosmetic schema errors of real Threat Dragon files do not matter.
func readTDCell(r *reader, v any, ptr string) (*tdCell, error) {
	cell, err := r.object(v, ptr, "a diagram cell")
	if err != nil {
		return nil, err
	}
	c := &tdCell{ptr: ptr, obj: cell, dataPtr: docparse.Pointer(ptr, "data")}
	if c.data, err = r.object(cell["data"], c.dataPtr, `"data"`); err != nil {
		return nil, err
	}
	if c.data == nil {
		c.data = map[string]any{}
	}
	shape, err := r.text(cell, ptr, "shape")
	if err != nil {
		return nil, err
	}
	typ, err := r.text(c.data, c.dataPtr, "type")
	if err != nil {
		return nil, err
	}
	c.kind = tdKind(typ, shape)
	if c.name, err = r.text(c.data, c.dataPtr, "name"); err != nil {
		return nil, err
	}
	c.name = oneLine(c.name)
	id, err := r.text(cell, ptr, "id")
	if err != nil {
		return nil, err
	}
	c.rawID = strings.TrimSpace(id)
	if c.kind == "flow" {
		for _, end := range []struct {
			key string
			to  *string
		}{{"source", &c.source}, {"target", &c.target}} {
			m, err := r.object(cell[end.key], docparse.Pointer(ptr, end.key), fmt.Sprintf("%q", end.key))
			if err != nil {
				return nil, err
			}
			if m != nil {
				if *end.to, err = r.text(m, docparse.Pointer(ptr, end.key), "cell"); err != nil {
					return nil, err
				}
			}
		}
	}
	return c, nil
}

// tdKind classifies a cell by its data.type (tm.Process...), falling back to
// the shape name for files that lack it.
func tdKind(typ, shape string) string {
	t := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(typ), "tm."))
	if t == "" {
		t = strings.ToLower(strings.TrimSpace(shape))
	}
	switch t {
	case "process", "store", "actor", "flow":
		return t
	default:
		return "other"
	}
}

func addTDAsset(r *reader, f *riskFile, c *tdCell) error {
	name := c.name
	if name == "" {
		name = "Unnamed " + c.kind
		if short := cleanID(c.rawID); short != "" {
			if len(short) > 8 {
				short = short[:8]
			}
			name += " " + short
		}
	}
	c.assetID = f.assetIDs.claim(c.rawID, c.kind)
	desc, err := r.text(c.data, c.dataPtr, "description")
	if err != nil {
		return err
	}
	note := "Threat Dragon " + c.kind + "."
	if flag(c.data, "outOfScope") {
		reason, err := r.text(c.data, c.dataPtr, "reasonOutOfScope")
		if err != nil {
			return err
		}
		note = "Threat Dragon " + c.kind + ", marked out of scope"
		if reason = oneLine(reason); reason != "" {
			note += ": " + reason
		}
		note += "."
	}
	a := &asset{id: c.assetID, name: name, description: paragraphs(desc, note), src: fieldSrc{
		"":            c.ptr,
		"id":          docparse.Pointer(c.ptr, "id"),
		"name":        docparse.Pointer(c.dataPtr, "name"),
		"description": docparse.Pointer(c.dataPtr, "description"),
	}}
	f.assets = append(f.assets, a)
	return nil
}

// addTDThreats converts the threats of one cell. Threat Dragon 2.x keeps
// them under data.threats; the v2 schema also allows them on the cell.
func addTDThreats(r *reader, f *riskFile, c *tdCell, cells map[string]*tdCell) error {
	listPtr := docparse.Pointer(c.dataPtr, "threats")
	raw, ok := c.data["threats"]
	if !ok || raw == nil {
		listPtr = docparse.Pointer(c.ptr, "threats")
		raw = c.obj["threats"]
	}
	threats, err := r.list(raw, listPtr, `"threats"`)
	if err != nil {
		return err
	}
	for t, tv := range threats {
		ptr := docparse.Index(listPtr, t)
		m, err := r.object(tv, ptr, "a threat")
		if err != nil {
			return err
		}
		if err := addTDThreat(r, f, c, cells, m, ptr, t); err != nil {
			return err
		}
	}
	return nil
}

// tdThreatFields are the text fields of a threat the import reads.
var tdThreatFields = []string{"id", "threatId", "number", "title", "type", "modelType", "severity", "status", "score", "description", "mitigation"}

func addTDThreat(r *reader, f *riskFile, c *tdCell, cells map[string]*tdCell, m map[string]any, ptr string, index int) error {
	v := map[string]string{}
	for _, k := range tdThreatFields {
		s, err := r.text(m, ptr, k)
		if err != nil {
			return err
		}
		v[k] = strings.TrimSpace(s)
	}
	status := tdStatus(v["status"])
	if status == "not-applicable" {
		return nil // a native risk file lists only the threats that apply
	}
	fallback := v["threatId"]
	if fallback == "" && v["number"] != "" {
		fallback = "TD-" + v["number"]
	}
	if fallback == "" {
		fallback = c.rawID + "-T" + fmt.Sprint(index+1)
	}
	id := v["id"]
	if cleanID(id) == "" {
		id = fallback
	}
	th := &threat{id: f.threatIDs.claim(id, "threat"), src: fieldSrc{
		"":            ptr,
		"id":          docparse.Pointer(ptr, "id"),
		"title":       docparse.Pointer(ptr, "title"),
		"description": docparse.Pointer(ptr, "description"),
		"stride":      docparse.Pointer(ptr, "type"),
		"assets":      c.ptr,
		"interfaces":  ptr,
	}}
	if c.rawID != "" && c.kind != "other" {
		th.elements = []string{c.rawID}
	}
	th.title = oneLine(v["title"])
	if th.title == "" {
		th.title = oneLine(v["type"])
	}
	if th.title == "" {
		th.title = "Untitled threat"
	}
	if s := tdStride(v["type"]); s != "" {
		th.stride = []string{s}
	}
	if level := tdSeverity(v["severity"]); level != "" {
		th.initialRisk = level
		th.src["initial_risk"] = docparse.Pointer(ptr, "severity")
	}

	// The element the threat is on: an asset itself, or a flow whose end
	// points are assets.
	element := describeTDElement(c, cells)
	switch c.kind {
	case "process", "store", "actor":
		th.assets = []string{c.assetID}
	case "flow":
		for _, end := range []string{c.source, c.target} {
			if e, ok := cells[end]; ok && e.kind != "flow" && e.kind != "other" {
				th.assets = appendUnique(th.assets, e.assetID)
			}
		}
		if flag(c.data, "isPublicNetwork") {
			th.attackVector = "network"
			th.src["attack_vector"] = docparse.Pointer(c.dataPtr, "isPublicNetwork")
		}
	}

	mitigation := strings.TrimSpace(v["mitigation"])
	var justification string
	switch status {
	case "mitigated":
		th.residualRisk = f.scale[0]
		th.src["residual_risk"] = docparse.Pointer(ptr, "status")
	case "accepted":
		if th.initialRisk != "" {
			th.residualRisk = th.initialRisk
			th.src["residual_risk"] = docparse.Pointer(ptr, "status")
		}
		justification, mitigation = mitigation, ""
	}
	if mitigation != "" {
		ctl := &control{
			id:          f.controlIDs.claim(th.id+"-M", "control"),
			title:       titleFrom(mitigation),
			description: mitigation,
			src: fieldSrc{
				"":            docparse.Pointer(ptr, "mitigation"),
				"title":       docparse.Pointer(ptr, "mitigation"),
				"description": docparse.Pointer(ptr, "mitigation"),
				"type":        docparse.Pointer(ptr, "mitigation"),
			},
		}
		f.controls = append(f.controls, ctl)
		th.controls = []string{ctl.id}
		th.src["controls"] = docparse.Pointer(ptr, "mitigation")
	}

	var facts []string
	if v["status"] != "" {
		facts = append(facts, "status "+v["status"])
	}
	if v["severity"] != "" {
		facts = append(facts, "severity "+v["severity"])
	}
	if v["score"] != "" {
		facts = append(facts, "score "+v["score"])
	}
	if v["type"] != "" {
		typ := "type " + v["type"]
		if v["modelType"] != "" {
			typ += " (" + v["modelType"] + ")"
		}
		facts = append(facts, typ)
	}
	info := "Threat Dragon element: " + element + "."
	if len(facts) > 0 {
		info += "\nThreat Dragon " + strings.Join(facts, ", ") + "."
	}
	if justification != "" {
		info += "\nJustification: " + justification
	}
	th.description = paragraphs(v["description"], info)
	f.threats = append(f.threats, th)
	return nil
}

// describeTDElement names the element a threat is on, for the description:
// the native model has no place for flows and actors as such.
func describeTDElement(c *tdCell, cells map[string]*tdCell) string {
	name := func(cell *tdCell) string {
		if cell.name != "" {
			return fmt.Sprintf("%q", cell.name)
		}
		return "(unnamed)"
	}
	switch c.kind {
	case "flow":
		s := "data flow " + name(c)
		if src, ok := cells[c.source]; ok {
			s += " from " + src.kind + " " + name(src)
		}
		if dst, ok := cells[c.target]; ok {
			s += " to " + dst.kind + " " + name(dst)
		}
		if flag(c.data, "isPublicNetwork") {
			s += ", over a public network"
		}
		return s
	case "other":
		return "element " + name(c)
	default:
		return c.kind + " " + name(c)
	}
}

// tdStatus normalises Threat Dragon's status values. The v2 schema lists NA,
// Open, Mitigated, Accepted, Transferred, Avoided and Eliminated; the editor
// writes Open, Mitigated and NotApplicable.
func tdStatus(s string) string {
	switch normWord(s) {
	case "mitigated", "eliminated", "avoided":
		return "mitigated"
	case "accepted", "transferred":
		return "accepted"
	case "notapplicable", "na":
		return "not-applicable"
	default:
		return "open"
	}
}

func tdSeverity(s string) string {
	switch normWord(s) {
	case "low":
		return "low"
	case "medium":
		return "medium"
	case "high":
		return "high"
	case "critical":
		return "critical"
	default:
		return "" // TBD, empty or unknown: not rated
	}
}

// tdStride maps a Threat Dragon threat type onto STRIDE where the meaning
// is the same. CIA types map to the STRIDE threat against that property.
func tdStride(s string) string {
	switch normWord(s) {
	case "spoofing":
		return "spoofing"
	case "tampering", "integrity":
		return "tampering"
	case "repudiation":
		return "repudiation"
	case "informationdisclosure", "disclosureofinformation", "confidentiality":
		return "information-disclosure"
	case "denialofservice", "availability":
		return "denial-of-service"
	case "elevationofprivilege", "elevationofprivileges":
		return "elevation-of-privilege"
	default:
		return ""
	}
}

// normWord lower-cases s and drops everything but letters, so "Denial of
// service", "denial-of-service" and "N/A" compare as words.
func normWord(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
