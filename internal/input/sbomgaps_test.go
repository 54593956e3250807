package input_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/enrich"
	"github.com/annexlint/annexlint/internal/input"
	"github.com/annexlint/annexlint/internal/regime"
	"github.com/annexlint/annexlint/internal/sbom"
)

// gapRules are the rules that read input.derived.sbom_gaps.
var gapRules = []string{"component-minimum-elements", "component-support", "bsi-component-fields"}

// gapQuery is what those rules give: their findings and their missing sets.
const gapQuery = `x := {name: [r, m] |
	some name in ["component-minimum-elements", "component-support", "bsi-component-fields"]
	r := data.annexlint.rules.sbom[name].report
	m := data.annexlint.rules.sbom[name].missing
}`

var (
	engineOnce sync.Once
	withGo     rego.PreparedEvalQuery
	regoOnly   rego.PreparedEvalQuery
	engineErr  error
)

// queries prepares gapQuery twice (the built-in policies compiled once, prepare):
// as annexlint check evaluates it (with the Go facts) and with the facts
// taken away, so the rules compute the gaps in Rego.
func queries(t *testing.T) (rego.PreparedEvalQuery, rego.PreparedEvalQuery) {
	t.Helper()
	engineOnce.Do(func() {
		if withGo, engineErr = prepare(t, gapQuery); engineErr != nil {
			return
		}
		regoOnly, engineErr = prepare(t, gapQuery+` with input.derived.sbom_gaps as {}`)
	})
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	return withGo, regoOnly
}

