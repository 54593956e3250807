package regime

import (
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/clause"
)

func manifest(product map[string]any) map[string]any {
	return map[string]any{"product": product}
}

func role(t *testing.T, d *Decision, id string) (Role, string) {
	t.Helper()
	c, ok := clause.Lookup(id)
	if !ok {
		t.Fatalf("clause %s not in the table", id)
	}
	return d.Role(c)
}

func TestRoles(t *testing.T) {
	mdr := map[string]any{"framework": "MDR", "classification": "III", "placed_on_market": "2026-03-02"}
	mdrUS := map[string]any{"framework": "MDR", "classification": "IIb", "placed_on_market": "2026-03-02", "markets": []any{"EU", "US"}}
	legacyCRA := map[string]any{"framework": "CRA", "classification": "default", "placed_on_market": "2024-09-16"}
	modifiedCRA := map[string]any{"framework": "CRA", "classification": "default", "placed_on_market": "2024-09-16",
		"substantial_modifications": []any{map[string]any{"date": "2028-02-01", "description": "new cloud sync"}}}
	newCRA := map[string]any{"framework": "CRA", "classification": "important-class-II", "placed_on_market": "2028-01-15"}
	proto := map[string]any{"framework": "CRA", "classification": "default", "qualification": "prototype"}
	unfinished := map[string]any{"framework": "CRA", "classification": "default", "qualification": "unfinished-software"}
	invest := map[string]any{"framework": "MDR", "classification": "IIb", "qualification": "investigational-device"}
	legacyMDR := map[string]any{"framework": "MDR", "classification": "IIb", "placed_on_market": "2019-01-10",
		"legacy_device": map[string]any{"directive": "MDD"}}
	changedMDR := map[string]any{"framework": "MDR", "classification": "IIb", "placed_on_market": "2019-01-10",
		"legacy_device": map[string]any{"directive": "MDD", "significant_changes": []any{map[string]any{"date": "2026-01-05", "description": "new radio"}}}}
	ivd := map[string]any{"framework": "IVDR", "classification": "C", "placed_on_market": "2025-01-10", "nis2_entity": "essential"}
	classI := map[string]any{"framework": "MDR", "classification": "I", "placed_on_market": "2026-03-02"}

	for _, tc := range []struct {
		name    string
		product map[string]any
		asOf    string
		id      string
		want    Role
		because string // part of the reason when not the legal basis
	}{
		{"MDR device: MDR Annex I governs", mdr, "2026-11-25", "MDR-AI-17.2", Basis, ""},
		{"MDR class III device: the PSUR governs", mdr, "2026-11-25", "MDR-ART86-1", Basis, ""},
		{"MDR class III device: the class I PMS report does not apply", mdr, "2026-11-25", "MDR-ART85", NotApplicable, "class I, Is, Im, Ir"},
		{"MDR class I device: no PSUR", classI, "2026-11-25", "MDR-ART86-1", NotApplicable, "this device is class I"},
		{"MDR class I device: the PMS report governs", classI, "2026-11-25", "MDR-ART85", Basis, ""},
		{"IVDR class C device: the PSUR governs", ivd, "2026-11-25", "IVDR-ART81-1", Basis, ""},
		{"IVDR class C device: the class A/B PMS report does not apply", ivd, "2026-11-25", "IVDR-ART80", NotApplicable, "this device is class C"},
		{"MDR device: CRA is only state of the art", mdr, "2028-01-01", "CRA-AI-P2-1", Reference, "Art. 2(2)"},
		{"MDR device: CRA Art. 14 is only state of the art", mdr, "2026-11-25", "CRA-ART14-1", Reference, "Art. 2(2)"},
		{"MDR device: MDCG is guidance", mdr, "2026-11-25", "MDCG-2019-16-3.4", Reference, "guidance"},
		{"MDR device without US market: 524B does not apply", mdr, "2026-11-25", "FDA-524B-B3", NotApplicable, "United States"},
		{"MDR device with US market: 524B governs", mdrUS, "2026-11-25", "FDA-524B-B3", Basis, ""},
		{"MDR device: IVDR does not govern", mdr, "2026-11-25", "IVDR-AI-16.2", NotApplicable, "IVDR"},
		{"MDR device, manufacturer out of NIS2", mdr, "2026-11-25", "NIS2-ART23-1", NotApplicable, "NIS2"},
		{"legacy CRA product in 2026: Annex I not applicable", legacyCRA, "2026-11-25", "CRA-AI-P2-1", NotApplicable, "applies from 2027-12-11"},
		{"legacy CRA product in 2028: still not applicable", legacyCRA, "2028-06-01", "CRA-AI-P2-1", NotApplicable, "Art. 69(2)"},
		{"legacy CRA product: Art. 14 applies from 2026-09-11", legacyCRA, "2026-11-25", "CRA-ART14-1", Basis, ""},
		{"legacy CRA product: Art. 14 not before 2026-09-11", legacyCRA, "2026-06-01", "CRA-ART14-1", NotApplicable, "2026-09-11"},
		{"CRA product: MDR does not govern", legacyCRA, "2026-11-25", "MDR-AI-17.2", NotApplicable, "not a medical device"},
		{"CRA product: MDCG not applicable", legacyCRA, "2026-11-25", "MDCG-2019-16-3.4", NotApplicable, "medical devices"},
		{"substantially modified in 2028: Annex I governs", modifiedCRA, "2028-06-01", "CRA-AI-P2-1", Basis, ""},
		{"modification not yet made on the date: legacy", modifiedCRA, "2028-01-10", "CRA-AI-P2-1", NotApplicable, "Art. 69(2)"},
		{"new CRA product checked before its placing: judged at placing", newCRA, "2026-11-25", "CRA-AI-P2-1", Basis, ""},
		{"new CRA product not yet placed: no Art. 14", newCRA, "2026-11-25", "CRA-ART14-1", NotApplicable, "not on the market"},
		{"prototype: CRA product rules do not apply", proto, "2028-06-01", "CRA-AI-P2-1", NotApplicable, "Art. 4(2)"},
		{"prototype: no Art. 14", proto, "2028-06-01", "CRA-ART14-1", NotApplicable, "Art. 4"},
		{"prototype in 2028: Art. 4(2) governs", proto, "2028-06-01", "CRA-ART4-2", Basis, ""},
		{"prototype in 2026: Art. 4(2) not yet", proto, "2026-11-25", "CRA-ART4-2", NotApplicable, "applies from 2027-12-11"},
		{"prototype: Art. 4(3) is for unfinished software", proto, "2028-06-01", "CRA-ART4-3", NotApplicable, "unfinished-software"},
		{"unfinished software in 2028: Art. 4(3) governs", unfinished, "2028-06-01", "CRA-ART4-3", Basis, ""},
		{"unfinished software: Art. 4(4) governs", unfinished, "2028-06-01", "CRA-ART4-4", Basis, ""},
		{"unfinished software: Art. 4(2) is for prototypes", unfinished, "2028-06-01", "CRA-ART4-2", NotApplicable, "prototype"},
		{"CRA product on the market: Art. 4 does not apply", newCRA, "2028-06-01", "CRA-ART4-3", NotApplicable, "product-with-digital-elements"},
		{"device on the market: Annex XV does not apply", mdr, "2026-11-25", "MDR-AXV-II-4.1", NotApplicable, "investigational-device"},
		{"device on the market: Art. 62 does not apply", mdr, "2026-11-25", "MDR-ART62-4L", NotApplicable, "investigational-device"},
		{"investigational device: Annex XV governs", invest, "2026-11-25", "MDR-AXV-II-4.5", Basis, ""},
		{"investigational device: Art. 62(4)(l) governs", invest, "2026-11-25", "MDR-ART62-4L", Basis, ""},
		{"investigational device: GSPRs apply", invest, "2026-11-25", "MDR-AI-17.2", Basis, ""},
		{"investigational device: no vigilance", invest, "2026-11-25", "MDR-ART87-1", NotApplicable, "not placed on the market"},
		{"legacy MDD device: Annex I is state of the art", legacyMDR, "2026-11-25", "MDR-AI-17.2", Reference, "Art. 120(3)"},
		{"legacy MDD device: vigilance governs", legacyMDR, "2026-11-25", "MDR-ART87-1", Basis, ""},
		{"legacy device after a significant change: MDR governs", changedMDR, "2026-11-25", "MDR-AI-17.2", Basis, ""},
		{"IVD: IVDR governs", ivd, "2026-11-25", "IVDR-AI-16.2", Basis, ""},
		{"IVD: MDR does not", ivd, "2026-11-25", "MDR-AI-17.2", NotApplicable, "in-vitro-diagnostic"},
		{"essential entity: NIS2 governs", ivd, "2026-11-25", "NIS2-ART23-1", Basis, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Decide(manifest(tc.product), tc.asOf)
			got, why := role(t, d, tc.id)
			if got != tc.want {
				t.Fatalf("%s: role %s (%s), want %s", tc.id, got, why, tc.want)
			}
			if tc.because != "" && !strings.Contains(why, tc.because) {
				t.Errorf("%s: reason %q does not mention %q", tc.id, why, tc.because)
			}
		})
	}
}

