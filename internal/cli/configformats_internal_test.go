package cli

import (
	"encoding/json"
	"slices"
	"sort"
	"testing"

	"github.com/annexlint/annexlint/schemas"
)

// TestConfigFormatsAreTheWriters: the configuration file's format setting
// accepts exactly the formats --format does, so a new writer cannot be
// usable on the command line and refused in .annexlint.yaml.
func TestConfigFormatsAreTheWriters(t *testing.T) {
	data, err := schemas.FS.ReadFile("config.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Properties struct {
			Format struct {
				Enum []string `json:"enum"`
			} `json:"format"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	var names []string
	for name := range writers {
		names = append(names, name)
	}
	sort.Strings(names)
	got := slices.Sorted(slices.Values(schema.Properties.Format.Enum))
	if !slices.Equal(got, names) {
		t.Errorf("config.schema.json format enum = %v, want the writers %v", got, names)
	}
}
