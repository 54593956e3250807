package vuln

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestStatusMapping pins the normalised status, source status and
// justification of every status each VEX format can express.
func TestStatusMapping(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file, ptr                     string
		status, source, justification string
	}{
		{"openvex-v020.json", "/statements/0", StatusNotAffected, "not_affected", "vulnerable_code_not_in_execute_path"},
		{"openvex-v020.json", "/statements/1", StatusAffected, "affected", ""},
		{"openvex-v020.json", "/statements/2", StatusFixed, "fixed", ""},
		{"openvex-v020.json", "/statements/3", StatusUnderInvestigation, "under_investigation", ""},
		{"openvex-v001.json", "/statements/0", StatusNotAffected, "not_affected", "component_not_present"},
		{"openvex-invalid.json", "/statements/2", "", "exploitable", "code_not_present"},

		{"cyclonedx-vex.json", "/vulnerabilities/0", StatusAffected, "exploitable", ""},
		{"cyclonedx-vex.json", "/vulnerabilities/1", StatusUnderInvestigation, "in_triage", ""},
		{"cyclonedx-vex.json", "/vulnerabilities/2", StatusFixed, "resolved", ""},
		{"cyclonedx-vex.json", "/vulnerabilities/3", StatusFixed, "resolved_with_pedigree", ""},
		{"cyclonedx-vex.json", "/vulnerabilities/4", StatusNotAffected, "not_affected", "code_not_reachable"},
		{"cyclonedx-vex.json", "/vulnerabilities/5", StatusNotAffected, "false_positive", "false_positive"},
		{"cyclonedx-vex.json", "/vulnerabilities/6", StatusNotAffected, "false_positive", "requires_environment"},
		{"cyclonedx-vex.json", "/vulnerabilities/7", "", "maybe", "because"},
		{"cyclonedx-vex.json", "/vulnerabilities/8", "", "", ""},

		{"csaf-vex.json", "/vulnerabilities/0/product_status/first_affected/0", StatusAffected, "first_affected", ""},
		{"csaf-vex.json", "/vulnerabilities/0/product_status/known_affected/0", StatusAffected, "known_affected", ""},
		{"csaf-vex.json", "/vulnerabilities/0/product_status/last_affected/0", StatusAffected, "last_affected", ""},
		{"csaf-vex.json", "/vulnerabilities/0/product_status/first_fixed/0", StatusFixed, "first_fixed", ""},
		{"csaf-vex.json", "/vulnerabilities/0/product_status/fixed/0", StatusFixed, "fixed", ""},
		{"csaf-vex.json", "/vulnerabilities/1/product_status/known_not_affected/1", StatusNotAffected, "known_not_affected", "vulnerable_code_not_present"},
		{"csaf-vex.json", "/vulnerabilities/1/product_status/known_not_affected/0", StatusNotAffected, "known_not_affected", ""},
		{"csaf-vex.json", "/vulnerabilities/1/product_status/under_investigation/0", StatusUnderInvestigation, "under_investigation", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file+tt.ptr, func(t *testing.T) {
			t.Parallel()
			doc, _ := load(t, tt.file)
			s := statementAt(t, doc, tt.ptr)
			if s.Status != tt.status || s.SourceStatus != tt.source || s.Justification != tt.justification {
				t.Fatalf("status/source/justification = %q/%q/%q, want %q/%q/%q",
					s.Status, s.SourceStatus, s.Justification, tt.status, tt.source, tt.justification)
			}
		})
	}
}

// productOpts compares products without their locations, which
// TestResolveLocs covers.
var productOpts = cmpopts.IgnoreFields(Product{}, "Loc")

