// Package input builds the policy input: the one document every rule reads
// (docs/writing-rules.md, "The input"), from a loaded bundle, the --as-of
// date, the regime decision and the Go-derived facts. The check and the
// SBOM quality measurement both build it here, so rules see the same shape
// wherever they run.
package input

import (
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/enrich"
	"github.com/annexlint/annexlint/internal/regime"
	"github.com/annexlint/annexlint/internal/versionrange"
)

// Build builds the one input document every rule reads, converted to
// an OPA value once.
func Build(b *bundle.Bundle, asOf string, decision *regime.Decision, facts *enrich.Facts) (ast.Value, error) {
	return BuildFor(b, asOf, decision, facts, nil)
}

// BuildFor is Build for a run that evaluates only the rules applies
// accepts (nil: every rule): a derived fact only a rule that does not
// apply reads (a list of GapRules) is left out. Leaving one out never
// changes a result, as the rules compute a fact the input lacks in Rego;
// it saves working out, on a large SBOM, what no rule reads (the BSI fields
// of a product the CRA does not govern).
func BuildFor(b *bundle.Bundle, asOf string, decision *regime.Decision, facts *enrich.Facts, applies func(ruleID string) bool) (ast.Value, error) {
	docs := make([]map[string]any, 0, len(b.Documents))
	for _, d := range b.Documents {
		doc := map[string]any{"id": d.ID, "type": d.Type, "path": d.Path, "content": d.Content}
		if d.SuppliedBy != nil {
			// a component supplier's delivery: lib.documents leaves it out of
			// the maker's own evidence, lib.supplied_documents reads it
			doc["supplied_by"] = d.SuppliedBy
		}
		docs = append(docs, doc)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i]["path"].(string) < docs[j]["path"].(string) })
	files := make(map[string]any, len(b.Files))
	for p, size := range b.Files {
		f := map[string]any{"size": size}
		if sum, ok := facts.SHA256[p]; ok {
			f["sha256"] = sum
		}
		files[p] = f
	}
	// Document contents are already generic JSON values (maps, slices,
	// strings, json.Number, bool, nil), which the converter turns into policy
	// values directly, each object key made once (convert.go); anything else
	// (facts, a typed model) ast.InterfaceToValue round-trips through JSON. A JSON round trip of the whole input cost a third of the
	// time of a 10 000-component check (docs/performance.md). The documents
	// are converted first so that derived facts about their parts can refer
	// to the very values the rules read (VulnIndex).
	list := make([]any, len(docs))
	for i, d := range docs {
		list[i] = d
	}
	// The facts read from the documents' Go contents alone (SBOM gaps and
	// ends, version ranges) are worked out beside the conversion, on the
	// other core: on a large SBOM each is half of building the input, and
	// nothing else runs then.
	byContent := make(chan contentFacts, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				byContent <- contentFacts{panicked: r}
			}
		}()
		byContent <- readContentFacts(b, facts, wantedGaps(applies))
	}()
	conv := newConverter()
	converted, err := conv.value(list)
	out := <-byContent
	if out.panicked != nil {
		panic(out.panicked) // where the run recovers it as an internal error
	}
	if err != nil {
		return nil, fmt.Errorf("build policy input: %w", err)
	}
	in := map[string]any{
		"as_of":     asOf,
		"regime":    regimeInput(decision),
		"manifest":  map[string]any{"path": b.Manifest.Path, "content": b.Manifest.Content},
		"documents": converted,
		"files":     files,
		"derived":   derived(out, docs, converted.(*ast.Array)),
	}
	v, err := conv.value(in)
	if err != nil {
		return nil, fmt.Errorf("build policy input: %w", err)
	}
	return v, nil
}

// readContentFacts is the part of input.derived read from the documents' Go
// contents: the facts enrich computed, the version ranges of the VEX
// statements evaluated against the versions the SBOMs ship (version_ranges:
// range -> shipped version -> inside), and the versions fixed statements
// name ordered against them (version_order: named version -> shipped
// version -> -1, 0 or 1), which need an ecosystem's version ordering that
// Rego does not have, the components each SBOM rule would find lacking
// (sbom_gaps: SBOMGaps) and the components that record an end of support
// (sbom_ends: SupportEnds), which cost too much per component in Rego.
func readContentFacts(b *bundle.Bundle, facts *enrich.Facts, lists gapLists) contentFacts {
	var sboms, vexes []any
	gaps, ends := map[string]any{}, map[string]any{}
	for _, d := range b.Documents {
		switch d.Type {
		case "sbom":
			sboms = append(sboms, d.Content)
			if g := sbomGaps(d.Content, lists); g != nil {
				gaps[d.Path] = g
			}
			if e := SupportEnds(d.Content); e != nil {
				ends[d.Path] = e
			}
		case "vex":
			vexes = append(vexes, d.Content)
		}
	}
	ranges, order := versionrange.Derive(sboms, vexes)
	return contentFacts{
		derived: map[string]any{"cvss": facts.CVSS, "version_ranges": ranges, "version_order": order, "sbom_gaps": gaps, "sbom_ends": ends},
		ranges:  ranges,
	}
}

// wantedGaps are the lists of input.derived.sbom_gaps whose rules apply.
func wantedGaps(applies func(ruleID string) bool) gapLists {
	if applies == nil {
		return allGapLists
	}
	return gapLists{
		minimum: applies(GapRules["minimum_elements"]),
		bsi:     applies(GapRules["bsi_fields"]),
		support: applies(GapRules["support"]),
	}
}

type contentFacts struct {
	derived map[string]any             // the part of input.derived
	ranges  map[string]map[string]bool // its version ranges, typed
	// panicked is what the goroutine that read them recovered, if anything.
	panicked any
}

// derived is input.derived: the content facts (contentFacts) and the
// components the VEX and scan items name (vuln_index: VulnIndex) and the
// component each supplier's document is about (supplied_components:
// SuppliedComponents), which cost too much per component in Rego and refer
// to the very values the rules read. docs and converted are the input's
// documents.
func derived(content contentFacts, docs []map[string]any, converted *ast.Array) map[string]any {
	out := content.derived
	if index := VulnIndex(docs, converted, content.ranges); index != nil {
		out["vuln_index"] = index
	}
	if supplied := SuppliedComponents(docs, converted); supplied != nil {
		out["supplied_components"] = supplied
	}
	return out
}

// regimeInput is the regime decision as rules read it (input.regime): the
// qualification, markets, and the role of each instrument, so a rule can
// adapt its message without re-deciding the law.
func regimeInput(d *regime.Decision) map[string]any {
	roles := map[string]any{}
	for _, in := range d.Instruments {
		key := in.Instrument
		if in.Part != "" {
			key += " " + strings.SplitN(in.Part, " (", 2)[0]
		}
		roles[key] = string(in.Role)
	}
	markets := make([]any, len(d.Markets))
	for i, m := range d.Markets {
		markets[i] = m
	}
	return map[string]any{
		"qualification":   d.Qualification,
		"framework":       d.Framework,
		"classification":  d.Classification,
		"markets":         markets,
		"nis2_entity":     d.NIS2Entity,
		"instrument_role": roles,
	}
}
