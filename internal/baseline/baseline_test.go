package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/result"
)

func mk(rule, file, key string) finding.Finding {
	return finding.Finding{RuleID: rule, Severity: catalog.Error, Pos: position.Pos{File: file, Line: 3}, Key: key, Occurrence: 1}
}

// TestRoundTrip: entries are sorted and de-duplicated whatever their
// order, and a baseline read back sets apart exactly the recorded findings
// of its own bundle.
func TestRoundTrip(t *testing.T) {
	a, b, c := mk("AL-RISK-001", "annexlint.yaml", "/product/interfaces[id=IF-BLE]"), mk("AL-CVD-001", "policies/d.yaml", "/contact"), mk("AL-SBOM-003", "sbom/x.json", "/components[ref=p]")
	res := &result.Result{Findings: []finding.Finding{b, a}}
	var one, two bytes.Buffer
	if _, err := Write(&one, "2026-11-25", append(Entries(res, "pump"), Entries(res, "pump")...)); err != nil {
		t.Fatal(err)
	}
	res2 := &result.Result{Findings: []finding.Finding{a, b}}
	n, err := Write(&two, "2026-11-25", Entries(res2, "pump"))
	if err != nil || n != 2 || one.String() != two.String() {
		t.Fatalf("n=%d err=%v; order or duplicates changed the bytes:\n%s\n%s", n, err, one.String(), two.String())
	}
	p := filepath.Join(t.TempDir(), "b.json")
	if err := os.WriteFile(p, one.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	later := &result.Result{Findings: []finding.Finding{a, c, b}}
	s.Apply(later, "pump")
	if len(later.Findings) != 1 || later.Findings[0].RuleID != "AL-SBOM-003" || len(later.Baselined) != 2 || later.Baselined[0].Status != StatusBaselined {
		t.Errorf("findings %+v, baselined %+v", later.Findings, later.Baselined)
	}
	other := &result.Result{Findings: []finding.Finding{a}}
	s.Apply(other, "app")
	if len(other.Findings) != 1 {
		t.Error("a baseline entry of one bundle set apart another bundle's finding")
	}
	var nilSet *Set
	nilSet.Apply(other, "app")
}
