package threatimport

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/annexlint/annexlint/internal/docparse"
)

// riskFile is the native model an importer fills in. Every element keeps the
// pointer of the original value it came from, per native field, so render
// can build the source map alongside the content.
type riskFile struct {
	title, method string
	scale         []string
	acceptable    []string
	rationale     string
	assets        []*asset
	threats       []*threat
	controls      []*control
	// elements are the model's elements threats can be on, in file order,
	// for mapping them onto manifest interfaces (Model.MapInterfaces).
	elements []Element

	assetIDs, threatIDs, controlIDs idSet
}

// addElement records a model element once: Threat Dragon may draw one cell
// ID in two diagrams, and the first drawing names it.
func (f *riskFile) addElement(e Element) {
	for _, have := range f.elements {
		if e.ID != "" && have.ID == e.ID {
			return
		}
	}
	f.elements = append(f.elements, e)
}

type asset struct {
	id, name, description string
	properties            []string
	src                   fieldSrc
}

type threat struct {
	id, title, description    string
	stride                    []string
	assets                    []string
	attackVector              string
	initialRisk, residualRisk string
	controls                  []string
	// elements are the IDs of the model elements the threat is on.
	elements []string
	src      fieldSrc
}

type control struct {
	id, title, description string
	src                    fieldSrc
}

// fieldSrc maps a native field name ("" for the element itself) to the
// pointer of the original value it was made from.
type fieldSrc map[string]string

// render turns the model into plain JSON values and the native -> original
// pointer map. Optional fields appear only when they have a value, so the
// rules see "missing" rather than "empty".
func (f *riskFile) render(top fieldSrc) (map[string]any, map[string]string) {
	ptrs := map[string]string{"": ""}
	content := map[string]any{"kind": "security-risk-file"}
	setText(content, "title", f.title)
	setText(content, "method", f.method)
	criteria := map[string]any{"scale": strList(f.scale), "acceptable": strList(f.acceptable)}
	setText(criteria, "rationale", f.rationale)
	content["acceptance_criteria"] = criteria
	for field, p := range top {
		ptrs[docparse.Pointer("", field)] = p
	}

	assets := make([]any, 0, len(f.assets))
	for i, a := range f.assets {
		base := docparse.Index("/assets", i)
		m := map[string]any{"id": a.id, "name": a.name}
		setText(m, "description", a.description)
		if len(a.properties) > 0 {
			m["properties"] = strList(a.properties)
		}
		assets = append(assets, m)
		mapFields(ptrs, base, a.src)
	}
	content["assets"] = assets

	threats := make([]any, 0, len(f.threats))
	for i, t := range f.threats {
		base := docparse.Index("/threats", i)
		m := map[string]any{"id": t.id, "title": t.title, "interfaces": []any{}}
		setText(m, "description", t.description)
		if len(t.stride) > 0 {
			m["stride"] = strList(t.stride)
		}
		if len(t.assets) > 0 {
			m["assets"] = strList(t.assets)
		}
		setText(m, "attack_vector", t.attackVector)
		setText(m, "initial_risk", t.initialRisk)
		if len(t.controls) > 0 {
			m["controls"] = strList(t.controls)
		}
		setText(m, "residual_risk", t.residualRisk)
		threats = append(threats, m)
		mapFields(ptrs, base, t.src)
	}
	content["threats"] = threats

	controls := make([]any, 0, len(f.controls))
	for i, c := range f.controls {
		base := docparse.Index("/controls", i)
		m := map[string]any{"id": c.id, "title": c.title, "type": "design"}
		setText(m, "description", c.description)
		controls = append(controls, m)
		mapFields(ptrs, base, c.src)
	}
	content["controls"] = controls
	return content, ptrs
}

func mapFields(ptrs map[string]string, base string, src fieldSrc) {
	for field, p := range src {
		if field == "" {
			ptrs[base] = p
		} else {
			ptrs[docparse.Pointer(base, field)] = p
		}
	}
}

func setText(m map[string]any, key, value string) {
	if value != "" {
		m[key] = value
	}
}

func strList(items []string) []any {
	out := make([]any, len(items))
	for i, s := range items {
		out[i] = s
	}
	return out
}

// idSet hands out unique native IDs. The native ID syntax is stricter than
// what the tools allow, so IDs are cleaned first; a clash (two cells or risks
// with the same ID) gets a numeric suffix in input order, which keeps the
// output deterministic.
type idSet map[string]bool

func (s *idSet) claim(raw, fallback string) string {
	if *s == nil {
		*s = idSet{}
	}
	id := cleanID(raw)
	if id == "" {
		id = cleanID(fallback)
	}
	if id == "" {
		id = "ID"
	}
	unique := id
	for n := 2; (*s)[unique]; n++ {
		unique = id + "-" + strconv.Itoa(n)
	}
	(*s)[unique] = true
	return unique
}

// maxIDLen keeps IDs derived from free text readable in findings.
const maxIDLen = 100

var invalidIDChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// cleanID makes s match the native ID pattern ^[A-Za-z0-9][A-Za-z0-9._-]*$:
// runs of other characters become "-" and the ID starts at the first letter
// or digit.
func cleanID(s string) string {
	s = invalidIDChars.ReplaceAllString(strings.TrimSpace(s), "-")
	s = strings.TrimLeft(s, ".-_")
	if len(s) > maxIDLen {
		s = strings.TrimRight(s[:maxIDLen], ".-_")
	}
	return s
}

var spaceRun = regexp.MustCompile(`\s+`)

// oneLine collapses white space, for names and titles.
func oneLine(s string) string { return strings.TrimSpace(spaceRun.ReplaceAllString(s, " ")) }

// maxTitleRunes bounds a title taken from the first line of a longer text.
const maxTitleRunes = 120

// titleFrom is the first non-empty line of text, shortened to a title.
func titleFrom(text string) string {
	for _, line := range strings.Split(text, "\n") {
		line = oneLine(line)
		if line == "" {
			continue
		}
		if utf8.RuneCountInString(line) > maxTitleRunes {
			r := []rune(line)
			line = strings.TrimSpace(string(r[:maxTitleRunes-1])) + "…"
		}
		return line
	}
	return ""
}

// paragraphs joins the non-empty parts with blank lines.
func paragraphs(parts ...string) string {
	kept := parts[:0:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n")
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// appendUnique appends s unless it is empty or already there.
func appendUnique(list []string, s string) []string {
	if s == "" || contains(list, s) {
		return list
	}
	return append(list, s)
}
