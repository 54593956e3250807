// Package sbom loads CycloneDX and SPDX software bills of materials into one
// normalised component model that the Rego policies read.
//
// The format is decided by content, never by file name: a JSON object with
// "bomFormat": "CycloneDX", a CycloneDX XML <bom>, a JSON object with
// "spdxVersion", or SPDX tag-value text. Supported versions are CycloneDX
// 1.2–1.7 (JSON and XML, via cyclonedx-go) and SPDX 2.2 and 2.3 (JSON and
// tag-value, via spdx/tools-golang). CycloneDX 1.7 loads because cyclonedx-go
// v0.12 knows it; its new fields are not read. SPDX 2.1, SPDX 3 and
// CycloneDX 1.0/1.1 are recognised and refused with a *VersionError.
//
// # Validation
//
// The decoders read leniently, and annexlint may not ship the official
// schemas, so the structural rules those schemas state are checked here in
// Go and reported as SBOM.Problems: a document with problems still loads.
// For CycloneDX: the serialNumber pattern, RFC 3339 date-times, component
// types and hash algorithms of the declared version, digests of the right
// length for their algorithm, required members (the BOM version before 1.5,
// component type and name, component version before 1.4, dependency ref),
// licence choices (id or name, licence or expression) and the syntax of SPDX
// licence ids, IRI references, the single-line text of 1.2 JSON, package
// URLs that do not parse, bom-refs that are not unique and dependency refs
// that name no bom-ref. For SPDX 2.2 and 2.3: the required document, creation,
// package and file members of each version, SPDXRef-DOCUMENT and CC0-1.0,
// RFC 3339 dates, checksum algorithms and lengths, external reference
// categories (spelt as each version's JSON schema or tag-value spells them),
// relationship types, duplicate SPDXIDs and relationships to elements the
// document does not have. The SPDX License List is not embedded, so a
// well-formed licence id that is not on it (such as "Apache-2") is not
// reported. Only input that cannot be read at all is an error. Parse never
// panics.
package sbom

import (
	"regexp"
	"strings"

	"github.com/annexlint/annexlint/internal/position"
)

// Format names a serialisation of an SBOM.
type Format string

// The formats Parse understands.
const (
	FormatCycloneDXJSON Format = "cyclonedx-json"
	FormatCycloneDXXML  Format = "cyclonedx-xml"
	FormatSPDXJSON      Format = "spdx-json"
	FormatSPDXTagValue  Format = "spdx-tag-value"
)

// SBOM is one document in the normalised model. Slices are never nil so that
// Rego sees [] rather than null.
type SBOM struct {
	Format      Format `json:"format"`
	SpecVersion string `json:"spec_version"` // "1.6", "2.3": without the "SPDX-" prefix
	// SerialNumber is the CycloneDX serialNumber or the SPDX documentNamespace.
	SerialNumber string `json:"serial_number"`
	// Authors are the people and organisations that made the SBOM: CycloneDX
	// metadata.authors, metadata.manufacture(r) and metadata.supplier; SPDX
	// Person and Organization creators. Document order, duplicates removed.
	Authors []string `json:"authors"`
	// Tools are the generating tools: CycloneDX metadata.tools, SPDX Tool creators.
	Tools     []string `json:"tools"`
	Timestamp string   `json:"timestamp"` // as given, normally RFC 3339
	// Primary is the component the SBOM describes: CycloneDX
	// metadata.component, or the first package an SPDX DESCRIBES relationship
	// targets. Nil if there is none. It is not repeated in Components.
	Primary *Component `json:"primary"`
	// Components lists every other component in document order, flattened:
	// nested CycloneDX components follow their parent (pre-order).
	Components   []Component  `json:"components"`
	Dependencies []Dependency `json:"dependencies"`
	// KnownUnknowns are the declared gaps: CycloneDX compositions whose
	// aggregate is not "complete", and SPDX relationships to NOASSERTION.
	KnownUnknowns []KnownUnknown `json:"known_unknowns"`
	// Problems are the structural defects found in the document as written
	// (see Problem); a document with problems still loads.
	Problems []Problem `json:"problems"`
	Loc      Loc       `json:"loc"` // the document root
}

// Component is one CycloneDX component or SPDX package.
type Component struct {
	// Ref is the CycloneDX bom-ref or the SPDX identifier ("SPDXRef-...").
	Ref string `json:"ref"`
	// Type is the CycloneDX component type, or the SPDX 2.3
	// PrimaryPackagePurpose in lower case ("application", "operating-system").
	Type    string `json:"type"`
	Name    string `json:"name"`
	Version string `json:"version"`
	Group   string `json:"group"`
	// Supplier is the first name found in the order given by SupplierSource:
	// "supplier", "manufacturer", "publisher", "author" (CycloneDX) or
	// "spdx-supplier", "spdx-originator" (SPDX; NOASSERTION counts as absent).
	Supplier       string `json:"supplier"`
	SupplierSource string `json:"supplier_source"`
	// Purl is the canonical form of the package URL. If it does not parse,
	// Purl keeps the text as given and PurlError says why.
	Purl      string   `json:"purl"`
	PurlError string   `json:"purl_error"`
	CPEs      []string `json:"cpes"`
	Hashes    []Hash   `json:"hashes"`
	// Licenses are SPDX ids, expressions or names as given. For SPDX these are
	// the declared then the concluded licence, without NOASSERTION.
	Licenses []string `json:"licenses"`
	// Filename is the BSI TR-03183-2 file name: CycloneDX property
	// "bsi:component:filename" or SPDX PackageFileName.
	Filename string `json:"filename"`
	Scope    string `json:"scope"` // CycloneDX scope
	// SupportLevel comes from the property "support-level"; EndOfSupport from
	// the properties "end-of-support" or "cdx:lifecycle:milestone:endOfSupport",
	// or the SPDX 2.3 ValidUntilDate.
	SupportLevel string `json:"support_level"`
	EndOfSupport string `json:"end_of_support"`
	// The BSI TR-03183-2 properties bsi:component:executable, :archive and
	// :structured, as given.
	ExecutableProperty string `json:"executable_property"`
	ArchiveProperty    string `json:"archive_property"`
	StructuredProperty string `json:"structured_property"`
	// NestedIn says where a CycloneDX component is written inside another:
	// NestedPrimary (under metadata.component, so the product includes it),
	// NestedComponent (inside another component), or "" (at the top level,
	// or not known: CycloneDX XML input records lines, not member paths).
	NestedIn string `json:"nested_in,omitempty"`
	Loc      Loc    `json:"loc"`
}

