package input

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/internal/placeholder"
)

// SBOMGaps is input.derived.sbom_gaps: for each SBOM document (by bundle
// path), the components that lack what a per-component SBOM rule asks for,
// each with the fields it lacks. The rules AL-SBOM-003 (minimum_elements),
// AL-SBOM-007 (bsi_fields) and AL-SBOM-008 (support) read it instead of testing every field of every
// component in Rego, where each test of a field costs several microseconds
// (lib.has_text runs the placeholder patterns): on the istio SBOM (3,461
// packages) that was most of the MDR run's evaluation (docs/performance.md).
//
// The rules keep their Rego computation for an input without these facts
// (their unit tests, a policy evaluated outside annexlint check), and
// TestSBOMGapsMatchRego holds both to the same result on every test, example
// and corpus SBOM: what is decided here is exactly what the Rego decided.
//
// content is the SBOM document's policy content (the generic form of
// internal/sbom's model); anything else gives no entry.
func SBOMGaps(content any) map[string]any { return sbomGaps(content, allGapLists) }

// GapRules names the rule that reads each list of input.derived.sbom_gaps:
// a list is worked out only when its rule applies (BuildFor), as a rule
// that does not apply is not evaluated. TestGapRulesReadTheirLists holds
// each rule's Rego to its list.
var GapRules = map[string]string{
	"minimum_elements": "AL-SBOM-003",
	"bsi_fields":       "AL-SBOM-007",
	"support":          "AL-SBOM-008",
}

// gapLists says which lists of input.derived.sbom_gaps to work out.
type gapLists struct{ minimum, bsi, support bool }

var allGapLists = gapLists{minimum: true, bsi: true, support: true}

// sbomGaps is SBOMGaps with the lists want asks for; the others are left
// out, and a rule that reads one left out computes it in Rego.
func sbomGaps(content any, want gapLists) map[string]any {
	bom, ok := content.(map[string]any)
	if !ok {
		return nil
	}
	components, _ := bom["components"].([]any)
	var own, unknown map[string]bool
	if want.bsi {
		own, unknown = dependencyRefs(bom)
	}
	minimum, bsi := []any{}, []any{}
	if p, ok := bom["primary"].(map[string]any); ok {
		// The product itself is always examined field by field.
		at := place{pointer: "/primary", index: -1, c: p}
		if want.minimum {
			if missing := minimumMissing(p); len(missing) > 0 {
				minimum = append(minimum, at.gap(missing, minimumWords(p, missing)))
			}
		}
		if want.bsi {
			if missing := bsiMissing(p, own, unknown); len(missing) > 0 {
				bsi = append(bsi, at.gap(missing, bsiWords(p, missing)))
			}
		}
	}
	support := []any{}
	for i, raw := range components {
		c, ok := raw.(map[string]any)
		if !ok {
			continue
		}
		at := place{index: i, c: c}
		if want.minimum && !minimumComplete(c) {
			if missing := minimumMissing(c); len(missing) > 0 {
				minimum = append(minimum, at.gap(missing, minimumWords(c, missing)))
			}
		}
		if want.bsi && !bsiComplete(c, own) {
			if missing := bsiMissing(c, own, unknown); len(missing) > 0 {
				bsi = append(bsi, at.gap(missing, bsiWords(c, missing)))
			}
		}
		if want.support && !supportComplete(c) {
			if missing := supportMissing(c); len(missing) > 0 {
				support = append(support, at.gap(missing, supportWords(missing)))
			}
		}
	}
	out := map[string]any{}
	if want.minimum {
		out["minimum_elements"] = minimum
	}
	if want.bsi {
		out["bsi_fields"] = bsi
	}
	if want.support {
		out["support"] = support
	}
	return out
}

// place is a component with gaps: its pointer (index into components, -1
// for the primary) and, made once for the gaps of all three rules, the
// terms of its pointer, index, name test and label.
type place struct {
	pointer string
	index   int
	c       map[string]any
	terms   [4]*ast.Term // pointer, index, named, label
}

// gapKeys are the keys of a gap object, shared by every gap: a large SBOM
// has a gap per component and rule, and converting them from Go maps made
// a term per key of each (15 MB on istio).
var gapKeys = [6]*ast.Term{
	ast.StringTerm("pointer"), ast.StringTerm("index"), ast.StringTerm("named"),
	ast.StringTerm("label"), ast.StringTerm("missing"), ast.StringTerm("words"),
}

