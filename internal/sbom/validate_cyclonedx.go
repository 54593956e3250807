package sbom

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	cdx "github.com/CycloneDX/cyclonedx-go"
)

// The CycloneDX checks run on the decoded BOM, so JSON and XML share them,
// and go back to the JSON text only where decoding loses the answer (an
// absent member and "" decode alike). They cover what the official JSON
// schemas of each version require and a lenient decoder lets through, plus
// two rules of the specification that a JSON schema cannot state: bom-refs
// are unique (the XML schema enforces it with xs:unique) and dependency refs
// name a bom-ref of the same BOM. Value rules the schemas do not state, such
// as a hash's length matching its algorithm, are marked where they are made.

// cdxSerial is the serialNumber pattern of every CycloneDX JSON schema.
var cdxSerial = regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// cdxComponentTypes lists the component types each minor version defines.
var cdxComponentTypes = func() map[int][]string {
	base := []string{"application", "framework", "library", "container", "operating-system", "device", "firmware", "file"}
	v5 := append(append([]string{}, base...), "platform", "device-driver", "machine-learning-model", "data")
	v6 := append(append([]string{}, v5...), "cryptographic-asset")
	return map[int][]string{2: base, 3: base, 4: base, 5: v5, 6: v6, 7: v6}
}()

// cdxHashAlgs lists the hash algorithms each minor version defines.
var cdxHashAlgs = func() map[int][]string {
	base := []string{"MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512", "SHA3-256", "SHA3-384", "SHA3-512",
		"BLAKE2b-256", "BLAKE2b-384", "BLAKE2b-512", "BLAKE3"}
	v7 := append(append([]string{}, base...), "Streebog-256", "Streebog-512")
	return map[int][]string{2: base, 3: base, 4: base, 5: base, 6: base, 7: v7}
}()

// cdxHashHexLen is the digest length in hex digits for each algorithm. The
// schemas only require 32, 40, 64, 96 or 128 digits whatever the algorithm;
// a digest of another algorithm's length is wrong all the same. BLAKE3 has
// no fixed length, so it keeps the schema's rule.
var cdxHashHexLen = map[string][]int{
	"MD5": {32}, "SHA-1": {40}, "SHA-256": {64}, "SHA-384": {96}, "SHA-512": {128},
	"SHA3-256": {64}, "SHA3-384": {96}, "SHA3-512": {128},
	"BLAKE2b-256": {64}, "BLAKE2b-384": {96}, "BLAKE2b-512": {128},
	"BLAKE3": {32, 40, 64, 96, 128}, "Streebog-256": {64}, "Streebog-512": {128},
}

type cdxChecker struct {
	minor int    // 2 for CycloneDX 1.2, ...
	spec  string // "CycloneDX 1.6"
	raw   *rawJSON
	// emptyRefs: the JSON text has a "bom-ref": "" somewhere, so components
	// without a bom-ref are worth looking up (only then, to stay cheap).
	emptyRefs bool
	p         *problemList
	refs      map[string]bool
}

func checkCycloneDX(src *source, bom *cdx.BOM, s *SBOM, root locNode, raw *rawJSON) []Problem {
	minor, _ := strconv.Atoi(strings.TrimPrefix(src.version, "1."))
	c := &cdxChecker{minor: minor, spec: "CycloneDX " + src.version, raw: raw, p: newProblemList(), refs: map[string]bool{}}
	if raw != nil {
		c.emptyRefs = hasEmptyMember(src.data, "bom-ref")
	}
	c.document(src, bom, root)
	md := bom.Metadata
	if md != nil {
		if md.Component != nil {
			c.component(md.Component, root.at("metadata/component", -1))
		}
		if md.Tools != nil {
			tools := root.sub("metadata", "tools")
			if !root.json {
				tools = locNode{} // not indexed in XML: the document root
			}
			c.components(md.Tools.Components, tools)
			c.services(md.Tools.Services, tools)
		}
	}
	c.components(bom.Components, root)
	c.services(bom.Services, root)
	c.extRefs(bom.ExternalReferences, root, "", "", "")
	c.dependencies(bom.Dependencies, root)
	c.dates(bom, root)
	// Package URLs were parsed for the model already.
	if s.Primary != nil {
		c.purl(s.Primary)
	}
	for i := range s.Components {
		c.purl(&s.Components[i])
	}
	return c.p.done()
}

