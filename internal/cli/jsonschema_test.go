package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"

	"github.com/annexlint/annexlint/internal/report/jsonreport"
)

var reportSchema = filepath.Join("..", "..", "schemas", "output", "report.schema.json")

// TestJSONReportMatchesSchema validates the real JSON report of every
// example bundle (and annexlint's own threat model), on a date before and a
// date after the CRA applies, against schemas/output/report.schema.json,
// which describes the format exactly (no undocumented fields).
func TestJSONReportMatchesSchema(t *testing.T) {
	t.Parallel()
	schema, err := gojsonschema.NewSchema(gojsonschema.NewReferenceLoader("file://" + slashAbs(t, reportSchema)))
	if err != nil {
		t.Fatalf("compile %s: %v", reportSchema, err)
	}
	bundles, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "annexlint.yaml"))
	if err != nil || len(bundles) < 4 {
		t.Fatalf("examples: %v, %v", bundles, err)
	}
	bundles = append(bundles, filepath.Join("..", "..", "docs", "security", "annexlint.yaml"))
	for _, m := range bundles {
		dir := filepath.Dir(m)
		for _, date := range []string{asOf, "2028-06-01"} {
			t.Run(filepath.Base(dir)+"@"+date, func(t *testing.T) {
				t.Parallel()
				out, errOut, code := run(t, "check", dir, "--format", "json", "--as-of", date, "--fail-on", "none")
				if code != 0 {
					t.Fatalf("exit %d: %s", code, errOut)
				}
				res, err := schema.Validate(gojsonschema.NewStringLoader(out))
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range res.Errors() {
					t.Errorf("%s: %s", e.Field(), e.Description())
				}
				var doc struct {
					SchemaVersion string `json:"schema_version"`
					Tool          struct {
						PolicyDigest string `json:"policy_digest"`
					} `json:"tool"`
				}
				if err := json.Unmarshal([]byte(out), &doc); err != nil {
					t.Fatal(err)
				}
				if doc.SchemaVersion != jsonreport.SchemaVersion || len(doc.Tool.PolicyDigest) != 64 {
					t.Errorf("schema_version %q, policy_digest %q", doc.SchemaVersion, doc.Tool.PolicyDigest)
				}
			})
		}
	}
}

// TestJSONMultiReportMatchesSchema: the report of several bundles checked
// together follows the schema's second shape.
func TestJSONMultiReportMatchesSchema(t *testing.T) {
	t.Parallel()
	schema, err := gojsonschema.NewSchema(gojsonschema.NewReferenceLoader("file://" + slashAbs(t, reportSchema)))
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "check", cleanExample, flawedExample, "--format", "json", "--as-of", asOf, "--fail-on", "none")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, `"bundles": [`) {
		t.Fatalf("not a report of several bundles:\n%.300s", out)
	}
	res, err := schema.Validate(gojsonschema.NewStringLoader(out))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors() {
		t.Errorf("%s: %s", e.Field(), e.Description())
	}
}

// TestJSONSchemaRejects: the schema is strict enough to catch an
// undocumented field, an unknown status and a malformed digest.
func TestJSONSchemaRejects(t *testing.T) {
	t.Parallel()
	schema, err := gojsonschema.NewSchema(gojsonschema.NewReferenceLoader("file://" + slashAbs(t, reportSchema)))
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "check", flawedExample, "--format", "json", "--as-of", asOf, "--fail-on", "none")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for name, edit := range map[string]func(map[string]any){
		"extra field":   func(d map[string]any) { d["surprise"] = 1 },
		"bad status":    func(d map[string]any) { d["rules"].([]any)[0].(map[string]any)["status"] = "maybe" },
		"bad digest":    func(d map[string]any) { d["documents"].([]any)[0].(map[string]any)["sha256"] = "abc" },
		"finding field": func(d map[string]any) { d["findings"].([]any)[0].(map[string]any)["level"] = "error" },
	} {
		var d map[string]any
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatal(err)
		}
		edit(d)
		res, err := schema.Validate(gojsonschema.NewGoLoader(d))
		if err != nil {
			t.Fatal(err)
		}
		if res.Valid() {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

// TestJSONSchemaVersion: the version the writer states is the one the
// schema describes.
func TestJSONSchemaVersion(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(reportSchema)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Definitions struct {
			SchemaVersion struct {
				Const string `json:"const"`
			} `json:"schema_version"`
		} `json:"definitions"`
		Description string `json:"description"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	if s.Definitions.SchemaVersion.Const != jsonreport.SchemaVersion || !strings.Contains(s.Description, "version "+jsonreport.SchemaVersion) {
		t.Errorf("schema describes version %q, the writer states %q", s.Definitions.SchemaVersion.Const, jsonreport.SchemaVersion)
	}
}

func slashAbs(t *testing.T, p string) string {
	t.Helper()
	return filepath.ToSlash(mustAbs(t, p))
}
