package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/annexlint/annexlint/internal/check"
	"github.com/annexlint/annexlint/internal/cli"
)

const formatsManifest = `apiVersion: annexlint/v1
kind: bundle
product:
  name: Pump
  version: "1.0"
  manufacturer: {name: Example}
  framework: MDR
  classification: IIb
  placed_on_market: "2026-03-02"
  support_period_end: "2033-12-31"
  interfaces: []
documents:
  - {type: security-risk-file, path: model/threat-model.json}
`

// TestRiskFileFromThreatDragon checks the security-risk-file reader: a Threat
// Dragon model listed as the risk file is converted, and findings on the
// converted content point into the Threat Dragon file itself.
func TestRiskFileFromThreatDragon(t *testing.T) {
	t.Parallel()
	model, err := os.ReadFile(filepath.Join("..", "threatimport", "testdata", "td-small.v2.json"))
	if err != nil {
		t.Skipf("Threat Dragon fixture not available: %v", err)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "model"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "annexlint.yaml"), []byte(formatsManifest), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "model", "threat-model.json"), model, 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := cli.NewChecker(context.Background(), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Run(context.Background(), dir, check.Options{AsOf: "2026-11-25"})
	if err != nil {
		t.Fatal(err)
	}
	inModel := 0
	for _, f := range res.Findings {
		if f.RuleID == "AL-SCHEMA-001" {
			t.Errorf("the converted model does not match the risk-file schema: %s %s", f.Pos, f.Message)
		}
		// Controls converted from mitigations have no verification.
		if f.RuleID == "AL-RISK-003" && f.Pos.File == "model/threat-model.json" && f.Pos.Line > 1 {
			inModel++
		}
	}
	if inModel == 0 {
		t.Errorf("no AL-RISK-003 finding points into the Threat Dragon file: %v", res.Findings)
	}
}
