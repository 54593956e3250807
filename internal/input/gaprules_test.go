package input_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/enrich"
	"github.com/annexlint/annexlint/internal/input"
	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/internal/regime"
	"github.com/annexlint/annexlint/policies"
)

// TestGapRulesReadTheirLists: the rule GapRules names for each list of
// input.derived.sbom_gaps is the one whose Rego reads that list, so a list
// left out for a rule that does not apply is one no applicable rule reads.
func TestGapRulesReadTheirLists(t *testing.T) {
	for list, id := range input.GapRules {
		r, ok := policy.BuiltinRule(id)
		if !ok {
			t.Fatalf("%s: no built-in rule %s", list, id)
		}
		file, _, _ := strings.Cut(r.Source, ":")
		src, err := fs.ReadFile(policies.FS, strings.TrimPrefix(file, "policies/"))
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if !strings.Contains(string(src), "input.derived.sbom_gaps[sbom.path]."+list) {
			t.Errorf("%s (%s) does not read input.derived.sbom_gaps[…].%s", id, file, list)
		}
	}
}

// TestBuildForLeavesOutGapsOfRulesThatDoNotApply: a list whose rule does not
// apply is left out of input.derived.sbom_gaps, the others stay; Build
// keeps all three.
func TestBuildForLeavesOutGapsOfRulesThatDoNotApply(t *testing.T) {
	manifest := map[string]any{"product": map[string]any{"framework": "MDR"}}
	content := map[string]any{"components": []any{map[string]any{"name": "x", "ref": "x"}}}
	b := &bundle.Bundle{
		Manifest:  &bundle.Document{ID: "manifest", Type: "manifest", Path: "annexlint.yaml", Content: manifest},
		Documents: []*bundle.Document{{ID: "sbom", Type: "sbom", Path: "sbom.json", Content: content}},
		Files:     map[string]int64{},
	}
	lists := func(applies func(string) bool) []string {
		v, err := input.BuildFor(b, "2026-11-25", regime.Decide(manifest, "2026-11-25"), &enrich.Facts{}, applies)
		if err != nil {
			t.Fatal(err)
		}
		gaps, err := v.(ast.Object).Find(ast.MustParseRef(`x.derived.sbom_gaps["sbom.json"]`)[1:])
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, k := range gaps.(ast.Object).Keys() {
			names = append(names, string(k.Value.(ast.String)))
		}
		return names
	}
	if got := strings.Join(lists(nil), " "); got != "bsi_fields minimum_elements support" {
		t.Errorf("every rule: lists %q", got)
	}
	notBSI := func(id string) bool { return id != input.GapRules["bsi_fields"] }
	if got := strings.Join(lists(notBSI), " "); got != "minimum_elements support" {
		t.Errorf("all but the BSI rule: lists %q", got)
	}
}
