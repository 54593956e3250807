package sbomquality

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/rego"
	"go.yaml.in/yaml/v3"

	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/policies"
)

// entry is a catalog entry with the data keys the rules and tables follow.
type entry struct {
	ID            string            `yaml:"id"`
	FieldName     string            `yaml:"field_name"`
	Fields        []string          `yaml:"fields"`
	MinVersions   map[string]string `yaml:"min_versions"`
	HashAlgorithm string            `yaml:"hash_algorithm"`
}

func catalogEntries(t *testing.T, file string) map[string]entry {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(referenceDir, file))
	if os.IsNotExist(err) {
		t.Skipf("reference catalog not available at %s", referenceDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Entries []entry `yaml:"entries"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	out := map[string]entry{}
	for _, e := range doc.Entries {
		out[e.ID] = e
	}
	return out
}

// regoData evaluates a data reference of the built-in policies.
func regoData(t *testing.T, ref string) any {
	t.Helper()
	modules, err := policy.LoadModules([]policy.Source{{Name: "policies", FS: policies.FS}}, false)
	if err != nil {
		t.Fatal(err)
	}
	compiler := policy.NewCompiler()
	if compiler.Compile(modules); compiler.Failed() {
		t.Fatal(compiler.Errors)
	}
	rs, err := rego.New(rego.Query(ref), rego.Compiler(compiler)).Eval(context.Background())
	if err != nil || len(rs) != 1 {
		t.Fatalf("%s: %v (%d results)", ref, err, len(rs))
	}
	return rs[0].Expressions[0].Value
}

// TestRuleDataMatchesCatalog keeps the values the BSI rules copy from the
// catalog (minimum format versions, hash algorithm) equal to it.
func TestRuleDataMatchesCatalog(t *testing.T) {
	t.Parallel()
	bsi := catalogEntries(t, "bsi-tr-03183-2.yaml")
	want := map[string]any{}
	for k, v := range bsi["BSI-TR-03183-2-4"].MinVersions {
		want[k] = v
	}
	if len(want) == 0 {
		t.Fatal("BSI-TR-03183-2-4 has no min_versions")
	}
	if diff := cmp.Diff(want, regoData(t, `data.annexlint.rules.sbom["bsi-format"].min_versions`)); diff != "" {
		t.Errorf("bsi-format min_versions differ from the catalog (-catalog +rule):\n%s", diff)
	}
	alg := bsi["BSI-TR-03183-2-5.2.2-HASH"].HashAlgorithm
	if got := regoData(t, `data.annexlint.rules.sbom["bsi-component-fields"].hash_algorithm`); got != alg {
		t.Errorf("bsi-component-fields hash_algorithm = %v, the catalog says %q", got, alg)
	}
}

// TestTablesCoverCatalogFields requires a column for every data field the
// catalog lists for NTIA and BSI TR-03183-2, so a field added to the catalog
// shows up here until a rule and a column check it.
func TestTablesCoverCatalogFields(t *testing.T) {
	t.Parallel()
	columns := func(tb Table) map[string]bool {
		out := map[string]bool{}
		for _, c := range tb.Columns {
			out[c.Title] = true
		}
		return out
	}
	ntiaColumn := map[string]string{
		"Supplier Name": "supplier", "Component Name": "name", "Version of the Component": "version",
		"Other Unique Identifiers": "unique id", "Dependency Relationship": "dependency",
		"Author of SBOM Data": "author", "Timestamp": "timestamp",
	}
	n := 0
	for id, e := range catalogEntries(t, "ntia-sbom.yaml") {
		if e.FieldName == "" {
			continue
		}
		n++
		if col, ok := ntiaColumn[e.FieldName]; !ok || !columns(Tables[0])[col] {
			t.Errorf("%s field %q has no column in the NTIA table", id, e.FieldName)
		}
	}
	if n != 7 {
		t.Errorf("the catalog lists %d NTIA data fields, the table was written for 7", n)
	}
	bsiColumn := map[string]string{
		"Creator of the SBOM": "SBOM creator", "Timestamp": "timestamp",
		"Component creator": "creator", "Component name": "name", "Component version": "version",
		"Filename of the component": "filename", "Dependencies on other components": "dependencies",
		"Distribution licences": "licence", "Hash value of the deployable component": "SHA-512",
		"Executable property": "executable", "Archive property": "archive", "Structured property": "structured",
	}
	bsi := catalogEntries(t, "bsi-tr-03183-2.yaml")
	for _, id := range []string{"BSI-TR-03183-2-5.2.1", "BSI-TR-03183-2-5.2.2"} {
		if len(bsi[id].Fields) == 0 {
			t.Errorf("%s lists no fields", id)
		}
		for _, f := range bsi[id].Fields {
			if col, ok := bsiColumn[f]; !ok || !columns(Tables[1])[col] {
				t.Errorf("%s field %q has no column in the BSI table", id, f)
			}
		}
	}
}