// purlKind is the kind of problem a package URL that does not parse is; its
// code is ProblemPurl.
const purlKind = "package URL that does not parse"

// purlProblemPrefix starts every problem about a package URL that does not
// parse, so the message reads the same in either format.
const purlProblemPrefix = "package URL (purl) of "

func (c *cdxChecker) purl(m *Component) {
	if m.PurlError == "" {
		return
	}
	at := m.Loc
	if at.Pointer != "" {
		at.Pointer += "/purl"
	}
	c.p.add(purlKind, at, purlProblemPrefix+"%s does not parse: %q: %s",
		compLabel(m.Name, m.Ref), m.Purl, m.PurlError)
}

// has reports whether the object at n has member key in the original text.
// Without the JSON text (XML) only the component name and version are known.
func (c *cdxChecker) has(n locNode, key string) bool {
	switch {
	case n.json && c.raw != nil:
		return c.raw.has(n.ptr, key)
	case n.xml != nil && key == "name":
		return n.xml.hasName
	case n.xml != nil && key == "version":
		return n.xml.hasVersion
	}
	return false
}

func (c *cdxChecker) document(src *source, bom *cdx.BOM, root locNode) {
	if sn := bom.SerialNumber; sn != "" && !cdxSerial.MatchString(sn) {
		c.p.add("malformed serialNumber", root.sub("serialNumber").loc(),
			"serialNumber %q is not a UUID URN: %s requires urn:uuid: followed by a lower-case RFC 4122 UUID", sn, c.spec)
	} else if sn == "" && string(src.top["serialnumber"]) == `""` {
		c.p.add("malformed serialNumber", root.sub("serialNumber").loc(),
			"serialNumber is empty: give a urn:uuid: serial number or leave the member out")
	}
	if src.top != nil { // JSON; in XML the version attribute is optional
		_, present := src.top["version"]
		switch {
		case !present && c.minor <= 4:
			c.p.add("missing BOM version", root.loc(), "the BOM has no \"version\" (its revision number), which %s requires", c.spec)
		case present && bom.Version < 1 && c.minor >= 5:
			c.p.add("BOM version below 1", root.sub("version").loc(), "the BOM \"version\" is %d; %s requires 1 or more", bom.Version, c.spec)
		}
	}
	if md := bom.Metadata; md != nil && md.Timestamp != "" && !isDateTime(md.Timestamp) {
		c.p.add("timestamp not RFC 3339", root.sub("metadata", "timestamp").loc(),
			"metadata.timestamp %q is not an RFC 3339 date-time; write the date, \"T\", the time with seconds and the zone, e.g. 2026-10-01T12:00:00Z",
			md.Timestamp)
	}
}

// dates checks the other date-time fields a VEX or annotated BOM carries.
func (c *cdxChecker) dates(bom *cdx.BOM, root locNode) {
	check := func(v string, at locNode, what string) {
		if v != "" && !isDateTime(v) {
			c.p.add("date-time not RFC 3339", at.loc(), "%s %q is not an RFC 3339 date-time (e.g. 2026-10-01T12:00:00Z)", what, v)
		}
	}
	if bom.Vulnerabilities != nil {
		for i, v := range *bom.Vulnerabilities {
			at := root.idx("vulnerabilities", i)
			check(v.Created, at.sub("created"), "vulnerability created")
			check(v.Published, at.sub("published"), "vulnerability published")
			check(v.Updated, at.sub("updated"), "vulnerability updated")
			check(v.Rejected, at.sub("rejected"), "vulnerability rejected")
			if a := v.Analysis; a != nil {
				check(a.FirstIssued, at.sub("analysis", "firstIssued"), "analysis firstIssued")
				check(a.LastUpdated, at.sub("analysis", "lastUpdated"), "analysis lastUpdated")
			}
		}
	}
	if bom.Annotations != nil {
		for i, a := range *bom.Annotations {
			check(a.Timestamp, root.idx("annotations", i).sub("timestamp"), "annotation timestamp")
		}
	}
}

func (c *cdxChecker) components(list *[]cdx.Component, parent locNode) {
	if list == nil {
		return
	}
	for i := range *list {
		c.component(&(*list)[i], parent.at("components", i))
	}
}

