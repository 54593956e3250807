package sbom

import (
	"fmt"
	"strings"
	"testing"
)

// wantProblem is an expected Problem: where it points and a part of its
// message.
type wantProblem struct {
	loc Loc
	msg string
}

func at(p string) Loc { return Loc{Pointer: p} }

func line(n int) Loc { return Loc{Line: n, Col: 1} }

func checkProblems(t *testing.T, name, doc string, want []wantProblem) {
	t.Helper()
	s, err := Parse(name, []byte(doc))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if s.Problems == nil {
		t.Fatal("Problems is nil, want a slice")
	}
	var got []string
	for _, p := range s.Problems {
		got = append(got, fmt.Sprintf("%+v %s", p.Loc, p.Msg))
	}
	if len(s.Problems) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(s.Problems), len(want), strings.Join(got, "\n"))
	}
	for i, w := range want {
		if p := s.Problems[i]; p.Loc != w.loc || !strings.Contains(p.Msg, w.msg) {
			t.Errorf("problem %d = %s\nwant %+v ...%s...", i, got[i], w.loc, w.msg)
		}
		// Rules match codes, not wording (AL-SBOM-009 leaves purl problems
		// to AL-SBOM-003).
		wantCode := ProblemInvalid
		switch p := s.Problems[i]; {
		case strings.HasPrefix(p.Msg, purlProblemPrefix):
			wantCode = ProblemPurl
		case strings.Contains(p.Msg, "from here on, not listed one by one"):
			wantCode = ProblemMore
		}
		if p := s.Problems[i]; p.Code != wantCode {
			t.Errorf("problem %d = %s has code %q, want %q", i, got[i], p.Code, wantCode)
		}
	}
}

// cdxDoc builds a CycloneDX JSON document of a version with the given
// top-level members after the required ones.
func cdxDoc(version, members string) string {
	doc := `{"bomFormat":"CycloneDX","specVersion":"` + version + `","version":1`
	if members != "" {
		doc += "," + members
	}
	return doc + "}"
}