func TestOpenVEX(t *testing.T) {
	t.Parallel()
	doc, _ := load(t, "openvex-v020.json")
	if len(doc.Problems) != 0 {
		t.Errorf("valid document has problems: %+v", doc.Problems)
	}
	head := []string{doc.SpecVersion, doc.Version, doc.ID, doc.Author, doc.Timestamp, doc.Tool}
	want := []string{"v0.2.0", "2", "https://example.com/vex/infusion-pump-2.1-0001", "Example Medical PSIRT", "2024-05-01T10:00:00Z", "vexctl/0.3.0"}
	if diff := cmp.Diff(want, head); diff != "" {
		t.Errorf("document fields (-want +got):\n%s", diff)
	}
	if len(doc.Statements) != 4 {
		t.Fatalf("statements = %d, want 4", len(doc.Statements))
	}

	s0 := doc.Statements[0]
	if diff := cmp.Diff([]string{"GHSA-jfh8-c2jp-5v3q"}, s0.Aliases); diff != "" {
		t.Errorf("aliases drop the primary id (-want +got):\n%s", diff)
	}
	image := Product{ID: "pkg:oci/pump-firmware@sha256%3Aabc123", Purl: "pkg:oci/pump-firmware@sha256:abc123",
		Name: "pump-firmware", Version: "sha256:abc123"}
	log4j := Product{ID: "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
		Purl: "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", Name: "log4j-core", Version: "2.14.1", Parent: &image}
	container := image
	container.Container = true
	if diff := cmp.Diff([]Product{container, log4j}, s0.Products, productOpts); diff != "" {
		t.Errorf("subcomponents are flattened after their product (-want +got):\n%s", diff)
	}
	if s0.Timestamp != "2024-05-01T09:00:00Z" || s0.ImpactStatement != "JNDI lookups are disabled at build time." {
		t.Errorf("statement 0 timestamp/impact = %q/%q", s0.Timestamp, s0.ImpactStatement)
	}

	s1 := doc.Statements[1]
	if s1.Timestamp != doc.Timestamp {
		t.Errorf("statement without timestamp inherits the document's: got %q", s1.Timestamp)
	}
	if s1.ActionStatement != "Update to firmware 2.2, which ships openssl 1.1.1t." {
		t.Errorf("action statement = %q", s1.ActionStatement)
	}
	wantP := []Product{
		{ID: "pkg:deb/debian/openssl@1.1.1n-0+deb11u3?arch=amd64", Purl: "pkg:deb/debian/openssl@1.1.1n-0%2Bdeb11u3?arch=amd64",
			Name: "openssl", Version: "1.1.1n-0+deb11u3"},
		{Purl: "pkg:deb/debian/libssl1.1@1.1.1n-0%2Bdeb11u3", CPE: "cpe:2.3:a:openssl:openssl:1.1.1n:*:*:*:*:*:*:*",
			Name: "libssl1.1", Version: "1.1.1n-0+deb11u3"},
	}
	if diff := cmp.Diff(wantP, s1.Products, productOpts); diff != "" {
		t.Errorf("purls are normalised, identifiers read (-want +got):\n%s", diff)
	}
	if got := doc.Statements[3].Products[0].Name; got != "@example/ui" {
		t.Errorf("scoped npm name = %q, want @example/ui", got)
	}
}

func TestOpenVEXLegacy(t *testing.T) {
	t.Parallel()
	doc, _ := load(t, "openvex-v001.json")
	if doc.SpecVersion != "v0.0.1" {
		t.Errorf("SpecVersion = %q, want v0.0.1", doc.SpecVersion)
	}
	if len(doc.Problems) != 2 || doc.Problems[0].Loc.Pointer != "/@context" ||
		!strings.Contains(doc.Problems[0].Msg, "legacy OpenVEX context") ||
		!strings.Contains(doc.Problems[1].Msg, "version must be an integer") {
		t.Errorf("problems = %+v, want the legacy context and the string version", doc.Problems)
	}
	s := doc.Statements[0]
	image := Product{ID: "pkg:oci/monitor@sha256%3Aabcdef", Purl: "pkg:oci/monitor@sha256:abcdef", Name: "monitor", Version: "sha256:abcdef"}
	container := image
	container.Container = true
	want := []Product{container, {ID: "pkg:apk/alpine/busybox@1.35.0-r17", Purl: "pkg:apk/alpine/busybox@1.35.0-r17",
		Name: "busybox", Version: "1.35.0-r17", Parent: &image}}
	if s.Vulnerability != "CVE-2022-1234" {
		t.Errorf("vulnerability = %q", s.Vulnerability)
	}
	if diff := cmp.Diff(want, s.Products, productOpts); diff != "" {
		t.Errorf("v0.0.1 string products and statement subcomponents (-want +got):\n%s", diff)
	}
}

