// Package doctype is the registry of the document types a manifest can list:
// one entry each, with its name, the schema its native form follows, the
// reader that turns the file into the content rules see (with a source map
// back into the file), and how a document of the type is recognised. The
// format packages (internal/sbom, internal/vuln, internal/testreport,
// internal/threatimport) do the reading; this package only wires them.
package doctype

import (
	"sort"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
)

// Type is one document type.
type Type struct {
	// Name is the type as the manifest writes it, e.g. "sbom".
	Name string
	// Schema names the JSON Schema in schemas/ (<Schema>.schema.json) that
	// the type's native form follows; "" when the type has none (third-party
	// formats, normalised into a model).
	Schema string
	// Kind is the value of the "kind" member that marks a native document
	// of this type, so one listed under another type is refused; "" if none.
	Kind string
	// Markers are top-level members that mark a document of this type in
	// its own format (an SBOM has no kind but bomFormat or spdxVersion).
	Markers []string
	// Read turns the file into content and a source map. Nil reads the file
	// as native YAML or JSON with docparse.
	Read Reader
}

// Reader reads one document of a type. file is the bundle-relative path
// used in positions.
type Reader func(file string, data []byte, limits docparse.Limits) (Doc, error)

// Doc is what a reader returns.
type Doc struct {
	// Content is what rules see under input.documents[_].content.
	Content any
	// Source maps a JSON pointer into Content to its place in the file.
	Source position.SourceMap
	// Native is true when Content is in the type's native form, the one
	// its Schema describes, and so is validated against it. A JUnit test
	// report, already checked by its reader and normalised into another
	// shape, is not.
	Native bool
	// Plain is true when Content holds plain JSON values only
	// (map[string]any, []any, string, json.Number, bool, nil), so the policy
	// input holds the same tree: the check then reads it there after
	// building the input, and lets the bundle's copy go.
	Plain bool
}

// types is the registry, one entry per type.
var types = []Type{
	{Name: "manifest", Schema: "manifest", Kind: "manifest"},
	{Name: "security-risk-file", Schema: "security-risk-file", Kind: "security-risk-file", Read: readRiskFile},
	{Name: "sbom", Markers: []string{"bomFormat", "spdxVersion"}, Read: readSBOM},
	{Name: "security-update-plan", Schema: "security-update-plan", Kind: "security-update-plan"},
	{Name: "gspr-evidence-matrix", Schema: "gspr-evidence-matrix", Kind: "gspr-evidence-matrix"},
	{Name: "disclosure-policy", Schema: "disclosure-policy", Kind: "disclosure-policy"},
	{Name: "user-security-information", Schema: "user-security-information", Kind: "user-security-information"},
	{Name: "test-report", Schema: "test-report", Kind: "test-report", Read: readTestReport},
	{Name: vexType.name, Read: vexType.read},
	{Name: scanType.name, Read: scanType.read},
	{Name: kevType.name, Read: kevType.read},
	{Name: "vulnerability-reports", Schema: "vulnerability-reports", Kind: "vulnerability-reports"},
	{Name: "essential-requirements", Schema: "essential-requirements", Kind: "essential-requirements"},
	{Name: "security-txt", Read: readSecurityTxt},
	{Name: "eu-declaration-of-conformity", Schema: "eu-declaration-of-conformity", Kind: "eu-declaration-of-conformity"},
	{Name: "nis2-measures-register", Schema: "nis2-measures-register", Kind: "nis2-measures-register"},
	{Name: "technical-description", Schema: "technical-description", Kind: "technical-description"},
	{Name: "post-market-surveillance", Schema: "post-market-surveillance", Kind: "post-market-surveillance"},
}

// Lookup returns the type of a name; ok is false for a name not in the
// registry (the manifest schema reports it; its file is read as native).
func Lookup(name string) (Type, bool) {
	for _, t := range types {
		if t.Name == name {
			return t, true
		}
	}
	return Type{}, false
}

// Names lists every registered type, sorted.
func Names() []string {
	out := make([]string, 0, len(types))
	for _, t := range types {
		out = append(out, t.Name)
	}
	sort.Strings(out)
	return out
}

// ReadAs reads a document of the named type with its reader, or as native
// YAML/JSON when the type has none or is unknown.
func ReadAs(name, file string, data []byte, limits docparse.Limits) (Doc, error) {
	if t, ok := Lookup(name); ok && t.Read != nil {
		return t.Read(file, data, limits)
	}
	return readNative(file, data, limits)
}

// Recognise says which type a parsed document declares itself to be, and
// by which member: its "kind", or a format marker. It returns "" when the
// document says nothing about its type.
func Recognise(content any) (typ, field string) {
	m, ok := content.(map[string]any)
	if !ok {
		return "", ""
	}
	if k, ok := m["kind"].(string); ok {
		for _, t := range types {
			if t.Kind != "" && t.Kind == k {
				return t.Name, "kind"
			}
		}
	}
	for _, t := range types {
		for _, marker := range t.Markers {
			if _, ok := m[marker]; ok {
				return t.Name, marker
			}
		}
	}
	return "", ""
}

func readNative(file string, data []byte, limits docparse.Limits) (Doc, error) {
	doc, err := docparse.Parse(file, data, limits)
	if err != nil {
		return Doc{}, err
	}
	return Doc{Content: doc.Value, Source: doc, Native: true, Plain: true}, nil
}
