package threatimport

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestThreatDragonMapping(t *testing.T) {
	t.Parallel()
	content, _, _ := importFixture(t, "td-small.v2.json")
	assertValid(t, content)

	if got := str(content, "title"); got != "Infusion pump connectivity" {
		t.Errorf("title = %q", got)
	}
	if got := str(content, "method"); got != "STRIDE, CIA (imported from an OWASP Threat Dragon 2.3.0 model)" {
		t.Errorf("method = %q", got)
	}
	criteria := content["acceptance_criteria"].(map[string]any)
	if diff := cmp.Diff([]string{"low", "medium", "high", "critical"}, strs(criteria, "scale")); diff != "" {
		t.Errorf("scale (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"low"}, strs(criteria, "acceptable")); diff != "" {
		t.Errorf("acceptable (-want +got):\n%s", diff)
	}
	if !strings.Contains(str(criteria, "rationale"), "annexlint default") {
		t.Errorf("rationale does not explain the default: %q", str(criteria, "rationale"))
	}

	// Process, store and actor cells only, in file order; flows, trust
	// boundaries and text are not assets.
	if diff := cmp.Diff([]string{"actor-1", "proc-1", "store-1", "proc-2", "proc-3"}, ids(content, "assets")); diff != "" {
		t.Errorf("assets (-want +got):\n%s", diff)
	}
	assets := byID(t, content, "assets")
	if got := str(assets["proc-1"], "name"); got != "Pump firmware" {
		t.Errorf("proc-1 name = %q", got)
	}
	if got := str(assets["store-1"], "name"); got != "Unnamed store store-1" {
		t.Errorf("unnamed store name = %q", got)
	}
	if got := str(assets["store-1"], "description"); !strings.Contains(got, "out of scope: Managed by the hospital") {
		t.Errorf("out-of-scope store description = %q", got)
	}

	tests := []struct {
		id, title, initial, residual, vector string
		stride, assets, controls             []string
		desc                                 []string
	}{
		// A flow's threat names the flow's end points and the flow; a
		// public network makes it a network attack.
		{id: "TH-FLOW", title: "Sync flooding", initial: "medium", vector: "network",
			stride: []string{"denial-of-service"}, assets: []string{"proc-1", "store-1"}, controls: []string{"TH-FLOW-M"},
			desc: []string{"The sync endpoint can be flooded.", `data flow "Library sync" from process "Pump firmware"`, "public network"}},
		{id: "TH-A", title: "Badge spoofing", initial: "high",
			stride: []string{"spoofing"}, assets: []string{"actor-1"}, controls: []string{"TH-A-M"},
			desc: []string{`actor "Clinician"`, "status Open"}},
		// Mitigated: residual risk at the lowest level.
		{id: "TH-P1", title: "Firmware replaced", initial: "critical", residual: "low",
			stride: []string{"tampering"}, assets: []string{"proc-1"}, controls: []string{"TH-P1-M"},
			desc: []string{"score 9.1"}},
		// No id: the number; TBD severity: not rated; no mitigation: no control.
		{id: "TD-7", title: "Service mode abuse",
			stride: []string{"elevation-of-privilege"}, assets: []string{"proc-1"},
			desc: []string{"severity TBD"}},
		// Accepted: residual = initial, the mitigation text is the justification.
		{id: "TH-S1", title: "Library read", initial: "low", residual: "low",
			stride: []string{"information-disclosure"}, assets: []string{"store-1"},
			desc: []string{"Justification: The library holds no personal data."}},
		// CIA confidentiality maps to information disclosure.
		{id: "TH-DUP", title: "Token leak", initial: "high",
			stride: []string{"information-disclosure"}, assets: []string{"proc-2"},
			desc: []string{"Confidentiality (CIA)"}},
		// The same threat id twice: the second gets a suffix; DIE has no STRIDE.
		{id: "TH-DUP-2", title: "Replica drift", initial: "low",
			assets: []string{"proc-2"}, controls: []string{"TH-DUP-2-M"}},
		// Threats on the cell rather than under data, without any id.
		{id: "proc-3-T1", title: "Old TLS", initial: "medium",
			stride: []string{"tampering"}, assets: []string{"proc-3"}, controls: []string{"proc-3-T1-M"}},
	}
	want := make([]string, 0, len(tests))
	for _, tt := range tests {
		want = append(want, tt.id)
	}
	// The NotApplicable threat is left out.
	if diff := cmp.Diff(want, ids(content, "threats")); diff != "" {
		t.Fatalf("threats (-want +got):\n%s", diff)
	}
	threats := byID(t, content, "threats")
	for _, tt := range tests {
		th := threats[tt.id]
		got := struct {
			Title, Initial, Residual, Vector string
			Stride, Assets, Controls         []string
			Interfaces                       []any
		}{str(th, "title"), str(th, "initial_risk"), str(th, "residual_risk"), str(th, "attack_vector"),
			strs(th, "stride"), strs(th, "assets"), strs(th, "controls"), th["interfaces"].([]any)}
		wantT := struct {
			Title, Initial, Residual, Vector string
			Stride, Assets, Controls         []string
			Interfaces                       []any
		}{tt.title, tt.initial, tt.residual, tt.vector, tt.stride, tt.assets, tt.controls, []any{}}
		if diff := cmp.Diff(wantT, got); diff != "" {
			t.Errorf("threat %s (-want +got):\n%s", tt.id, diff)
		}
		for _, d := range tt.desc {
			if !strings.Contains(str(th, "description"), d) {
				t.Errorf("threat %s description lacks %q: %q", tt.id, d, str(th, "description"))
			}
		}
	}

	controls := byID(t, content, "controls")
	if diff := cmp.Diff([]string{"TH-FLOW-M", "TH-A-M", "TH-P1-M", "TH-DUP-2-M", "proc-3-T1-M"}, ids(content, "controls")); diff != "" {
		t.Errorf("controls (-want +got):\n%s", diff)
	}
	c := controls["TH-A-M"]
	if str(c, "title") != "Badge login plus PIN." || str(c, "description") != "Badge login plus PIN.\nLock after three failures." ||
		str(c, "type") != "design" || c["verification"] != nil {
		t.Errorf("control TH-A-M = %v", c)
	}
}

func TestThreatDragonLocator(t *testing.T) {
	t.Parallel()
	content, loc, data := importFixture(t, "td-small.v2.json")
	threats := ids(content, "threats")
	index := func(id string) int {
		for i, x := range threats {
			if x == id {
				return i
			}
		}
		t.Fatalf("no threat %s", id)
		return -1
	}
	spoof := lineOf(t, data, `"title": "Badge spoofing"`)
	tests := []struct {
		pointer string
		line    int
	}{
		{"/title", lineOf(t, data, `"title": "Infusion pump`)},
		{"/threats/" + itoa(index("TH-A")), lineOf(t, data, `"id": "TH-A"`) - 1},
		{"/threats/" + itoa(index("TH-A")) + "/title", spoof},
		{"/threats/" + itoa(index("TH-A")) + "/stride/0", lineOf(t, data, `"type": "Spoofing"`)},
		{"/threats/" + itoa(index("TH-A")) + "/initial_risk", spoof + 2},
		{"/threats/" + itoa(index("TH-A")) + "/assets", lineOf(t, data, `"id": "actor-1"`) - 1}, // the cell
		{"/threats/" + itoa(index("TH-P1")) + "/residual_risk", lineOf(t, data, `"status": "Mitigated"`)},
		{"/threats/" + itoa(index("TH-FLOW")) + "/attack_vector", lineOf(t, data, `"isPublicNetwork": true`)},
		{"/threats/" + itoa(index("proc-3-T1")), lineOf(t, data, `"title": "Old TLS"`) - 1},
		{"/controls/1", lineOf(t, data, `"mitigation": "Badge login plus PIN.`)},
		{"/controls/1/title", lineOf(t, data, `"mitigation": "Badge login plus PIN.`)},
		{"/assets/2/name", lineOf(t, data, `"name": "",`)},
		{"/acceptance_criteria/scale/0", 1},
	}
	for _, tt := range tests {
		p := loc.Pos(tt.pointer)
		if p.File != "td-small.v2.json" || p.Line != tt.line {
			t.Errorf("Pos(%s) = %v, want line %d", tt.pointer, p, tt.line)
		}
	}
	if line := lineText(data, spoof+2); !strings.Contains(line, `"severity": "High"`) {
		t.Errorf("line %d is %q, expected the severity", spoof+2, line)
	}
}