// fieldTerms are the missing fields' names as terms, made once.
var fieldTerms = map[string]*ast.Term{}

func init() {
	for _, labels := range []map[string]string{minimumLabels, bsiLabels, supportLabels} {
		for field := range labels {
			fieldTerms[field] = ast.StringTerm(field)
		}
	}
}

// gap is one entry: where the component is, whether it has a name, the
// fields it lacks in the order the rule's message names them, and the two
// parts of the finding's message that vary: the label naming the component
// and the words for what it lacks. A rule that reports nearly every
// component of a large SBOM spends most of its evaluation on per-finding
// work in OPA (each function call and comprehension a few dozen
// allocations), so the words are put together here, exactly as the rule's
// Rego puts them together when these facts are absent; TestSBOMGapsMatchRego
// requires the same messages both ways. OPA's sprintf hands strings to Go's
// fmt, so %q is the same. The gap is built as a policy value directly.
func (p *place) gap(missing []any, words string) ast.Value {
	if p.terms[0] == nil {
		if p.pointer == "" {
			p.pointer = componentPointer(p.index)
		}
		named := hasText(p.c, "name")
		p.terms = [4]*ast.Term{
			ast.StringTerm(p.pointer), ast.IntNumberTerm(p.index), ast.BooleanTerm(named), ast.StringTerm(label(p.c, named)),
		}
	}
	fields := make([]*ast.Term, len(missing))
	for i, f := range missing {
		if fields[i] = fieldTerms[f.(string)]; fields[i] == nil {
			fields[i] = ast.StringTerm(f.(string))
		}
	}
	return ast.NewObject(
		[2]*ast.Term{gapKeys[0], p.terms[0]},
		[2]*ast.Term{gapKeys[1], p.terms[1]},
		[2]*ast.Term{gapKeys[2], p.terms[2]},
		[2]*ast.Term{gapKeys[3], p.terms[3]},
		[2]*ast.Term{gapKeys[4], ast.ArrayTerm(fields...)},
		[2]*ast.Term{gapKeys[5], ast.StringTerm(words)},
	)
}

// label is the rules' _label: the component's name and ref, or its ref
// alone when it has no name.
func label(c map[string]any, named bool) string {
	ref, _ := c["ref"].(string)
	if named {
		return fmt.Sprintf("%q (ref %q)", c["name"], ref)
	}
	return fmt.Sprintf("with ref %q", ref)
}

// The words of each rule's message for a missing field: the rules' _fields
// (component_minimum_elements.rego, bsi_component_fields.rego,
// component_support.rego).
var (
	minimumLabels = map[string]string{
		"supplier":   "a supplier name",
		"name":       "a name",
		"version":    "a version",
		"identifier": "a unique identifier (package URL or CPE)",
	}
	bsiLabels = map[string]string{
		"filename":     "a filename (bsi:component:filename, SPDX PackageFileName)",
		"dependencies": "its own dependency entry (an empty list when it has none) or a declaration that its dependencies are unknown",
		"licence":      "a distribution licence",
		"hash":         "a SHA-512 hash of the deployable component",
		"executable":   "the property bsi:component:executable",
		"archive":      "the property bsi:component:archive",
		"structured":   "the property bsi:component:structured",
	}
	supportLabels = map[string]string{
		"support_level":  "a support level (property support-level)",
		"end_of_support": "an end-of-support date (property end-of-support, SPDX validUntilDate)",
	}
)

// minimumWords are AL-SBOM-003's words: a missing identifier is worded
// with the package URL's parse error when it has one.
func minimumWords(c map[string]any, missing []any) string {
	words := make([]string, len(missing))
	for i, f := range missing {
		words[i] = minimumLabels[f.(string)]
		if f == "identifier" && hasText(c, "purl_error") {
			purl, _ := c["purl"].(string)
			words[i] = fmt.Sprintf("a package URL that parses (%q: %s)", purl, c["purl_error"])
		}
	}
	return strings.Join(words, ", ")
}

