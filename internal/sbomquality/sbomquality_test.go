package sbomquality

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const (
	corpusDir    = "../../../shared/corpus/sbom"
	referenceDir = "../../../shared/reference"
	docPath      = "../../docs/sbom-checks.md"
)

var (
	checkerOnce sync.Once
	checker     *Checker
	checkerErr  error

	corpusOnce    sync.Once
	corpusResults []FileResult
	corpusErr     error
)

func sharedChecker(t *testing.T) *Checker {
	t.Helper()
	checkerOnce.Do(func() { checker, checkerErr = New(context.Background()) })
	if checkerErr != nil {
		t.Fatal(checkerErr)
	}
	return checker
}

// corpus measures the corpus once for all tests of the package.
func corpus(t *testing.T) []FileResult {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("SBOM corpus not available at %s: %v", corpusDir, err)
	}
	c := sharedChecker(t)
	corpusOnce.Do(func() { corpusResults, corpusErr = c.MeasureDir(context.Background(), corpusDir) })
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return corpusResults
}

func result(t *testing.T, file string) FileResult {
	t.Helper()
	for _, r := range corpus(t) {
		if r.File == file {
			return r
		}
	}
	t.Fatalf("%s not in the corpus", file)
	return FileResult{}
}

// TestDocMatchesCorpus is the drift check: docs/sbom-checks.md must show
// what the rules find in the corpus today. When a rule or the parser changes
// on purpose, regenerate the section and review its diff:
//
//	go run ./internal/sbomquality/cmd/sbomchecks -w
func TestDocMatchesCorpus(t *testing.T) {
	t.Parallel()
	want := Markdown(corpus(t))
	doc, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Section(string(doc))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(strings.Split(got, "\n"), strings.Split(want, "\n")); diff != "" {
		t.Errorf("docs/sbom-checks.md disagrees with the corpus (-doc +computed); if the change is intended, run "+
			"`go run ./internal/sbomquality/cmd/sbomchecks -w` from the repository root and review the diff:\n%s", diff)
	}
}

// TestHandChecked pins the figures checked by hand against the raw files
// (docs/sbom-checks.md, "Checked by hand"), so that a change to them is seen
// here first, with the file and the element named.
func TestHandChecked(t *testing.T) {
	t.Parallel()
	type want struct {
		components int
		counts     map[string]int      // Missing key -> number of components
		pointers   map[string][]string // Missing key -> exact pointers
	}
	for file, w := range map[string]want{
		"cyclonedx/juice-shop-npm-flat.cdx-1.4.json": {components: 1116, counts: map[string]int{
			minimum + "supplier": 140, bsiFields + "licence": 9, placement + "dependency": 0, bsiFields + "dependencies": 0,
		}, pointers: map[string][]string{
			bsiFields + "hash": {"/primary"}, authorTS + "author": {""}, authorTS + "timestamp": {""},
		}},
		"cyclonedx/medical-pl-dicom_anonymize-1.1.0.cdx-1.6.json": {components: 5, counts: map[string]int{
			minimum + "supplier": 5, placement + "dependency": 0,
		}, pointers: map[string][]string{
			topLevel + "dependency": {"/primary"}, bsiFields + "licence": {"/components/3", "/primary"},
			bsiFields + "dependencies": {"/primary"}, authorTS + "author": {""},
		}},
		"cyclonedx/elixir.cdx-1.4.xml": {components: 585, counts: map[string]int{
			placement + "dependency": 584, topLevel + "dependency": 1, minimum + "identifier": 2,
			bsiFields + "licence": 154, minimum + "supplier": 1, authorTS + "author": 0,
		}},
		"spdx/k8s-1.25.4-release.spdx-2.3.spdx": {components: 130, counts: map[string]int{
			minimum + "version": 130, bsiFields + "licence": 130, bsiFields + "dependencies": 105,
			bsiFields + "filename": 0, bsiFields + "hash": 0, placement + "dependency": 0,
		}},
		"spdx/grype-0.32.0.spdx-2.2.json": {components: 1160, counts: map[string]int{
			minimum + "supplier": 1157, placement + "dependency": 1160, bsiFields + "filename": 1160, bsiFields + "licence": 1159, // 1158 NONE, 1 NOASSERTION
		}, pointers: map[string][]string{topLevel + "primary": {""}}},
		"fixtures-sbomqs-bsi/validFullyCompliantBsiV11.spdx23.json": {components: 2, counts: map[string]int{
			minimum + "supplier": 0, minimum + "identifier": 0, placement + "dependency": 0,
			bsiFields + "filename": 2, bsiFields + "hash": 2, bsiFields + "dependencies": 1, bsiFields + "licence": 0,
		}, pointers: map[string][]string{bsiFormat + "format": {""}}},
	} {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			r := result(t, file)
			if r.Err != "" || r.Components != w.components {
				t.Fatalf("loaded %d components (error %q), want %d", r.Components, r.Err, w.components)
			}
			for key, n := range w.counts {
				if got := len(r.Missing[key]); got != n {
					t.Errorf("%s: %d components lack it, want %d", key, got, n)
				}
			}
			for key, ptrs := range w.pointers {
				if diff := cmp.Diff(ptrs, r.Missing[key]); diff != "" {
					t.Errorf("%s (-want +got):\n%s", key, diff)
				}
			}
		})
	}
}