func TestDecisionProblems(t *testing.T) {
	for _, tc := range []struct {
		product map[string]any
		want    string
	}{
		{map[string]any{"framework": "CRA", "classification": "IIb", "placed_on_market": "2028-01-01"}, `classification "IIb" is not a CRA class`},
		{map[string]any{"framework": "MDR", "classification": "critical", "placed_on_market": "2026-01-01"}, `classification "critical" is not a MDR class`},
		{map[string]any{"framework": "MDR", "classification": "IIa", "qualification": "prototype"}, `qualification "prototype" does not fit framework MDR`},
		{map[string]any{"framework": "CRA", "classification": "default", "qualification": "prototype", "placed_on_market": "2028-01-01"}, "is not placed on the market"},
	} {
		d := Decide(manifest(tc.product), "2026-11-25")
		if !strings.Contains(strings.Join(d.Problems, "\n"), tc.want) {
			t.Errorf("%v: problems %q lack %q", tc.product, d.Problems, tc.want)
		}
	}
	if d := Decide(manifest(map[string]any{"framework": "MDR", "classification": "III", "placed_on_market": "2026-01-01"}), "2026-11-25"); len(d.Problems) != 0 {
		t.Errorf("a consistent manifest has problems: %q", d.Problems)
	}
}

func TestVerdictSeverityPolicy(t *testing.T) {
	mdr := Decide(manifest(map[string]any{"framework": "MDR", "classification": "III", "placed_on_market": "2026-03-02"}), "2026-11-25")
	legacyCRA := Decide(manifest(map[string]any{"framework": "CRA", "classification": "default", "placed_on_market": "2024-09-16"}), "2026-11-25")
	rule := func(clauses ...string) catalog.Rule {
		r := catalog.Rule{ID: "AL-X-001", Severity: catalog.Error}
		for _, id := range clauses {
			c, _ := clause.Lookup(id)
			r.Clauses = append(r.Clauses, catalog.Clause{ID: id, Cite: c.Cite})
		}
		return r
	}
	for _, tc := range []struct {
		name    string
		d       *Decision
		r       catalog.Rule
		applies bool
		sev     catalog.Severity
	}{
		{"verified law basis keeps error", mdr, rule("MDR-AI-17.2", "MDCG-2019-16-3.4"), true, catalog.Error},
		{"guidance only: warning", mdr, rule("MDCG-2019-16-3.4"), true, catalog.Warning},
		{"CRA as state of the art for a device: warning", mdr, rule("CRA-AI-P2-1", "NTIA-SBOM-SUPPLIER"), true, catalog.Warning},
		{"unverified basis only: warning", mdr, rule("MDR-ART120-3CB"), true, catalog.Warning},
		{"legacy CRA product: CRA product rule does not apply", legacyCRA, rule("CRA-AI-P2-1", "NTIA-SBOM-SUPPLIER"), false, catalog.Error},
		{"legacy CRA product: Art. 14 rule applies", legacyCRA, rule("CRA-ART14-2A"), true, catalog.Error},
		{"CRA product: MDR-only rule does not apply", legacyCRA, rule("MDR-AI-17.2", "MDCG-2019-16-3.4"), false, catalog.Error},
		{"custom clause outside the catalog: reference only", mdr, catalog.Rule{ID: "ACME-X-001", Severity: catalog.Error, Clauses: []catalog.Clause{{ID: "SOP-12", Cite: "SOP 12"}}}, true, catalog.Warning},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := tc.d.Verdict(tc.r)
			if v.Applies != tc.applies {
				t.Fatalf("applies = %v (%s), want %v", v.Applies, v.Reason, tc.applies)
			}
			if v.Applies && v.Severity != tc.sev {
				t.Errorf("severity = %s (%s), want %s", v.Severity, v.Reason, tc.sev)
			}
		})
	}
}

// TestNotPlacedInstrument: a prototype or unfinished software has the CRA's
// conditions for showing or testing it as its own line in the decision, the
// legal basis once the CRA applies; other products have no such line.
func TestNotPlacedInstrument(t *testing.T) {
	for _, tc := range []struct {
		qualification, asOf, want string
	}{
		{"prototype", "2028-06-01", "prototype; legal basis: CRA conditions for prototypes"},
		{"prototype", "2026-11-25", "prototype; legal basis: none"},
		{"unfinished-software", "2028-06-01", "unfinished-software; legal basis: CRA conditions for unfinished software"},
		{"product-with-digital-elements", "2028-06-01", "product-with-digital-elements; legal basis: CRA product requirements"},
	} {
		d := Decide(manifest(map[string]any{"framework": "CRA", "classification": "default", "qualification": tc.qualification}), tc.asOf)
		if got := d.Summary(); got != tc.want {
			t.Errorf("%s on %s: summary %q, want %q", tc.qualification, tc.asOf, got, tc.want)
		}
	}
}
