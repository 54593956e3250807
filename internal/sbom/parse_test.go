package sbom

import (
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annexlint/annexlint/internal/position"
)

// wantCycloneDXFull is what cdx-1.6-full.{json,xml} normalise to; loc maps
// a JSON pointer to the Loc the format gives.
func wantCycloneDXFull(f Format, loc func(string) Loc, root Loc) *SBOM {
	// Nesting is read from member paths, which only JSON input has.
	nested := func(in string) string {
		if f == FormatCycloneDXJSON {
			return in
		}
		return ""
	}
	return &SBOM{
		Format:       f,
		SpecVersion:  "1.6",
		SerialNumber: "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
		Authors:      []string{"Jane Doe", "ops@example.com", "Acme Medical GmbH"},
		Tools:        []string{"acme sbom-gen 2.0"},
		Timestamp:    "2024-05-01T10:00:00Z",
		Primary: &Component{
			Ref: "infusion-pump-fw", Type: "firmware", Name: "infusion-pump-fw", Version: "4.2.0",
			Supplier: "Acme Medical GmbH", SupplierSource: "supplier",
			CPEs: []string{}, Hashes: []Hash{}, Licenses: []string{}, Loc: loc("/metadata/component"),
		},
		Components: []Component{
			comp(Component{
				Ref: "bootloader", Type: "firmware", Name: "bootloader", Version: "1.0",
				Supplier: "Hardware Team", SupplierSource: "author", Loc: loc("/metadata/component/components/0"),
				NestedIn: nested(NestedPrimary),
			}),
			comp(Component{
				Ref: "pkg:npm/%40angular/core@16.0.0", Type: "library", Name: "core", Version: "16.0.0", Group: "@angular",
				Supplier: "Google LLC", SupplierSource: "supplier",
				Purl: "pkg:npm/%40angular/core@16.0.0",
				CPEs: []string{"cpe:2.3:a:google:angular:16.0.0:*:*:*:*:*:*:*"},
				Hashes: []Hash{
					{Alg: "SHA-256", Value: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
					{Alg: "SHA-512", Value: "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"},
				},
				Licenses: []string{"MIT"}, Filename: "core-16.0.0.tgz", Scope: "required",
				SupportLevel: "security-fixes-only", EndOfSupport: "2025-11-08",
				ExecutableProperty: "non-executable", ArchiveProperty: "archive", StructuredProperty: "structured",
				Loc: loc("/components/0"),
			}),
			comp(Component{
				Ref: "rxjs", Type: "library", Name: "rxjs", Version: "7.8.1",
				Supplier: "ReactiveX", SupplierSource: "manufacturer",
				Purl: "not a purl", PurlError: `purl scheme is not "pkg": "not a purl"`,
				Licenses: []string{"Apache-2.0 OR MIT"}, EndOfSupport: "2026-01-01",
				Loc: loc("/components/0/components/0"), NestedIn: nested(NestedComponent),
			}),
			comp(Component{
				Ref: "zlib", Type: "library", Name: "zlib", Version: "1.3",
				Supplier: "Mark Adler", SupplierSource: "publisher", Purl: "pkg:generic/zlib@1.3",
				Hashes:   []Hash{{Alg: "SHA3-256", Value: "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"}},
				Licenses: []string{"zlib License"}, Loc: loc("/components/1"),
			}),
			comp(Component{
				Type: "library", Name: "unnamed-helper", Supplier: "Some Author", SupplierSource: "author", Loc: loc("/components/2"),
			}),
		},
		Dependencies: []Dependency{
			dep("infusion-pump-fw", []string{"pkg:npm/%40angular/core@16.0.0", "zlib"}, nil, loc("/dependencies/0")),
			dep("pkg:npm/%40angular/core@16.0.0", []string{"rxjs"}, nil, loc("/dependencies/1")),
			dep("zlib", nil, nil, loc("/dependencies/2")),
		},
		KnownUnknowns: []KnownUnknown{
			{Aggregate: "incomplete_first_party_only", Refs: []string{"zlib"}, Loc: loc("/compositions/1")},
			{Aggregate: "unknown", Refs: []string{"pkg:npm/%40angular/core@16.0.0"}, Loc: loc("/compositions/2")},
		},
		Loc: root,
	}
}

// wantSPDXFull is what spdx-2.3-full.{json,spdx} normalise to.
func wantSPDXFull(f Format, loc func(string) Loc, root Loc) *SBOM {
	return &SBOM{
		Format:       f,
		SpecVersion:  "2.3",
		SerialNumber: "https://acme.example/spdx/infusion-pump-fw-4.2.0-1b2c",
		Authors:      []string{"Jane Doe (jane@example.com)", "Acme Medical GmbH"},
		Tools:        []string{"sbom-gen-2.0"},
		Timestamp:    "2024-05-01T10:00:00Z",
		Primary: &Component{
			Ref: "SPDXRef-fw", Type: "operating-system", Name: "infusion-pump-fw", Version: "4.2.0",
			Supplier: "Acme Medical GmbH", SupplierSource: "spdx-supplier",
			CPEs: []string{}, Hashes: []Hash{}, Licenses: []string{"LicenseRef-Proprietary"}, Loc: loc("/packages/1"),
		},
		Components: []Component{
			comp(Component{
				Ref: "SPDXRef-openssl", Type: "library", Name: "openssl", Version: "3.0.13",
				Supplier: "OpenSSL Foundation", SupplierSource: "spdx-supplier",
				Purl: "pkg:generic/openssl@3.0.13",
				CPEs: []string{"cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:*"},
				Hashes: []Hash{
					{Alg: "SHA-256", Value: "88525753f79d3bec27d2fa7c66aec0b3a5fc5dd7fd6b93b6ad3f6ecb6e7db3e7"},
					{Alg: "SHA-512", Value: "aa"},
				},
				Licenses: []string{"Apache-2.0"}, Filename: "openssl-3.0.13.tar.gz", EndOfSupport: "2026-09-07T00:00:00Z",
				Loc: loc("/packages/0"),
			}),
			comp(Component{
				Ref: "SPDXRef-zlib", Name: "zlib", Version: "1.3",
				Supplier: "zlib authors <zlib@gzip.org>", SupplierSource: "spdx-originator",
				Purl: "pkg:generic/zlib@1.3?arch=x86&foo=bar", Licenses: []string{"Zlib"},
				Loc: loc("/packages/2"),
			}),
			comp(Component{
				Ref: "SPDXRef-libunknown", Name: "libunknown",
				Purl: "pkg:/", PurlError: "purl is missing type or name", Loc: loc("/packages/3"),
			}),
		},
		Dependencies: []Dependency{
			dep("SPDXRef-fw", []string{"SPDXRef-openssl", "SPDXRef-zlib", "DocumentRef-other:SPDXRef-libc"},
				[]string{"SPDXRef-libunknown", "SPDXRef-main-c"}, loc("/relationships/0")),
			dep("SPDXRef-openssl", nil, nil, loc("/relationships/3")),
		},
		KnownUnknowns: []KnownUnknown{
			{Aggregate: "unknown", Refs: []string{"SPDXRef-libunknown"}, Relationship: "DEPENDS_ON", Loc: loc("/relationships/4")},
		},
		Loc: root,
	}
}

func pointerLoc(p string) Loc { return Loc{Pointer: p} }

// lineLocs maps the JSON pointers of the twin JSON fixture to line:column in
// the XML or tag-value one, as an editor shows them.
func lineLocs(m map[string][2]int) func(string) Loc {
	return func(p string) Loc {
		lc, ok := m[p]
		if !ok {
			return Loc{Pointer: "missing in test table: " + p}
		}
		return Loc{Line: lc[0], Col: lc[1]}
	}
}

func TestParseFull(t *testing.T) {
	t.Parallel()
	cdxXML := lineLocs(map[string][2]int{
		"/metadata/component": {14, 5}, "/metadata/component/components/0": {19, 9},
		"/components/0": {30, 5}, "/components/0/components/0": {52, 9}, "/components/1": {64, 5}, "/components/2": {73, 5},
		"/dependencies/0": {79, 5}, "/dependencies/1": {83, 5}, "/dependencies/2": {86, 5},
		"/compositions/1": {93, 5}, "/compositions/2": {98, 5},
	})
	spdxTV := lineLocs(map[string][2]int{
		"/packages/0": {19, 1}, "/packages/1": {40, 1}, "/packages/2": {52, 3}, "/packages/3": {65, 1},
		"/relationships/0": {78, 1}, "/relationships/3": {81, 1}, "/relationships/4": {82, 1},
	})
	// The fixtures carry deliberate defects, which come back as Problems.
	badPurl := `package URL (purl) of component "rxjs" does not parse: "not a purl": purl scheme is not "pkg": "not a purl"`
	shortHash := `checksum of package "openssl" (SPDXRef-openssl): SHA512 value has 2 hexadecimal digits, a SHA512 digest has 128`
	badSPDXPurl := `package URL (purl) of package "libunknown" (SPDXRef-libunknown) does not parse: "pkg:/": purl is missing type or name`
	underscore := `external reference of package "zlib" (SPDXRef-zlib) has category "PACKAGE_MANAGER"; SPDX 2.3 JSON allows OTHER, PERSISTENT-ID, SECURITY, PACKAGE-MANAGER`
	tests := []struct {
		file     string
		want     *SBOM
		problems []Problem
	}{
		{"cdx-1.6-full.json", wantCycloneDXFull(FormatCycloneDXJSON, pointerLoc, Loc{Line: 1, Col: 1}),
			[]Problem{{Loc{Pointer: "/components/0/components/0/purl"}, ProblemPurl, badPurl}}},
		{"cdx-1.6-full.xml", wantCycloneDXFull(FormatCycloneDXXML, cdxXML, Loc{Line: 2, Col: 1}),
			[]Problem{{Loc{Line: 52, Col: 9}, ProblemPurl, badPurl}}},
		{"spdx-2.3-full.json", wantSPDXFull(FormatSPDXJSON, pointerLoc, Loc{Line: 1, Col: 1}), []Problem{
			{Loc{Pointer: "/packages/0/checksums/1/checksumValue"}, ProblemInvalid, shortHash},
			{Loc{Pointer: "/packages/1/primaryPackagePurpose"}, ProblemInvalid, `package "infusion-pump-fw" (SPDXRef-fw) has primaryPackagePurpose "OPERATING-SYSTEM", ` +
				`which SPDX 2.3 does not define (APPLICATION, FRAMEWORK, LIBRARY, CONTAINER, OPERATING_SYSTEM, DEVICE, FIRMWARE, SOURCE, ARCHIVE, FILE, INSTALL, OTHER)`},
			{Loc{Pointer: "/packages/2/externalRefs/0/referenceCategory"}, ProblemInvalid, underscore},
			{Loc{Pointer: "/packages/2/externalRefs/1/referenceCategory"}, ProblemInvalid, underscore},
			{Loc{Pointer: "/packages/3"}, ProblemPurl, badSPDXPurl},
		}},
		{"spdx-2.3-full.spdx", wantSPDXFull(FormatSPDXTagValue, spdxTV, Loc{Line: 1, Col: 1}), []Problem{
			{Loc{Line: 19, Col: 1}, ProblemInvalid, shortHash},
			{Loc{Line: 65, Col: 1}, ProblemPurl, badSPDXPurl},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			tc.want.Problems = tc.problems
			got := mustParse(t, tc.file)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Parse(%s) mismatch (-want +got):\n%s", tc.file, diff)
			}
		})
	}
}