// bsiWords are AL-SBOM-007's words: a missing SHA-512 hash names the
// algorithms of the hashes the component has, sorted, each once.
func bsiWords(c map[string]any, missing []any) string {
	words := make([]string, len(missing))
	for i, f := range missing {
		words[i] = bsiLabels[f.(string)]
		if f == "hash" {
			if algs := hashAlgorithms(c); len(algs) > 0 {
				words[i] += " (it has " + strings.Join(algs, ", ") + " only)"
			}
		}
	}
	return strings.Join(words, ", ")
}

func hashAlgorithms(c map[string]any) []string {
	seen := map[string]bool{}
	var algs []string
	hashes, _ := c["hashes"].([]any)
	for _, raw := range hashes {
		if h, ok := raw.(map[string]any); ok && hasText(h, "alg") {
			if alg := h["alg"].(string); !seen[alg] {
				seen[alg] = true
				algs = append(algs, alg)
			}
		}
	}
	sort.Strings(algs)
	return algs
}

// supportWords are AL-SBOM-008's words.
func supportWords(missing []any) string {
	words := make([]string, len(missing))
	for i, f := range missing {
		words[i] = supportLabels[f.(string)]
	}
	return strings.Join(words, " and ")
}

func componentPointer(i int) string { return "/components/" + strconv.Itoa(i) }

// minimumComplete is AL-SBOM-003's quick test: every element present as
// non-blank text and a package URL that parses. Components that pass it are
// not examined further, as in the rule's Rego (_suspects).
func minimumComplete(c map[string]any) bool {
	return nonBlank(c, "supplier") && nonBlank(c, "name") && nonBlank(c, "version") && nonBlank(c, "purl") &&
		c["purl_error"] == ""
}

// minimumMissing are the NTIA minimum elements the component lacks:
// supplier, name, version, identifier (a package URL that parses, or a CPE).
func minimumMissing(c map[string]any) []any {
	missing := []any{}
	for _, f := range []string{"supplier", "name", "version"} {
		if !hasText(c, f) {
			missing = append(missing, f)
		}
	}
	if hasText(c, "purl_error") || !hasIdentifier(c) {
		missing = append(missing, "identifier")
	}
	return missing
}

func hasIdentifier(c map[string]any) bool {
	if hasText(c, "purl") {
		return true
	}
	cpes, _ := c["cpes"].([]any)
	for _, cpe := range cpes {
		if s, ok := cpe.(string); ok && strings.TrimSpace(s) != "" {
			return true
		}
	}
	return false
}

// bsiHashAlgorithm is the hash BSI TR-03183-2 asks for, in the model's
// spelling: the rule's hash_algorithm (the equivalence test fails if they
// part).
const bsiHashAlgorithm = "SHA-512"

// dependencyRefs are the refs that have their own dependency entry and those
// a known unknown declares (AL-SBOM-007's "dependencies" field).
func dependencyRefs(bom map[string]any) (own, unknown map[string]bool) {
	own, unknown = map[string]bool{}, map[string]bool{}
	deps, _ := bom["dependencies"].([]any)
	for _, d := range deps {
		if m, ok := d.(map[string]any); ok {
			if ref, ok := m["ref"].(string); ok {
				own[ref] = true
			}
		}
	}
	gaps, _ := bom["known_unknowns"].([]any)
	for _, g := range gaps {
		if m, ok := g.(map[string]any); ok {
			refs, _ := m["refs"].([]any)
			for _, r := range refs {
				if ref, ok := r.(string); ok {
					unknown[ref] = true
				}
			}
		}
	}
	return own, unknown
}

// bsiComplete is AL-SBOM-007's quick test: every field non-blank, a
// licence, an own dependency entry and a SHA-512 hash with a value.
func bsiComplete(c map[string]any, own map[string]bool) bool {
	if !nonBlank(c, "filename") || !nonBlank(c, "executable_property") || !nonBlank(c, "archive_property") ||
		!nonBlank(c, "structured_property") {
		return false
	}
	licences, ok := c["licenses"].([]any)
	if !ok {
		return false
	}
	var joined strings.Builder
	for _, l := range licences {
		s, ok := l.(string)
		if !ok {
			return false
		}
		joined.WriteString(s)
	}
	if strings.TrimSpace(joined.String()) == "" {
		return false
	}
	if ref, ok := c["ref"].(string); !ok || !own[ref] {
		return false
	}
	hashes, _ := c["hashes"].([]any)
	for _, raw := range hashes {
		if h, ok := raw.(map[string]any); ok && h["alg"] == bsiHashAlgorithm && nonBlank(h, "value") {
			return true
		}
	}
	return false
}

