package waiver_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annexlint/annexlint/internal/config"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/result"
	"github.com/annexlint/annexlint/internal/waiver"
)

func loadConfig(t *testing.T, dir, body string) *config.Config {
	t.Helper()
	p := filepath.Join(dir, ".annexlint.yaml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(p, ".annexlint.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func entry(rule, path, extra, expires string) string {
	return "  - rule: " + rule + "\n    path: " + path + "\n" + extra +
		"    reason: Accepted after review of the vendor's statement, ticket SEC-1.\n" +
		"    approved_by: Product security lead\n    expires: " + expires + "\n"
}

func TestApply(t *testing.T) {
	t.Parallel()
	repo := t.TempDir()
	bundle := filepath.Join(repo, "pump")
	f := func(rule, file, key string) finding.Finding {
		return finding.Finding{RuleID: rule, Pos: position.Pos{File: file, Line: 3}, Key: key, Pointer: "/x", Occurrence: 1}
	}
	kept := f("AL-SBOM-003", "sbom/a.json", "/components[ref=xy]")
	res := &result.Result{
		AsOf:      "2026-11-25",
		Documents: []result.Document{{Path: "annexlint.yaml"}, {Path: "sbom/a.json"}, {Path: "risk.yaml"}},
		Findings: []finding.Finding{
			f("AL-SBOM-003", "sbom/a.json", "/components[ref=x]/supplier"),
			kept,
			f("AL-RISK-001", "risk.yaml", "/threats[id=TH-1]"),
		},
	}
	keptFP := kept.Fingerprint()
	cfg := loadConfig(t, repo, "waivers:\n"+
		entry("AL-SBOM-003", "pump/sbom/*.json", "    pointer: /components[ref=x]\n", "2027-01-01")+ // line 2: waives the first
		entry("AL-RISK-001", "pump/risk.yaml", "", "2026-11-24")+ // line 8: expired
		entry("AL-TEST-001", "pump/risk.yaml", "", "2027-01-01")+ // line 13: matches nothing here
		entry("AL-TEST-001", "other-bundle/**", "", "2020-01-01")) // line 18: another bundle's, expired: not ours
	(&waiver.Set{Config: cfg}).Apply(res, bundle)

	var got []string
	for _, x := range res.Findings {
		got = append(got, x.RuleID+" "+x.Pos.String())
	}
	want := []string{"AL-WAIVER-001 ../.annexlint.yaml:8:5", "AL-WAIVER-002 ../.annexlint.yaml:13:5", "AL-RISK-001 risk.yaml:3", "AL-SBOM-003 sbom/a.json:3"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings after waiving (-want +got):\n%s", diff)
	}
	if len(res.Waived) != 1 || res.Waived[0].Key != "/components[ref=x]/supplier" || res.Waived[0].Status != finding.StatusWaived ||
		res.Waived[0].Waiver == nil || res.Waived[0].Waiver.Source != ".annexlint.yaml:2" {
		t.Errorf("waived: %+v", res.Waived)
	}
	for _, x := range res.Findings {
		if x.RuleID == "AL-SBOM-003" && x.Fingerprint() != keptFP {
			t.Error("waiving one finding changed another's fingerprint")
		}
	}
	statuses := map[string]result.Status{}
	for _, r := range res.Rules {
		statuses[r.ID] = r.Status
	}
	if statuses[waiver.ExpiredRuleID] != result.Fail || statuses[waiver.UnmatchedRuleID] != result.Fail {
		t.Errorf("waiver rules: %v", statuses)
	}
}

func TestApplyFingerprint(t *testing.T) {
	t.Parallel()
	repo := t.TempDir()
	a := finding.Finding{RuleID: "AL-SBOM-003", Pos: position.Pos{File: "s.json"}, Key: "/c[ref=a]", Occurrence: 1}
	b := a
	b.Occurrence = 2
	res := &result.Result{AsOf: "2026-11-25", Documents: []result.Document{{Path: "s.json"}}, Findings: []finding.Finding{a, b}}
	cfg := loadConfig(t, repo, "waivers:\n"+entry("AL-SBOM-003", "s.json", "    fingerprint: "+b.Fingerprint()+"\n", "2027-01-01"))
	(&waiver.Set{Config: cfg}).Apply(res, repo)
	if len(res.Waived) != 1 || res.Waived[0].Occurrence != 2 || len(res.Findings) != 1 || res.Findings[0].Occurrence != 1 {
		t.Errorf("fingerprint selects one of two findings at one place: waived %+v, kept %+v", res.Waived, res.Findings)
	}
}
