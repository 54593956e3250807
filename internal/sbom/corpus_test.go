package sbom

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/annexlint/annexlint/internal/position"
)

const corpusDir = "../../../shared/corpus"

// corpusOutcome is what a corpus file must give: a format and a component
// count (components plus the primary for SPDX, components only for CycloneDX,
// as the corpus README counts them; -1 = any), or an error with this text.
type corpusOutcome struct {
	format  Format
	version string
	count   int
	err     string
}

// corpusExpect pins the files whose outcome is a decision or a trap; every
// other file must simply load. Counts are the corpus README's figures.
var corpusExpect = map[string]corpusOutcome{
	// Not SBOMs: rejected by content, whatever the name says.
	"sbom/bom-shelter-cyclonedx-metadata.csv":                    {err: notSBOM + "content is not JSON, XML or SPDX tag-value"},
	"sbom/bom-shelter-spdx-metadata.csv":                         {err: notSBOM + "content is not JSON, XML or SPDX tag-value"},
	"sbom/cyclonedx/MISLABELLED-bashrc2-epicyon-scanoss.json":    {err: notSBOM + `the JSON object has neither "bomFormat"`},
	"sbom/cyclonedx/MISLABELLED-scanoss-py-sbom.json":            {err: notSBOM + "the JSON top level is an array"},
	"sbom/cyclonedx/alpine.cdx.att.json":                         {err: notSBOM + "this is a DSSE envelope"},
	"sbom/cyclonedx-spec-testvectors/invalid-bomformat-1.6.json": {err: notSBOM + `bomFormat is "AnotherFormat"`},
	// Broken or unsupported.
	"sbom/spdx/INVALID-powershell-psreadline-2.2.6.spdx.json": {err: "2765:1: parse SPDX JSON: invalid JSON: invalid character 'C' after top-level value"},
	"sbom/cyclonedx/laravel-7.12.0.cdx-1.1.xml":               {err: "unsupported version: CycloneDX 1.1 (XML)"},
	"sbom/spdx/usbutils.spdx-2.1.spdx":                        {err: "unsupported version: SPDX-2.1 (tag-value)"},
	"sbom/spdx/spdx-examples-example7-bin.spdx-3.0.json":      {err: "unsupported version: SPDX 3.0.1 (JSON-LD)"},
	"sbom/spdx/spdx-examples-rust-hello-server.spdx-3.0.json": {err: "unsupported version: SPDX 3.0.1 (JSON-LD)"},
	// Mislabelled but real SBOMs: content wins.
	"sbom/spdx/MISLABELLED-grype-sbom-modified.spdx.json": {FormatSPDXTagValue, "2.2", 1160, ""},
	"sbom/spdx/MISLABELLED-jx-darwin-arm64.tar.gz.sbom":   {FormatSPDXJSON, "2.2", 84, ""},
	"sbom/spdx/cbor.spdx-2.2-cr-line-endings.spdx":        {FormatSPDXTagValue, "2.2", 1, ""},
	// Sizes and formats worth pinning.
	"sbom/cyclonedx/dropwizard-1.3.15.cdx-1.2.json":   {FormatCycloneDXJSON, "1.2", 167, ""},
	"sbom/cyclonedx/dropwizard-1.3.15.cdx-1.2.xml":    {FormatCycloneDXXML, "1.2", 167, ""},
	"sbom/cyclonedx/elixir.cdx-1.4.xml":               {FormatCycloneDXXML, "1.4", 584, ""},
	"sbom/cyclonedx/juice-shop-npm-flat.cdx-1.4.json": {FormatCycloneDXJSON, "1.4", 1115, ""},
	"sbom/cyclonedx/keycloak-10.0.2.cdx-1.2.json":     {FormatCycloneDXJSON, "1.2", 903, ""},
	// 705 nested under components plus 109 under metadata.component.
	"sbom/cyclonedx/harp-0.2.10.cdx-1.4.json":            {FormatCycloneDXJSON, "1.4", 814, ""},
	"sbom/cyclonedx/trivy-fluentd.cdx-1.7.json":          {FormatCycloneDXJSON, "1.7", 161, ""},
	"sbom/cyclonedx/saasbom-apigateway.cdx-1.4.json":     {FormatCycloneDXJSON, "1.4", 0, ""},
	"sbom/cyclonedx-spec-testvectors/valid-bom-1.7.json": {FormatCycloneDXJSON, "1.7", 3, ""},
	"sbom/spdx/istio-release.spdx-2.2.spdx":              {FormatSPDXTagValue, "2.2", 3461, ""},
	"sbom/spdx/k8s-1.25.4-release.spdx-2.3.spdx":         {FormatSPDXTagValue, "2.3", 130, ""},
	"sbom/spdx/constellation-2.2.2.spdx-2.2.json":        {FormatSPDXJSON, "2.2", 1303, ""},
	// syft writes untyped originators ("Name <mail>"); loaded, not rejected.
	"sbom/spdx/grype-0.32.0.spdx-2.2.json":        {FormatSPDXJSON, "2.2", 1160, ""},
	"sbom/spdx/microsoft-sbom-tool.spdx-2.2.json": {FormatSPDXJSON, "2.2", 123, ""},
}