// Values of Component.NestedIn.
const (
	NestedPrimary   = "primary"
	NestedComponent = "component"
)

// nestedRe matches the pointer of a component written inside another one.
var nestedRe = regexp.MustCompile(`^/.+/components/[0-9]+$`)

// markNesting sets NestedIn from each component's member path in a JSON
// file.
func markNesting(s *SBOM) {
	for i := range s.Components {
		c := &s.Components[i]
		switch p := c.Loc.Pointer; {
		case strings.HasPrefix(p, "/metadata/component/components/"):
			c.NestedIn = NestedPrimary
		case nestedRe.MatchString(p):
			c.NestedIn = NestedComponent
		}
	}
}

// Hash is a component checksum.
type Hash struct {
	Alg   string `json:"alg"`   // CycloneDX spelling: "SHA-256", "SHA3-512", "BLAKE2b-256"
	Value string `json:"value"` // lower case
}

// Dependency lists what one component needs. For SPDX it gathers DEPENDS_ON,
// DYNAMIC_LINK, STATIC_LINK, HAS_PREREQUISITE and the reversed *_OF forms
// (DEPENDENCY_OF, BUILD_DEPENDENCY_OF, PREREQUISITE_FOR, ...); CONTAINS and
// CONTAINED_BY go to Contains, which is always empty for CycloneDX.
type Dependency struct {
	Ref       string   `json:"ref"`
	DependsOn []string `json:"depends_on"`
	Contains  []string `json:"contains"`
	Loc       Loc      `json:"loc"` // the CycloneDX entry, or the first SPDX relationship
}

// KnownUnknown is a declared gap in the SBOM.
type KnownUnknown struct {
	// Aggregate is the CycloneDX composition aggregate as given
	// ("incomplete", "unknown", ...), or "unknown" for SPDX NOASSERTION.
	Aggregate string   `json:"aggregate"`
	Refs      []string `json:"refs"`
	// Relationship is the SPDX relationship type; empty for CycloneDX.
	Relationship string `json:"relationship"`
	Loc          Loc    `json:"loc"`
}

// Loc says where something sits in the original file. JSON inputs carry an
// RFC 6901 pointer (the caller resolves it); XML and tag-value inputs carry
// 1-based line and column (column counts bytes).
type Loc struct {
	Pointer string `json:"pointer,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"column,omitempty"`
}

// Parse detects the format of data by content and loads it. name is used in
// errors only. Input problems come back as *position.Error (or *VersionError,
// which unwraps to one); Parse never panics.
func Parse(name string, data []byte) (s *SBOM, err error) {
	defer recoverAsError(name, &s, &err)
	in, derr := detect(data)
	if derr != nil {
		return nil, withFile(derr, name)
	}
	switch in.format {
	case FormatCycloneDXJSON:
		s, err = parseCycloneDXJSON(in)
	case FormatCycloneDXXML:
		s, err = parseCycloneDXXML(in)
	case FormatSPDXJSON:
		s, err = parseSPDXJSON(in)
	case FormatSPDXTagValue:
		s, err = parseSPDXTagValue(in)
	default:
		err = position.Errorf(position.Pos{}, "internal error: no parser for %s", in.format)
	}
	if err != nil {
		return nil, withFile(err, name)
	}
	markNesting(s)
	return s, nil
}

// Detect reports the format of data by content. For a recognised format in an
// unsupported version it returns the format and a *VersionError.
func Detect(data []byte) (Format, error) {
	f, _, err := DetectVersion(data)
	return f, err
}

// DetectVersion is Detect that also returns the declared spec version
// ("1.6", "2.3"), which a caller needs to pick the schema to validate against.
func DetectVersion(data []byte) (f Format, version string, err error) {
	defer recoverAsError("", new(*SBOM), &err)
	in, derr := detect(data)
	if derr != nil {
		var ve *VersionError
		if asVersionError(derr, &ve) {
			return ve.Format, ve.Version, derr
		}
		return "", "", derr
	}
	return in.format, in.version, nil
}

// recoverAsError turns a panic in a third-party decoder (or here) into an
// input error for the file, so one hostile file cannot take the linter down.
// It must be called directly by defer.
func recoverAsError(name string, s **SBOM, err *error) {
	if r := recover(); r != nil {
		*s, *err = nil, position.Errorf(position.Pos{File: name}, "%s: %v", recoveredPanic, r)
	}
}

// recoveredPanic marks errors made from a recovered panic, so tests and the
// fuzzer can tell them apart from ordinary input errors.
const recoveredPanic = "internal error (recovered panic) while parsing"
