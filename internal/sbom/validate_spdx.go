package sbom

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/spdx/v2/common"
)

// The SPDX checks run on the parsed document, so JSON and tag-value share
// them. They cover the members the official SPDX 2.2 and 2.3 JSON schemas
// require and their enumerations, plus what the specification requires in
// words: documentNamespace and creators (mandatory in the specification,
// not in the schemas), the document SPDXID "SPDXRef-DOCUMENT", created and
// the 2.3 package dates in the specification's date-time form, element ids
// unique, and relationships that name elements of the document.

// spdxDocFields maps the JSON member of a document-level field to its
// tag-value tag, to place a problem on the tag's line.
var spdxDocFields = map[string]string{
	"SPDXID": "SPDXID", "name": "DocumentName", "dataLicense": "DataLicense",
	"documentNamespace": "DocumentNamespace", "creationInfo": "Created",
	"creationInfo/created": "Created", "creationInfo/creators": "Creator",
}

var spdxChecksumAlgs = map[string][]string{
	"2.2": {"SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "MD2", "MD4", "MD5", "MD6"},
	"2.3": {"SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "MD2", "MD4", "MD5", "MD6",
		"SHA3-256", "SHA3-384", "SHA3-512", "BLAKE2b-256", "BLAKE2b-384", "BLAKE2b-512", "BLAKE3", "ADLER32"},
}

// spdxChecksumHexLen is the digest length of each algorithm in hex digits; a
// rule of the algorithms, not of the schemas (which take any string). MD6
// and BLAKE3 have no fixed length.
var spdxChecksumHexLen = map[string]int{
	"SHA1": 40, "SHA224": 56, "SHA256": 64, "SHA384": 96, "SHA512": 128, "MD2": 32, "MD4": 32, "MD5": 32,
	"SHA3-256": 64, "SHA3-384": 96, "SHA3-512": 128, "BLAKE2b-256": 64, "BLAKE2b-384": 96, "BLAKE2b-512": 128,
	"ADLER32": 8,
}

// spdxRefCategories: the SPDX 2.2 JSON schema spells PACKAGE_MANAGER with an
// underscore, the 2.3 schema and tag-value of both versions with a hyphen.
var spdxRefCategories = map[string][]string{
	"2.2-json": {"OTHER", "SECURITY", "PACKAGE_MANAGER"},
	"2.3-json": {"OTHER", "PERSISTENT-ID", "SECURITY", "PACKAGE-MANAGER"},
	"2.2-tv":   {"OTHER", "SECURITY", "PACKAGE-MANAGER"},
	"2.3-tv":   {"OTHER", "PERSISTENT-ID", "SECURITY", "PACKAGE-MANAGER"},
}

var spdxRelTypes22 = []string{
	"ANCESTOR_OF", "BUILD_DEPENDENCY_OF", "BUILD_TOOL_OF", "CONTAINED_BY", "CONTAINS", "COPY_OF", "DATA_FILE_OF",
	"DEPENDENCY_MANIFEST_OF", "DEPENDENCY_OF", "DEPENDS_ON", "DESCENDANT_OF", "DESCRIBED_BY", "DESCRIBES",
	"DEV_DEPENDENCY_OF", "DEV_TOOL_OF", "DISTRIBUTION_ARTIFACT", "DOCUMENTATION_OF", "DYNAMIC_LINK", "EXAMPLE_OF",
	"EXPANDED_FROM_ARCHIVE", "FILE_ADDED", "FILE_DELETED", "FILE_MODIFIED", "GENERATED_FROM", "GENERATES",
	"HAS_PREREQUISITE", "METAFILE_OF", "OPTIONAL_COMPONENT_OF", "OPTIONAL_DEPENDENCY_OF", "OTHER", "PACKAGE_OF",
	"PATCH_APPLIED", "PATCH_FOR", "PREREQUISITE_FOR", "PROVIDED_DEPENDENCY_OF", "RUNTIME_DEPENDENCY_OF",
	"STATIC_LINK", "TEST_CASE_OF", "TEST_DEPENDENCY_OF", "TEST_OF", "TEST_TOOL_OF", "VARIANT_OF",
}

var spdxRelTypes = map[string][]string{
	"2.2": spdxRelTypes22,
	"2.3": append(append([]string{}, spdxRelTypes22...), "AMENDS", "REQUIREMENT_DESCRIPTION_FOR", "SPECIFICATION_FOR"),
}

// spdxPurposes are the SPDX 2.3 primary package purposes; JSON writes
// OPERATING_SYSTEM, tag-value OPERATING-SYSTEM.
var spdxPurposes = []string{"APPLICATION", "FRAMEWORK", "LIBRARY", "CONTAINER", "OPERATING_SYSTEM", "DEVICE",
	"FIRMWARE", "SOURCE", "ARCHIVE", "FILE", "INSTALL", "OTHER"}

type spdxChecker struct {
	version string // "2.2", "2.3"
	spec    string // "SPDX 2.3"
	src     *source
	raw     *rawJSON // JSON only
	loc     spdxLocator
	p       *problemList
	ids     map[string]bool
}

func checkSPDX(src *source, doc *spdx.Document, s *SBOM, loc spdxLocator, raw *rawJSON) []Problem {
	c := &spdxChecker{version: src.version, spec: "SPDX " + src.version, src: src, raw: raw, loc: loc,
		p: newProblemList(), ids: map[string]bool{}}
	c.document(doc)
	c.elements(doc)
	c.relationships(doc)
	// Package URLs were parsed for the model already.
	if s.Primary != nil {
		c.purl(s.Primary)
	}
	for i := range s.Components {
		c.purl(&s.Components[i])
	}
	return c.p.done()
}

func (c *spdxChecker) purl(m *Component) {
	if m.PurlError != "" {
		c.p.add(purlKind, m.Loc, purlProblemPrefix+"package %s does not parse: %q: %s",
			quoteName(m.Name, m.Ref), m.Purl, m.PurlError)
	}
}

func (c *spdxChecker) json() bool { return c.raw != nil }

// spdxTags names fields the way tag-value writes them, for messages.
var spdxTags = map[string]string{
	"SPDXID":                   "SPDXID",
	"name":                     "DocumentName",
	"dataLicense":              "DataLicense",
	"documentNamespace":        "DocumentNamespace",
	"creationInfo":             "Created and Creator",
	"created":                  "Created",
	"creators":                 "Creator",
	"package name":             "PackageName",
	"package downloadLocation": "PackageDownloadLocation",
	"package copyrightText":    "PackageCopyrightText",
	"package licenseConcluded": "PackageLicenseConcluded",
	"package licenseDeclared":  "PackageLicenseDeclared",
	"file fileName":            "FileName",
	"file copyrightText":       "FileCopyrightText",
	"file licenseConcluded":    "LicenseConcluded",
}

// field names a field in a message: the JSON member, or the tag-value tag
// (looked up as kind+" "+key for package and file fields).
func (c *spdxChecker) field(kind, key string) string {
	if c.json() {
		return strconv.Quote(key)
	}
	k := key
	if kind != "" {
		k = kind + " " + key
	}
	if tag, ok := spdxTags[k]; ok {
		return tag
	}
	return key
}

// docAt places a document-level field: its JSON pointer, or its tag's line.
func (c *spdxChecker) docAt(field string) Loc {
	if c.json() {
		return Loc{Pointer: "/" + field}
	}
	return c.loc.doc(spdxDocFields[field])
}

// present reports whether a member is written. decoded is its parsed value;
// an empty one is looked up in the JSON text, where "" and absent differ
// (tag-value has no such difference: an empty value counts as absent).
func (c *spdxChecker) present(at Loc, key, decoded string) bool {
	switch {
	case decoded != "":
		return true
	case !c.json():
		return false
	case at.Pointer == "":
		// The root: detection has its members already.
		_, ok := c.src.top[strings.ToLower(key)]
		return ok
	}
	return c.raw.has(at.Pointer, key)
}

func (c *spdxChecker) document(doc *spdx.Document) {
	root := Loc{}
	if !c.json() {
		root = c.src.root
	}
	require := func(field, decoded, why string) bool {
		if c.present(root, field, decoded) {
			return true
		}
		c.p.add("document without "+field, root, "the document has no %s, which %s", c.field("", field), why)
		return false
	}
	byBoth := "the " + c.spec + " schema and specification require"
	if require("SPDXID", string(doc.SPDXIdentifier), byBoth) && doc.SPDXIdentifier != "DOCUMENT" {
		c.p.add("document SPDXID not SPDXRef-DOCUMENT", c.docAt("SPDXID"), "the document SPDXID is %q; the %s specification requires SPDXRef-DOCUMENT",
			common.RenderElementID(doc.SPDXIdentifier), c.spec)
	}
	require("name", doc.DocumentName, byBoth)
	if require("dataLicense", doc.DataLicense, byBoth) && strings.TrimSpace(doc.DataLicense) != "CC0-1.0" {
		c.p.add("dataLicense not CC0-1.0", c.docAt("dataLicense"), "dataLicense is %q; the %s specification requires CC0-1.0", doc.DataLicense, c.spec)
	}
	require("documentNamespace", doc.DocumentNamespace, "the "+c.spec+" specification requires (a unique URI for this document)")
	ci := doc.CreationInfo
	if ci == nil {
		if !c.present(root, "creationInfo", "") {
			c.p.add("document without creationInfo", root, "the document has no %s, which %s", c.field("", "creationInfo"), byBoth)
			return
		}
		ci = &spdx.CreationInfo{}
	}
	at := c.docAt("creationInfo")
	if c.json() && !c.present(root, "creationInfo", "") {
		at = root
	}
	switch {
	case ci.Created == "" && !(c.json() && c.raw.has("/creationInfo", "created")):
		c.p.add("creationInfo without created", at, "the document has no creation time (%s), which %s", c.field("", "created"), byBoth)
	case !isDateTime(ci.Created):
		c.p.add("created not a date-time", c.docAt("creationInfo/created"),
			"the creation time %s %q is not a date-time of the form the %s specification requires, e.g. 2026-10-01T12:00:00Z",
			c.field("", "created"), ci.Created, c.spec)
	}
	if len(ci.Creators) == 0 {
		c.p.add("creationInfo without creators", at, "the document names no creators (%s); the %s specification requires at least one Person, Organization or Tool",
			c.field("", "creators"), c.spec)
	}
}

// elements checks packages and files and collects the element ids.
func (c *spdxChecker) elements(doc *spdx.Document) {
	c.ids[common.RenderElementID(doc.SPDXIdentifier)] = true
	for _, sn := range doc.Snippets {
		c.ids[common.RenderElementID(sn.SnippetSPDXIdentifier)] = true
	}
	seen := map[*spdx.File]bool{}
	for i, f := range doc.Files {
		if f != nil {
			seen[f] = true
			c.file(f, c.loc.file(i, common.RenderElementID(f.FileSPDXIdentifier)))
		}
	}
	categories := c.version + "-tv"
	if c.json() {
		categories = c.version + "-json"
	}
	// tools-golang rewrites every category with a hyphen. The JSON text is
	// read back only when it holds the spelling its version does not use;
	// otherwise the text had the version's own spelling.
	wrong := map[string][]string{"2.2": {`-MANAGER"`, `PERSISTENT-ID"`}, "2.3": {`_MANAGER"`, `PERSISTENT_ID"`}}[c.version]
	respell := c.json() && (bytes.Contains(c.src.data, []byte(wrong[0])) || bytes.Contains(c.src.data, []byte(wrong[1])))
	for i, pk := range doc.Packages {
		if pk == nil {
			continue
		}
		id := common.RenderElementID(pk.PackageSPDXIdentifier)
		at := c.loc.pkg(i, id)
		label := "package " + quoteName(pk.PackageName, id)
		c.element(id, pk.PackageSPDXIdentifier, at, label)
		req := []struct{ key, v string }{{"name", pk.PackageName}, {"downloadLocation", pk.PackageDownloadLocation}}
		if c.version == "2.2" {
			req = append(req, struct{ key, v string }{"copyrightText", pk.PackageCopyrightText},
				struct{ key, v string }{"licenseConcluded", pk.PackageLicenseConcluded},
				struct{ key, v string }{"licenseDeclared", pk.PackageLicenseDeclared})
		}
		for _, r := range req {
			if !c.present(at, r.key, r.v) {
				hint := " (NOASSERTION is allowed where the value is not known)"
				if r.key == "name" {
					hint = ""
				}
				c.p.add("package without "+r.key, at, "%s has no %s, which %s requires%s", label, c.field("package", r.key), c.spec, hint)
			}
		}
		for j, cs := range pk.PackageChecksums {
			c.checksum(cs, sub(at, "checksums", j), label)
		}
		for j, ref := range pk.PackageExternalReferences {
			if ref == nil {
				continue
			}
			cat := strings.TrimSpace(ref.Category)
			rat := sub(at, "externalRefs", j)
			switch {
			case respell:
				if v, ok := c.raw.str(rat.Pointer + "/referenceCategory"); ok {
					cat = v
				}
			case c.json() && c.version == "2.2":
				cat = strings.ReplaceAll(cat, "-", "_")
			}
			if !inList(spdxRefCategories[categories], cat) {
				c.p.add("unknown external reference category", subKey(rat, "referenceCategory"),
					"external reference of %s has category %q; %s %s allows %s", label, cat, c.spec, formatName(c.json()),
					quoteList(spdxRefCategories[categories]))
			}
		}
		if c.version == "2.3" {
			if pp := strings.TrimSpace(pk.PrimaryPackagePurpose); pp != "" {
				canon := pp
				if !c.json() {
					canon = strings.ReplaceAll(pp, "-", "_")
				}
				if !inList(spdxPurposes, canon) {
					c.p.add("unknown primary package purpose", subKey(at, "primaryPackagePurpose"),
						"%s has primaryPackagePurpose %q, which SPDX 2.3 does not define (%s)", label, pp, quoteList(spdxPurposes))
				}
			}
			for _, d := range []struct{ key, v string }{{"builtDate", pk.BuiltDate}, {"releaseDate", pk.ReleaseDate}, {"validUntilDate", pk.ValidUntilDate}} {
				if d.v != "" && !isDateTime(d.v) {
					c.p.add("package date not a date-time", subKey(at, d.key),
						"%s has %s %q, not a date-time of the form SPDX 2.3 requires, e.g. 2026-10-01T12:00:00Z", label, d.key, d.v)
				}
			}
		}
		for _, f := range pk.Files {
			if f != nil && !seen[f] {
				seen[f] = true
				c.file(f, c.loc.file(-1, common.RenderElementID(f.FileSPDXIdentifier)))
			}
		}
	}
}

func (c *spdxChecker) element(id string, raw common.ElementID, at Loc, label string) {
	if raw == "" {
		c.p.add("element without SPDXID", at, "%s has no SPDXID, which %s requires", label, c.spec)
		return
	}
	if c.ids[id] {
		c.p.add("duplicate SPDXID", subKey(at, "SPDXID"), "%s uses SPDXID %s, which another element of the document already has; the %s specification requires unique ids",
			label, id, c.spec)
	}
	c.ids[id] = true
}

func (c *spdxChecker) file(f *spdx.File, at Loc) {
	id := common.RenderElementID(f.FileSPDXIdentifier)
	label := "file " + quoteName(f.FileName, id)
	c.element(id, f.FileSPDXIdentifier, at, label)
	req := []struct{ key, v string }{{"fileName", f.FileName}}
	if c.version == "2.2" {
		req = append(req, struct{ key, v string }{"copyrightText", f.FileCopyrightText},
			struct{ key, v string }{"licenseConcluded", f.LicenseConcluded})
	}
	for _, r := range req {
		if !c.present(at, r.key, r.v) {
			c.p.add("file without "+r.key, at, "%s has no %s, which %s requires", label, c.field("file", r.key), c.spec)
		}
	}
	if c.version == "2.3" && len(f.Checksums) == 0 {
		c.p.add("file without checksums", at, "%s has no checksum, which SPDX 2.3 requires (at least one)", label)
	}
	for j, cs := range f.Checksums {
		c.checksum(cs, sub(at, "checksums", j), label)
	}
}

func (c *spdxChecker) checksum(cs common.Checksum, at Loc, label string) {
	alg := strings.TrimSpace(string(cs.Algorithm))
	if !inList(spdxChecksumAlgs[c.version], alg) {
		c.p.add("unknown checksum algorithm", subKey(at, "algorithm"), "checksum of %s: algorithm %q is not one of the %s algorithms (%s)",
			label, alg, c.spec, quoteList(spdxChecksumAlgs[c.version]))
		return
	}
	v := strings.TrimSpace(cs.Value)
	n := hexLen(v)
	switch want, fixed := spdxChecksumHexLen[alg]; {
	case v == "":
		c.p.add("checksum without value", at, "checksum of %s: the %s checksum has no value", label, alg)
	case n < 0:
		c.p.add("checksum not hexadecimal", subKey(at, "checksumValue"), "checksum of %s: %s value %q is not hexadecimal", label, alg, shorten(v))
	case fixed && n != want:
		c.p.add("checksum of wrong length", subKey(at, "checksumValue"), "checksum of %s: %s value has %d hexadecimal digits, a %s digest has %d",
			label, alg, n, alg, want)
	}
}

// relationships checks types and that both ends name an element of the
// document (or NONE/NOASSERTION, or another document through DocumentRef-).
// The JSON schemas cannot check references; the specification defines a
// relationship between elements, and one that names no element says nothing.
func (c *spdxChecker) relationships(doc *spdx.Document) {
	for i, r := range doc.Relationships {
		if r == nil {
			continue
		}
		at := c.loc.rel(i, r)
		typ := strings.TrimSpace(r.Relationship)
		switch {
		case typ == "":
			c.p.add("relationship without type", at, "relationship has no relationshipType")
		case !inList(spdxRelTypes[c.version], typ):
			c.p.add("unknown relationship type", subKey(at, "relationshipType"), "relationship type %q is not an %s relationship type", typ, c.spec)
		}
		for _, end := range []struct {
			id   common.DocElementID
			key  string
			side string
		}{{r.RefA, "spdxElementId", "source"}, {r.RefB, "relatedSpdxElement", "target"}} {
			id := end.id
			switch {
			case id == common.DocElementID{}:
				c.p.add("relationship without element", at, "relationship %s has no %s element", typ, end.side)
			case id.SpecialID != "" || id.DocumentRefID != "":
				// NONE, NOASSERTION, or an element of another document.
			case !c.ids[common.RenderDocElementID(id)]:
				c.p.add("relationship to an unknown element", subKey(at, end.key),
					"relationship %s names %s as its %s, but the document has no element with that SPDXID",
					typ, common.RenderDocElementID(id), end.side)
			}
		}
	}
}

// sub steps into field[i] of a JSON location; other locations stay put.
func sub(at Loc, field string, i int) Loc {
	if at.Pointer == "" {
		return at
	}
	return Loc{Pointer: at.Pointer + "/" + field + "/" + strconv.Itoa(i)}
}

// subKey steps into a member of a JSON location that is an object; derived
// locations (documentDescribes, hasFiles) and lines stay put.
func subKey(at Loc, key string) Loc {
	if at.Pointer == "" || strings.HasSuffix(at.Pointer, "/documentDescribes") || strings.HasSuffix(at.Pointer, "/hasFiles") {
		return at
	}
	return Loc{Pointer: at.Pointer + "/" + key}
}

func quoteName(name, id string) string {
	if name == "" {
		return id
	}
	return strconv.Quote(name) + " (" + id + ")"
}

func formatName(json bool) string {
	if json {
		return "JSON"
	}
	return "tag-value"
}
