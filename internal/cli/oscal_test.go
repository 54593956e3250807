package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"
)

// TestExamplesOSCAL validates each example's OSCAL output, and that of the
// two bundles in one run, against NIST's official assessment-results schema,
// and checks the output is byte-identical across runs and claims nothing
// satisfied in a bundle with findings beyond what passed.
func TestExamplesOSCAL(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("..", "report", "oscal", "testdata", "oscal_assessment-results_schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	schema, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(data))
	if err != nil {
		t.Fatalf("the official OSCAL schema does not compile: %v", err)
	}
	validate := func(t *testing.T, out string) {
		t.Helper()
		res, err := schema.Validate(gojsonschema.NewStringLoader(out))
		if err != nil {
			t.Fatalf("validate: %v", err)
		}
		for _, e := range res.Errors() {
			t.Errorf("not valid OSCAL: %s", e)
		}
	}
	dirs := append(examples(t), filepath.Join("..", "..", "docs", "security"))
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			want, date := expected(t, dir)
			args := []string{"check", dir, "--format", "oscal", "--as-of", date, "--fail-on", "none"}
			out, errOut, code := run(t, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			validate(t, out)
			if again, _, _ := run(t, args...); again != out {
				t.Error("two runs give different OSCAL documents")
			}
			var doc struct {
				AR struct {
					Results []struct {
						Findings []struct {
							Target struct {
								Status struct{ State string } `json:"status"`
							} `json:"target"`
						} `json:"findings"`
					} `json:"results"`
				} `json:"assessment-results"`
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			notSatisfied := 0
			for _, f := range doc.AR.Results[0].Findings {
				if f.Target.Status.State == "not-satisfied" {
					notSatisfied++
				}
			}
			if (len(want) == 0) != (notSatisfied == 0) {
				t.Errorf("%d expected findings but %d not-satisfied targets", len(want), notSatisfied)
			}
		})
	}
	twoBundles := map[string]func() []string{
		"in the repository": func() []string { return []string{cleanExample, flawedExample} },
		// outside any repository the product alone names a bundle
		"outside a repository": func() []string { return []string{copyBundle(t, cleanExample), copyBundle(t, flawedExample)} },
	}
	for name, dirs := range twoBundles {
		t.Run("two bundles of one product "+name, func(t *testing.T) {
			t.Parallel()
			twoBundlesOSCAL(t, validate, dirs())
		})
	}
}

// twoBundlesOSCAL checks one run over two bundles: one valid document, one
// result per bundle, no UUID used twice.
func twoBundlesOSCAL(t *testing.T, validate func(*testing.T, string), dirs []string) {
	out, errOut, code := run(t, append(append([]string{"check"}, dirs...), "--format", "oscal", "--as-of", asOf, "--fail-on", "none")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	validate(t, out)
	if n := strings.Count(out, `"reviewed-controls"`); n != 2 {
		t.Errorf("%d results, want one per bundle", n)
	}
	// The two bundles hold the same product: their UUIDs must still differ.
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(`"uuid": "([0-9a-f-]{36})"`).FindAllStringSubmatch(out, -1) {
		if seen[m[1]] {
			t.Errorf("UUID %s is used twice", m[1])
		}
		seen[m[1]] = true
	}
}
