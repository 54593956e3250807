package sbom

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xeipuuv/gojsonschema"

	"github.com/annexlint/annexlint/internal/position"
)

// The oracle test checks the Problems against the official JSON schemas in
// the shared corpus, validated with gojsonschema: a schema-invalid SBOM must
// fail Parse with a positioned error or yield at least one Problem, and a
// schema-valid one must yield none. The schemas are read from the corpus at
// test time and never copied into the repository, which is why annexlint
// checks in Go at run time.

const schemaDir = corpusDir + "/schemas"

// oracleMisses are schema-invalid files that Parse loads without a Problem,
// with the reason. The test fails if one of them is caught after all, so the
// table stays true.
var oracleMisses = map[string]string{
	"sbom/cyclonedx-spec-testvectors/invalid-license-id-1.6.json": "licence id \"Apache-2\" is well-formed but not on the SPDX License List, " +
		"which annexlint does not embed (the schema's enum lives in spdx.schema.json, which must not be copied)",
}

// oracleStricter are schema-valid files that yield Problems because a check
// enforces what the specification says in words and a JSON schema cannot
// express. The test fails if one of them stops yielding Problems.
var oracleStricter = map[string]string{
	"sbom/fixtures-sbomqs-bsi/brokenTargetComponentDependencies.cdx16.json": "dependsOn names pkg:generic/nonexistent-lib@9.9.9, " +
		"which is no bom-ref of the BOM (CycloneDX: dependency refs reference a component or service by its bom-ref)",
	"sbom/fixtures-sbomqs-bsi/brokenSourceComponentDependencies.spdx23.json": "a relationship names SPDXRef-nonexistent-source, " +
		"which is no element of the document (SPDX: relationships are between elements)",
	"sbom/cyclonedx/sbomqs-signed.cdx.json": "the dependency ref is the component's purl, but the component has no bom-ref " +
		"(CycloneDX: dependency refs reference a component or service by its bom-ref)",
}