// TestParseVersions covers every supported format and version with one small
// fixture each: the same product, so the same facts must come out.
func TestParseVersions(t *testing.T) {
	t.Parallel()
	type want struct {
		format     Format
		version    string
		components []string // names, in order
		deps       int
		unknowns   int
		nestedLoc  Loc // of the nested component lib-a-shaded
		filename   string
		tools      []string
	}
	cdx := func(f Format, v string, nested Loc, filename string, unknowns int, tool string) want {
		return want{f, v, []string{"lib-a", "lib-a-shaded", "lib-b"}, 3, unknowns, nested, filename, []string{tool}}
	}
	tests := map[string]want{
		"cdx-1.2.json":          cdx(FormatCycloneDXJSON, "1.2", Loc{Pointer: "/components/0/components/0"}, "", 0, "acme gen 1.2"),
		"cdx-1.3.json":          cdx(FormatCycloneDXJSON, "1.3", Loc{Pointer: "/components/0/components/0"}, "lib-a-2.0.jar", 1, "acme gen 1.3"),
		"cdx-1.4.json":          cdx(FormatCycloneDXJSON, "1.4", Loc{Pointer: "/components/0/components/0"}, "lib-a-2.0.jar", 1, "acme gen 1.4"),
		"cdx-1.5.json":          cdx(FormatCycloneDXJSON, "1.5", Loc{Pointer: "/components/0/components/0"}, "lib-a-2.0.jar", 1, "gen 1.5"),
		"cdx-1.7.json":          cdx(FormatCycloneDXJSON, "1.7", Loc{Pointer: "/components/0/components/0"}, "lib-a-2.0.jar", 1, "gen 1.7"),
		"cdx-1.2.xml":           cdx(FormatCycloneDXXML, "1.2", Loc{Line: 18, Col: 9}, "", 0, "acme gen 1.2"),
		"cdx-1.3.xml":           cdx(FormatCycloneDXXML, "1.3", Loc{Line: 19, Col: 9}, "lib-a-2.0.jar", 1, "acme gen 1.3"),
		"cdx-1.4.xml":           cdx(FormatCycloneDXXML, "1.4", Loc{Line: 19, Col: 9}, "lib-a-2.0.jar", 1, "acme gen 1.4"),
		"cdx-1.5.xml":           cdx(FormatCycloneDXXML, "1.5", Loc{Line: 19, Col: 9}, "lib-a-2.0.jar", 1, "gen 1.5"),
		"cdx-1.7.xml":           cdx(FormatCycloneDXXML, "1.7", Loc{Line: 19, Col: 9}, "lib-a-2.0.jar", 1, "gen 1.7"),
		"cdx-1.4-utf8-bom.json": {FormatCycloneDXJSON, "1.4", []string{"bom-marked"}, 0, 0, Loc{}, "", []string{}},
		"spdx-2.2.json":         {FormatSPDXJSON, "2.2", []string{"libfoo"}, 1, 0, Loc{}, "", []string{"hello-sbom-1.0"}},
		"spdx-2.2.spdx":         {FormatSPDXTagValue, "2.2", []string{"libfoo"}, 1, 0, Loc{}, "", []string{"hello-sbom-1.0"}},
		"spdx-2.2-cr-only.spdx": {FormatSPDXTagValue, "2.2", []string{"cr-only"}, 0, 0, Loc{}, "", []string{"old-mac"}},
	}
	for file, w := range tests {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			s := mustParse(t, file)
			var names []string
			for _, c := range s.Components {
				names = append(names, c.Name)
			}
			got := want{s.Format, s.SpecVersion, names, len(s.Dependencies), len(s.KnownUnknowns), Loc{}, "", s.Tools}
			for _, c := range s.Components {
				switch c.Name {
				case "lib-a-shaded":
					got.nestedLoc = c.Loc
				case "lib-a":
					got.filename = c.Filename
				}
			}
			if diff := cmp.Diff(w, got, cmp.AllowUnexported(want{})); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseVersionFixtureDetails(t *testing.T) {
	t.Parallel()
	// The CR-only file must be split into lines, not read as one line.
	s := mustParse(t, "spdx-2.2-cr-only.spdx")
	if got := s.Components[0].Loc; got != (Loc{Line: 9, Col: 1}) {
		t.Errorf("CR-only package loc = %+v, want line 9", got)
	}
	// The SPDX 2.2 JSON originator has no "Person:" prefix: kept, not fatal.
	s = mustParse(t, "spdx-2.2.json")
	if c := s.Components[0]; c.Supplier != "Foo Maintainers <foo@example.com>" || c.SupplierSource != "spdx-originator" {
		t.Errorf("untyped originator = %q/%q", c.Supplier, c.SupplierSource)
	}
	if s.Primary == nil || s.Primary.Purl != "pkg:golang/example.com/hello@v1.0.0" || s.Primary.Hashes[0].Alg != "MD5" {
		t.Errorf("primary = %+v", s.Primary)
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file       string
		msg        string // substring of the reason
		line, col  int
		version    bool   // a *VersionError
		detectedAs Format // what Detect says ("" = error)
	}{
		{"bad/array.json", "not a CycloneDX or SPDX document: the JSON top level is an array", 1, 1, false, ""},
		{"bad/cdx-1.1.json", "unsupported version: CycloneDX 1.1; supported: CycloneDX 1.2–1.7", 3, 3, true, FormatCycloneDXJSON},
		{"bad/cdx-1.1.xml", "unsupported version: CycloneDX 1.1 (XML)", 2, 1, true, FormatCycloneDXXML},
		{"bad/cdx-no-specversion.json", "CycloneDX JSON document has no specVersion", 1, 1, false, ""},
		{"bad/cdx-other-bomformat.json", `bomFormat is "AnotherFormat"`, 2, 3, false, ""},
		{"bad/cdx-trailing-html.json", "parse CycloneDX JSON: invalid JSON: invalid character '<' after top-level value", 2, 1, false, FormatCycloneDXJSON},
		{"bad/cdx-truncated.json", "invalid JSON: unexpected end of JSON input", 5, 36, false, ""},
		{"bad/cdx-unclosed.xml", "parse CycloneDX XML: element <component> closed by </components>", 5, 0, false, FormatCycloneDXXML},
		{"bad/cdx-wrong-type.json", "components.version is JSON number, expected string", 5, 49, false, FormatCycloneDXJSON},
		{"bad/dsse.json", "DSSE envelope", 1, 1, false, ""},
		{"bad/empty.txt", "the file is empty", 0, 0, false, ""},
		{"bad/not-sbom.csv", `content is not JSON, XML or SPDX tag-value (starts with "filename,url")`, 1, 0, false, ""},
		{"bad/not-sbom.json", `neither "bomFormat" (CycloneDX) nor "spdxVersion" (SPDX)`, 1, 1, false, ""},
		{"bad/spdx-2.1.json", "unsupported version: SPDX-2.1; supported:", 1, 2, true, FormatSPDXJSON},
		{"bad/spdx-2.1.spdx", "unsupported version: SPDX-2.1 (tag-value)", 1, 0, true, FormatSPDXTagValue},
		{"bad/spdx-3.0.json", "unsupported version: SPDX 3.0.1 (JSON-LD)", 2, 3, true, FormatSPDXJSON},
		{"bad/spdx-bad-checksum.spdx", "parse SPDX tag-value: invalid subvalue format for no-separator-here", 12, 0, false, FormatSPDXTagValue},
		{"bad/spdx-no-colon.spdx", `no colon found in "this line has no colon"`, 3, 0, false, FormatSPDXTagValue},
		{"bad/spdx-null-relationship.json", "parse SPDX JSON: relationships[0] is null", 1, 59, false, FormatSPDXJSON},
		{"bad/spdx-unclosed-text.spdx", "<text> opened for DocumentComment is never closed", 4, 0, false, FormatSPDXTagValue},
		{"bad/xml-other-root.xml", "XML root element is <project>", 2, 1, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			data := readFixture(t, tc.file)
			s, err := Parse(tc.file, data)
			if err == nil {
				t.Fatalf("Parse succeeded with %d components, want error", len(s.Components))
			}
			var pe *position.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v is not a *position.Error", err, err)
			}
			want := position.Pos{File: tc.file, Line: tc.line, Col: tc.col}
			if pe.Pos != want || !strings.Contains(pe.Msg, tc.msg) {
				t.Errorf("got %v\nwant %v: ...%s...", err, want, tc.msg)
			}
			var ve *VersionError
			if errors.As(err, &ve) != tc.version {
				t.Errorf("VersionError = %v, want %v", !tc.version, tc.version)
			}
			if f, derr := Detect(data); f != tc.detectedAs || (f == "") != (derr != nil) && !tc.version {
				t.Errorf("Detect = %q, %v; want %q", f, derr, tc.detectedAs)
			}
		})
	}
}

