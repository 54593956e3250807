// Package sbomquality measures real SBOMs against annexlint's own SBOM rules:
// for every file and every NTIA, BSI TR-03183-2 and FDA element, how many
// components lack it. It evaluates the built-in Rego policies themselves, so
// the figures are what the rules see, not a second implementation of them:
// every SBOM rule exposes a `missing` set of [path, pointer, field] triples
// beside its `report`, and Measure cross-checks the two so that the figures
// cannot drift from the findings a user gets.
package sbomquality

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/doctype"
	"github.com/annexlint/annexlint/internal/enrich"
	"github.com/annexlint/annexlint/internal/input"
	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/internal/regime"
	"github.com/annexlint/annexlint/internal/sbom"
	"github.com/annexlint/annexlint/policies"
)

// sbomArea is the rule area whose packages Measure reads.
const sbomArea = "sbom"

// missingQuery collects the missing set of every SBOM rule package that has one.
const missingQuery = `x := {name: m | m := data.annexlint.rules.sbom[name].missing}`

// Checker holds the compiled policies; build it once with New and reuse it.
type Checker struct {
	missing rego.PreparedEvalQuery
	engine  *policy.Engine
}

// New compiles the built-in policies once, with the production engine, and
// prepares the query of the missing sets on the same compiled policies.
func New(ctx context.Context) (*Checker, error) {
	engine, err := policy.New(ctx, []policy.Source{{Name: "policies", FS: policies.FS}}, catalog.Builtin())
	if err != nil {
		return nil, err
	}
	pq, err := engine.Prepare(ctx, missingQuery)
	if err != nil {
		return nil, err
	}
	return &Checker{missing: pq, engine: engine}, nil
}

// FileResult is what one file gives.
type FileResult struct {
	File    string // as passed to Measure
	Format  string
	Version string
	// Components counts the components the rules check, the primary
	// (product) component included; Primary says whether there is one.
	Components int
	Primary    bool
	// Err is why the file is not loaded (not an SBOM, unsupported version,
	// broken syntax); the other fields are then empty.
	Err string
	// Missing maps "rule/field" (e.g. "sbom/bsi-component-fields/hash") to
	// the JSON pointers of the components lacking it ("" for the document).
	Missing map[string][]string
}

// Measure parses data as the CLI's SBOM reader does, evaluates every SBOM
// rule, whatever the frameworks it is limited to, on a one-document bundle
// and returns the gaps. An error means the rules disagree with their own missing
// sets or could not be evaluated, never that the file is bad.
func (c *Checker) Measure(ctx context.Context, name string, data []byte) (FileResult, error) {
	res := FileResult{File: name, Missing: map[string][]string{}}
	s, err := sbom.Parse(name, data)
	if err != nil {
		res.Err = oneLine(err.Error())
		return res, nil
	}
	res.Format, res.Version = string(s.Format), s.SpecVersion
	res.Components = len(s.Components)
	if s.Primary != nil {
		res.Primary = true
		res.Components++
	}
	input, err := inputFor(name, data, s)
	if err != nil {
		return res, err
	}
	rs, err := c.missing.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return res, fmt.Errorf("%s: evaluate missing sets: %w", name, err)
	}
	byRule := map[string]map[string]bool{} // rule -> pointers with any gap
	if len(rs) == 1 {
		sets, _ := rs[0].Bindings["x"].(map[string]any)
		for slug, set := range sets {
			rule := sbomArea + "/" + slug
			byRule[rule] = map[string]bool{}
			items, _ := set.([]any)
			for _, it := range items {
				triple, ok := it.([]any)
				if !ok || len(triple) != 3 {
					return res, fmt.Errorf("%s: %s: malformed missing entry %v", name, rule, it)
				}
				pointer, _ := triple[1].(string)
				field, _ := triple[2].(string)
				key := rule + "/" + field
				res.Missing[key] = append(res.Missing[key], pointer)
				byRule[rule][pointer] = true
			}
		}
	}
	for k := range res.Missing {
		sort.Strings(res.Missing[k])
	}
	return res, c.crossCheck(ctx, name, input, byRule)
}

// crossCheck runs the SBOM rules through the production engine and requires
// each rule with a missing set to report exactly at the pointers that set
// names: the table then counts what users are told.
func (c *Checker) crossCheck(ctx context.Context, name string, input ast.Value, byRule map[string]map[string]bool) error {
	results, err := c.engine.Eval(ctx, input, func(r catalog.Rule) bool { return r.Area == sbomArea })
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	ids := map[string]string{}
	for _, r := range c.engine.Catalog().Rules() {
		ids[r.ID] = r.Name
	}
	reported := map[string]map[string]bool{}
	for _, r := range results {
		rule := ids[r.RuleID]
		if reported[rule] == nil {
			reported[rule] = map[string]bool{}
		}
		reported[rule][r.Pointer] = true
	}
	for rule, want := range byRule {
		if got := reported[rule]; !sameKeys(got, want) {
			return fmt.Errorf("%s: rule %s reports at %v but its missing set names %v", name, rule, keys(got), keys(want))
		}
	}
	return nil
}

// measureAsOf and measureProduct are the date and product the measurement
// judges every SBOM for: a CRA product with a support period, so that every
// SBOM rule applies.
const measureAsOf = "2026-11-25"

var measureProduct = map[string]any{"framework": "CRA", "support_period_end": "2033-12-31"}

// inputFor builds the policy input of a bundle holding only this SBOM with
// the builder check.Checker uses (internal/input), from the content the
// bundle loader's SBOM reader gives (internal/doctype).
func inputFor(name string, data []byte, s *sbom.SBOM) (ast.Value, error) {
	doc := doctype.FromSBOM(name, data, s, docparse.Limits{})
	manifest := map[string]any{"product": measureProduct}
	b := &bundle.Bundle{
		Manifest:  &bundle.Document{ID: "manifest", Type: "manifest", Path: "annexlint.yaml", Content: manifest},
		Documents: []*bundle.Document{{ID: "sbom", Type: "sbom", Path: name, Content: doc.Content, Source: doc.Source}},
		Files:     map[string]int64{},
	}
	return input.Build(b, measureAsOf, regime.Decide(manifest, measureAsOf), &enrich.Facts{})
}

func sameKeys(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	if len(out) > 5 {
		out = append(out[:5], fmt.Sprintf("... (%d in all)", len(m)))
	}
	return out
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
