package sbom

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// genCycloneDXJSON writes a CycloneDX 1.6 JSON SBOM with n components, each
// with the fields a real generator fills, and a dependency graph.
func genCycloneDXJSON(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79","version":1,` +
		`"metadata":{"timestamp":"2024-01-01T00:00:00Z","component":{"bom-ref":"root","type":"application","name":"root","version":"1"}},"components":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"bom-ref":"c%d","type":"library","group":"org.example","name":"lib-%d","version":"1.%d.0",`+
			`"supplier":{"name":"Example %d"},"purl":"pkg:maven/org.example/lib-%d@1.%d.0?type=jar",`+
			`"cpe":"cpe:2.3:a:example:lib-%d:1.%d.0:*:*:*:*:*:*:*",`+
			`"hashes":[{"alg":"SHA-256","content":"%064x"},{"alg":"SHA-512","content":"%0128x"}],`+
			`"licenses":[{"license":{"id":"Apache-2.0"}}],`+
			`"properties":[{"name":"bsi:component:filename","value":"lib-%d.jar"},{"name":"bsi:component:executable","value":"non-executable"}]}`,
			i, i, i, i%50, i, i, i, i, i, i, i)
	}
	b.WriteString(`],"dependencies":[{"ref":"root","dependsOn":["c0","c1"]}`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `,{"ref":"c%d","dependsOn":["c%d","c%d"]}`, i, (i+1)%n, (i+7)%n)
	}
	b.WriteString(`],"compositions":[{"aggregate":"incomplete","assemblies":["c0"]}]}`)
	return b.Bytes()
}

// genSPDXTagValue writes an SPDX 2.3 tag-value SBOM with n packages.
func genSPDXTagValue(n int) []byte {
	var b bytes.Buffer
	b.WriteString("SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: gen\n" +
		"DocumentNamespace: https://example.com/gen\nCreator: Tool: gen\nCreated: 2024-01-01T00:00:00Z\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "\nPackageName: lib-%d\nSPDXID: SPDXRef-p%d\nPackageVersion: 1.%d\nPackageSupplier: Organization: Example\n"+
			"PackageDownloadLocation: NOASSERTION\nFilesAnalyzed: false\nPackageChecksum: SHA256: %064x\n"+
			"PackageLicenseDeclared: MIT\nExternalRef: PACKAGE-MANAGER purl pkg:npm/lib-%d@1.%d\n"+
			"Relationship: SPDXRef-p%d DEPENDS_ON SPDXRef-p%d\n", i, i, i, i, i, i, i, (i+1)%n)
	}
	return b.Bytes()
}

// genSPDXJSON writes an SPDX 2.3 JSON SBOM with n packages.
func genSPDXJSON(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"gen",` +
		`"documentNamespace":"https://example.com/gen","creationInfo":{"created":"2024-01-01T00:00:00Z","creators":["Tool: gen"]},"packages":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"lib-%d","SPDXID":"SPDXRef-p%d","versionInfo":"1.%d","supplier":"Organization: Example",`+
			`"downloadLocation":"NOASSERTION","filesAnalyzed":false,"checksums":[{"algorithm":"SHA256","checksumValue":"%064x"}],`+
			`"licenseDeclared":"MIT","externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:npm/lib-%d@1.%d"}]}`,
			i, i, i, i, i, i)
	}
	b.WriteString(`],"relationships":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"spdxElementId":"SPDXRef-p%d","relationshipType":"DEPENDS_ON","relatedSpdxElement":"SPDXRef-p%d"}`, i, (i+1)%n)
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

// genCycloneDXXML writes a CycloneDX 1.6 XML SBOM with n components.
func genCycloneDXXML(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components>`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "\n"+`<component type="library" bom-ref="c%d"><name>lib-%d</name><version>1.%d</version>`+
			`<hashes><hash alg="SHA-256">%064x</hash></hashes><purl>pkg:npm/lib-%d@1.%d</purl></component>`, i, i, i, i, i, i)
	}
	b.WriteString("\n</components><dependencies>")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<dependency ref="c%d"><dependency ref="c%d"/></dependency>`, i, (i+1)%n)
	}
	b.WriteString("</dependencies></bom>\n")
	return b.Bytes()
}

// BenchmarkParse measures the product's main case: a 10,000-component
// CycloneDX JSON SBOM, which must load in well under a second.
func BenchmarkParse(b *testing.B) {
	data := genCycloneDXJSON(10000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		s, err := Parse("bench.cdx.json", data)
		if err != nil || len(s.Components) != 10000 {
			b.Fatalf("got %v", err)
		}
	}
}

// BenchmarkParseFormats covers the other formats at the same size.
func BenchmarkParseFormats(b *testing.B) {
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"cyclonedx-xml", genCycloneDXXML(10000)},
		{"spdx-json", genSPDXJSON(10000)},
		{"spdx-tag-value", genSPDXTagValue(10000)},
		{"istio-spdx-2.2-tag-value", nil}, // the corpus's istio SBOM, when ../shared is present
	} {
		if tc.data == nil {
			data, err := os.ReadFile(filepath.Join(corpusDir, "sbom", "spdx", "istio-release.spdx-2.2.spdx"))
			if err != nil {
				continue
			}
			tc.data = data
		}
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.data)))
			for b.Loop() {
				if _, err := Parse(tc.name, tc.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