// TestDetectIgnoresName: the name only labels errors; content decides.
func TestDetectIgnoresName(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ file, misleadingName string }{
		{"cdx-1.4.json", "sbom.spdx.json"},
		{"spdx-2.2.spdx", "bom.cdx.json"},
		{"spdx-2.2.json", "bom.xml"},
		{"cdx-1.4.xml", "x.spdx"},
	} {
		want := mustParse(t, tc.file)
		got, err := Parse(tc.misleadingName, readFixture(t, tc.file))
		if err != nil {
			t.Fatalf("%s as %s: %v", tc.file, tc.misleadingName, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s parsed differently under name %s:\n%s", tc.file, tc.misleadingName, diff)
		}
		f, v, err := DetectVersion(readFixture(t, tc.file))
		if err != nil || f != want.Format || v != want.SpecVersion {
			t.Errorf("DetectVersion(%s) = %q %q %v", tc.file, f, v, err)
		}
	}
}

func TestNestingIsCapped(t *testing.T) {
	t.Parallel()
	nest := func(levels int) []byte {
		var b strings.Builder
		b.WriteString(`{"bomFormat":"CycloneDX","specVersion":"1.6","components":[`)
		for range levels {
			b.WriteString(`{"type":"library","name":"n","components":[`)
		}
		for range levels {
			b.WriteString(`]}`)
		}
		b.WriteString(`]}`)
		return []byte(b.String())
	}
	s, err := Parse("ok.json", nest(400))
	if err != nil {
		t.Fatalf("400 nested components: %v", err)
	}
	if len(s.Components) != 400 || !strings.HasPrefix(s.Components[399].Loc.Pointer, "/components/0/components/0/") {
		t.Errorf("got %d components, last at %q", len(s.Components), s.Components[len(s.Components)-1].Loc.Pointer)
	}
	_, err = Parse("deep.json", nest(600))
	if err == nil || !strings.Contains(err.Error(), "nesting deeper than 1000") {
		t.Errorf("600 nested components (1200 JSON levels): %v", err)
	}
	xmlDeep := "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\">" + strings.Repeat("<a>", 1200) + strings.Repeat("</a>", 1200) + "</bom>"
	_, err = Parse("deep.xml", []byte(xmlDeep))
	if err == nil || !strings.Contains(err.Error(), "deeper than 1000") {
		t.Errorf("1200 nested XML elements: %v", err)
	}
}

