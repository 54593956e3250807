// Package check runs annexlint over one bundle: load, validate against the
// schemas, evaluate the policies, and resolve every finding to file:line.
package check

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/enrich"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/schema"
)

// Checker holds what is built once per process: compiled policies, schemas
// and the loader with its format readers.
type Checker struct {
	Engine    *policy.Engine
	Validator *schema.Validator
	Loader    *bundle.Loader
}

// Product is what the report says about the product checked.
type Product struct {
	Name           string `json:"name"`
	Version        string `json:"version"`
	Manufacturer   string `json:"manufacturer"`
	Framework      string `json:"framework"`
	Classification string `json:"classification"`
	PlacedOnMarket string `json:"placed_on_market"`
}

// DocumentInfo lists a document that was checked.
type DocumentInfo struct {
	ID   string `json:"id"`
	Type string `json:"type"`
	Path string `json:"path"`
}

// Result is everything any report writer needs.
type Result struct {
	AsOf      string            `json:"as_of"`
	Bundle    string            `json:"bundle"`
	Product   Product           `json:"product"`
	Documents []DocumentInfo    `json:"documents"`
	Rules     []catalog.Rule    `json:"-"`
	Applied   map[string]bool   `json:"-"` // rule ID -> ran for this bundle
	Findings  []finding.Finding `json:"findings"`
}

// Run checks the bundle in dir as of the ISO date asOf.
func (c *Checker) Run(ctx context.Context, dir, asOf string) (*Result, error) {
	b, root, err := c.Loader.Load(dir)
	if err != nil {
		return nil, err
	}
	defer func() { _ = root.Close() }()

	var findings []finding.Finding
	schemaFindings := func(d *bundle.Document, docType string) error {
		vs, err := c.Validator.Validate(docType, d.Content)
		if err != nil {
			return err
		}
		rule, _ := c.Engine.Catalog().Rule(catalog.SchemaRuleID)
		for _, v := range vs {
			findings = append(findings, finding.Finding{
				RuleID:   rule.ID,
				Severity: rule.Severity,
				Message:  fmt.Sprintf("%s does not match the %s schema: %s", d.Path, docType, v.Message),
				Pos:      d.Loc.Pos(v.Pointer),
				Pointer:  v.Pointer,
			})
		}
		return nil
	}
	if err := schemaFindings(b.Manifest, "manifest"); err != nil {
		return nil, err
	}
	if err := c.Loader.LoadDocuments(b, root, bundle.Entries(b.Manifest.Content)); err != nil {
		return nil, err
	}
	for _, d := range b.Documents {
		if err := checkKind(b, d); err != nil {
			return nil, err
		}
		if schema.Known(d.Type) && nativeContent(d) {
			if err := schemaFindings(d, d.Type); err != nil {
				return nil, err
			}
		}
	}

	res := &Result{AsOf: asOf, Bundle: filepath.ToSlash(filepath.Clean(dir)), Product: product(b.Manifest.Content), Applied: map[string]bool{}}
	for _, d := range b.Documents {
		res.Documents = append(res.Documents, DocumentInfo{ID: d.ID, Type: d.Type, Path: d.Path})
	}
	facts, err := enrich.Derive(b, root, c.Loader.MaxFileSize())
	if err != nil {
		return nil, err
	}
	input, err := policyInput(b, asOf, facts)
	if err != nil {
		return nil, err
	}
	res.Rules = c.Engine.Catalog().Rules()
	for _, r := range res.Rules {
		res.Applied[r.ID] = r.AppliesTo(res.Product.Framework, res.Product.PlacedOnMarket, asOf)
	}
	results, err := c.Engine.Eval(ctx, input, func(r catalog.Rule) bool { return res.Applied[r.ID] })
	if err != nil {
		return nil, err
	}
	for _, r := range results {
		rule, _ := c.Engine.Catalog().Rule(r.RuleID)
		f := finding.Finding{RuleID: r.RuleID, Severity: rule.Severity, Message: r.Message, Pos: resolve(b, r.Path, r.Pointer), Pointer: r.Pointer}
		for _, rel := range r.Related {
			f.Related = append(f.Related, finding.Related{Pos: resolve(b, rel.Path, rel.Pointer), Message: rel.Message})
		}
		findings = append(findings, f)
	}
	finding.Sort(findings)
	res.Findings = dedupe(findings)
	return res, nil
}

