// Package scaletest builds the synthetic bundles of annexlint's scale
// benchmarks: a real example bundle whose SBOM is replaced by a generated
// CycloneDX 1.6 SBOM of any size and, optionally, a Grype scan of it. The
// benchmarks live in internal/check (whole runs) and internal/sbomquality
// (one SBOM rule at a time); docs/performance.md records their figures.
package scaletest

import (
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Bundle is a synthetic bundle: an example bundle (examples/infusion-pump)
// with its SBOM replaced by one of Components components and, when
// Matches > 0, a Grype scan of that many matches added.
type Bundle struct {
	Components int
	Matches    int
	Framework  string // MDR (the example's) runs the FDA rule, CRA the BSI rules
	// SBOM, when set, is an existing SBOM file (e.g. one of the corpus)
	// copied into the bundle in place of the generated one; Components is
	// then ignored.
	SBOM string
	// Minimal, when set, leaves out the example's other documents (risk
	// file, plans, its scan and VEX...): the bundle is the manifest, with
	// the product block and only the generated documents listed, and those
	// documents. It isolates the SBOM's cost from the rest of a real bundle.
	Minimal bool
}

// Write builds the bundle in dir from the example bundle in example.
func (s Bundle) Write(example, dir string) error {
	manifest, err := os.ReadFile(filepath.Join(example, "annexlint.yaml"))
	if err != nil {
		return err
	}
	m := string(manifest)
	// The edits below assume the example's manifest; refuse rather than
	// benchmark a bundle that silently lacks the generated documents.
	if !strings.Contains(m, "path: "+sbomPath) {
		return fmt.Errorf("%s/annexlint.yaml no longer lists %s; update internal/scaletest", example, sbomPath)
	}
	if s.Framework == "CRA" {
		if !strings.Contains(m, "framework: MDR") || !strings.Contains(m, "classification: IIb") {
			return fmt.Errorf("%s/annexlint.yaml no longer says framework: MDR, classification: IIb; update internal/scaletest", example)
		}
		m = strings.Replace(m, "framework: MDR", "framework: CRA", 1)
		m = strings.Replace(m, "classification: IIb", "classification: default", 1)
		// A CRA product placed before 2027-12-11 is a legacy product outside
		// the product requirements (CRA Art. 69(2)); the scale bundle stands
		// for one placed after, so every CRA rule runs.
		m = strings.Replace(m, `placed_on_market: "2026-03-02"`, `placed_on_market: "2028-03-02"`, 1)
	}
	// files are the documents written here, by bundle path; the manifest
	// lists them whatever else it lists.
	files := map[string]func(path string) error{}
	if s.Matches > 0 {
		if !strings.Contains(m, "\ndocuments:\n") {
			return fmt.Errorf("%s/annexlint.yaml has no top-level documents list; update internal/scaletest", example)
		}
		// The entry opens the documents list, wherever the list stands in the
		// manifest (other top-level blocks may follow it).
		m = strings.Replace(m, "\ndocuments:\n", "\ndocuments:\n  - id: scan\n    type: vulnerability-scan\n    path: "+scanPath+"\n", 1)
		files[scanPath] = func(path string) error { return writeJSON(path, Grype(s.Components, s.Matches)) }
	}
	if s.SBOM != "" {
		data, err := os.ReadFile(s.SBOM)
		if err != nil {
			return err
		}
		name := "sbom/" + filepath.Base(s.SBOM)
		m = strings.Replace(m, "path: "+sbomPath, "path: "+name, 1)
		files[name] = func(path string) error { return writeFile(path, data) }
	} else {
		files[sbomPath] = func(path string) error { return writeJSON(path, CycloneDX(s.Components)) }
	}
	if s.Minimal {
		if m, err = minimalManifest(m, files); err != nil {
			return fmt.Errorf("%s/annexlint.yaml: %w; update internal/scaletest", example, err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	} else {
		if err := copyTree(example, dir); err != nil {
			return err
		}
		// The example's own SBOM is replaced, not kept beside the new one.
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(sbomPath))); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "annexlint.yaml"), []byte(m), 0o644); err != nil {
		return err
	}
	for name, write := range files {
		if err := write(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			return err
		}
	}
	return nil
}

