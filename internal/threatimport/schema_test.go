package threatimport

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/xeipuuv/gojsonschema"
)

var (
	schemaOnce sync.Once
	riskSchema *gojsonschema.Schema
	schemaErr  error
)

// assertValid validates content against the native risk file schema of the
// repository, as the bundle loader does.
func assertValid(t *testing.T, content map[string]any) {
	t.Helper()
	schemaOnce.Do(func() {
		path, err := filepath.Abs("../../schemas/security-risk-file.schema.json")
		if err != nil {
			schemaErr = err
			return
		}
		riskSchema, schemaErr = gojsonschema.NewSchema(gojsonschema.NewReferenceLoader("file://" + filepath.ToSlash(path)))
	})
	if schemaErr != nil {
		t.Fatalf("load schema: %v", schemaErr)
	}
	res, err := riskSchema.Validate(gojsonschema.NewGoLoader(content))
	if err != nil {
		t.Fatalf("validate: %v", err)
	}
	for _, e := range res.Errors() {
		t.Errorf("schema: %s: %s", e.Field(), e.Description())
	}
}