// checkKind refuses a native document whose own kind contradicts the type
// the manifest gives it: the checks would otherwise run on the wrong data.
func checkKind(b *bundle.Bundle, d *bundle.Document) error {
	m, ok := d.Content.(map[string]any)
	if !ok || !schema.Known(d.Type) {
		return nil
	}
	kind, field := "", "kind"
	if k, ok := m["kind"].(string); ok && schema.Known(k) {
		kind = k
	}
	// An SBOM has no kind but its format's marker field; listed as a native
	// type it would only drown in schema findings.
	for _, marker := range []string{"bomFormat", "spdxVersion"} {
		if _, ok := m[marker]; ok && kind == "" {
			kind, field = "sbom", marker
		}
	}
	if kind == "" || kind == d.Type {
		return nil
	}
	at := b.Manifest.Loc.Pos(fmt.Sprintf("/documents/%d/type", d.Index))
	return position.Errorf(d.Loc.Pos("/"+field), "document is a %s (%s) but the manifest (%s) lists it as %s; fix the manifest entry or the document", kind, field, at, d.Type)
}

// nativeContent reports whether d holds its type's native format, the one
// its schema describes. A test report may instead be JUnit XML, which the
// junit reader has already checked and normalised into another shape.
func nativeContent(d *bundle.Document) bool {
	if d.Type != "test-report" {
		return true
	}
	_, parsed := d.Loc.(*docparse.Doc)
	return parsed
}

func resolve(b *bundle.Bundle, path, pointer string) position.Pos {
	if d := b.Doc(path); d != nil && d.Loc != nil {
		return d.Loc.Pos(pointer)
	}
	return position.Pos{File: path}
}

func dedupe(fs []finding.Finding) []finding.Finding {
	out := fs[:0]
	for i, f := range fs {
		if i > 0 && f.RuleID == fs[i-1].RuleID && f.Pos == fs[i-1].Pos && f.Message == fs[i-1].Message && f.Pointer == fs[i-1].Pointer {
			continue
		}
		out = append(out, f)
	}
	return out
}

func product(manifest any) Product {
	m, _ := manifest.(map[string]any)
	p, _ := m["product"].(map[string]any)
	s := func(k string) string { v, _ := p[k].(string); return v }
	man, _ := p["manufacturer"].(map[string]any)
	mname, _ := man["name"].(string)
	return Product{Name: s("name"), Version: s("version"), Manufacturer: mname, Framework: s("framework"),
		Classification: s("classification"), PlacedOnMarket: s("placed_on_market")}
}

// policyInput builds the one input document every rule reads, converted to
// an OPA value once.
func policyInput(b *bundle.Bundle, asOf string, facts *enrich.Facts) (ast.Value, error) {
	docs := make([]map[string]any, 0, len(b.Documents))
	for _, d := range b.Documents {
		docs = append(docs, map[string]any{"id": d.ID, "type": d.Type, "path": d.Path, "content": d.Content})
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i]["path"].(string) < docs[j]["path"].(string) })
	files := make(map[string]any, len(b.Files))
	for p, size := range b.Files {
		f := map[string]any{"size": size}
		if sum, ok := facts.SHA256[p]; ok {
			f["sha256"] = sum
		}
		files[p] = f
	}
	in := map[string]any{
		"as_of":     asOf,
		"manifest":  map[string]any{"path": b.Manifest.Path, "content": b.Manifest.Content},
		"documents": docs,
		"files":     files,
		"derived":   facts,
	}
	// Document contents are already generic JSON values (maps, slices,
	// strings, json.Number, bool, nil), which InterfaceToValue converts
	// directly; anything else (facts, a typed model) it round-trips through
	// JSON itself. A JSON round trip of the whole input cost a third of the
	// time of a 10 000-component check (docs/performance.md).
	list := make([]any, len(docs))
	for i, d := range docs {
		list[i] = d
	}
	in["documents"] = list
	v, err := ast.InterfaceToValue(in)
	if err != nil {
		return nil, fmt.Errorf("build policy input: %w", err)
	}
	return v, nil
}

// Summary is a one-line tally used by the text writer and the CLI.
func (r *Result) Summary() string {
	c := finding.Counts(r.Findings)
	return fmt.Sprintf("%d error(s), %d warning(s), %d note(s)", c[catalog.Error], c[catalog.Warning], c[catalog.Note])
}