// minimalManifest keeps of the manifest m what a bundle of the written
// documents alone needs: apiVersion, kind, the product block and the
// documents entries whose path is one of files. The other top-level blocks
// (design and manufacturing, supply chain) go, since some name files of the
// example that a minimal bundle does not have.
func minimalManifest(m string, files map[string]func(string) error) (string, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(m), &doc); err != nil {
		return "", err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return "", errors.New("not a YAML mapping")
	}
	root := doc.Content[0]
	var kept []*yaml.Node
	listed := 0
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, value := root.Content[i], root.Content[i+1]
		switch key.Value {
		case "apiVersion", "kind", "product":
		case "documents":
			if value.Kind != yaml.SequenceNode {
				return "", errors.New("documents is not a list")
			}
			var entries []*yaml.Node
			for _, entry := range value.Content {
				if _, ok := files[mappingValue(entry, "path")]; ok {
					entries = append(entries, entry)
				}
			}
			listed = len(entries)
			value.Content = entries
		default:
			continue
		}
		kept = append(kept, key, value)
	}
	if listed != len(files) {
		return "", fmt.Errorf("lists %d of the %d generated documents", listed, len(files))
	}
	root.Content = kept
	var b strings.Builder
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	return "# The minimal bundle of internal/scaletest: the example's manifest with only the generated documents.\n" + b.String(), nil
}

// mappingValue is the scalar value of key in the mapping node n, or "".
func mappingValue(n *yaml.Node, key string) string {
	if n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1].Value
		}
	}
	return ""
}

// sbomPath is where the example keeps the SBOM the generated one replaces;
// scanPath is where the generated scan goes.
const (
	sbomPath = "sbom/vf300-firmware.cdx.json"
	scanPath = "scans/fw.grype.json"
)

// Ref is the bom-ref and purl of component i.
func Ref(i int) string { return fmt.Sprintf("pkg:generic/acme/lib%d@1.%d.0", i, i%10) }

func hash(i int) string {
	sum := sha512.Sum512([]byte(Ref(i)))
	return hex.EncodeToString(sum[:])
}