func corpusFiles(t *testing.T) []string {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not available at %s: %v", corpusDir, err)
	}
	var files []string
	err := filepath.WalkDir(filepath.Join(corpusDir, "sbom"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	vex, _ := filepath.Glob(filepath.Join(corpusDir, "vex", "cyclonedx", "*bom*.json"))
	files = append(files, vex...)
	sort.Strings(files)
	return files
}

// TestCorpus parses every SBOM of the shared corpus: each must load, or fail
// with a positioned error that names the file and gives a reason.
func TestCorpus(t *testing.T) {
	t.Parallel()
	files := corpusFiles(t)
	var (
		mu      sync.Mutex
		summary []string
		tally   = map[string][2]int{} // format -> loaded, rejected
	)
	t.Cleanup(func() {
		sort.Strings(summary)
		keys := make([]string, 0, len(tally))
		for k := range tally {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			summary = append(summary, fmt.Sprintf("TOTAL %-16s loaded %3d rejected %3d", k, tally[k][0], tally[k][1]))
		}
		t.Log("per-file summary:\n" + strings.Join(summary, "\n"))
	})
	for _, path := range files {
		rel := filepath.ToSlash(strings.TrimPrefix(path, corpusDir+string(filepath.Separator)))
		t.Run(rel, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s, perr := Parse(rel, data)
			want, pinned := corpusExpect[rel]
			line := ""
			mu.Lock()
			defer func() {
				summary = append(summary, line)
				mu.Unlock()
			}()
			if perr != nil {
				f, _, _ := DetectVersion(data)
				key := string(f)
				if key == "" {
					key = "(not an SBOM)"
				}
				c := tally[key]
				c[1]++
				tally[key] = c
				line = fmt.Sprintf("REJECT %s", perr)
				checkCorpusError(t, rel, perr, want, pinned)
				return
			}
			c := tally[string(s.Format)]
			c[0]++
			tally[string(s.Format)] = c
			n := len(s.Components)
			if s.Primary != nil && strings.HasPrefix(string(s.Format), "spdx") {
				n++
			}
			line = fmt.Sprintf("LOAD   %s: %s %s, %d components, primary %v, %d dependencies, %d known unknowns",
				rel, s.Format, s.SpecVersion, n, s.Primary != nil, len(s.Dependencies), len(s.KnownUnknowns))
			switch {
			case pinned && want.err != "":
				t.Errorf("loaded, want error %q", want.err)
			case pinned && (s.Format != want.format || s.SpecVersion != want.version || want.count >= 0 && n != want.count):
				t.Errorf("got %s %s with %d components, want %s %s with %d", s.Format, s.SpecVersion, n, want.format, want.version, want.count)
			}
			checkLocs(t, data, s)
		})
	}
}