func TestRecoverAsError(t *testing.T) {
	t.Parallel()
	run := func() (s *SBOM, err error) {
		defer recoverAsError("boom.json", &s, &err)
		s = &SBOM{}
		panic("decoder bug")
	}
	s, err := run()
	var pe *position.Error
	if s != nil || !errors.As(err, &pe) || pe.Pos.File != "boom.json" || !strings.Contains(pe.Msg, "decoder bug") {
		t.Errorf("got %v, %v", s, err)
	}
}

// TestModelForRego: snake_case keys, [] not null, and stable output.
func TestModelForRego(t *testing.T) {
	t.Parallel()
	key := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	for _, file := range []string{"cdx-1.6-full.json", "cdx-1.6-full.xml", "spdx-2.3-full.json", "spdx-2.3-full.spdx", "cdx-1.4-utf8-bom.json"} {
		first, err := json.Marshal(mustParse(t, file))
		if err != nil {
			t.Fatal(err)
		}
		again, _ := json.Marshal(mustParse(t, file))
		if string(first) != string(again) {
			t.Errorf("%s: output differs between runs", file)
		}
		var v any
		if err := json.Unmarshal(first, &v); err != nil {
			t.Fatal(err)
		}
		walkJSON(v, func(path, k string, val any) {
			if !key.MatchString(k) {
				t.Errorf("%s: key %s%s is not snake_case", file, path, k)
			}
			if val == nil && k != "primary" {
				t.Errorf("%s: %s%s is null", file, path, k)
			}
		})
	}
}