// CycloneDX is a CycloneDX 1.6 SBOM of n components as a build-time
// generator writes it: every component with supplier, purl, SHA-512, licence
// and the BSI and support properties, and a dependency tree in which each
// component has its own entry; except that every tenth component lacks its
// supplier and hash, so that the rules also produce findings (n/10 each from
// AL-SBOM-003 and AL-SBOM-007).
func CycloneDX(n int) map[string]any {
	primary := "pkg:generic/vitaflo/vf300-firmware@3.2.0"
	components := make([]any, n)
	deps := make([]any, 0, n+1)
	var top []string
	for i := range n {
		c := map[string]any{
			"type": "library", "bom-ref": Ref(i), "name": fmt.Sprintf("lib%d", i), "version": fmt.Sprintf("1.%d.0", i%10),
			"supplier": map[string]any{"name": fmt.Sprintf("Supplier %d", i%97)},
			"purl":     Ref(i),
			"hashes":   []any{map[string]any{"alg": "SHA-512", "content": hash(i)}},
			"licenses": []any{map[string]any{"license": map[string]any{"id": "MIT"}}},
			"properties": []any{
				map[string]any{"name": "bsi:component:filename", "value": fmt.Sprintf("lib%d.a", i)},
				map[string]any{"name": "bsi:component:executable", "value": "executable"},
				map[string]any{"name": "bsi:component:archive", "value": "no archive"},
				map[string]any{"name": "bsi:component:structured", "value": "structured"},
				map[string]any{"name": "support-level", "value": "community, maintained"},
				map[string]any{"name": "end-of-support", "value": "2034-12-31"},
			},
		}
		if i%10 == 9 {
			delete(c, "supplier")
			delete(c, "hashes")
		}
		components[i] = c
		var on []string
		for _, j := range []int{2*i + 1, 2*i + 2} {
			if j < n {
				on = append(on, Ref(j))
			}
		}
		deps = append(deps, map[string]any{"ref": Ref(i), "dependsOn": nonNil(on)})
		if i < 2 {
			top = append(top, Ref(i))
		}
	}
	deps = append(deps, map[string]any{"ref": primary, "dependsOn": nonNil(top)})
	return map[string]any{
		"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
		"serialNumber": "urn:uuid:6f1c2f4e-8a53-4f0e-9d3e-2b7a4c9e1d10",
		"metadata": map[string]any{
			"timestamp": "2026-02-20T08:30:00Z",
			"authors":   []any{map[string]any{"name": "Vitaflo Medical GmbH", "email": "release@vitaflo-medical.example"}},
			"component": map[string]any{
				"type": "firmware", "bom-ref": primary, "name": "vf300-firmware", "version": "3.2.0",
				"supplier": map[string]any{"name": "Vitaflo Medical GmbH"}, "purl": primary,
				"hashes":   []any{map[string]any{"alg": "SHA-512", "content": hash(-1)}},
				"licenses": []any{map[string]any{"license": map[string]any{"name": "Vitaflo proprietary licence"}}},
				"properties": []any{
					map[string]any{"name": "bsi:component:filename", "value": "vf300.bin"},
					map[string]any{"name": "bsi:component:executable", "value": "executable"},
					map[string]any{"name": "bsi:component:archive", "value": "no archive"},
					map[string]any{"name": "bsi:component:structured", "value": "structured"},
				},
			},
		},
		"components":   components,
		"dependencies": deps,
		"compositions": []any{map[string]any{"aggregate": "complete", "assemblies": []string{primary}}},
	}
}

// Grype is a Grype JSON report of matches matches that name components of
// the SBOM of CycloneDX(components) by purl, spread over the tree.
func Grype(components, matches int) map[string]any {
	severities := []string{"Critical", "High", "Medium", "Low", "Negligible"}
	list := make([]any, matches)
	for i := range matches {
		c := (i * 7) % max(components, 1)
		list[i] = map[string]any{
			"vulnerability": map[string]any{
				"id": fmt.Sprintf("CVE-2025-%d", 10000+i), "severity": severities[i%len(severities)],
				"cvss": []any{map[string]any{"source": "nvd", "version": "3.1",
					"vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "metrics": map[string]any{"baseScore": 9.8}}},
				"fix": map[string]any{"versions": []string{fmt.Sprintf("1.%d.1", c%10)}, "state": "fixed"},
			},
			"relatedVulnerabilities": []any{},
			"matchDetails":           []any{map[string]any{"type": "exact-direct-match", "matcher": "stock-matcher"}},
			"artifact": map[string]any{
				"name": fmt.Sprintf("lib%d", c), "version": fmt.Sprintf("1.%d.0", c%10), "type": "binary",
				"purl": Ref(c), "cpes": []string{}, "locations": []any{map[string]any{"path": fmt.Sprintf("/lib/lib%d.a", c)}},
			},
		}
	}
	return map[string]any{
		"matches":    list,
		"source":     map[string]any{"type": "sbom", "target": sbomPath},
		"distro":     map[string]any{},
		"descriptor": map[string]any{"name": "grype", "version": "0.87.0", "timestamp": "2026-11-20T10:00:00Z"},
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// JSON marshals v as the generators write SBOMs: indented by two spaces.
func JSON(v any) ([]byte, error) { return json.MarshalIndent(v, "", "  ") }

func writeJSON(path string, v any) error {
	data, err := JSON(v)
	if err != nil {
		return err
	}
	return writeFile(path, data)
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