// component checks one component and, recursively, those nested in it; the
// depth is bounded by the nesting cap checked before decoding. Locations and
// labels for messages are built only when there is something to report: this
// runs for every component of a large SBOM.
func (c *cdxChecker) component(comp *cdx.Component, at locNode) {
	switch {
	case comp.Type == "":
		c.p.add("component without type", at.loc(), "%s has no \"type\", which %s requires", compLabel(comp.Name, comp.BOMRef), c.spec)
	case !inList(cdxComponentTypes[c.minor], string(comp.Type)):
		c.p.add("unknown component type", at.sub("type").loc(), "%s has type %q, which %s does not define (%s)",
			compLabel(comp.Name, comp.BOMRef), comp.Type, c.spec, quoteList(cdxComponentTypes[c.minor]))
	}
	if comp.Name == "" && !c.has(at, "name") {
		c.p.add("component without name", at.loc(), "%s has no \"name\", which %s requires", compLabel(comp.Name, comp.BOMRef), c.spec)
	}
	if c.minor <= 3 && comp.Version == "" && !c.has(at, "version") {
		c.p.add("component without version", at.loc(), "%s has no \"version\", which %s requires (1.4 made it optional)",
			compLabel(comp.Name, comp.BOMRef), c.spec)
	}
	c.bomRef(comp.BOMRef, at, "component", comp.Name)
	if comp.Hashes != nil {
		for j, h := range *comp.Hashes {
			c.hash(h, at, j, comp)
		}
	}
	c.licenses(comp.Licenses, at, comp)
	c.extRefs(comp.ExternalReferences, at, "component", comp.Name, comp.BOMRef)
	if c.minor == 2 && c.raw != nil {
		for _, f := range []struct{ key, v string }{
			{"name", comp.Name}, {"group", comp.Group}, {"version", comp.Version}, {"description", comp.Description},
			{"publisher", comp.Publisher}, {"author", comp.Author}, {"copyright", comp.Copyright}, {"cpe", comp.CPE},
			{"purl", comp.PackageURL}, {"bom-ref", comp.BOMRef},
		} {
			if strings.ContainsAny(f.v, "\r\n") {
				c.lineBreak(at.sub(f.key), compLabel(comp.Name, comp.BOMRef)+" "+f.key)
			}
		}
	}
	c.components(comp.Components, at)
}

// lineBreak reports a value that breaks the "^(.*)$" pattern the CycloneDX
// 1.2 JSON schema puts on most text fields. The XML schema declares these
// fields xs:normalizedString, whose line breaks validation turns into spaces,
// so XML is not checked.
func (c *cdxChecker) lineBreak(at locNode, what string) {
	c.p.add("line break in a CycloneDX 1.2 field", at.loc(), "%s contains a line break, which CycloneDX 1.2 does not allow in this field", what)
}

// bomRef records the bom-ref of a component or service (kind) named name.
func (c *cdxChecker) bomRef(ref string, at locNode, kind, name string) {
	switch {
	case ref != "":
		if c.refs[ref] {
			c.p.add("duplicate bom-ref", at.sub("bom-ref").loc(), "bom-ref %q of %s is already used by another element; %s requires every bom-ref to be unique within the BOM",
				ref, elemLabel(kind, name, ""), c.spec)
		}
		c.refs[ref] = true
	case c.minor >= 5 && c.emptyRefs && c.has(at, "bom-ref"):
		c.p.add("empty bom-ref", at.sub("bom-ref").loc(), "%s has an empty bom-ref; %s requires at least one character (or leave it out)",
			elemLabel(kind, name, ""), c.spec)
	}
}

