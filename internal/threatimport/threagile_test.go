package threatimport

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annexlint/annexlint/internal/docparse"
)

func TestThreagileMapping(t *testing.T) {
	t.Parallel()
	content, _, _ := importFixture(t, "threagile-small.yaml")
	assertValid(t, content)

	if got := str(content, "title"); got != "Pump cloud service" {
		t.Errorf("title = %q (HTML should be stripped)", got)
	}
	if got := str(content, "method"); !strings.Contains(got, "built-in rules") {
		t.Errorf("method does not say that rule-based risks are missing: %q", got)
	}
	criteria := content["acceptance_criteria"].(map[string]any)
	if diff := cmp.Diff([]string{"low", "medium", "elevated", "high", "critical"}, strs(criteria, "scale")); diff != "" {
		t.Errorf("scale (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"low"}, strs(criteria, "acceptable")); diff != "" {
		t.Errorf("acceptable (-want +got):\n%s", diff)
	}

	// Data assets, then technical assets, each in file order.
	if diff := cmp.Diff([]string{"dose-programme", "public-manual", "pump-app", "api"}, ids(content, "assets")); diff != "" {
		t.Errorf("assets (-want +got):\n%s", diff)
	}
	assets := byID(t, content, "assets")
	assetTests := []struct {
		id, name string
		props    []string
		desc     []string
	}{
		{"dose-programme", "Dose Programme", []string{"confidentiality", "integrity", "availability"},
			[]string{"Infusion programme sent to the pump", "CIA rating: confidentiality confidential"}},
		// Merged from the anchor, with its own lowest ratings: no property.
		{"public-manual", "Public Manual", nil, []string{"The user manual", "Wrong doses harm patients."}},
		{"pump-app", "Pump App", []string{"confidentiality", "integrity", "availability"},
			[]string{"external-entity, browser", "Out of scope: Customer device", "Exposed to the internet",
				`"Programme Upload" to api (protocol https, authentication token`}},
		{"api", "API", []string{"confidentiality", "integrity", "availability"}, []string{"Trust boundary: Cloud."}},
	}
	for _, tt := range assetTests {
		a := assets[tt.id]
		if str(a, "name") != tt.name {
			t.Errorf("asset %s name = %q, want %q", tt.id, str(a, "name"), tt.name)
		}
		if diff := cmp.Diff(tt.props, strs(a, "properties")); diff != "" {
			t.Errorf("asset %s properties (-want +got):\n%s", tt.id, diff)
		}
		for _, d := range tt.desc {
			if !strings.Contains(str(a, "description"), d) {
				t.Errorf("asset %s description lacks %q: %q", tt.id, d, str(a, "description"))
			}
		}
	}

	tests := []struct {
		id, title, initial, residual string
		stride, assets, controls     []string
		desc                         []string
	}{
		// Tracked by its exact ID as mitigated.
		{id: "programme-tampering.api.dose-programme", title: "Programme tampering at API", initial: "high", residual: "low",
			stride: []string{"tampering"}, assets: []string{"api", "dose-programme"}, controls: []string{"programme-tampering-M"},
			desc: []string{"Programmes altered in transit", "Impact: A wrong dose is delivered",
				"Threagile risk programme-tampering@api@dose-programme", "mitigated (QA, 2026-01-10, SEC-1): Programmes are signed"}},
		// Severity computed from very-likely x very-high; accepted through the
		// first matching wildcard, so no control and residual = initial.
		{id: "programme-tampering.pump-app-programme-upload", title: "Programme tampering on Programme Upload",
			initial: "high", residual: "high",
			stride: []string{"tampering"}, assets: []string{"pump-app", "api"},
			desc: []string{"Risk tracking (programme-tampering@*): accepted"}},
		// Untracked, category without mitigation.
		{id: "manual-outdated.public-manual", title: "Outdated manual", initial: "low",
			stride: []string{"repudiation"}, assets: []string{"public-manual"}},
	}
	want := make([]string, 0, len(tests))
	for _, tt := range tests {
		want = append(want, tt.id)
	}
	// The false-positive risk (programme-tampering@pump-app) is left out.
	if diff := cmp.Diff(want, ids(content, "threats")); diff != "" {
		t.Fatalf("threats (-want +got):\n%s", diff)
	}
	threats := byID(t, content, "threats")
	for _, tt := range tests {
		th := threats[tt.id]
		type view struct {
			Title, Initial, Residual string
			Stride, Assets, Controls []string
			Interfaces               []any
		}
		got := view{str(th, "title"), str(th, "initial_risk"), str(th, "residual_risk"),
			strs(th, "stride"), strs(th, "assets"), strs(th, "controls"), th["interfaces"].([]any)}
		wantT := view{tt.title, tt.initial, tt.residual, tt.stride, tt.assets, tt.controls, []any{}}
		if diff := cmp.Diff(wantT, got); diff != "" {
			t.Errorf("threat %s (-want +got):\n%s", tt.id, diff)
		}
		for _, d := range tt.desc {
			if !strings.Contains(str(th, "description"), d) {
				t.Errorf("threat %s description lacks %q: %q", tt.id, d, str(th, "description"))
			}
		}
	}

	// One control per category, shared by its risks.
	if diff := cmp.Diff([]string{"programme-tampering-M"}, ids(content, "controls")); diff != "" {
		t.Errorf("controls (-want +got):\n%s", diff)
	}
	c := byID(t, content, "controls")["programme-tampering-M"]
	if str(c, "title") != "Sign every programme end to end." || str(c, "type") != "design" ||
		!strings.Contains(str(c, "description"), "Check: Are programmes signed?") {
		t.Errorf("control = %v", c)
	}
}

func TestThreagileSeverityFromLikelihoodAndImpact(t *testing.T) {
	t.Parallel()
	// Threagile's own table: the product of the weights (1-4 each).
	tests := []struct{ likelihood, impact, want string }{
		{"unlikely", "low", "low"},
		{"likely", "low", "medium"},
		{"unlikely", "high", "medium"},
		{"likely", "medium", "elevated"},
		{"likely", "very-high", "elevated"},
		{"likely", "high", "elevated"},
		{"very-likely", "high", "high"},
		{"frequent", "high", "high"},
		{"very-likely", "very-high", "high"},
		{"frequent", "very-high", "critical"},
		{"", "high", ""},
	}
	for _, tt := range tests {
		im := &tgImport{r: &reader{src: docValue{&docparse.Doc{File: "x"}}, tool: "Threagile model"}}
		got, err := im.severity(map[string]string{"exploitation_likelihood": tt.likelihood, "exploitation_impact": tt.impact}, "/r")
		if err != nil || got != tt.want {
			t.Errorf("severity(%s, %s) = %q, %v; want %q", tt.likelihood, tt.impact, got, err, tt.want)
		}
	}
}

func TestThreagileLocator(t *testing.T) {
	t.Parallel()
	content, loc, data := importFixture(t, "threagile-small.yaml")
	if got := ids(content, "threats")[0]; got != "programme-tampering.api.dose-programme" {
		t.Fatalf("first threat = %s", got)
	}
	tests := []struct {
		pointer string
		line    int
	}{
		{"/threats/0", lineOf(t, data, "<b>Programme tampering</b> at <b>API</b>:")},
		{"/threats/0/title", lineOf(t, data, "<b>Programme tampering</b> at <b>API</b>:")},
		{"/threats/0/initial_risk", lineOf(t, data, "severity: high")},
		{"/threats/0/stride/0", lineOf(t, data, "stride: tampering")},
		{"/threats/0/assets/1", lineOf(t, data, "most_relevant_technical_asset: api")},
		{"/threats/0/residual_risk", lineOf(t, data, "programme-tampering@api@dose-programme:") + 1},
		{"/threats/0/controls/0", lineOf(t, data, "mitigation: Sign every programme")},
		{"/threats/1/initial_risk", lineOf(t, data, "exploitation_likelihood: very-likely")},
		{"/threats/1/residual_risk", lineOf(t, data, "programme-tampering@*:") + 1},
		{"/controls/0", lineOf(t, data, "mitigation: Sign every programme")},
		{"/assets/1", lineOf(t, data, "Public Manual:")},
		{"/assets/1/description", lineOf(t, data, "description: The user manual")},
		{"/assets/3/id", lineOf(t, data, "id: api")},
		{"/title", 2},
	}
	for _, tt := range tests {
		if p := loc.Pos(tt.pointer); p.File != "threagile-small.yaml" || p.Line != tt.line {
			t.Errorf("Pos(%s) = %v, want line %d", tt.pointer, p, tt.line)
		}
	}
}

// A merged value keeps the position where it is written, under the anchor.
func TestMergeKeyPositions(t *testing.T) {
	t.Parallel()
	data := []byte("base: &b\n  a: 1\n  b: two\nitem:\n  <<: *b\n  b: three\n")
	doc, err := parseThreagile("m.yaml", data, docparse.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	item := doc.value().(map[string]any)["item"].(map[string]any)
	if diff := cmp.Diff(map[string]any{"a": item["a"], "b": "three"}, item); diff != "" || item["a"] == nil {
		t.Errorf("item (-want +got):\n%s", diff)
	}
	for ptr, line := range map[string]int{"/item/a": 2, "/item/b": 6, "/item": 4, "/item/missing": 4} {
		if p := doc.Pos(ptr); p.Line != line {
			t.Errorf("Pos(%s) = %v, want line %d", ptr, p, line)
		}
	}
}