func walkJSON(v any, fn func(path, key string, val any)) {
	var walk func(string, any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, val := range x {
				fn(path, k, val)
				walk(path+k+".", val)
			}
		case []any:
			for _, val := range x {
				walk(path, val)
			}
		}
	}
	walk("", v)
}

func TestNormalisePurl(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, purl, errSub string }{
		{"", "", ""},
		{"  pkg:NPM/%40angular/core@1.0  ", "pkg:npm/%40angular/core@1.0", ""},
		{"pkg:pypi/Django_Rest@3.0", "pkg:pypi/django-rest@3.0", ""},
		{"pkg:maven/org.x/y@1?type=jar&classifier=src", "pkg:maven/org.x/y@1?classifier=src&type=jar", ""},
		{"npm/foo@1", "npm/foo@1", "scheme"},
		{"pkg:npm", "pkg:npm", "missing type or name"},
	}
	for _, tc := range tests {
		purl, perr := normalisePurl(tc.in)
		if purl != tc.purl || (tc.errSub == "") != (perr == "") || !strings.Contains(perr, tc.errSub) {
			t.Errorf("normalisePurl(%q) = %q, %q; want %q, error containing %q", tc.in, purl, perr, tc.purl, tc.errSub)
		}
	}
}

func TestNormaliseHash(t *testing.T) {
	t.Parallel()
	tests := []struct{ alg, value, wantAlg, wantValue string }{
		{"SHA256", " ABC ", "SHA-256", "abc"},
		{"sha-512", "F", "SHA-512", "f"},
		{"SHA3_256", "a", "SHA3-256", "a"},
		{"BLAKE2b-256", "a", "BLAKE2b-256", "a"},
		{"blake2b_512", "a", "BLAKE2b-512", "a"},
		{"SHA1", "a", "SHA-1", "a"},
		{"md5", "A", "MD5", "a"},
		{"crc32", "a", "CRC32", "a"},
	}
	for _, tc := range tests {
		if got := normaliseHash(tc.alg, tc.value); got != (Hash{tc.wantAlg, tc.wantValue}) {
			t.Errorf("normaliseHash(%q, %q) = %+v", tc.alg, tc.value, got)
		}
	}
}