func (c *cdxChecker) hash(h cdx.Hash, comp locNode, j int, owner *cdx.Component) {
	alg := string(h.Algorithm)
	if !inList(cdxHashAlgs[c.minor], alg) {
		c.p.add("unknown hash algorithm", comp.idx("hashes", j).sub("alg").loc(), "hash of %s: algorithm %q is not one of the %s hash algorithms (%s)",
			compLabel(owner.Name, owner.BOMRef), alg, c.spec, quoteList(cdxHashAlgs[c.minor]))
		return
	}
	n, want := hexLen(h.Value), cdxHashHexLen[alg]
	switch {
	case h.Value == "":
		c.p.add("hash without content", comp.idx("hashes", j).loc(), "hash of %s: the %s hash has no content", compLabel(owner.Name, owner.BOMRef), alg)
	case n < 0:
		c.p.add("hash not hexadecimal", comp.idx("hashes", j).sub("content").loc(), "hash of %s: %s content %q is not hexadecimal",
			compLabel(owner.Name, owner.BOMRef), alg, shorten(h.Value))
	case !containsInt(want, n):
		c.p.add("hash of wrong length", comp.idx("hashes", j).sub("content").loc(), "hash of %s: %s content has %d hexadecimal digits, an %s digest has %s",
			compLabel(owner.Name, owner.BOMRef), alg, n, alg, joinInts(want))
	}
}

func (c *cdxChecker) licenses(ls *cdx.Licenses, at locNode, owner *cdx.Component) {
	if ls == nil {
		return
	}
	exprs := 0
	for j := range *ls {
		lc := &(*ls)[j]
		hasL, hasE := lc.License != nil, strings.TrimSpace(lc.Expression) != ""
		switch {
		case hasL && hasE:
			c.p.add("licence entry with licence and expression", at.idx("licenses", j).loc(),
				"licence entry of %s has both \"license\" and \"expression\"; give one per entry", compLabel(owner.Name, owner.BOMRef))
		case !hasL && !hasE:
			c.p.add("empty licence entry", at.idx("licenses", j).loc(), "licence entry of %s has neither \"license\" nor \"expression\"",
				compLabel(owner.Name, owner.BOMRef))
		}
		if hasE {
			exprs++
			if c.minor == 2 && c.raw != nil && strings.ContainsAny(lc.Expression, "\r\n") {
				c.lineBreak(at.idx("licenses", j).sub("expression"), "licence expression of "+compLabel(owner.Name, owner.BOMRef))
			}
		}
		if hasL {
			c.license(lc.License, at, j, owner)
		}
	}
	if (c.minor == 5 || c.minor == 6) && exprs > 0 && len(*ls) > 1 {
		c.p.add("licence expression among other licences", at.sub("licenses").loc(),
			"licences of %s mix an SPDX expression with other entries; %s allows either a list of licences or exactly one expression",
			compLabel(owner.Name, owner.BOMRef), c.spec)
	}
}

// license checks licenses[j].license of the component at comp.
func (c *cdxChecker) license(l *cdx.License, comp locNode, j int, owner *cdx.Component) {
	at := func() locNode { return comp.idx("licenses", j).sub("license") }
	id, name := strings.TrimSpace(l.ID), strings.TrimSpace(l.Name)
	switch {
	case id != "" && name != "":
		c.p.add("licence with id and name", at().loc(), "licence of %s has both \"id\" (%s) and \"name\" (%q); give the SPDX id, or the name when there is none",
			compLabel(owner.Name, owner.BOMRef), id, name)
	case id == "" && name == "":
		switch {
		case c.has(at(), "id") || c.has(at(), "name"):
		case c.has(at(), "expression"):
			// cyclonedx-py 7 writes this; the decoder drops the member.
			c.p.add("licence without id or name", at().loc(), "licence of %s has an \"expression\" inside \"license\", which takes only an SPDX \"id\" or a \"name\"; "+
				"write the expression as its own entry {\"expression\": ...}", compLabel(owner.Name, owner.BOMRef))
		default:
			c.p.add("licence without id or name", at().loc(), "licence of %s has neither an SPDX \"id\" nor a \"name\"", compLabel(owner.Name, owner.BOMRef))
		}
	case id != "":
		if why := licenseIDSyntax(id); why != "" {
			c.p.add("malformed licence id", at().sub("id").loc(), "licence id %q of %s %s", id, compLabel(owner.Name, owner.BOMRef), why)
		}
	}
	if l.URL != "" && c.minor >= 3 && !isIRIReference(l.URL) {
		c.p.add("licence URL not an IRI", at().sub("url").loc(), "licence url %q of %s is not a valid IRI reference", l.URL, compLabel(owner.Name, owner.BOMRef))
	}
	if c.minor == 2 && c.raw != nil && strings.ContainsAny(l.Name, "\r\n") {
		c.lineBreak(at().sub("name"), "licence name of "+compLabel(owner.Name, owner.BOMRef))
	}
}