func checkCorpusError(t *testing.T, rel string, err error, want corpusOutcome, pinned bool) {
	t.Helper()
	var pe *position.Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %T is not a *position.Error: %v", err, err)
	}
	if pe.Pos.File != rel || strings.TrimSpace(pe.Msg) == "" || strings.Contains(pe.Msg, recoveredPanic) {
		t.Errorf("error must name the file and give a reason: %v", err)
	}
	if !pinned {
		t.Errorf("unexpected error: %v", err)
	} else if want.err == "" || !strings.Contains(err.Error(), want.err) {
		t.Errorf("got error %v, want %q", err, want.err)
	}
}

// checkLocs resolves every location against the original file: JSON pointers
// must reach the object the value came from; lines must start that element.
func checkLocs(t *testing.T, data []byte, s *SBOM) {
	t.Helper()
	comps := append([]Component(nil), s.Components...)
	if s.Primary != nil {
		comps = append(comps, *s.Primary)
	}
	switch s.Format {
	case FormatCycloneDXJSON, FormatSPDXJSON:
		var doc any
		dec := json.NewDecoder(bytes.NewReader(stripBOM(data)))
		dec.UseNumber()
		if err := dec.Decode(&doc); err != nil {
			t.Fatal(err)
		}
		for _, c := range comps {
			obj, ok := resolvePointer(doc, c.Loc.Pointer).(map[string]any)
			if !ok || obj["name"] != any(c.Name) {
				t.Errorf("component %q: pointer %q resolves to %v", c.Name, c.Loc.Pointer, obj["name"])
			}
		}
		for _, d := range s.Dependencies {
			obj, _ := resolvePointer(doc, d.Loc.Pointer).(map[string]any)
			if obj == nil {
				if s.Format == FormatCycloneDXJSON || d.Loc.Pointer != "" && !strings.HasSuffix(d.Loc.Pointer, "hasFiles") {
					t.Errorf("dependency %q: pointer %q does not resolve", d.Ref, d.Loc.Pointer)
				}
				continue
			}
			str := func(k string) string { v, _ := obj[k].(string); return v }
			if str("ref") != d.Ref && str("spdxElementId") != d.Ref && str("relatedSpdxElement") != d.Ref {
				t.Errorf("dependency %q: pointer %q resolves to %v", d.Ref, d.Loc.Pointer, obj)
			}
		}
		// A problem points at the offending value or at the object that
		// lacks a member, so its pointer always resolves.
		for _, p := range s.Problems {
			if p.Loc.Line != 0 || resolvePointer(doc, p.Loc.Pointer) == nil {
				t.Errorf("problem %q: location %+v does not resolve", p.Msg, p.Loc)
			}
		}
	case FormatCycloneDXXML, FormatSPDXTagValue:
		lines := splitLines(data)
		prefix := "<component"
		if s.Format == FormatSPDXTagValue {
			prefix = "PackageName:"
		}
		for _, c := range comps {
			if c.Loc.Line < 1 || c.Loc.Line > len(lines) || c.Loc.Col < 1 || !strings.HasPrefix(lines[c.Loc.Line-1][c.Loc.Col-1:], prefix) {
				t.Errorf("component %q: %d:%d does not start with %s", c.Name, c.Loc.Line, c.Loc.Col, prefix)
			}
		}
		for _, p := range s.Problems {
			if p.Loc.Pointer != "" || p.Loc.Line < 0 || p.Loc.Line > len(lines) {
				t.Errorf("problem %q: location %+v is not a line of the file", p.Msg, p.Loc)
			}
		}
	}
}

func splitLines(data []byte) []string {
	var lines []string
	forEachLine(data, func(l []byte, _ int) bool {
		lines = append(lines, string(l))
		return true
	})
	return lines
}

// resolvePointer follows an RFC 6901 pointer; nil if it leads nowhere.
func resolvePointer(doc any, ptr string) any {
	if ptr == "" {
		return doc
	}
	cur := doc
	for _, tok := range strings.Split(ptr, "/")[1:] {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch v := cur.(type) {
		case map[string]any:
			cur = v[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(v) {
				return nil
			}
			cur = v[i]
		default:
			return nil
		}
	}
	return cur
}
