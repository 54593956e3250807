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
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/util"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/policy"
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

// New compiles the built-in policies twice: once with the production engine
// (whose findings are cross-checked) and once for the missing sets, which the
// engine does not expose. Both use policy.NewCompiler's settings.
func New(ctx context.Context) (*Checker, error) {
	sources := []policy.Source{{Name: "policies", FS: policies.FS}}
	engine, err := policy.New(ctx, sources, catalog.Builtin())
	if err != nil {
		return nil, err
	}
	modules, err := policy.LoadModules(sources, false)
	if err != nil {
		return nil, err
	}
	compiler := policy.NewCompiler()
	if compiler.Compile(modules); compiler.Failed() {
		return nil, fmt.Errorf("compile policies: %w", compiler.Errors)
	}
	pq, err := rego.New(rego.Query(missingQuery), rego.Compiler(compiler), rego.StrictBuiltinErrors(true)).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("prepare missing query: %w", err)
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
	input, err := inputFor(name, s)
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

// inputFor builds the policy input of a bundle holding only this SBOM, the
// way check.Checker does: the model through SBOM.Generic, then one
// conversion to an OPA value.
func inputFor(name string, s *sbom.SBOM) (ast.Value, error) {
	content := s.Generic()
	in := map[string]any{
		"as_of": "2026-11-25",
		"manifest": map[string]any{"path": "annexlint.yaml", "content": map[string]any{"product": map[string]any{
			"framework": "CRA", "support_period_end": "2033-12-31",
		}}},
		"documents": []any{map[string]any{
			"id": "sbom", "type": "sbom", "path": name, "content": content,
		}},
		"files": map[string]any{},
	}
	raw, err := json.Marshal(in)
	if err != nil {
		return nil, fmt.Errorf("build policy input: %w", err)
	}
	var generic any
	if err := util.UnmarshalJSON(raw, &generic); err != nil {
		return nil, fmt.Errorf("build policy input: %w", err)
	}
	v, err := ast.InterfaceToValue(generic)
	if err != nil {
		return nil, fmt.Errorf("build policy input: %w", err)
	}
	return v, nil
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
