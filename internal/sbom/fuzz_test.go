package sbom

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/position"
)

// FuzzParse feeds arbitrary bytes to Parse. Parse recovers panics, so the
// target fails on a recovered one (that is a bug to fix or guard), and checks
// the invariants callers rely on.
func FuzzParse(f *testing.F) {
	err := filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err == nil {
			f.Add(data)
		}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(`{"bomFormat":"CycloneDX","specVersion":"1.6","components":[null,{"components":[{}]}],"dependencies":[{}],"compositions":[{}]}`))
	f.Add([]byte(`{"spdxVersion":"SPDX-2.3","packages":[{"SPDXID":"SPDXRef-a","hasFiles":["SPDXRef-f"]}],"documentDescribes":["SPDXRef-a"]}`))
	f.Add([]byte("SPDXVersion: SPDX-2.3\nPackageName: a\nSPDXID: SPDXRef-a\nRelationship: SPDXRef-a DEPENDS_ON NOASSERTION\n"))
	// Hostile cases (docs/security.md): duplicate members, deep nesting,
	// numbers out of range, a version of the wrong type.
	f.Add([]byte(`{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"a"}],"components":[]}`))
	f.Add([]byte(`{"bomFormat":"CycloneDX","specVersion":"1.6","version":1e999999,"x":[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]}`))
	f.Add([]byte(`{"bomFormat":"CycloneDX","specVersion":"1.6","version":"one","components":[{},{},{},{}]}`))
	// Documents full of structural problems, for the checks.
	f.Add([]byte(`{"bomFormat":"CycloneDX","specVersion":"1.2","serialNumber":"x","metadata":{"timestamp":"2020"},` +
		`"components":[{"type":"x","bom-ref":"a","hashes":[{"alg":"MD5","content":"zz"}],"licenses":[{"license":{"id":"A B","name":"n"}},{}],` +
		`"externalReferences":[{"url":"git@h:p"}],"description":"a\nb"},{"bom-ref":"a","components":[{"bom-ref":""}]}],` +
		`"dependencies":[{"dependsOn":["b",""]},{"ref":"q"}]}`))
	f.Add([]byte(`{"spdxVersion":"SPDX-2.2","SPDXID":"SPDXRef-X","creationInfo":{"created":"2020","creators":[]},` +
		`"packages":[{"SPDXID":"SPDXRef-a","checksums":[{"algorithm":"SHA1","checksumValue":"a"}],"externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"x"}]},{"SPDXID":"SPDXRef-a"}],` +
		`"files":[{"SPDXID":"SPDXRef-f"}],"relationships":[{"spdxElementId":"SPDXRef-q","relationshipType":"FOO","relatedSpdxElement":"SPDXRef-r"}],"documentDescribes":["SPDXRef-z"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz.in"
		s, err := Parse(name, data)
		if err != nil {
			var pe *position.Error
			if !errors.As(err, &pe) || pe.Pos.File != name || pe.Msg == "" {
				t.Fatalf("error is not a positioned error naming the file: %T %v", err, err)
			}
			if strings.Contains(pe.Msg, recoveredPanic) {
				t.Fatalf("decoder panicked: %v", err)
			}
			return
		}
		switch s.Format {
		case FormatCycloneDXJSON, FormatCycloneDXXML, FormatSPDXJSON, FormatSPDXTagValue:
		default:
			t.Fatalf("unknown format %q", s.Format)
		}
		if s.Authors == nil || s.Tools == nil || s.Components == nil || s.Dependencies == nil || s.KnownUnknowns == nil || s.Problems == nil {
			t.Fatalf("nil slice in %+v", s)
		}
		// Every problem says something, and their number is bounded per
		// kind (there are fewer than 60 kinds).
		for _, p := range s.Problems {
			if strings.TrimSpace(p.Msg) == "" {
				t.Fatalf("problem without a message at %+v", p.Loc)
			}
		}
		if len(s.Problems) > 60*(maxProblemsPerKind+1) {
			t.Fatalf("%d problems", len(s.Problems))
		}
		for _, c := range s.Components {
			if c.CPEs == nil || c.Hashes == nil || c.Licenses == nil {
				t.Fatalf("nil slice in component %+v", c)
			}
		}
		if err := sameAsJSON(s); err != nil {
			t.Fatal(err)
		}
		if f, v, err := DetectVersion(data); err != nil || f != s.Format || v != s.SpecVersion {
			t.Fatalf("DetectVersion = %q %q %v, Parse gave %q %q", f, v, err, s.Format, s.SpecVersion)
		}
		again, err := Parse(name, data)
		if err != nil {
			t.Fatalf("second parse failed: %v", err)
		}
		a, _ := json.Marshal(s)
		b, _ := json.Marshal(again)
		if string(a) != string(b) {
			t.Fatal("output differs between two parses of the same input")
		}
	})
}
