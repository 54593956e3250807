package threatimport

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
)

func TestDetect(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, data string
		want       Format
	}{
		{"native", "kind: security-risk-file\nassets: []\n", Native},
		{"native json", `{"kind": "security-risk-file", "summary": {}, "version": "2"}`, Native},
		{"threat dragon v2", `{"version": "2.3.0", "summary": {"title": "x"}, "detail": {"diagrams": []}}`, ThreatDragonV2},
		{"threat dragon v2 misspelt detail", `{"version": "2.1.3", "summary": {}, "details": {}}`, ThreatDragonV2},
		{"threat dragon v1", `{"summary": {"title": "x"}, "detail": {"diagrams": []}}`, ThreatDragonV1},
		{"threat dragon 1.x version", `{"version": "1.6.1", "summary": {}, "detail": {}}`, ThreatDragonV1},
		{"threagile", "threagile_version: 1.0.0\ntitle: x\n", Threagile},
		{"threagile without version", "title: x\ntechnical_assets: {}\n", Threagile},
		{"threagile with merge keys", "threagile_version: 1.0.0\na: &a {x: 1}\nb:\n  <<: *a\n", Threagile},
		{"summary alone", `{"summary": {}}`, Native},
		{"invalid json", `{"version": `, Native},
		{"invalid yaml", "a: [\n", Native},
		{"yaml list", "- a\n- b\n", Native},
		{"json list", `[1, 2]`, Native},
		{"empty", "", Native},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Detect([]byte(tt.data)); got != tt.want {
				t.Errorf("Detect = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestImportNative(t *testing.T) {
	t.Parallel()
	content, loc, data := importFixture(t, "native.yaml")
	doc, err := docparse.Parse("native.yaml", data, docparse.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(doc.Value, any(content)); diff != "" {
		t.Errorf("native content changed (-want +got):\n%s", diff)
	}
	if p := loc.Pos("/threats/0/initial_risk"); p.Line != 4 {
		t.Errorf("Pos = %v, want line 4", p)
	}
}

func TestImportErrors(t *testing.T) {
	t.Parallel()
	tdHead := `{"version": "2.3.0", "summary": {"title": "x"},` + "\n"
	threagile := "threagile_version: 1.0.0\ntitle: x\n"
	risk := threagile + "individual_risk_categories:\n  C:\n    id: c\n    risks_identified:\n      R:\n"
	tests := []struct {
		name, file, data string
		line             int
		msg              string
	}{
		{"v1", "m.json", `{"summary": {"title": "x"}, "detail": {"diagrams": []}}`, 1, "v1 is not supported; open and save it in Threat Dragon 2"},
		{"invalid json", "m.json", tdHead + `"detail": {"diagrams": [}}`, 2, "invalid JSON"},
		{"duplicate key", "m.json", tdHead + `"detail": {"diagrams": [], "diagrams": []}}`, 2, `duplicate key "diagrams"`},
		{"no detail", "m.json", `{"version": "2.3.0", "summary": {"title": "x"}}`, 1, `no "detail" object`},
		{"details typo", "m.json", tdHead + `"details": {}}`, 2, `only "details"`},
		{"no diagrams", "m.json", tdHead + `"detail": {"contributors": []}}`, 2, `"detail" has no "diagrams" list`},
		{"diagrams not a list", "m.json", tdHead + `"detail":` + "\n" + `{"diagrams": {}}}`, 3, `"diagrams" must be a list, not an object`},
		{"summary not an object", "m.json", `{"version": "2.3.0", "summary": "x", "detail": {"diagrams": []}}`, 1, `"summary" must be an object`},
		{"cell not an object", "m.json", tdHead + `"detail": {"diagrams": [{"cells": [` + "\n" + `3]}]}}`, 3, "a diagram cell must be an object"},
		{"threats not a list", "m.json", tdHead + `"detail": {"diagrams": [{"cells": [{"id": "p", "data": {"type": "tm.Process",` + "\n" + `"threats": {}}}]}]}}`, 3, `"threats" must be a list`},
		{"title not text", "m.json", tdHead + `"detail": {"diagrams": [{"cells": [{"id": "p", "data": {"type": "tm.Process", "threats": [` + "\n" + `{"title": {"en": "x"}}]}}]}]}}`, 3, `"title" must be text, not an object`},
		{"threagile invalid yaml", "t.yaml", threagile + "data_assets: [\n", 3, "invalid YAML"},
		{"threagile data_assets list", "t.yaml", threagile + "data_assets:\n  - id: a\n", 3, `"data_assets" must be an object`},
		{"threagile asset without id", "t.yaml", threagile + "data_assets:\n  Dose:\n    description: x\n", 4, `data asset "Dose" has no id`},
		{"threagile cia level", "t.yaml", threagile + "data_assets:\n  Dose:\n    id: d\n    integrity: vital\n", 6, `integrity "vital" is not one of`},
		{"threagile severity", "t.yaml", risk + "        severity: extreme\n", 8, `severity "extreme" is not one of low, medium, elevated, high, critical`},
		{"threagile likelihood", "t.yaml", risk + "        exploitation_likelihood: often\n        exploitation_impact: low\n", 8, `exploitation_likelihood "often"`},
		{"threagile stride", "t.yaml", threagile + "individual_risk_categories:\n  C:\n    id: c\n    stride: phishing\n", 6, `stride "phishing"`},
		{"threagile tracking status", "t.yaml", threagile + "risk_tracking:\n  x@y:\n    status: done\n", 5, `risk tracking status "done"`},
		{"threagile breach list", "t.yaml", risk + "        data_breach_technical_assets:\n          - {a: 1}\n", 9, "a technical asset ID must be text"},
		{"merge value not a mapping", "t.yaml", threagile + "data_assets:\n  D:\n    <<: 3\n    id: d\n", 5, "merge key (<<) needs a mapping"},
		{"duplicate key with merges", "t.yaml", threagile + "a: &a {x: 1}\nb:\n  <<: *a\n  y: 1\n  y: 2\n", 7, `duplicate key "y"`},
		{"merge alias bomb", "t.yaml", threagile + aliasBomb(), 0, "too many values"},
		{"native not a mapping", "n.yaml", "- a\n- b\n", 1, "expected a security risk file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, _, err := Import(tt.file, []byte(tt.data), docparse.Limits{})
			var pe *position.Error
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v (%T), want *position.Error", err, err)
			}
			if pe.Pos.File != tt.file || (tt.line > 0 && pe.Pos.Line != tt.line) || pe.Pos.Line == 0 {
				t.Errorf("error at %v, want %s:%d (%v)", pe.Pos, tt.file, tt.line, err)
			}
			if !strings.Contains(pe.Msg, tt.msg) {
				t.Errorf("error %q lacks %q", pe.Msg, tt.msg)
			}
		})
	}
}

// aliasBomb nests merges of merges so that a naive expansion explodes.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("l0: &l0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}\n")
	for i := 1; i <= 12; i++ {
		prev := "l" + itoa(i-1)
		b.WriteString("l" + itoa(i) + ": &l" + itoa(i) + "\n")
		for k := 0; k < 10; k++ {
			b.WriteString("  k" + itoa(k) + ":\n    <<: *" + prev + "\n")
		}
	}
	return b.String()
}

// The same input gives the same output, value for value and order for order.
func TestImportDeterministic(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("testdata", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		first, _, err := Import(path, data, docparse.Limits{})
		if err != nil {
			continue
		}
		want, _ := json.Marshal(first)
		for i := 0; i < 10; i++ {
			again, _, _ := Import(path, data, docparse.Limits{})
			if got, _ := json.Marshal(again); string(got) != string(want) {
				t.Fatalf("%s: import %d differs", path, i)
			}
		}
	}
}