func TestCSAF(t *testing.T) {
	t.Parallel()
	doc, _ := load(t, "csaf-vex.json")
	if len(doc.Problems) != 0 {
		t.Errorf("valid document has problems: %+v", doc.Problems)
	}
	head := []string{doc.SpecVersion, doc.Version, doc.ID, doc.Author, doc.Timestamp, doc.Tool}
	want := []string{"2.0", "3", "EXM-VEX-2024-0001", "Example Medical PSIRT", "2024-03-01T08:00:00Z", "Secvisogram 2.5"}
	if diff := cmp.Diff(want, head); diff != "" {
		t.Errorf("document fields (-want +got):\n%s", diff)
	}
	// One statement per product_status entry; "recommended" yields none.
	ptrs := make([]string, 0, len(doc.Statements))
	for _, s := range doc.Statements {
		ptrs = append(ptrs, s.Loc.Pointer)
	}
	wantPtrs := []string{
		"/vulnerabilities/0/product_status/first_affected/0",
		"/vulnerabilities/0/product_status/known_affected/0",
		"/vulnerabilities/0/product_status/last_affected/0",
		"/vulnerabilities/0/product_status/first_fixed/0",
		"/vulnerabilities/0/product_status/fixed/0",
		"/vulnerabilities/1/product_status/known_not_affected/0",
		"/vulnerabilities/1/product_status/known_not_affected/1",
		"/vulnerabilities/1/product_status/known_not_affected/2",
		"/vulnerabilities/1/product_status/under_investigation/0",
	}
	if diff := cmp.Diff(wantPtrs, ptrs); diff != "" {
		t.Errorf("statement order (-want +got):\n%s", diff)
	}

	ka := statementAt(t, doc, "/vulnerabilities/0/product_status/known_affected/0")
	pump21 := Product{ID: "PUMP-2.1", Ref: "PUMP-2.1", Name: "PumpOS", Version: "2.1", CPE: "cpe:2.3:o:example:pumpos:2.1:*:*:*:*:*:*:*"}
	wantP := Product{ID: "PUMP-2.1:OPENSSL", Ref: "PUMP-2.1:OPENSSL", Name: "openssl", Version: "1.1.1n",
		Purl: "pkg:deb/debian/openssl@1.1.1n?arch=amd64", Parent: &pump21}
	if diff := cmp.Diff([]Product{wantP}, ka.Products, productOpts); diff != "" {
		t.Errorf("relationship product resolves to the component inside its parent (-want +got):\n%s", diff)
	}
	if ka.Products[0].Loc.Pointer != "/product_tree/relationships/0/full_product_name" {
		t.Errorf("product loc = %q, want its definition", ka.Products[0].Loc.Pointer)
	}
	if ka.ActionStatement != "Update to PumpOS 2.2.\nDisable X.400 CRL processing." {
		t.Errorf("action statement joins the remediations naming the product: %q", ka.ActionStatement)
	}
	// Every remediation naming the product, with its date: AL-UPD-002 reads
	// a dated vendor_fix as the fix date.
	wantRem := []Remediation{
		{Category: "vendor_fix", Details: "Update to PumpOS 2.2.", Date: "2024-03-15T00:00:00Z",
			URL: "https://psirt.example.com/pumpos-2.2", Loc: Loc{Pointer: "/vulnerabilities/0/remediations/0"}},
		{Category: "workaround", Details: "Disable X.400 CRL processing.", Loc: Loc{Pointer: "/vulnerabilities/0/remediations/1"}},
	}
	if diff := cmp.Diff(wantRem, ka.Remediations); diff != "" {
		t.Errorf("remediations of the product (-want +got):\n%s", diff)
	}
	if fa := statementAt(t, doc, "/vulnerabilities/0/product_status/first_affected/0"); len(fa.Remediations) != 1 ||
		fa.Remediations[0].Category != "no_fix_planned" {
		t.Errorf("a remediation naming a group applies to its members: %+v", fa.Remediations)
	}
	if fx := statementAt(t, doc, "/vulnerabilities/0/product_status/fixed/0"); fx.Remediations == nil || len(fx.Remediations) != 0 {
		t.Errorf("a product no remediation names has an empty list, not null: %#v", fx.Remediations)
	}
	if diff := cmp.Diff([]string{"https://psirt.example.com/advisories/EXM-2024-0001"}, ka.Advisories); diff != "" {
		t.Errorf("advisories from the vulnerability's references (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"EXM-1234"}, ka.Aliases); diff != "" {
		t.Errorf("aliases from ids (-want +got):\n%s", diff)
	}

	fa := statementAt(t, doc, "/vulnerabilities/0/product_status/first_affected/0")
	if fa.ActionStatement != "End of life." || fa.Products[0].Range != "vers:generic/>=1.0|<2.0" {
		t.Errorf("group remediation and version range: %q, %q", fa.ActionStatement, fa.Products[0].Range)
	}

	na := statementAt(t, doc, "/vulnerabilities/1/product_status/known_not_affected/0")
	if na.Vulnerability != "GHSA-xxxx-yyyy-zzzz" || na.ImpactStatement != "The parser is not compiled in." {
		t.Errorf("vulnerability from ids / impact via group: %q, %q", na.Vulnerability, na.ImpactStatement)
	}
	flagged := statementAt(t, doc, "/vulnerabilities/1/product_status/known_not_affected/1")
	if flagged.Timestamp != "2024-02-01T00:00:00Z" || flagged.ImpactStatement != "" {
		t.Errorf("flag date / exploit_status threat is not an impact statement: %q, %q", flagged.Timestamp, flagged.ImpactStatement)
	}
}

func TestCSAFLenient(t *testing.T) {
	t.Parallel()
	data := readFixture(t, "csaf-advisory.json")
	doc, err := ParseWith("adv.json", data, Options{LenientCSAF: true})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Kind != KindCSAF || len(doc.Statements) != 1 || doc.Statements[0].Status != StatusAffected {
		t.Fatalf("kind %q, %d statements; want csaf with one affected statement", doc.Kind, len(doc.Statements))
	}
	// Only the category problem: the VEX profile tests (known_affected
	// needs a remediation, notes) do not apply to an advisory.
	if len(doc.Problems) != 1 || doc.Problems[0].Loc.Pointer != "/document/category" ||
		!strings.Contains(doc.Problems[0].Msg, "read leniently") {
		t.Fatalf("problems = %+v", doc.Problems)
	}
}

func TestCycloneDXVEX(t *testing.T) {
	t.Parallel()
	doc, _ := load(t, "cyclonedx-vex.json")
	head := []string{doc.SpecVersion, doc.Version, doc.ID, doc.Author, doc.Timestamp, doc.Tool}
	want := []string{"1.5", "4", "urn:uuid:11111111-2222-3333-4444-555555555555", "Example Medical PSIRT", "2024-04-01T12:00:00Z", "vex-editor 1.2"}
	if diff := cmp.Diff(want, head); diff != "" {
		t.Errorf("document fields (-want +got):\n%s", diff)
	}

	s0 := doc.Statements[0]
	wantS0 := Statement{
		Vulnerability: "CVE-2021-44228", Aliases: []string{"GHSA-jfh8-c2jp-5v3q"},
		Products: []Product{{ID: "log4j", Ref: "log4j", Name: "log4j-core", Version: "2.14.1",
			Purl: "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}},
		Status: StatusAffected, SourceStatus: "exploitable",
		ImpactStatement: "Reachable via the logging API.",
		ActionStatement: "Upgrade log4j-core to 2.17.1.\nSet log4j2.formatMsgNoLookups=true.",
		Responses:       []string{"update", "workaround_available"}, FixedVersions: []string{},
		Timestamp: "2024-03-05T00:00:00Z", FirstIssued: "2024-03-01T00:00:00Z",
		Severity: SeverityCritical, Advisories: []string{"https://logging.apache.org/security.html"},
		Remediations: []Remediation{},
	}
	if diff := cmp.Diff(wantS0, s0, productOpts, cmpopts.IgnoreFields(Statement{}, "Loc")); diff != "" {
		t.Errorf("statement 0 (-want +got):\n%s", diff)
	}
	if s := doc.Statements[1]; s.Timestamp != "2024-03-06T00:00:00Z" || s.Products[0].CPE == "" {
		t.Errorf("timestamp falls back to updated; nested component resolved: %+v", s)
	}
	wantVers := []Product{
		{ID: "pump", Ref: "pump", Name: "PumpOS", Version: "2.2", VersionStatus: "unaffected"},
		{ID: "pump", Ref: "pump", Name: "PumpOS", Range: "vers:generic/<2.2", VersionStatus: "affected"},
	}
	if diff := cmp.Diff(wantVers, doc.Statements[2].Products, productOpts); diff != "" {
		t.Errorf("one product per affects version (-want +got):\n%s", diff)
	}
	link := doc.Statements[3].Products[0]
	wantLink := Product{ID: "urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#pkg%3Amaven%2Fcom.example%2Flib%401.0",
		Bom: "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", BomVer: 1, Ref: "pkg:maven/com.example/lib@1.0",
		Purl: "pkg:maven/com.example/lib@1.0", Name: "lib", Version: "1.0"}
	if diff := cmp.Diff(wantLink, link, productOpts); diff != "" {
		t.Errorf("BOM-Link decoded (-want +got):\n%s", diff)
	}
	if got := doc.Statements[4].Responses; !cmp.Equal(got, []string{"will_not_fix"}) {
		t.Errorf("responses = %v", got)
	}
}

func TestCycloneDXVDR(t *testing.T) {
	t.Parallel()
	doc, _ := load(t, "cyclonedx-vdr.json")
	if doc.Tool != "grype 0.74.0" || doc.Subject != "pump-image" || len(doc.Statements) != 0 {
		t.Errorf("tool/subject/statements = %q/%q/%d", doc.Tool, doc.Subject, len(doc.Statements))
	}
	want := Match{
		Vulnerability: "CVE-2023-0286", Aliases: []string{"DSA-5343-1"},
		Name: "openssl", Version: "1.1.1n", Purl: "pkg:deb/debian/openssl@1.1.1n?arch=amd64", CPEs: []string{},
		Severity:      SeverityHigh, // the worst of high (NVD) and medium (debian)
		CVSS:          []CVSS{{Source: "NVD", Version: "3.1", Vector: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H", Score: f64(7.4)}},
		FixedVersions: []string{},
		Loc:           Loc{Pointer: "/vulnerabilities/0/affects/0"},
	}
	if diff := cmp.Diff([]Match{want}, doc.Matches); diff != "" {
		t.Errorf("VDR matches (-want +got):\n%s", diff)
	}
}

// TestPlaceholderPartsAreNoStatement: texts joined into one action or impact
// statement leave their placeholders out, so "n/a" beside "TBD" is no
// statement while real text beside a placeholder is kept alone.
func TestPlaceholderPartsAreNoStatement(t *testing.T) {
	for _, c := range []struct {
		parts []string
		want  string
	}{
		{[]string{"n/a", "TBD"}, ""},
		{[]string{"TODO", ""}, ""},
		{[]string{"Update to 2.1.4.", "n/a"}, "Update to 2.1.4."},
		{[]string{"Update to 2.1.4.", "Block port 2575 meanwhile."}, "Update to 2.1.4.\nBlock port 2575 meanwhile."},
	} {
		if got := joinContent(c.parts); got != c.want {
			t.Errorf("joinContent(%q) = %q, want %q", c.parts, got, c.want)
		}
	}
}

// TestCycloneDXNestedComponentHasParent: an affects ref to a component written
// inside the product (metadata.component) or inside another component names
// that one as Parent; a top-level component has none.
func TestCycloneDXNestedComponentHasParent(t *testing.T) {
	data := []byte(`{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
  "metadata": {"component": {"bom-ref": "fw", "type": "firmware", "name": "vf300-firmware", "version": "3.2.0",
    "purl": "pkg:generic/vitaflo/vf300-firmware@3.2.0",
    "components": [{"bom-ref": "mbedtls", "type": "library", "name": "mbedtls", "version": "3.6.2", "purl": "pkg:github/mbed-tls/mbedtls@v3.6.2",
      "components": [{"bom-ref": "psa", "type": "library", "name": "psa-crypto", "version": "1.1"}]}]}},
  "components": [{"bom-ref": "zlib", "type": "library", "name": "zlib", "version": "1.3.1"}],
  "vulnerabilities": [{"id": "CVE-2025-27809", "analysis": {"state": "not_affected", "justification": "code_not_reachable"},
    "affects": [{"ref": "mbedtls"}, {"ref": "psa"}, {"ref": "zlib"}]}]}`)
	doc, err := Parse("nested.cdx.json", data)
	if err != nil {
		t.Fatal(err)
	}
	products := doc.Statements[0].Products
	if len(products) != 3 {
		t.Fatalf("%d products", len(products))
	}
	parents := []string{"", "", ""}
	for i, p := range products {
		if p.Parent != nil {
			parents[i] = p.Parent.Name + " " + p.Parent.Version
		}
	}
	if want := []string{"vf300-firmware 3.2.0", "mbedtls 3.6.2", ""}; !reflect.DeepEqual(parents, want) {
		t.Errorf("parents %q, want %q", parents, want)
	}
	if p := products[0].Parent; p.Purl != "pkg:generic/vitaflo/vf300-firmware@3.2.0" {
		t.Errorf("parent purl %q", p.Purl)
	}
}
