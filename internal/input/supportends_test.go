package input_test

import (
	"context"
	"reflect"
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/enrich"
	"github.com/annexlint/annexlint/internal/input"
	"github.com/annexlint/annexlint/internal/regime"
)

// endsQuery is what reads input.derived.sbom_ends: the library's account and
// the two lifecycle rules' outputs.
const endsQuery = `x := {
	"ends": [data.annexlint.lib.sbom.support_ends(d) | some d in input.documents; d.type == "sbom"],
	"rules": {name: [r, i, e] |
		some name in ["component-end-of-support", "component-past-end-of-support"]
		r := data.annexlint.rules.lifecycle[name].report
		i := data.annexlint.rules.lifecycle[name].insufficient
		e := data.annexlint.rules.lifecycle[name].evidence
	},
}`

var (
	endsOnce     sync.Once
	endsWithGo   rego.PreparedEvalQuery
	endsRegoOnly rego.PreparedEvalQuery
	endsErr      error
)

// sameEnds evaluates endsQuery with the Go facts and with them taken away and
// fails on any difference; it returns how many ends the library found.
func sameEnds(t *testing.T, path string, content any) int {
	t.Helper()
	endsOnce.Do(func() {
		if endsWithGo, endsErr = prepare(t, endsQuery); endsErr != nil {
			return
		}
		endsRegoOnly, endsErr = prepare(t, endsQuery+` with input.derived.sbom_ends as {}`)
	})
	if endsErr != nil {
		t.Fatal(endsErr)
	}
	// The product's support runs past the check's date, so both rules
	// report what the SBOM records.
	manifest := map[string]any{"product": map[string]any{"framework": "MDR", "support_period_end": "2031-12-31"}}
	b := &bundle.Bundle{
		Manifest:  &bundle.Document{ID: "manifest", Type: "manifest", Path: "annexlint.yaml", Content: manifest},
		Documents: []*bundle.Document{{ID: "sbom", Type: "sbom", Path: path, Content: content}},
		Files:     map[string]int64{},
	}
	in, err := input.Build(b, "2026-11-25", regime.Decide(manifest, "2026-11-25"), &enrich.Facts{})
	if err != nil {
		t.Fatal(err)
	}
	eval := func(q rego.PreparedEvalQuery) map[string]any {
		rs, err := q.Eval(context.Background(), rego.EvalParsedInput(in))
		if err != nil || len(rs) != 1 {
			t.Fatalf("%s: %v (%d results)", path, err, len(rs))
		}
		return rs[0].Bindings["x"].(map[string]any)
	}
	got, want := eval(endsWithGo), eval(endsRegoOnly)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: the lifecycle rules read other ends from the Go facts than in Rego:\nGo   %.2000v\nRego %.2000v", path, got, want)
	}
	ends := want["ends"].([]any)
	if len(ends) != 1 {
		t.Fatalf("%s: %d SBOMs in the account", path, len(ends))
	}
	return len(ends[0].([]any))
}

// TestSupportEndsMatchRego holds input.derived.sbom_ends (SupportEnds) to
// lib.sbom.support_ends's own Rego account, and the lifecycle rules'
// findings, insufficient evidence and evidence to what they give without
// the facts, on hand-made components and on every SBOM of the tests, the
// examples and the reference corpus.
func TestSupportEndsMatchRego(t *testing.T) {
	var components []any
	for i, eos := range []any{
		"2025-01-31", "2028-06-30", "2035-01-01", "2025-01-31T23:59:59Z", "2027-02-30", "2025-1-31",
		"unknown", "TBD", "2025-01-31 TODO", "2025-01-31 lorem ipsum", " 2025-01-31", "", nil, 20250131,
		"２０２５-01-31", "2025-01-31é", "é2025-01-3",
	} {
		c := map[string]any{"ref": "c" + string(rune('a'+i)), "name": "n"}
		if eos != nil {
			c["end_of_support"] = eos
		}
		components = append(components, c)
	}
	probes := sameEnds(t, "sbom/probe.cdx.json", map[string]any{"components": components})
	if probes < 6 {
		t.Errorf("the probes gave %d ends: they no longer test the library", probes)
	}
	ends := 0
	loaded := eachTestSBOM(t, func(path string, content any) {
		ends += sameEnds(t, path, content)
	})
	if loaded < 20 || ends == 0 {
		t.Errorf("only %d SBOMs loaded, %d ends found", loaded, ends)
	}
	t.Logf("%d SBOMs compared, %d ends", loaded, ends)
}
