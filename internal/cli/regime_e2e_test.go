package cli_test

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestExampleRegimes checks the regime decision each example exists to show:
// what the product is in law and which instruments are its legal basis on
// the example's date. The expectations are written from docs/regime.md.
func TestExampleRegimes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		example, asOf, qualification string
		basis                        []string
	}{
		{"infusion-pump", "2026-11-25", "medical-device", []string{"FD&C Act 524B", "MDR", "MDR post-market surveillance and vigilance"}},
		{"empty-mdr-class-iii", "2026-11-25", "medical-device", []string{"MDR", "MDR post-market surveillance and vigilance"}},
		{"empty-ivdr-class-c", "2026-11-25", "in-vitro-diagnostic", []string{"IVDR"}},
		// a legacy CRA product in 2026: Art. 14 reporting and NIS2 only
		{"companion-app", "2026-11-25", "product-with-digital-elements", []string{"CRA reporting", "NIS2 the manufacturer as an entity"}},
		// the same product substantially modified in 2028: everything
		{"companion-app-modified", "2028-06-01", "product-with-digital-elements", []string{"CRA product requirements", "CRA reporting", "NIS2 the manufacturer as an entity"}},
		{"empty-cra-critical", "2028-06-01", "product-with-digital-elements", []string{"CRA product requirements", "CRA reporting", "NIS2 the manufacturer as an entity"}},
		// a prototype at a trade fair: no CRA obligation, NIS2 for the company
		{"prototype-dashboard", "2026-11-25", "prototype", []string{"NIS2 the manufacturer as an entity"}},
		// the same prototype shown after the CRA applies: the conditions of Art. 4(2) are a legal basis
		{"prototype-dashboard-flawed", "2028-11-12", "prototype", []string{"CRA conditions for prototypes", "NIS2 the manufacturer as an entity"}},
	} {
		t.Run(tc.example, func(t *testing.T) {
			t.Parallel()
			out, errOut, code := run(t, "check", filepath.Join("..", "..", "examples", tc.example), "--format", "json", "--as-of", tc.asOf, "--fail-on", "none")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var rep struct {
				Regime struct {
					Qualification string `json:"qualification"`
					Instruments   []struct {
						Instrument, Part, Role string
					} `json:"instruments"`
				} `json:"regime"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			if rep.Regime.Qualification != tc.qualification {
				t.Errorf("qualification = %q, want %q", rep.Regime.Qualification, tc.qualification)
			}
			var basis []string
			for _, in := range rep.Regime.Instruments {
				if in.Role == "legal-basis" {
					name := in.Instrument
					if in.Part != "" {
						name += " " + strings.SplitN(in.Part, " (", 2)[0]
					}
					basis = append(basis, name)
				}
			}
			slices.Sort(basis)
			if diff := cmp.Diff(tc.basis, basis); diff != "" {
				t.Errorf("legal bases (-want +got):\n%s", diff)
			}
		})
	}
}

// TestManifestClassMustFitFramework: a CRA category on an MDR device, or an
// MDR class on a CRA product, is an error at the classification, whatever
// law governs the product (the regime decision rests on the manifest).
func TestManifestClassMustFitFramework(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ example, from, to string }{
		{"companion-app", "classification: default", "classification: IIb"},
		{"infusion-pump", "classification: IIb", "classification: critical"},
	} {
		t.Run(tc.example, func(t *testing.T) {
			t.Parallel()
			dir := copyBundle(t, filepath.Join("..", "..", "examples", tc.example))
			replaceIn(t, filepath.Join(dir, "annexlint.yaml"), tc.from, tc.to)
			out, _, code := run(t, "check", dir, "--as-of", "2026-11-25")
			if code != 1 || !strings.Contains(out, "error AL-SCHEMA-001: annexlint.yaml does not match the manifest schema: product.classification: must be one of") {
				t.Errorf("exit %d, output:\n%s", code, out)
			}
			if !strings.Contains(out, "manifest problem: classification") {
				t.Errorf("the regime header does not name the problem:\n%s", out)
			}
		})
	}
}

// TestHollowBundles is the promise annexlint exists for: a well-formed but
// empty bundle never passes. Every obligation that applies ends as a failure
// or as insufficient evidence, no rule passes (the schema rule aside: the
// documents are well-formed), and the run fails with --fail-on error.
func TestHollowBundles(t *testing.T) {
	t.Parallel()
	dirs, _ := filepath.Glob(filepath.Join("..", "..", "examples", "empty-*"))
	if len(dirs) < 5 {
		t.Fatalf("want the five hollow example bundles, found %d", len(dirs))
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			_, date := expected(t, dir)
			out, errOut, code := run(t, "check", dir, "--format", "json", "--as-of", date, "--fail-on", "error")
			if code != 1 {
				t.Fatalf("exit %d, want 1: %s", code, errOut)
			}
			var rep struct {
				Obligations []struct{ ID, Status string } `json:"obligations"`
				Rules       []struct{ ID, Status string } `json:"rules"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			applicable := 0
			for _, o := range rep.Obligations {
				switch o.Status {
				case "pass":
					t.Errorf("obligation %s passes on a hollow bundle", o.ID)
				case "fail", "insufficient-evidence":
					applicable++
				}
			}
			if applicable < 20 {
				t.Errorf("only %d obligations apply; the hollow bundle should face its regime's obligations", applicable)
			}
			for _, r := range rep.Rules {
				if r.Status == "pass" && r.ID != "AL-SCHEMA-001" {
					t.Errorf("rule %s passes on a hollow bundle", r.ID)
				}
			}
		})
	}
}