// TestMeasureFixture checks Measure on a small SBOM whose gaps are known:
// littlefs is nested in zephyr (placed, but with no dependency entry of its
// own), tinycbor lacks supplier, version and SHA-512 and sits outside the graph.
func TestMeasureFixture(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("testdata", "gaps.cdx.json"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := sharedChecker(t).Measure(context.Background(), "sbom/gaps.cdx.json", data)
	if err != nil {
		t.Fatal(err)
	}
	want := FileResult{File: "sbom/gaps.cdx.json", Format: "cyclonedx-json", Version: "1.6", Components: 4, Primary: true,
		Missing: map[string][]string{
			minimum + "supplier":       {"/components/2"},
			minimum + "version":        {"/components/2"},
			placement + "dependency":   {"/components/2"},
			bsiFields + "filename":     {"/components/2", "/primary"},
			bsiFields + "dependencies": {"/components/1", "/components/2"},
			bsiFields + "licence":      {"/components/1"},
			bsiFields + "hash":         {"/components/2"},
			bsiFields + "executable":   {"/components/2"},
			bsiFields + "archive":      {"/components/2"},
			bsiFields + "structured":   {"/components/2"},
			support + "support_level":  {"/components/2"},
			support + "end_of_support": {"/components/1", "/components/2"},
		}}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("Measure (-want +got):\n%s", diff)
	}

	md := Markdown([]FileResult{r, {File: "notes.txt", Err: "not an SBOM"}})
	for _, row := range []string{
		"2 files: 1 loaded, 1 not loaded.",
		"| sbom/gaps.cdx.json | cyclonedx-json 1.6 | 4 | 1 | 0 | 1 | 0 | 1 | ok | ok | ok |",
		"| sbom/gaps.cdx.json | cyclonedx-json 1.6 | 4 | ok | ok | ok | 1 | 0 | 1 | 2 | 2 | 1 | 1 | 1 | 1 | 1 |",
		"| sbom/gaps.cdx.json | cyclonedx-json 1.6 | 3 | 1 | 2 |",
		"| **all 1 files** | | 3 | 1 (33%) | 2 (67%) |",
		"| notes.txt | not an SBOM |",
	} {
		if !strings.Contains(md, row+"\n") {
			t.Errorf("Markdown lacks the line %q:\n%s", row, md)
		}
	}
}

func TestMeasureRefusedFile(t *testing.T) {
	t.Parallel()
	r, err := sharedChecker(t).Measure(context.Background(), "x.csv", []byte("a,b\n1,2\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Err, "not a CycloneDX or SPDX document") || len(r.Missing) != 0 {
		t.Errorf("got %+v, want a refusal", r)
	}
}

func TestSplice(t *testing.T) {
	t.Parallel()
	doc := "# Title\n\n" + BeginMarker + "\nold\n" + EndMarker + "\n\nafter\n"
	out, err := Splice(doc, "new\n")
	if err != nil {
		t.Fatal(err)
	}
	if want := "# Title\n\n" + BeginMarker + "\nnew\n" + EndMarker + "\n\nafter\n"; out != want {
		t.Errorf("Splice = %q, want %q", out, want)
	}
	if body, err := Section(out); err != nil || body != "new\n" {
		t.Errorf("Section = %q, %v", body, err)
	}
	if _, err := Splice("no markers", "x"); err == nil {
		t.Error("Splice accepted a document without markers")
	}
}
