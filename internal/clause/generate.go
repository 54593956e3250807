package clause

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Generate reads the reference catalog's YAML files in dir and returns the
// clause table as the indented JSON that clauses.json holds.
func Generate(dir string) ([]byte, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no catalog files in %s", dir)
	}
	var list []Info
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var doc struct {
			Entries []struct {
				ID       string         `yaml:"id"`
				Cite     string         `yaml:"cite"`
				Title    string         `yaml:"title"`
				Summary  string         `yaml:"summary"`
				Verified bool           `yaml:"verified"`
				Dates    map[string]any `yaml:"dates"`
			} `yaml:"entries"`
		}
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		for _, e := range doc.Entries {
			instrument, kind, jur, ok := Classify(e.ID)
			if !ok {
				return nil, fmt.Errorf("%s: entry %s: no instrument known for this ID prefix", f, e.ID)
			}
			list = append(list, Info{
				ID: e.ID, Cite: e.Cite, Title: e.Title, Summary: strings.Join(strings.Fields(e.Summary), " "), Instrument: instrument, Kind: kind, Jurisdiction: jur,
				Verified: e.Verified, AppliesFrom: appliesFrom(e.Dates),
			})
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(list); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// appliesFrom picks the date from which an entry binds: its own applies_from,
// the national measures of a directive, the effective date of a statute.
// Guidance and standards have only publication dates and bind nobody.
func appliesFrom(dates map[string]any) string {
	for _, k := range []string{"applies_from", "national_measures_apply_from", "effective"} {
		if s, ok := dates[k].(string); ok {
			return s
		}
	}
	return ""
}