func TestCycloneDXProblems(t *testing.T) {
	t.Parallel()
	lib := func(extra string) string {
		return `{"type":"library","name":"lib","version":"1.0","bom-ref":"lib"` + extra + `}`
	}
	tests := []struct {
		name string
		doc  string
		want []wantProblem
	}{
		{"valid", cdxDoc("1.6", `"serialNumber":"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
			"metadata":{"timestamp":"2024-01-01T10:00:00+01:00","component":{"type":"application","name":"app","bom-ref":"app"}},
			"components":[`+lib(`,"hashes":[{"alg":"MD5","content":"c3d43dcbd0fe759f08bf015a813a9b8a"}],
			"licenses":[{"license":{"id":"Apache-2.0"}},{"license":{"name":"Custom"}}],"purl":"pkg:npm/lib@1.0",
			"externalReferences":[{"type":"vcs","url":"https://example.com/lib.git"}]`)+`],
			"dependencies":[{"ref":"app","dependsOn":["lib"]},{"ref":"lib"}]`), nil},
		{"serial number", cdxDoc("1.6", `"serialNumber":"urn:uuid:3e671687-395b-41f5-a30f"`),
			[]wantProblem{{at("/serialNumber"), `serialNumber "urn:uuid:3e671687-395b-41f5-a30f" is not a UUID URN`}}},
		{"upper-case serial number", cdxDoc("1.6", `"serialNumber":"urn:uuid:3E671687-395B-41F5-A30F-A58921A69B79"`),
			[]wantProblem{{at("/serialNumber"), "lower-case RFC 4122 UUID"}}},
		{"timestamp without time", cdxDoc("1.6", `"metadata":{"timestamp":"2020-04-13"}`),
			[]wantProblem{{at("/metadata/timestamp"), `metadata.timestamp "2020-04-13" is not an RFC 3339 date-time`}}},
		{"timestamp with a space", cdxDoc("1.6", `"metadata":{"timestamp":"2025-01-01 00:00:00"}`),
			[]wantProblem{{at("/metadata/timestamp"), "not an RFC 3339 date-time"}}},
		{"component type", cdxDoc("1.6", `"components":[{"type":"foo","name":"x"}]`),
			[]wantProblem{{at("/components/0/type"), `component "x" has type "foo", which CycloneDX 1.6 does not define`}}},
		{"type of a later version", cdxDoc("1.4", `"components":[{"type":"platform","name":"x"}]`),
			[]wantProblem{{at("/components/0/type"), "which CycloneDX 1.4 does not define"}}},
		{"type of its version", cdxDoc("1.5", `"components":[{"type":"platform","name":"x"}]`), nil},
		{"no type", cdxDoc("1.6", `"components":[{"name":"x"}]`),
			[]wantProblem{{at("/components/0"), `component "x" has no "type"`}}},
		{"no name", cdxDoc("1.6", `"components":[{"type":"library","bom-ref":"r"}]`),
			[]wantProblem{{at("/components/0"), `component with bom-ref "r" has no "name"`}}},
		{"empty name is schema-valid", cdxDoc("1.6", `"components":[{"type":"library","name":""}]`), nil},
		{"no version in 1.3", cdxDoc("1.3", `"components":[{"type":"library","name":"x"}]`),
			[]wantProblem{{at("/components/0"), `component "x" has no "version", which CycloneDX 1.3 requires`}}},
		{"no version in 1.4", cdxDoc("1.4", `"components":[{"type":"library","name":"x"}]`), nil},
		{"no BOM version in 1.4", `{"bomFormat":"CycloneDX","specVersion":"1.4"}`,
			[]wantProblem{{Loc{}, `the BOM has no "version"`}}},
		{"no BOM version in 1.5", `{"bomFormat":"CycloneDX","specVersion":"1.5"}`, nil},
		{"BOM version 0", `{"bomFormat":"CycloneDX","specVersion":"1.6","version":0}`,
			[]wantProblem{{at("/version"), `the BOM "version" is 0`}}},
		{"nested and metadata components", cdxDoc("1.6", `"metadata":{"component":{"type":"app","name":"a",
			"components":[{"type":"library"}]},"tools":{"components":[{"type":"application"}]}}`),
			[]wantProblem{
				{at("/metadata/component/type"), `has type "app"`},
				{at("/metadata/component/components/0"), `a component has no "name"`},
				{at("/metadata/tools/components/0"), `a component has no "name"`},
			}},
		{"duplicate bom-ref", cdxDoc("1.6", `"components":[`+lib("")+`,`+lib("")+`]`),
			[]wantProblem{{at("/components/1/bom-ref"), `bom-ref "lib" of component "lib" is already used by another element`}}},
		{"bom-ref shared by a component and a service", cdxDoc("1.6", `"components":[`+lib("")+`],"services":[{"name":"s","bom-ref":"lib"}]`),
			[]wantProblem{{at("/services/0/bom-ref"), `bom-ref "lib" of service "s" is already used`}}},
		{"empty bom-ref", cdxDoc("1.6", `"components":[{"type":"library","name":"x","bom-ref":""}]`),
			[]wantProblem{{at("/components/0/bom-ref"), `component "x" has an empty bom-ref`}}},
		{"empty bom-ref before 1.5", cdxDoc("1.4", `"components":[{"type":"library","name":"x","bom-ref":""}]`), nil},
		{"dependencies", cdxDoc("1.6", `"components":[`+lib("")+`],"dependencies":[{"dependsOn":["lib"]},{"ref":""},
			{"ref":"gone"},{"ref":"lib","dependsOn":["lib","pip==24.0",""]}]`),
			[]wantProblem{
				{at("/dependencies/0"), `dependency entry has no "ref", which CycloneDX 1.6 requires`},
				{at("/dependencies/1/ref"), `dependency entry has an empty "ref"`},
				{at("/dependencies/2/ref"), `dependency entry is about "gone", but no component or service in the BOM has that bom-ref`},
				{at("/dependencies/3/dependsOn/1"), `"lib" depends on "pip==24.0", but no component`},
				{at("/dependencies/3/dependsOn/2"), `dependsOn of "lib" has an empty entry`},
			}},
		{"service refs resolve", cdxDoc("1.6", `"services":[{"name":"api","bom-ref":"api","services":[{"name":"inner","bom-ref":"in"}]}],
			"dependencies":[{"ref":"api","dependsOn":["in"]}]`), nil},
		{"service without name", cdxDoc("1.6", `"services":[{"bom-ref":"s"}]`),
			[]wantProblem{{at("/services/0"), `a service has no "name"`}}},
		{"hashes", cdxDoc("1.6", `"components":[`+lib(`,"hashes":[{"alg":"SHA256","content":"aa"},
			{"alg":"SHA-256","content":"da39a3ee5e6b4b0d3255bfef95601890afd80709"},{"alg":"SHA-1","content":"xyz"},
			{"alg":"SHA-512","content":""},{"alg":"BLAKE3","content":"da39a3ee5e6b4b0d3255bfef95601890afd80709"}]`)+`]`),
			[]wantProblem{
				{at("/components/0/hashes/0/alg"), `hash of component "lib": algorithm "SHA256" is not one of the CycloneDX 1.6 hash algorithms`},
				{at("/components/0/hashes/1/content"), "SHA-256 content has 40 hexadecimal digits, an SHA-256 digest has 64"},
				{at("/components/0/hashes/2/content"), `SHA-1 content "xyz" is not hexadecimal`},
				{at("/components/0/hashes/3"), "the SHA-512 hash has no content"},
			}},
		{"Streebog only from 1.7", cdxDoc("1.6", `"components":[`+lib(`,"hashes":[{"alg":"Streebog-256","content":"`+strings.Repeat("a", 64)+`"}]`)+`]`),
			[]wantProblem{{at("/components/0/hashes/0/alg"), `algorithm "Streebog-256"`}}},
		{"licence ids", cdxDoc("1.6", `"components":[`+lib(`,"licenses":[{"license":{"id":"Apache 2.0"}},{"license":{"id":"NOASSERTION"}},
			{"license":{"id":"LicenseRef-acme"}},{"license":{"id":"GPL-2.0+"}},{"license":{"id":"MIT","name":"MIT License"}},
			{"license":{"url":"https://example.com/l"}},{"license":{"name":""}}]`)+`]`),
			[]wantProblem{
				{at("/components/0/licenses/0/license/id"), `licence id "Apache 2.0" of component "lib" is not a single identifier`},
				{at("/components/0/licenses/1/license/id"), "is an SPDX keyword, not a licence identifier"},
				{at("/components/0/licenses/2/license/id"), "is a custom licence reference"},
				{at("/components/0/licenses/4/license"), `has both "id" (MIT) and "name" ("MIT License")`},
				{at("/components/0/licenses/5/license"), `licence of component "lib" has neither an SPDX "id" nor a "name"`},
			}},
		{"expression inside a licence", cdxDoc("1.6", `"components":[`+lib(`,"licenses":[{"license":{"acknowledgement":"declared","expression":"MIT AND MPL-2.0"}}]`)+`]`),
			[]wantProblem{{at("/components/0/licenses/0/license"), `licence of component "lib" has an "expression" inside "license"`}}},
		{"licence choices", cdxDoc("1.6", `"components":[`+lib(`,"licenses":[{"license":{"id":"MIT"},"expression":"MIT"},{}]`)+`]`),
			[]wantProblem{
				{at("/components/0/licenses/0"), `has both "license" and "expression"`},
				{at("/components/0/licenses/1"), `has neither "license" nor "expression"`},
				{at("/components/0/licenses"), "mix an SPDX expression with other entries"},
			}},
		{"expression beside a licence in 1.7", cdxDoc("1.7", `"components":[`+lib(`,"licenses":[{"license":{"id":"MIT"}},{"expression":"MIT OR Apache-2.0"}]`)+`]`), nil},
		{"scp-style git URL", cdxDoc("1.4", `"components":[`+lib(`,"externalReferences":[{"type":"vcs","url":"git@github.com:chaijs/deep-eql.git"}]`)+`],
			"externalReferences":[{"type":"website","url":"http://exa mple.com/%zz"}]`),
			[]wantProblem{
				{at("/components/0/externalReferences/0/url"), `external reference url "git@github.com:chaijs/deep-eql.git" of component "lib" is not a valid IRI reference`},
				{at("/externalReferences/0/url"), "of the BOM is not a valid IRI reference"},
			}},
		{"licence URL", cdxDoc("1.6", `"components":[`+lib(`,"licenses":[{"license":{"name":"X","url":"git@host:x"}}]`)+`]`),
			[]wantProblem{{at("/components/0/licenses/0/license/url"), `licence url "git@host:x"`}}},
		{"purl", cdxDoc("1.6", `"components":[`+lib(`,"purl":"not a purl"`)+`]`),
			[]wantProblem{{at("/components/0/purl"), `package URL (purl) of component "lib" does not parse: "not a purl"`}}},
		{"line break in CycloneDX 1.2", cdxDoc("1.2", `"components":[`+lib(`,"description":"one\ntwo","licenses":[{"license":{"name":"a\nb"}}]`)+`]`),
			[]wantProblem{
				{at("/components/0/licenses/0/license/name"), `licence name of component "lib" contains a line break`},
				{at("/components/0/description"), `component "lib" description contains a line break, which CycloneDX 1.2 does not allow`},
			}},
		{"line break in CycloneDX 1.3", cdxDoc("1.3", `"components":[`+lib(`,"description":"one\ntwo"`)+`]`), nil},
		{"vulnerability dates", cdxDoc("1.5", `"vulnerabilities":[{"id":"CVE-1","created":"2024-01-01","analysis":{"lastUpdated":"yesterday"}}],
			"annotations":[{"timestamp":"2024-01-01T00:00:00Z","text":"ok","subjects":[],"annotator":{}}]`),
			[]wantProblem{
				{at("/vulnerabilities/0/created"), `vulnerability created "2024-01-01" is not an RFC 3339 date-time`},
				{at("/vulnerabilities/0/analysis/lastUpdated"), `analysis lastUpdated "yesterday"`},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			checkProblems(t, tc.name+".cdx.json", tc.doc, tc.want)
		})
	}
}