// bsiMissing are the BSI TR-03183-2 component fields the component lacks,
// in the rule's message order.
func bsiMissing(c map[string]any, own, unknown map[string]bool) []any {
	missing := []any{}
	if !hasText(c, "filename") {
		missing = append(missing, "filename")
	}
	if ref, ok := c["ref"].(string); !ok || (!own[ref] && !unknown[ref]) {
		missing = append(missing, "dependencies")
	}
	if !hasLicence(c) {
		missing = append(missing, "licence")
	}
	if !hasBSIHash(c) {
		missing = append(missing, "hash")
	}
	for _, f := range [][2]string{{"executable_property", "executable"}, {"archive_property", "archive"}, {"structured_property", "structured"}} {
		if !hasText(c, f[0]) {
			missing = append(missing, f[1])
		}
	}
	return missing
}

func hasLicence(c map[string]any) bool {
	licences, _ := c["licenses"].([]any)
	for _, l := range licences {
		if s, ok := l.(string); ok && strings.TrimSpace(s) != "" {
			return true
		}
	}
	return false
}

func hasBSIHash(c map[string]any) bool {
	hashes, _ := c["hashes"].([]any)
	for _, raw := range hashes {
		if h, ok := raw.(map[string]any); ok && h["alg"] == bsiHashAlgorithm && hasText(h, "value") {
			return true
		}
	}
	return false
}

// supportComplete is AL-SBOM-008's quick test (both fields non-blank).
func supportComplete(c map[string]any) bool {
	return nonBlank(c, "support_level") && nonBlank(c, "end_of_support")
}

// supportMissing are the FDA support fields the component lacks.
func supportMissing(c map[string]any) []any {
	missing := []any{}
	for _, f := range []string{"support_level", "end_of_support"} {
		if !hasText(c, f) {
			missing = append(missing, f)
		}
	}
	return missing
}

// nonBlank is Rego's trim_space(c.field) != "": false for a missing or
// non-string field, as the undefined test is in Rego.
func nonBlank(c map[string]any, field string) bool {
	s, ok := c[field].(string)
	return ok && strings.TrimSpace(s) != ""
}

// hasText is lib.has_text: a string that is not a placeholder
// (internal/placeholder, the Go twin of lib.is_placeholder, held to it by its
// own test).
func hasText(c map[string]any, field string) bool {
	s, ok := c[field].(string)
	return ok && !placeholder.Is(s)
}

// SupportEnds is input.derived.sbom_ends: for each SBOM document (by bundle
// path), the components whose end of support is a string that begins with
// a date, each with that date (its first ten characters, as Rego's
// substring counts them) and whether the string is real text rather than a
// placeholder. The lifecycle rules AL-LIFE-002 and AL-LIFE-003 read it
// (lib.sbom.support_ends) instead of going through every component of every
// SBOM several times, which on SBOMs that record no end at all (most do not)
// was all their cost; TestSupportEndsMatchRego holds it to the library's own
// Rego account.
func SupportEnds(content any) []any {
	bom, ok := content.(map[string]any)
	if !ok {
		return nil
	}
	components, _ := bom["components"].([]any)
	ends := []any{}
	for i, raw := range components {
		c, ok := raw.(map[string]any)
		if !ok {
			continue
		}
		eos, ok := c["end_of_support"].(string)
		if !ok {
			continue
		}
		// Ten bytes are the first ten characters whenever they can be a
		// date: a date is ASCII, and a string whose first ten bytes are not
		// all ASCII does not begin with one either.
		end := eos
		if len(end) > 10 {
			end = end[:10]
		}
		if !isDate(end) {
			continue
		}
		ends = append(ends, map[string]any{"index": i, "end": end, "recorded": !placeholder.Is(eos)})
	}
	return ends
}

// isDate is lib.is_date: YYYY-MM-DD in digits, whatever the values.
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := range len(s) {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}
