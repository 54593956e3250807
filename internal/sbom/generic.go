package sbom

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// Generic returns the SBOM as the generic JSON values policies and locators
// read: exactly what encoding/json would give for a round trip of s
// (json.Marshal, then decoding with UseNumber), without the round trip.
// Objects are map[string]any, arrays []any, numbers json.Number, and
// strings are coerced to valid UTF-8 as json.Marshal does. For a large SBOM
// the round trip cost about a third of loading it (docs/performance.md);
// TestGenericMatchesJSON compares both on every test SBOM and the fuzz
// target FuzzParse on any input.
func (s *SBOM) Generic() map[string]any { return s.generic(nil) }

// GenericApart is Generic without its "loc" members: each is given to loc
// instead, with the pointer of the object it belongs to in the content ("",
// "/primary", "/components/3", "/dependencies/0", "/known_unknowns/1",
// "/problems/2"), in that order. doctype.FromSBOM builds the source map from
// them: the loc maps Generic makes were taken out of the content again at
// once (about 10 MB allocated for 10,000 components, and a walk over the
// whole content to find them).
func (s *SBOM) GenericApart(loc func(at string, l Loc)) map[string]any {
	if loc == nil {
		loc = func(string, Loc) {}
	}
	return s.generic(loc)
}

// generic builds Generic's values; with apart set, the loc members go to it
// instead of into the objects.
func (s *SBOM) generic(apart func(at string, l Loc)) map[string]any {
	withLoc := func(at string, m map[string]any, l Loc) map[string]any {
		if apart != nil {
			apart(at, l)
		} else {
			m["loc"] = l.generic()
		}
		return m
	}
	out := map[string]any{
		"format":        str(string(s.Format)),
		"spec_version":  str(s.SpecVersion),
		"serial_number": str(s.SerialNumber),
		"authors":       strs(s.Authors),
		"tools":         strs(s.Tools),
		"timestamp":     str(s.Timestamp),
	}
	withLoc("", out, s.Loc)
	var primary any
	if s.Primary != nil {
		primary = withLoc("/primary", s.Primary.generic(), s.Primary.Loc)
	}
	out["primary"] = primary
	components := make([]any, len(s.Components))
	for i := range s.Components {
		components[i] = withLoc(list("components", i), s.Components[i].generic(), s.Components[i].Loc)
	}
	deps := make([]any, len(s.Dependencies))
	for i, d := range s.Dependencies {
		deps[i] = withLoc(list("dependencies", i), map[string]any{"ref": str(d.Ref), "depends_on": strs(d.DependsOn), "contains": strs(d.Contains)}, d.Loc)
	}
	unknowns := make([]any, len(s.KnownUnknowns))
	for i, k := range s.KnownUnknowns {
		unknowns[i] = withLoc(list("known_unknowns", i), map[string]any{"aggregate": str(k.Aggregate), "refs": strs(k.Refs), "relationship": str(k.Relationship)}, k.Loc)
	}
	problems := make([]any, len(s.Problems))
	for i, p := range s.Problems {
		problems[i] = withLoc(list("problems", i), map[string]any{"code": str(p.Code), "msg": str(p.Msg)}, p.Loc)
	}
	out["components"] = nilIfNil(s.Components == nil, components)
	out["dependencies"] = nilIfNil(s.Dependencies == nil, deps)
	out["known_unknowns"] = nilIfNil(s.KnownUnknowns == nil, unknowns)
	out["problems"] = nilIfNil(s.Problems == nil, problems)
	return out
}

// list is the pointer of item i of a top-level list of the content.
func list(name string, i int) string { return "/" + name + "/" + strconv.Itoa(i) }

func (c *Component) generic() map[string]any {
	m := c.fields()
	if c.NestedIn != "" { // omitempty
		m["nested_in"] = str(c.NestedIn)
	}
	return m
}

func (c *Component) fields() map[string]any {
	hashes := make([]any, len(c.Hashes))
	for i, h := range c.Hashes {
		hashes[i] = map[string]any{"alg": str(h.Alg), "value": str(h.Value)}
	}
	return map[string]any{
		"ref":                 str(c.Ref),
		"type":                str(c.Type),
		"name":                str(c.Name),
		"version":             str(c.Version),
		"group":               str(c.Group),
		"supplier":            str(c.Supplier),
		"supplier_source":     str(c.SupplierSource),
		"purl":                str(c.Purl),
		"purl_error":          str(c.PurlError),
		"cpes":                strs(c.CPEs),
		"hashes":              nilIfNil(c.Hashes == nil, hashes),
		"licenses":            strs(c.Licenses),
		"filename":            str(c.Filename),
		"scope":               str(c.Scope),
		"support_level":       str(c.SupportLevel),
		"end_of_support":      str(c.EndOfSupport),
		"executable_property": str(c.ExecutableProperty),
		"archive_property":    str(c.ArchiveProperty),
		"structured_property": str(c.StructuredProperty),
	}
}

// generic follows Loc's omitempty tags.
func (l Loc) generic() map[string]any {
	m := make(map[string]any, 3)
	if l.Pointer != "" {
		m["pointer"] = str(l.Pointer)
	}
	if l.Line != 0 {
		m["line"] = json.Number(strconv.Itoa(l.Line))
	}
	if l.Col != 0 {
		m["column"] = json.Number(strconv.Itoa(l.Col))
	}
	return m
}

// nilIfNil gives JSON null for a nil slice, as json.Marshal does.
func nilIfNil(isNil bool, v []any) any {
	if isNil {
		return nil
	}
	return v
}

func strs(ss []string) any {
	if ss == nil {
		return nil
	}
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = str(s)
	}
	return out
}

// str coerces s to valid UTF-8 as json.Marshal does: each invalid byte
// becomes U+FFFD.
func str(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = utf8.AppendRune(b, utf8.RuneError)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}