// extRefs checks the external reference URLs of the BOM (kind empty), a
// component or a service.
func (c *cdxChecker) extRefs(refs *[]cdx.ExternalReference, at locNode, kind, name, ref string) {
	if refs == nil || c.minor < 3 {
		return
	}
	for j, r := range *refs {
		if !isIRIReference(r.URL) {
			owner := "the BOM"
			if kind != "" {
				owner = elemLabel(kind, name, ref)
			}
			c.p.add("external reference URL not an IRI", at.idx("externalReferences", j).sub("url").loc(),
				"external reference url %q of %s is not a valid IRI reference (an scp-style git@host:path is not a URL; write ssh://git@host/path or https://...)",
				r.URL, owner)
		}
	}
}

func (c *cdxChecker) services(list *[]cdx.Service, parent locNode) {
	if list == nil {
		return
	}
	for i := range *list {
		sv := &(*list)[i]
		at := parent.idx("services", i) // XML: services are not indexed, so the parent's line
		if sv.Name == "" && !c.has(at, "name") {
			c.p.add("service without name", at.loc(), "a service has no \"name\", which %s requires", c.spec)
		}
		c.bomRef(sv.BOMRef, at, "service", sv.Name)
		c.extRefs(sv.ExternalReferences, at, "service", sv.Name, sv.BOMRef)
		c.services(sv.Services, at)
	}
}

// dependencies checks that every ref names a component or service of the
// BOM. The JSON schemas cannot say it; the specification does ("References a
// component or service by its bom-ref attribute"), and a dangling ref breaks
// the dependency graph the SBOM exists to give.
func (c *cdxChecker) dependencies(deps *[]cdx.Dependency, root locNode) {
	if deps == nil {
		return
	}
	for i, d := range *deps {
		switch {
		case d.Ref == "" && c.has(root.at("dependencies", i), "ref"):
			c.p.add("dependency without ref", root.at("dependencies", i).sub("ref").loc(),
				"dependency entry has an empty \"ref\"; name the bom-ref of the component it is about")
		case d.Ref == "":
			c.p.add("dependency without ref", root.at("dependencies", i).loc(),
				"dependency entry has no \"ref\", which %s requires; name the bom-ref of the component it is about", c.spec)
		case !c.refs[d.Ref]:
			c.p.add("dependency ref that resolves to nothing", root.at("dependencies", i).sub("ref").loc(),
				"dependency entry is about %q, but no component or service in the BOM has that bom-ref", d.Ref)
		}
		if d.Dependencies == nil {
			continue
		}
		for j, ref := range *d.Dependencies {
			switch {
			case ref == "":
				c.p.add("empty dependsOn ref", root.at("dependencies", i).idx("dependsOn", j).loc(), "dependsOn of %q has an empty entry", d.Ref)
			case !c.refs[ref]:
				c.p.add("dependency ref that resolves to nothing", root.at("dependencies", i).idx("dependsOn", j).loc(),
					"%q depends on %q, but no component or service in the BOM has that bom-ref", d.Ref, ref)
			}
		}
	}
}

// compLabel names a component in a message by name, else by bom-ref.
func compLabel(name, ref string) string { return elemLabel("component", name, ref) }

func elemLabel(kind, name, ref string) string {
	switch {
	case name != "":
		return kind + " " + strconv.Quote(name)
	case ref != "":
		return kind + " with bom-ref " + strconv.Quote(ref)
	}
	return "a " + kind
}

// hasEmptyMember reports whether the JSON text has "key": "" anywhere. It is a
// fast pre-test: the precise check then looks only where it matters.
func hasEmptyMember(data []byte, key string) bool {
	needle := []byte(`"` + key + `"`)
	for i := 0; ; {
		j := bytes.Index(data[i:], needle)
		if j < 0 {
			return false
		}
		k := skipWS(data, i+j+len(needle))
		if k < len(data) && data[k] == ':' {
			k = skipWS(data, k+1)
			if k+1 < len(data) && data[k] == '"' && data[k+1] == '"' {
				return true
			}
		}
		i += j + len(needle)
	}
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func joinInts(list []int) string {
	parts := make([]string, len(list))
	for i, v := range list {
		parts[i] = strconv.Itoa(v)
	}
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}