// policyInput is the input annexlint check builds for a bundle holding only
// this SBOM content.
func policyInput(t *testing.T, path string, content any) ast.Value {
	t.Helper()
	manifest := map[string]any{"product": map[string]any{"framework": "MDR"}}
	b := &bundle.Bundle{
		Manifest:  &bundle.Document{ID: "manifest", Type: "manifest", Path: "annexlint.yaml", Content: manifest},
		Documents: []*bundle.Document{{ID: "sbom", Type: "sbom", Path: path, Content: content}},
		Files:     map[string]int64{},
	}
	v, err := input.Build(b, "2026-11-25", regime.Decide(manifest, "2026-11-25"), &enrich.Facts{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// sameGaps evaluates both ways and fails on any difference; it returns how
// many findings the rules gave, so callers can tell the comparison is not
// vacuous.
func sameGaps(t *testing.T, path string, content any) int {
	t.Helper()
	goQ, regoQ := queries(t)
	in := policyInput(t, path, content)
	ctx := context.Background()
	eval := func(q rego.PreparedEvalQuery) map[string]any {
		rs, err := q.Eval(ctx, rego.EvalParsedInput(in))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(rs) != 1 {
			t.Fatalf("%s: %d results", path, len(rs))
		}
		return rs[0].Bindings["x"].(map[string]any)
	}
	got, want := eval(goQ), eval(regoQ)
	findings := 0
	for _, name := range gapRules {
		g, w := got[name].([]any), want[name].([]any)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s: rule %s gives other findings or missing sets with the Go facts than in Rego:\nGo   %.2000v\nRego %.2000v", path, name, g, w)
		}
		findings += len(w[0].([]any))
	}
	return findings
}

// TestSBOMGapsMatchRego holds the Go computation of input.derived.sbom_gaps
// to the rules' own Rego computation: the same findings (messages included)
// and missing sets on every SBOM the tests, the examples and the reference
// corpus (when it is there) hold, and on hand-made components that probe
// each decision (placeholders, blanks, non-string values, CPEs, broken
// package URLs).
func TestSBOMGapsMatchRego(t *testing.T) {
	findings := 0
	for i, c := range probeContents() {
		findings += sameGaps(t, "sbom/probe-"+string(rune('a'+i))+".cdx.json", c)
	}
	if findings < 10 {
		t.Errorf("the probes gave %d findings: they no longer test the rules", findings)
	}
	loaded := eachTestSBOM(t, func(path string, content any) {
		findings += sameGaps(t, path, content)
	})
	if loaded < 20 {
		t.Errorf("only %d SBOMs loaded from the test data and examples", loaded)
	}
	t.Logf("%d SBOMs compared, %d findings", loaded, findings)
}

// probeContents are SBOM contents, in the model's generic form, whose
// components sit on both sides of every decision the gaps make.
func probeContents() []any {
	full := func(over map[string]any) map[string]any {
		c := map[string]any{
			"ref": "zlib", "name": "zlib", "version": "1.3.1", "supplier": "zlib project",
			"purl": "pkg:generic/zlib@1.3.1", "purl_error": "", "cpes": nil,
			"support_level": "community", "end_of_support": "2030-01-01",
			"filename": "zlib.so", "executable_property": "yes", "archive_property": "no", "structured_property": "no",
			"licenses": []any{"Zlib"}, "hashes": []any{map[string]any{"alg": "SHA-512", "value": "ab12"}},
		}
		for k, v := range over {
			if v == nil {
				delete(c, k)
			} else {
				c[k] = v
			}
		}
		return c
	}
	var components []any
	for _, over := range []map[string]any{
		{},
		{"supplier": ""},
		{"supplier": "TODO"},                // passes the quick test: not examined
		{"supplier": "TODO", "version": ""}, // examined: the placeholder counts as absent
		{"supplier": " n/a ", "purl": ""},   // idem
		{"name": "", "purl": "", "cpes": []any{"cpe:2.3:a:x:y:1:*:*:*:*:*:*:*"}},
		{"purl": "", "cpes": []any{" ", 7}},            // no usable CPE
		{"purl": "pkg:x", "purl_error": "no type"},     // unparsable
		{"purl": "", "purl_error": "n/a"},              // a placeholder error is no error
		{"version": "tbd: ask", "name": "Lorem ipsum"}, // markers
		{"version": "...", "name": "…"},
		{"supplier": nil, "name": nil}, // absent
		{"support_level": ""},
		{"end_of_support": " "},
		{"support_level": "FIXME", "end_of_support": ""},
		{"support_level": nil, "end_of_support": nil, "name": "TBD"},
		{"filename": ""},
		{"filename": "TODO"},                         // passes the quick test
		{"filename": "TODO", "archive_property": ""}, // examined: the placeholder counts as absent
		{"executable_property": "n/a", "structured_property": nil},
		{"licenses": []any{" "}},
		{"licenses": []any{}, "ref": "other"}, // no licence, no dependency entry
		{"ref": "unknown-1"},                  // declared a known unknown
		{"hashes": []any{map[string]any{"alg": "SHA-256", "value": "x"}, map[string]any{"alg": "MD5", "value": "y"}}},
		{"hashes": []any{map[string]any{"alg": "SHA-512", "value": "tbd"}}, "filename": ""},
		{"hashes": []any{map[string]any{"alg": "SHA-512", "value": " "}}},
		{"hashes": nil, "ref": nil},
	} {
		components = append(components, full(over))
	}
	components = append(components, "not a component", nil, []any{})
	return []any{
		map[string]any{
			"primary": full(map[string]any{"supplier": "", "version": "to be done", "hashes": nil}), "components": components,
			"dependencies":   []any{map[string]any{"ref": "zlib"}, map[string]any{"ref": 3}, "odd"},
			"known_unknowns": []any{map[string]any{"refs": []any{"unknown-1", 4}}, map[string]any{"refs": "odd"}},
		},
		map[string]any{"primary": full(nil), "components": components[:3]},
		map[string]any{"primary": nil, "components": []any{}},
		map[string]any{"primary": "odd", "components": nil},
		map[string]any{"components": "not a list"},
	}
}

// eachTestSBOM calls fn with the bundle path and the policy content of every
// SBOM the tests, the examples and the reference corpus (when it is there)
// hold, and returns how many there were.
func eachTestSBOM(t *testing.T, fn func(path string, content any)) int {
	t.Helper()
	var files []string
	for _, root := range []string{"../sbom/testdata", "../../examples", "../../../shared/corpus/sbom"} {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() && (strings.Contains(p, "sbom") || strings.HasSuffix(p, ".spdx")) {
				files = append(files, p)
			}
			return nil
		})
	}
	sort.Strings(files)
	loaded := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s, err := sbom.Parse(f, data)
		if err != nil {
			continue // not an SBOM, or one the parser refuses: nothing to compare
		}
		loaded++
		fn("sbom/"+filepath.Base(f), any(s.Generic()))
	}
	return loaded
}
