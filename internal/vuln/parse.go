package vuln

import (
	"errors"
	"slices"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
)

// maxParentDepth caps chains of containing products (CSAF relationships can
// refer to products that are themselves relationships).
const maxParentDepth = 8

// Options tune Parse.
type Options struct {
	// LenientCSAF reads a CSAF document of a category other than csaf_vex
	// (e.g. csaf_security_advisory) as Kind "csaf" with a Problem saying so,
	// instead of failing. Its product_status lists still map to Statements,
	// which is useful to cross-check an advisory against an SBOM, but the
	// VEX profile tests are not run.
	LenientCSAF bool
	// Limits bound the JSON reader; zero fields take a nesting cap of 1000
	// and docparse's default value count.
	Limits docparse.Limits
}

// Parse detects the format of data by content and reads it into a Document.
// name is the file name used in errors and copied to Document.File. Malformed
// JSON and unknown or unsupported formats are a *position.Error; structural
// defects are Document.Problems.
func Parse(name string, data []byte) (*Document, error) {
	return ParseWith(name, data, Options{})
}

// ParseWith is Parse with options.
func ParseWith(name string, data []byte, opt Options) (*Document, error) {
	d, err := decode(name, data, opt.Limits)
	if err != nil {
		return nil, err
	}
	return FromDoc(d, opt)
}

// FromDoc reads a document the bundle loader has already parsed with
// docparse, so a document type reader (internal/doctype) parses each file
// once and resolves the Loc pointers of the result with the same
// docparse.Doc.
func FromDoc(d *docparse.Doc, opt Options) (*Document, error) {
	p := &problems{}
	doc := &Document{File: d.File}
	kind, derr := detectValue(d.Value)
	switch {
	case derr != nil && opt.LenientCSAF && errors.Is(derr, ErrNotVEX) && isCSAFValue(d.Value):
		kind = KindCSAF
		p.add(derr.ptr, "%s; read leniently", derr.msg)
	case derr != nil:
		pos := position.Pos{File: d.File}
		if derr.ptr != "" {
			pos = d.Pos(derr.ptr)
		}
		return nil, position.Errorf(pos, "%s", derr.msg)
	}
	doc.Kind = kind
	r := root(d.Value, p)
	switch kind {
	case KindOpenVEX:
		readOpenVEX(r, doc)
	case KindCSAFVEX, KindCSAF:
		readCSAF(r, doc, kind == KindCSAFVEX)
	case KindCycloneDXVEX, KindCycloneDXVDR:
		readCycloneDX(r, doc, kind == KindCycloneDXVDR)
	case KindGrype:
		readGrype(r, doc)
	case KindTrivy:
		readTrivy(r, doc)
	case KindOSVScanner:
		readOSVScanner(r, doc)
	case KindKEV:
		readKEV(r, doc)
	}
	doc.Problems = p.list
	finish(doc)
	return doc, nil
}

func isCSAFValue(v any) bool {
	m, ok := v.(map[string]any)
	return ok && isCSAF(m)
}

// finish makes every slice non-nil (policies can count without null checks)
// and aliases sorted and free of the primary id.
func finish(doc *Document) {
	doc.Statements = nonNil(doc.Statements)
	doc.Matches = nonNil(doc.Matches)
	doc.KEV = nonNil(doc.KEV)
	doc.Problems = nonNil(doc.Problems)
	for i := range doc.Statements {
		s := &doc.Statements[i]
		s.Aliases = aliases(s.Vulnerability, s.Aliases)
		s.Products = nonNil(s.Products)
		markContainers(s.Products)
		s.Responses = nonNil(s.Responses)
		s.FixedVersions = nonNil(s.FixedVersions)
		s.Advisories = nonNil(s.Advisories)
		s.Remediations = nonNil(s.Remediations)
		if s.Severity == "" {
			s.Severity = SeverityUnknown
		}
	}
	for i := range doc.Matches {
		m := &doc.Matches[i]
		m.Aliases = aliases(m.Vulnerability, m.Aliases)
		m.CPEs = nonNil(m.CPEs)
		m.CVSS = nonNil(m.CVSS)
		m.FixedVersions = nonNil(dedupe(m.FixedVersions))
	}
	for i := range doc.KEV {
		doc.KEV[i].CWEs = nonNil(doc.KEV[i].CWEs)
	}
}

// markContainers sets Container on the products another product of the
// statement names as its parent; a product is known by its place in the file.
func markContainers(products []Product) {
	parents := map[Loc]bool{}
	for _, q := range products {
		if q.Parent != nil {
			parents[q.Parent.Loc] = true
		}
	}
	for i := range products {
		products[i].Container = parents[products[i].Loc]
	}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// aliases sorts and deduplicates ids, dropping empty ones and the primary id.
func aliases(primary string, ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, a := range ids {
		if a != "" && a != primary {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// dedupe drops repeated and empty strings, keeping the first occurrence's
// order (the input order is meaningful for fixed versions).
func dedupe(s []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range s {
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