func TestTokenizeTagValueLineEnds(t *testing.T) {
	t.Parallel()
	text := "A: 1\nB: <text>x\ny</text>\n\n# c\nC: 3\n"
	var want []tvPair
	for i, ends := range []string{"\n", "\r\n", "\r"} {
		pairs, err := tokenizeTagValue([]byte(strings.ReplaceAll(text, "\n", ends)))
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			want = pairs
			if len(pairs) != 3 || pairs[1].value != "x\ny" || pairs[2].line != 6 {
				t.Fatalf("LF pairs = %+v", pairs)
			}
			continue
		}
		if diff := cmp.Diff(want, pairs, cmp.AllowUnexported(tvPair{})); diff != "" {
			t.Errorf("line ends %q: %s", ends, diff)
		}
	}
}

func TestFailingPrefix(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		fail func(k int) error
		want int
	}{
		{"fails from pair 7 on", func(k int) error { return errIf(k >= 7, "bad") }, 7},
		{"first pair", func(int) error { return errors.New("bad") }, 1},
		// Prefixes fail differently (end-of-input checks): no line, not a guess.
		{"other message", func(k int) error { return errIf(k > 0, "worse") }, 0},
		{"never", func(int) error { return nil }, 0},
	}
	for _, tc := range tests {
		if k := failingPrefix(20, "bad", tc.fail); k != tc.want {
			t.Errorf("%s: k = %d, want %d", tc.name, k, tc.want)
		}
	}
}

func errIf(cond bool, msg string) error {
	if cond {
		return errors.New(msg)
	}
	return nil
}