// rfc3339 is the "date-time" format of JSON Schema (RFC 3339 section 5.6).
// gojsonschema v1.2.0 also accepts a bare date or time as a date-time, which
// would call the official invalid-metadata-timestamp test vector valid; the
// oracle uses the standard's definition instead.
var rfc3339 = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$`)

type rfc3339Checker struct{}

func (rfc3339Checker) IsFormat(v any) bool {
	s, ok := v.(string)
	if !ok {
		return true // formats apply to strings only
	}
	if !rfc3339.MatchString(s) {
		return false
	}
	_, err := time.Parse(time.RFC3339Nano, strings.ToUpper(s))
	return err == nil
}

// oracleSchemas compiles the official schemas once per version.
type oracleSchemas struct {
	t     *testing.T
	cache map[string]*gojsonschema.Schema
}

func (o *oracleSchemas) get(kind, version string) *gojsonschema.Schema {
	key := kind + " " + version
	if s, ok := o.cache[key]; ok {
		return s
	}
	sl := gojsonschema.NewSchemaLoader()
	var main string
	if kind == "cyclonedx" {
		// The BOM schemas $ref these by relative id; added up front, the
		// refs resolve offline.
		for _, f := range []string{"spdx.schema.json", "jsf-0.82.schema.json", "cryptography-defs.schema.json"} {
			if err := sl.AddSchemas(gojsonschema.NewBytesLoader(readSchema(o.t, "cyclonedx/"+f))); err != nil {
				o.t.Fatalf("add %s: %v", f, err)
			}
		}
		main = "cyclonedx/bom-" + version + ".schema.json"
	} else {
		main = "spdx/spdx-" + version + ".schema.json"
	}
	s, err := sl.Compile(gojsonschema.NewBytesLoader(readSchema(o.t, main)))
	if err != nil {
		o.t.Fatalf("compile %s: %v", main, err)
	}
	o.cache[key] = s
	return s
}

func readSchema(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(schemaDir, name))
	if err != nil {
		t.Fatalf("read schema: %v", err)
	}
	return data
}

// oracleKind says which schema a corpus file claims, judging by its own
// members rather than by Detect: "" for anything that is not a CycloneDX or
// SPDX 2.2/2.3 JSON document. ok is false for text that is not JSON at all.
func oracleKind(data []byte) (doc any, kind, version string, ok bool) {
	if err := json.Unmarshal(stripBOM(data), &doc); err != nil {
		return nil, "", "", false
	}
	obj, _ := doc.(map[string]any)
	if v, isStr := obj["specVersion"].(string); isStr && obj["bomFormat"] != nil {
		return doc, "cyclonedx", v, true
	}
	switch obj["spdxVersion"] {
	case "SPDX-2.2":
		return doc, "spdx", "2.2", true
	case "SPDX-2.3":
		return doc, "spdx", "2.3", true
	}
	return doc, "", "", true
}

func TestSchemaOracle(t *testing.T) {
	t.Parallel() // the only test of the package that uses gojsonschema
	files := corpusFiles(t)
	if _, err := os.Stat(schemaDir); err != nil {
		t.Skipf("schemas not available at %s: %v", schemaDir, err)
	}
	gojsonschema.FormatCheckers.Add("date-time", rfc3339Checker{})
	schemas := &oracleSchemas{t: t, cache: map[string]*gojsonschema.Schema{}}
	var (
		rows                             []string
		valid, invalid, agreeV, agreeInv int
	)
	for _, path := range files {
		rel := filepath.ToSlash(strings.TrimPrefix(path, corpusDir+string(filepath.Separator)))
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		trimmed := bytes.TrimLeft(stripBOM(data), " \t\r\n")
		if len(trimmed) == 0 || trimmed[0] != '{' {
			continue // XML, tag-value, CSV, arrays: no JSON schema to ask
		}
		doc, kind, version, isJSON := oracleKind(data)
		schemaErrs, schemaNote := 0, ""
		switch {
		case !isJSON:
			schemaErrs, schemaNote = 1, "not JSON"
		case kind == "":
			continue // JSON that claims no SBOM format (TestCorpus covers it)
		default:
			if _, err := os.Stat(filepath.Join(schemaDir, schemaFile(kind, version))); err != nil {
				continue // a version without an official JSON schema here
			}
			res, err := schemas.get(kind, version).Validate(gojsonschema.NewGoLoader(doc))
			if err != nil {
				t.Fatalf("%s: validate: %v", rel, err)
			}
			schemaErrs = len(res.Errors())
			if schemaErrs > 0 {
				e := res.Errors()[0]
				schemaNote = shorten(e.Field() + ": " + e.Description())
			}
		}
		s, perr := Parse(rel, data)
		var ours string
		if perr == nil {
			ours = fmt.Sprintf("%d problems", len(s.Problems))
			if len(s.Problems) > 0 {
				ours += ", first: " + shorten(s.Problems[0].Msg)
			}
		} else {
			var pe *position.Error
			if !errors.As(perr, &pe) || pe.Msg == "" || strings.Contains(pe.Msg, recoveredPanic) {
				t.Errorf("%s: Parse error is not a clear positioned error: %v", rel, perr)
			}
			ours = "Parse error: " + shorten(perr.Error())
		}
		caught := perr != nil || len(s.Problems) > 0
		verdict := "agree"
		if schemaErrs > 0 {
			invalid++
			miss, listed := oracleMisses[rel]
			switch {
			case caught && listed:
				t.Errorf("%s is listed as a known miss (%s) but is caught now: remove it from oracleMisses", rel, miss)
			case caught:
				agreeInv++
			case listed:
				verdict = "KNOWN MISS"
			default:
				verdict = "MISSED"
				t.Errorf("%s: schema-invalid (%d errors, e.g. %s) but Parse loads it without a Problem", rel, schemaErrs, schemaNote)
			}
		} else {
			valid++
			why, listed := oracleStricter[rel]
			switch {
			case perr != nil:
				verdict = "REJECTED"
				t.Errorf("%s: schema-valid but Parse fails: %v", rel, perr)
			case caught && listed:
				verdict = "STRICTER"
			case caught:
				verdict = "FALSE ALARM"
				t.Errorf("%s: schema-valid but has Problems: %v", rel, s.Problems)
			case listed:
				t.Errorf("%s is listed as stricter than the schema (%s) but has no Problem now: remove it from oracleStricter", rel, why)
			default:
				agreeV++
			}
		}
		rows = append(rows, fmt.Sprintf("%-11s %-78s schema %4d errors %-60q ours %s", verdict, rel, schemaErrs, schemaNote, ours))
	}
	t.Logf("schema oracle, per file:\n%s\nvalid %d (no Problem: %d, stricter by design: %d); invalid %d (caught: %d, known misses: %d)",
		strings.Join(rows, "\n"), valid, agreeV, len(oracleStricter), invalid, agreeInv, len(oracleMisses))
}

func schemaFile(kind, version string) string {
	if kind == "cyclonedx" {
		return "cyclonedx/bom-" + version + ".schema.json"
	}
	return "spdx/spdx-" + version + ".schema.json"
}