func TestCycloneDXXMLProblems(t *testing.T) {
	t.Parallel()
	doc := `<?xml version="1.0"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.3" serialNumber="urn:uuid:nope" version="1">
  <metadata><tools><tool><name>gen</name></tool></tools></metadata>
  <components>
    <component type="library" bom-ref="a">
      <name>a</name>
      <description>one
two</description>
    </component>
    <component type="gadget" bom-ref="b">
      <version>1</version>
      <hashes><hash alg="SHA-256">abcd</hash></hashes>
    </component>
  </components>
  <dependencies>
    <dependency ref="a"><dependency ref="c"/></dependency>
  </dependencies>
</bom>
`
	checkProblems(t, "x.cdx.xml", doc, []wantProblem{
		{Loc{Line: 2, Col: 1}, `serialNumber "urn:uuid:nope" is not a UUID URN`},
		// a has no <version> (required in 1.3); its multi-line description is
		// fine in XML.
		{Loc{Line: 5, Col: 5}, `component "a" has no "version", which CycloneDX 1.3 requires`},
		{Loc{Line: 10, Col: 5}, `component with bom-ref "b" has type "gadget"`},
		{Loc{Line: 10, Col: 5}, `component with bom-ref "b" has no "name"`},
		{Loc{Line: 10, Col: 5}, "SHA-256 content has 4 hexadecimal digits"},
		{Loc{Line: 16, Col: 5}, `"a" depends on "c", but no component or service in the BOM has that bom-ref`},
	})
}

