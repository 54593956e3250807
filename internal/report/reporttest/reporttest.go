// Package reporttest builds small run models for the report writers' tests,
// with hostile strings where a bundle can put them.
package reporttest

import (
	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/regime"
	"github.com/annexlint/annexlint/internal/result"
)

// Hostile is text a bundle could hold: an HTML element, a terminal escape
// sequence that would clear the screen, a right-to-left override, Markdown
// table and link syntax, and a newline.
const Hostile = "<script>alert(1)</script>\x1b[2J\u202Eevil| [x](http://e.invalid) *b*\nnext"

// Result is a run model of an MDR device with one failing rule whose finding
// message and the product name carry Hostile, one passing rule with
// evidence, one rule without evidence (an insufficient-evidence finding), and
// one clause that does not apply.
func Result() *result.Result {
	manifest := map[string]any{"product": map[string]any{
		"name": "Pump " + Hostile, "version": "1.0", "framework": "MDR", "classification": "IIb",
		"placed_on_market": "2026-01-01", "manufacturer": map[string]any{"name": "ACME"},
	}}
	d := regime.Decide(manifest, "2026-11-25")
	basis := regime.Cited{ID: "MDR-AI-17.2", Cite: "MDR Annex I 17.2", Kind: "law", Verified: true, Role: regime.Basis}
	ref := regime.Cited{ID: "MDCG-2019-16-3.4", Cite: "MDCG 2019-16 rev.1 section 3.4", Kind: "guidance", Verified: true, Role: regime.Reference}
	na := regime.Cited{ID: "CRA-ART14-1", Cite: "CRA Art. 14(1)", Kind: "law", Verified: true, Role: regime.NotApplicable, Reason: "not a CRA product"}
	ev := result.Evidence{Path: "risk.yaml", Pointer: "/threats/0", Line: 3, SHA256: "ab12"}
	failing := result.Rule{
		Rule:    catalog.Rule{ID: "AL-RISK-001", Title: "Interfaces are threat-modelled", Severity: catalog.Error, Remediation: "Add a threat naming `interfaces[].id`."},
		Verdict: regime.RuleVerdict{Applies: true, Severity: catalog.Error, Clauses: []regime.Cited{basis, ref}},
		Status:  result.Fail, EvidenceDeclared: true, Evidence: []result.Evidence{ev}, Findings: 1,
	}
	passing := result.Rule{
		Rule:    catalog.Rule{ID: "AL-RISK-002", Title: "Risks are controlled", Severity: catalog.Error},
		Verdict: regime.RuleVerdict{Applies: true, Severity: catalog.Error, Clauses: []regime.Cited{basis}},
		Status:  result.Pass, EvidenceDeclared: true, Evidence: []result.Evidence{ev},
	}
	insufficient := result.Rule{
		Rule:    catalog.Rule{ID: "AL-TEST-001", Title: "Security tests are reported", Severity: catalog.Error},
		Verdict: regime.RuleVerdict{Applies: true, Severity: catalog.Warning, Clauses: []regime.Cited{basis}},
		Status:  result.Insufficient, Reason: "no test report", EvidenceDeclared: true, Evidence: []result.Evidence{}, Findings: 0,
	}
	notApplicable := result.Rule{
		Rule:    catalog.Rule{ID: "AL-PSIRT-001", Title: "Reports reach ENISA", Severity: catalog.Error},
		Verdict: regime.RuleVerdict{Severity: catalog.Error, Reason: "not a CRA product", Clauses: []regime.Cited{na}},
		Status:  result.NotApplicable, Reason: "not a CRA product", Evidence: []result.Evidence{},
	}
	return &result.Result{
		AsOf: "2026-11-25", Bundle: "bundle", Regime: d,
		Product: result.Product{Name: "Pump " + Hostile, Version: "1.0", Manufacturer: "ACME", Framework: "MDR", Classification: "IIb", PlacedOnMarket: "2026-01-01"},
		Documents: []result.Document{
			{ID: "manifest", Type: "manifest", Path: "annexlint.yaml", SHA256: "cd34"},
			{ID: "risk", Type: "security-risk-file", Path: "risk.yaml", SHA256: "ab12"},
		},
		Rules: []result.Rule{failing, passing, insufficient, notApplicable},
		Obligations: []result.Obligation{
			{Cited: na, Status: result.NotApplicable, Rules: []string{"AL-PSIRT-001"}, Evidence: []result.Evidence{}},
			{Cited: ref, Status: result.Fail, Rules: []string{"AL-RISK-001"}, Evidence: []result.Evidence{ev}},
			{Cited: basis, Status: result.Fail, Rules: []string{"AL-RISK-001", "AL-RISK-002", "AL-TEST-001"}, Evidence: []result.Evidence{ev}},
		},
		Waived: []finding.Finding{{
			RuleID: "AL-RISK-001", Severity: catalog.Error, Message: "interface IF-X has no threat",
			Pos: position.Pos{File: "risk.yaml", Line: 9, Col: 5}, Pointer: "/threats/3", Kind: finding.KindViolation, Status: finding.StatusWaived,
			Waiver: &finding.Waiver{Rule: "AL-RISK-001", Path: "risk.yaml", Reason: "accepted: " + Hostile, ApprovedBy: "QA lead", Expires: "2027-01-01", Source: ".annexlint.yaml:7"},
		}},
		Findings: []finding.Finding{{
			RuleID: "AL-TEST-001", Severity: catalog.Warning, Message: "insufficient evidence: no security test report",
			Pos: position.Pos{File: "annexlint.yaml", Line: 2, Col: 1}, Pointer: "/documents", Kind: finding.KindInsufficient,
			Basis: "legal basis: MDR Annex I 17.2",
		}, {
			RuleID: "AL-RISK-001", Severity: catalog.Error, Message: "interface " + Hostile + " has no threat",
			Pos: position.Pos{File: "risk.yaml", Line: 3, Col: 5}, Pointer: "/threats/0", Kind: finding.KindViolation,
			Basis: "legal basis: MDR Annex I 17.2",
		}},
	}
}
