package threatimport

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
)

const corpusDir = "../../../shared/corpus/threatmodels"

// TestCorpus runs the importers over every real Threat Dragon and Threagile
// model of the shared corpus: each must import into a schema-valid risk file
// or fail with a positioned, explained error.
func TestCorpus(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not available at %s: %v", corpusDir, err)
	}
	files, err := filepath.Glob(filepath.Join(corpusDir, "threat-dragon", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	tg, err := filepath.Glob(filepath.Join(corpusDir, "threagile", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, tg...)
	if len(files) == 0 {
		t.Skip("no threat models in the corpus")
	}
	// What each corpus file must do; a file added later only has to import
	// or fail cleanly.
	want := map[string]string{
		"demo-threat-model.v1.json":   "v1 is not supported",
		"malformed-new-model.v2.json": `no "detail" object`,
	}
	var imported, rejected int
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			format := Detect(data)
			if strings.Contains(path, "threagile") && format != Threagile {
				t.Errorf("Detect = %q, want threagile", format)
			}
			if strings.Contains(path, "threat-dragon") && format != ThreatDragonV1 && format != ThreatDragonV2 {
				t.Errorf("Detect = %q, want a Threat Dragon format", format)
			}
			content, loc, err := Import(name, data, docparse.Limits{})
			if err != nil {
				var pe *position.Error
				if !errors.As(err, &pe) || pe.Pos.File != name || pe.Pos.Line == 0 || pe.Msg == "" {
					t.Fatalf("error %v (%T) is not a positioned error in %s", err, err, name)
				}
				if w, ok := want[name]; !ok || !strings.Contains(pe.Msg, w) {
					t.Fatalf("unexpected error: %v", err)
				}
				rejected++
				t.Logf("rejected: %v", err)
				return
			}
			if w, ok := want[name]; ok {
				t.Fatalf("imported, want error containing %q", w)
			}
			imported++
			assertValid(t, content)
			assertLocated(t, name, data, content, loc)
			t.Logf("%s (%s): %d assets, %d threats, %d controls", name, format,
				len(content["assets"].([]any)), len(content["threats"].([]any)), len(content["controls"].([]any)))
		})
	}
	t.Logf("corpus: %d files, %d imported, %d rejected", len(files), imported, rejected)
}

// assertLocated checks that every asset, threat and control resolves to a
// line of the original file, and that a threat's title resolves to the line
// that holds that title.
func assertLocated(t *testing.T, file string, data []byte, content map[string]any, loc position.SourceMap) {
	t.Helper()
	for _, key := range []string{"assets", "threats", "controls"} {
		for i := range content[key].([]any) {
			p := loc.Pos(docparse.Index("/"+key, i))
			if p.File != file || p.Line < 1 {
				t.Errorf("/%s/%d resolves to %v", key, i, p)
			}
		}
	}
	for i, v := range content["threats"].([]any) {
		title := strings.Fields(v.(map[string]any)["title"].(string))[0]
		p := loc.Pos(docparse.Index("/threats", i) + "/title")
		if line := stripHTML(lineText(data, p.Line)); !strings.Contains(line, title) {
			t.Errorf("/threats/%d/title resolves to line %d %q, which does not hold %q", i, p.Line, line, title)
		}
	}
}
