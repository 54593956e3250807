package scaletest_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/check"
	"github.com/annexlint/annexlint/internal/cli"
	"github.com/annexlint/annexlint/internal/scaletest"
)

var example = filepath.Join("..", "..", "examples", "infusion-pump")

// files lists the files under dir, slash-separated and sorted.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var list []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		list = append(list, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(list)
	return list
}

type manifest struct {
	Product struct {
		Framework string `yaml:"framework"`
	} `yaml:"product"`
	Documents []struct {
		Type string `yaml:"type"`
		Path string `yaml:"path"`
	} `yaml:"documents"`
	SupplyChain any `yaml:"supply_chain"`
}

func readManifest(t *testing.T, dir string) manifest {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "annexlint.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestMinimalBundle: the minimal bundle is the manifest and the SBOM alone,
// the manifest lists that SBOM only, the CRA edits still apply, and
// annexlint checks it (the bundle loads; the SBOM is read).
func TestMinimalBundle(t *testing.T) {
	sbomFile := filepath.Join("..", "..", "examples", "companion-app", "sbom", "vf-service-app.cdx.json")
	dir := filepath.Join(t.TempDir(), "b")
	if err := (scaletest.Bundle{SBOM: sbomFile, Framework: "CRA", Minimal: true}).Write(example, dir); err != nil {
		t.Fatal(err)
	}
	want := []string{"annexlint.yaml", "sbom/vf-service-app.cdx.json"}
	if got := files(t, dir); !slices.Equal(got, want) {
		t.Errorf("files %v, want %v", got, want)
	}
	m := readManifest(t, dir)
	if m.Product.Framework != "CRA" {
		t.Errorf("framework %q, want CRA", m.Product.Framework)
	}
	if len(m.Documents) != 1 || m.Documents[0].Type != "sbom" || m.Documents[0].Path != "sbom/vf-service-app.cdx.json" {
		t.Errorf("documents %+v, want the SBOM alone", m.Documents)
	}
	if m.SupplyChain != nil {
		t.Errorf("supply_chain kept (it names a file the minimal bundle does not have): %v", m.SupplyChain)
	}
	c, err := cli.NewChecker(context.Background(), nil, bundle.DefaultMaxFileSize)
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Run(context.Background(), dir, check.Options{AsOf: "2026-11-25"})
	if err != nil {
		t.Fatalf("annexlint does not check the minimal bundle: %v", err)
	}
	var types []string
	for _, d := range res.Documents {
		types = append(types, d.Type)
	}
	if !slices.Contains(types, "sbom") {
		t.Errorf("the SBOM was not read; documents %v", types)
	}
}

// TestMinimalBundleWithScan: the generated SBOM and scan are the bundle's
// only documents.
func TestMinimalBundleWithScan(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "b")
	if err := (scaletest.Bundle{Components: 20, Matches: 5, Framework: "MDR", Minimal: true}).Write(example, dir); err != nil {
		t.Fatal(err)
	}
	want := []string{"annexlint.yaml", "sbom/vf300-firmware.cdx.json", "scans/fw.grype.json"}
	if got := files(t, dir); !slices.Equal(got, want) {
		t.Errorf("files %v, want %v", got, want)
	}
	m := readManifest(t, dir)
	var paths []string
	for _, d := range m.Documents {
		paths = append(paths, d.Path)
	}
	slices.Sort(paths)
	if !slices.Equal(paths, want[1:]) {
		t.Errorf("documents %v, want %v", paths, want[1:])
	}
	if m.Product.Framework != "MDR" {
		t.Errorf("framework %q, want MDR", m.Product.Framework)
	}
}

// TestFullBundleReplacesSBOM: without Minimal the example's documents stay,
// and the SBOM file given replaces the example's, which is gone.
func TestFullBundleReplacesSBOM(t *testing.T) {
	sbomFile := filepath.Join(t.TempDir(), "tiny.cdx.json")
	data, err := scaletest.JSON(scaletest.CycloneDX(3))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(sbomFile, data, 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "b")
	if err := (scaletest.Bundle{SBOM: sbomFile, Framework: "MDR"}).Write(example, dir); err != nil {
		t.Fatal(err)
	}
	got := files(t, dir)
	if slices.Contains(got, "sbom/vf300-firmware.cdx.json") || !slices.Contains(got, "sbom/tiny.cdx.json") {
		t.Errorf("files %v: want sbom/tiny.cdx.json in place of sbom/vf300-firmware.cdx.json", got)
	}
	if len(got) != len(files(t, example)) {
		t.Errorf("%d files, want the example's %d", len(got), len(files(t, example)))
	}
	m := readManifest(t, dir)
	if m.SupplyChain == nil {
		t.Error("the full bundle lost the manifest's supply_chain block")
	}
	listed := false
	for _, d := range m.Documents {
		listed = listed || d.Path == "sbom/tiny.cdx.json"
	}
	if !listed || len(m.Documents) < 10 {
		t.Errorf("documents %+v: want the example's, with sbom/tiny.cdx.json", m.Documents)
	}
}

// TestMinimalRefusesUnknownManifest: a manifest that does not list the SBOM
// the generator replaces is refused, not turned into an empty bundle.
func TestMinimalRefusesUnknownManifest(t *testing.T) {
	ex := t.TempDir()
	if err := os.WriteFile(filepath.Join(ex, "annexlint.yaml"), []byte("apiVersion: annexlint/v1\nkind: bundle\ndocuments: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := (scaletest.Bundle{Components: 2, Minimal: true}).Write(ex, filepath.Join(t.TempDir(), "b"))
	if err == nil || !strings.Contains(err.Error(), "update internal/scaletest") {
		t.Errorf("err = %v, want a refusal naming internal/scaletest", err)
	}
}