// TestCycloneDXXMLToolComponents: tool components are not indexed in XML, so
// their problems sit at the document root, never at a BOM component's line.
func TestCycloneDXXMLToolComponents(t *testing.T) {
	t.Parallel()
	doc := `<?xml version="1.0"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">
  <metadata><tools><components><component type="application"><version>1</version></component></components></tools></metadata>
  <components>
    <component type="library"><name>a</name></component>
  </components>
</bom>
`
	checkProblems(t, "tools.cdx.xml", doc, []wantProblem{{Loc{}, `a component has no "name"`}})
}

// spdxDoc builds an SPDX JSON document; members replace the defaults of the
// same name (an empty value removes one).
func spdxDoc(version string, members map[string]string) string {
	base := []struct{ k, v string }{
		{"spdxVersion", `"SPDX-` + version + `"`}, {"dataLicense", `"CC0-1.0"`}, {"SPDXID", `"SPDXRef-DOCUMENT"`},
		{"name", `"doc"`}, {"documentNamespace", `"https://example.com/doc"`},
		{"creationInfo", `{"created":"2024-01-01T00:00:00Z","creators":["Tool: gen"]}`},
		{"packages", `[{"name":"app","SPDXID":"SPDXRef-app","downloadLocation":"NOASSERTION","copyrightText":"NOASSERTION",` +
			`"licenseConcluded":"NOASSERTION","licenseDeclared":"NOASSERTION"}]`},
		{"relationships", `[{"spdxElementId":"SPDXRef-DOCUMENT","relationshipType":"DESCRIBES","relatedSpdxElement":"SPDXRef-app"}]`},
	}
	var parts []string
	seen := map[string]bool{}
	for _, m := range base {
		v := m.v
		if o, ok := members[m.k]; ok {
			v = o
		}
		seen[m.k] = true
		if v != "" {
			parts = append(parts, fmt.Sprintf("%q:%s", m.k, v))
		}
	}
	for k, v := range members {
		if !seen[k] {
			parts = append(parts, fmt.Sprintf("%q:%s", k, v))
		}
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func TestSPDXProblems(t *testing.T) {
	t.Parallel()
	pkg := func(extra string) string {
		return `{"name":"lib","SPDXID":"SPDXRef-lib","downloadLocation":"NONE"` + extra + `}`
	}
	tests := []struct {
		name    string
		version string
		members map[string]string
		want    []wantProblem
	}{
		{"valid 2.2", "2.2", nil, nil},
		{"valid 2.3", "2.3", map[string]string{"packages": `[` + pkg(`,"checksums":[{"algorithm":"SHA256","checksumValue":"`+
			strings.Repeat("ab", 32)+`"}],"externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl",`+
			`"referenceLocator":"pkg:npm/lib@1"}],"primaryPackagePurpose":"OPERATING_SYSTEM","builtDate":"2024-01-01T00:00:00Z"`) + `]`,
			"relationships": `[{"spdxElementId":"SPDXRef-DOCUMENT","relationshipType":"DESCRIBES","relatedSpdxElement":"SPDXRef-lib"},` +
				`{"spdxElementId":"SPDXRef-lib","relationshipType":"DEPENDS_ON","relatedSpdxElement":"NONE"},` +
				`{"spdxElementId":"SPDXRef-lib","relationshipType":"DEPENDS_ON","relatedSpdxElement":"DocumentRef-x:SPDXRef-y"}]`}, nil},
		{"document fields", "2.3", map[string]string{"documentNamespace": "", "dataLicense": `"MIT"`, "name": ""},
			[]wantProblem{
				{Loc{}, `the document has no "name", which the SPDX 2.3 schema and specification require`},
				{at("/dataLicense"), `dataLicense is "MIT"; the SPDX 2.3 specification requires CC0-1.0`},
				{Loc{}, `the document has no "documentNamespace", which the SPDX 2.3 specification requires`},
			}},
		{"empty namespace is schema-valid", "2.3", map[string]string{"documentNamespace": `""`}, nil},
		{"no creationInfo", "2.3", map[string]string{"creationInfo": ""},
			[]wantProblem{{Loc{}, `the document has no "creationInfo"`}}},
		{"creation info", "2.3", map[string]string{"creationInfo": `{"created":"2024-01-01","creators":[]}`},
			[]wantProblem{
				{at("/creationInfo/created"), `the creation time "created" "2024-01-01" is not a date-time`},
				{at("/creationInfo"), `the document names no creators ("creators")`},
			}},
		{"no created", "2.2", map[string]string{"creationInfo": `{"creators":["Tool: x"]}`},
			[]wantProblem{{at("/creationInfo"), `the document has no creation time ("created")`}}},
		{"package fields in 2.2", "2.2", map[string]string{"packages": `[{"name":"app","SPDXID":"SPDXRef-app","copyrightText":""}]`},
			[]wantProblem{
				{at("/packages/0"), `package "app" (SPDXRef-app) has no "downloadLocation", which SPDX 2.2 requires`},
				{at("/packages/0"), `has no "licenseConcluded"`},
				{at("/packages/0"), `has no "licenseDeclared"`},
			}},
		{"package fields in 2.3", "2.3", map[string]string{"packages": `[{"SPDXID":"SPDXRef-app","downloadLocation":"NONE"}]`},
			[]wantProblem{{at("/packages/0"), `package SPDXRef-app has no "name", which SPDX 2.3 requires`}}},
		{"duplicate SPDXID", "2.3", map[string]string{"packages": `[` + pkg("") + `,` + pkg("") + `]`,
			"relationships": ""},
			[]wantProblem{{at("/packages/1/SPDXID"), `package "lib" (SPDXRef-lib) uses SPDXID SPDXRef-lib, which another element`}}},
		{"document SPDXID", "2.3", map[string]string{"SPDXID": `"SPDXRef-DOC"`, "relationships": ""},
			[]wantProblem{{at("/SPDXID"), `the document SPDXID is "SPDXRef-DOC"; the SPDX 2.3 specification requires SPDXRef-DOCUMENT`}}},
		{"checksums", "2.3", map[string]string{"relationships": "", "packages": `[` + pkg(`,"checksums":[{"algorithm":"SHA-256","checksumValue":"aa"},`+
			`{"algorithm":"SHA1","checksumValue":"aa"},{"algorithm":"MD5","checksumValue":"zz"},{"algorithm":"ADLER32","checksumValue":"0badcafe"}]`) + `]`},
			[]wantProblem{
				{at("/packages/0/checksums/0/algorithm"), `checksum of package "lib" (SPDXRef-lib): algorithm "SHA-256" is not one of the SPDX 2.3 algorithms`},
				{at("/packages/0/checksums/1/checksumValue"), "SHA1 value has 2 hexadecimal digits, a SHA1 digest has 40"},
				{at("/packages/0/checksums/2/checksumValue"), `MD5 value "zz" is not hexadecimal`},
			}},
		{"2.3 algorithm in 2.2", "2.2", map[string]string{"relationships": "", "packages": `[{"name":"lib","SPDXID":"SPDXRef-lib",` +
			`"downloadLocation":"NONE","copyrightText":"NONE","licenseConcluded":"MIT","licenseDeclared":"MIT",` +
			`"checksums":[{"algorithm":"ADLER32","checksumValue":"0badcafe"}]}]`},
			[]wantProblem{{at("/packages/0/checksums/0/algorithm"), `algorithm "ADLER32" is not one of the SPDX 2.2 algorithms`}}},
		{"reference categories in 2.2", "2.2", map[string]string{"relationships": "", "packages": `[{"name":"lib","SPDXID":"SPDXRef-lib",` +
			`"downloadLocation":"NONE","copyrightText":"NONE","licenseConcluded":"MIT","licenseDeclared":"MIT","externalRefs":[` +
			`{"referenceCategory":"PACKAGE_MANAGER","referenceType":"purl","referenceLocator":"pkg:npm/lib@1"},` +
			`{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:npm/lib@1"},` +
			`{"referenceCategory":"PERSISTENT-ID","referenceType":"swh","referenceLocator":"swh:1:cnt:94a9ed024d3859793618152ea559a168bbcbb5e2"}]}]`},
			[]wantProblem{
				{at("/packages/0/externalRefs/1/referenceCategory"), `has category "PACKAGE-MANAGER"; SPDX 2.2 JSON allows OTHER, SECURITY, PACKAGE_MANAGER`},
				{at("/packages/0/externalRefs/2/referenceCategory"), `has category "PERSISTENT-ID"`},
			}},
		{"reference categories in 2.3", "2.3", map[string]string{"relationships": "", "packages": `[` + pkg(`,"externalRefs":[`+
			`{"referenceCategory":"PACKAGE_MANAGER","referenceType":"purl","referenceLocator":"pkg:npm/lib@1"},`+
			`{"referenceCategory":"BOGUS","referenceType":"x","referenceLocator":"y"}]`) + `]`},
			[]wantProblem{
				{at("/packages/0/externalRefs/0/referenceCategory"), `has category "PACKAGE_MANAGER"; SPDX 2.3 JSON allows`},
				{at("/packages/0/externalRefs/1/referenceCategory"), `has category "BOGUS"`},
			}},
		{"2.3 package fields", "2.3", map[string]string{"relationships": "", "packages": `[` + pkg(`,"primaryPackagePurpose":"OPERATING-SYSTEM",`+
			`"releaseDate":"2024-01-01","externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:/"}]`) + `]`},
			[]wantProblem{
				{at("/packages/0/primaryPackagePurpose"), `has primaryPackagePurpose "OPERATING-SYSTEM", which SPDX 2.3 does not define`},
				{at("/packages/0/releaseDate"), `has releaseDate "2024-01-01", not a date-time`},
				{at("/packages/0"), `package URL (purl) of package "lib" (SPDXRef-lib) does not parse: "pkg:/"`},
			}},
		{"relationships", "2.3", map[string]string{"documentDescribes": `["SPDXRef-ghost"]`,
			"relationships": `[{"spdxElementId":"SPDXRef-gone","relationshipType":"DEPENDS_ON","relatedSpdxElement":"SPDXRef-app"},` +
				`{"spdxElementId":"SPDXRef-app","relationshipType":"USES","relatedSpdxElement":"SPDXRef-app"},` +
				`{"spdxElementId":"SPDXRef-app","relationshipType":"AMENDS","relatedSpdxElement":"SPDXRef-DOCUMENT"}]`},
			[]wantProblem{
				{at("/relationships/0/spdxElementId"), "relationship DEPENDS_ON names SPDXRef-gone as its source, but the document has no element with that SPDXID"},
				{at("/relationships/1/relationshipType"), `relationship type "USES" is not an SPDX 2.3 relationship type`},
				{at("/documentDescribes"), "relationship DESCRIBES names SPDXRef-ghost as its target"},
			}},
		{"2.3 relationship type in 2.2", "2.2", map[string]string{"relationships": `[{"spdxElementId":"SPDXRef-app","relationshipType":"AMENDS","relatedSpdxElement":"SPDXRef-DOCUMENT"}]`},
			[]wantProblem{{at("/relationships/0/relationshipType"), `relationship type "AMENDS" is not an SPDX 2.2 relationship type`}}},
		{"files", "2.3", map[string]string{"files": `[{"fileName":"./a.c","SPDXID":"SPDXRef-a"}]`,
			"relationships": `[{"spdxElementId":"SPDXRef-app","relationshipType":"CONTAINS","relatedSpdxElement":"SPDXRef-a"}]`},
			[]wantProblem{{at("/files/0"), `file "./a.c" (SPDXRef-a) has no checksum, which SPDX 2.3 requires`}}},
		{"files in 2.2", "2.2", map[string]string{"files": `[{"fileName":"./a.c","SPDXID":"SPDXRef-a","checksums":[{"algorithm":"SHA1","checksumValue":"` +
			strings.Repeat("0", 40) + `"}]}]`},
			[]wantProblem{
				{at("/files/0"), `file "./a.c" (SPDXRef-a) has no "copyrightText", which SPDX 2.2 requires`},
				{at("/files/0"), `has no "licenseConcluded"`},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			checkProblems(t, tc.name+".spdx.json", spdxDoc(tc.version, tc.members), tc.want)
		})
	}
}

func TestSPDXTagValueProblems(t *testing.T) {
	t.Parallel()
	doc := `SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: tv
Creator: Tool: gen
Created: 2024-01-01 10:00

PackageName: app
SPDXID: SPDXRef-app
PrimaryPackagePurpose: OPERATING-SYSTEM
ExternalRef: PACKAGE_MANAGER purl pkg:npm/app@1

PackageName: lib
SPDXID: SPDXRef-lib
PackageDownloadLocation: NONE
PackageChecksum: SHA256: abc

Relationship: SPDXRef-app DEPENDS_ON SPDXRef-nope
`
	checkProblems(t, "x.spdx", doc, []wantProblem{
		{line(1), "the document has no DocumentNamespace, which the SPDX 2.3 specification requires"},
		{line(6), `the creation time Created "2024-01-01 10:00" is not a date-time`},
		{line(8), `package "app" (SPDXRef-app) has no PackageDownloadLocation, which SPDX 2.3 requires`},
		{line(8), `external reference of package "app" (SPDXRef-app) has category "PACKAGE_MANAGER"; SPDX 2.3 tag-value allows`},
		{line(13), "SHA256 value has 3 hexadecimal digits"},
		{line(18), "relationship DEPENDS_ON names SPDXRef-nope as its target"},
	})
}

// TestProblemCap: a defect repeated across a large SBOM is listed a bounded
// number of times, then counted.
func TestProblemCap(t *testing.T) {
	t.Parallel()
	var comps []string
	for i := 0; i < maxProblemsPerKind+7; i++ {
		comps = append(comps, fmt.Sprintf(`{"type":"widget","name":"c%d"}`, i))
	}
	s, err := Parse("cap.cdx.json", []byte(cdxDoc("1.6", `"components":[`+strings.Join(comps, ",")+`]`)))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Problems) != maxProblemsPerKind+1 {
		t.Fatalf("got %d problems, want %d", len(s.Problems), maxProblemsPerKind+1)
	}
	last := s.Problems[maxProblemsPerKind]
	want := Problem{Loc: at(fmt.Sprintf("/components/%d/type", maxProblemsPerKind)), Code: ProblemMore,
		Msg: "7 more of the same kind (unknown component type) from here on, not listed one by one"}
	if last != want {
		t.Errorf("summary = %+v, want %+v", last, want)
	}
}

func TestIsDateTime(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"2024-01-01T10:00:00Z": true, "2024-01-01T10:00:00.123+01:00": true, "2024-01-01t10:00:00z": true,
		"2024-01-01": false, "2024-01-01 10:00:00": false, "2024-01-01T10:00Z": false, "2024-01-01T10:00:00": false,
		"2024-01-01T10:00:00+0100": false, "2024-13-01T10:00:00Z": false, "2024-01-01T10:00:00,5Z": false, "": false,
	} {
		if got := isDateTime(s); got != want {
			t.Errorf("isDateTime(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestLicenseIDSyntax(t *testing.T) {
	t.Parallel()
	for id, ok := range map[string]bool{
		"MIT": true, "Apache-2.0": true, "GPL-2.0+": true, "BSD-3-Clause": true, "Apache-2": true, // well-formed, list not checked
		"NOASSERTION": false, "NONE": false, "LicenseRef-x": false, "MIT OR Apache-2.0": false, "(MIT)": false, "MIT/X11": false,
	} {
		if got := licenseIDSyntax(id) == ""; got != ok {
			t.Errorf("licenseIDSyntax(%q) accepts = %v, want %v", id, got, ok)
		}
	}
}

func TestRawJSON(t *testing.T) {
	t.Parallel()
	data := []byte(` {"a":{"b~c":[1,{"d/e":"x\"y","n":null}],"Name":"up"},"a\u0062":"z","k":"",  "k":"last"}`)
	r := newRawJSON(data, 1)
	for _, tc := range []struct {
		ptr, key string
		has      bool
	}{
		{"", "a", true}, {"", "ab", true}, {"", "c", false},
		{"/a", "b~c", true}, {"/a", "name", false}, {"/a", "Name", true},
		{"/a/b~0c/1", "d/e", true}, {"/a/b~0c/1", "n", true}, {"/a/b~0c/0", "x", false},
		{"/a/b~0c/2", "d/e", false}, {"/a/b~0c/x", "d/e", false}, {"/nope", "a", false},
	} {
		if got := r.has(tc.ptr, tc.key); got != tc.has {
			t.Errorf("has(%q, %q) = %v, want %v", tc.ptr, tc.key, got, tc.has)
		}
	}
	for ptr, want := range map[string]string{"/a/b~0c/1/d~1e": `x"y`, "/ab": "z", "/k": "last", "/a/Name": "up"} {
		if got, ok := r.str(ptr); !ok || got != want {
			t.Errorf("str(%q) = %q, %v; want %q", ptr, got, ok, want)
		}
	}
	if _, ok := r.str("/a/b~0c/1/n"); ok {
		t.Error("str of null succeeded")
	}
}

func TestHasEmptyMember(t *testing.T) {
	t.Parallel()
	for doc, want := range map[string]bool{
		`{"bom-ref":""}`: true, `{"bom-ref" : ""}`: true, `{"bom-ref":"x"}`: false, `{"x":"bom-ref","y":""}`: false, `{"bom-ref"`: false,
	} {
		if got := hasEmptyMember([]byte(doc), "bom-ref"); got != want {
			t.Errorf("hasEmptyMember(%s) = %v, want %v", doc, got, want)
		}
	}
}
