package cli_test

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// TestImportedModelBesideNativeRiskFile lists a Threat Dragon model (whose threats name no interface: the tool
// records none) as a second security-risk-file beside the clean example's native one. The threat model is the
// union of the bundle's risk files, so every interface the native file covers stays covered; before, each risk file
// was held against the manifest on its own and every interface was reported uncovered by the model.
func TestImportedModelBesideNativeRiskFile(t *testing.T) {
	t.Parallel()
	dir := copyBundle(t, cleanExample)
	model := readFile(t, filepath.Join("..", "threatimport", "testdata", "td-small.v2.json"))
	writeFile(t, filepath.Join(dir, "security", "threat-dragon.json"), model)
	replaceIn(t, filepath.Join(dir, "annexlint.yaml"), "documents:\n", `documents:
  - id: threat-dragon
    type: security-risk-file
    path: security/threat-dragon.json
`)
	out, errOut, code := run(t, "check", dir, "--as-of", asOf, "--format", "json", "--fail-on", "none")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Findings []struct {
			RuleID   string `json:"rule_id"`
			Location struct {
				File string `json:"file"`
			} `json:"location"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	fromModel := 0
	for _, f := range rep.Findings {
		if f.RuleID == "AL-RISK-001" {
			t.Errorf("AL-RISK-001 at %s: the native risk file covers every interface", f.Location.File)
		}
		if f.Location.File == "security/threat-dragon.json" {
			fromModel++
		}
	}
	// The model itself is still checked (its open threats have no residual risk, its controls no verification).
	if fromModel == 0 {
		t.Error("no finding on the imported model: it was not read as a risk file")
	}
}
