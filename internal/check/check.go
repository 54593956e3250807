// Package check runs annexlint over one bundle: load, validate against the
// schemas, evaluate the policies, and resolve every finding to file:line.
package check

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/clause"
	"github.com/annexlint/annexlint/internal/doctype"
	"github.com/annexlint/annexlint/internal/enrich"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/input"
	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/regime"
	"github.com/annexlint/annexlint/internal/result"
	"github.com/annexlint/annexlint/internal/schema"
	"github.com/annexlint/annexlint/internal/waiver"
)

// Checker holds what is built once per process: compiled policies, schemas
// and the loader with its format readers.
type Checker struct {
	// Engine is the compiled policy set. When it is nil, Compiling yields it:
	// the command compiles the policies in the background while the first
	// bundles are read and validated, which need no policy (Run waits for
	// the engine only before the rules are evaluated).
	Engine    *policy.Engine
	Compiling func() (*policy.Engine, error)
	// Decided, when set, is told each bundle's regime decision as soon as
	// the manifest is read, before the documents are: a one-bundle run
	// compiles only the rules that decision can apply (policy.CompileFor).
	Decided   func(*regime.Decision)
	Validator *schema.Validator
	Loader    *bundle.Loader
}

// engine returns the compiled policy set, waiting for it if need be.
func (c *Checker) engine() (*policy.Engine, error) {
	switch {
	case c.Engine != nil:
		return c.Engine, nil
	case c.Compiling != nil:
		return c.Compiling()
	}
	return nil, fmt.Errorf("%w: the checker has no policies", policy.ErrInternal)
}

// Options are the settings of one run.
type Options struct {
	// AsOf is the ISO date the regime and date-dependent rules are judged on.
	AsOf string
	// Waivers, when set, run the waive stage after resolve.
	Waivers *waiver.Set
	// HashOtherFiles also hashes the files of the bundle folder the
	// manifest does not list (Result.OtherFiles), for the audit report.
	HashOtherFiles bool
}

// MaxOtherFiles bounds how many unlisted files one run hashes.
const MaxOtherFiles = 10000

// Run checks the bundle in dir. Its stages, in order: load (manifest, then
// documents), validate (schemas), decide (the regime), derive (Go-side
// facts), evaluate (the rules that apply), resolve (positions, statuses
// and the run model every writer renders), and waive (configured waivers
// move the findings they accept into the model's Waived list).
func (c *Checker) Run(ctx context.Context, dir string, opts Options) (*result.Result, error) {
	asOf := opts.AsOf
	b, root, err := c.Loader.LoadContext(ctx, dir)
	if err != nil {
		return nil, err
	}
	defer func() { _ = root.Close() }()

	// validate the manifest before reading the documents it lists
	var findings []finding.Finding
	schemaFindings := func(d *bundle.Document, docType string) error {
		// --timeout bounds the whole run: each stage and each document
		// starts only while time is left.
		if err := ctx.Err(); err != nil {
			return err
		}
		vs, err := c.Validator.Validate(docType, d.Content)
		if err != nil {
			return err
		}
		for _, v := range vs {
			findings = append(findings, finding.Finding{
				RuleID:  catalog.SchemaRuleID,
				Message: fmt.Sprintf("%s does not match the %s schema: %s", d.Path, docType, v.Message),
				Pos:     d.Source.Pos(v.Pointer),
				Pointer: v.Pointer,
				Kind:    finding.KindViolation,
			})
		}
		return nil
	}
	// The decision is told before the manifest is validated (it reads the
	// same content either way): the policies' compile waits for it, and
	// compiling the manifest schema first kept a core idle meanwhile.
	decision := regime.Decide(b.Manifest.Content, asOf)
	if c.Decided != nil {
		c.Decided(decision)
	}
	if err := schemaFindings(b.Manifest, "manifest"); err != nil {
		return nil, err
	}
	if err := c.Loader.LoadDocuments(b, root, bundle.Entries(b.Manifest.Content)); err != nil {
		return nil, err
	}
	schemaEvidence := []policy.Examined{{Path: b.Manifest.Path}}
	for _, d := range b.Documents {
		if err := checkKind(b, d); err != nil {
			return nil, err
		}
		if t, _ := doctype.Lookup(d.Type); t.Schema != "" && d.Native {
			if err := schemaFindings(d, t.Schema); err != nil {
				return nil, err
			}
			schemaEvidence = append(schemaEvidence, policy.Examined{Path: d.Path})
		}
	}

	res := &result.Result{AsOf: asOf, Bundle: filepath.ToSlash(filepath.Clean(dir)), Product: product(b.Manifest.Content), Regime: decision}
	res.Documents = append(res.Documents, result.Document{ID: b.Manifest.ID, Type: b.Manifest.Type, Path: b.Manifest.Path, SHA256: b.Manifest.SHA256})
	for _, d := range b.Documents {
		res.Documents = append(res.Documents, result.Document{ID: d.ID, Type: d.Type, Path: d.Path, SHA256: d.SHA256})
	}

	facts, err := enrich.Derive(ctx, b, root, c.Loader.MaxFileSize())
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if opts.HashOtherFiles {
		if res.OtherFiles, err = otherFiles(ctx, b, root, facts.SHA256, c.Loader.MaxFileSize()); err != nil {
			return nil, err
		}
	}
	// The rules that apply are known from the decision and the built-in
	// index before the policies finish compiling; a fact only rules that do
	// not apply would read is left out of the input (input.BuildFor).
	applies := func(id string) bool {
		r, ok := policy.BuiltinRule(id)
		return !ok || decision.Verdict(r).Applies
	}
	in, err := input.BuildFor(b, asOf, decision, facts, applies)
	if err != nil {
		return nil, err
	}
	inputContents := releaseContents(b, in)

	engine, err := c.engine()
	if err != nil {
		return nil, err
	}
	schemaRule, _ := engine.Catalog().Rule(catalog.SchemaRuleID)
	verdicts := map[string]regime.RuleVerdict{}
	for _, r := range engine.Catalog().Rules() {
		verdicts[r.ID] = decision.Verdict(r)
	}
	// Schema validity is not an obligation of any one law but a precondition
	// of checking at all: malformed documents are always reported, at most as
	// warnings when no law requires the documentation of this product.
	if v := verdicts[catalog.SchemaRuleID]; !v.Applies {
		v.Applies = true
		if v.Severity == catalog.Error {
			v.Severity = catalog.Warning
		}
		v.Reason = "no law requires this documentation of this product, but a malformed document cannot be checked"
		verdicts[catalog.SchemaRuleID] = v
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	outputs, err := engine.Evaluate(ctx, in, func(r catalog.Rule) bool { return verdicts[r.ID].Applies })
	if err != nil {
		return nil, err
	}
	// The schema rule is Go code: its output is assembled here, from the
	// documents validated above.
	schemaOut := policy.Output{RuleID: catalog.SchemaRuleID, DeclaresEvidence: true, Evidence: schemaEvidence}
	for _, f := range findings {
		schemaOut.Findings = append(schemaOut.Findings, policy.Result{RuleID: f.RuleID})
	}
	byRule := map[string]policy.Output{catalog.SchemaRuleID: schemaOut}
	for _, o := range outputs {
		byRule[o.RuleID] = o
	}
	// Reserved: a large SBOM gives thousands of findings, and growing the
	// list copied each of them many times.
	reserve := len(findings) + len(engine.Catalog().Rules())
	for _, o := range outputs {
		reserve += len(o.Findings) + len(o.Insufficient)
	}
	findings = slices.Grow(findings, reserve)
	for _, o := range outputs {
		for _, r := range o.Findings {
			findings = append(findings, resolveFinding(b, r, finding.KindViolation))
		}
	}

	// resolve statuses, insufficient-evidence findings and obligations
	for _, r := range engine.Catalog().Rules() {
		v := verdicts[r.ID]
		rr := result.Rule{Rule: r, Verdict: v, Status: result.NotApplicable, Reason: v.Reason, Evidence: []result.Evidence{}}
		if v.Applies {
			o := byRule[r.ID]
			rr.EvidenceDeclared = o.DeclaresEvidence
			for _, ex := range o.Evidence {
				rr.Evidence = append(rr.Evidence, evidence(b, ex))
			}
			switch {
			case len(o.Findings) > 0:
				rr.Status = result.Fail
			case len(o.Insufficient) > 0:
				rr.Status = result.Insufficient
				rr.Reason = o.Insufficient[0].Message
			case o.DeclaresEvidence && len(o.Evidence) == 0:
				rr.Status = result.Insufficient
				rr.Reason = "the bundle holds nothing this rule can examine"
				findings = append(findings, finding.Finding{
					RuleID:  r.ID,
					Message: fmt.Sprintf("insufficient evidence for %q: the bundle holds nothing this rule can examine, so the obligation is not demonstrated; %s", r.Title, strings.TrimSpace(r.Remediation)),
					Pos:     b.Manifest.Source.Pos("/documents"),
					Pointer: "/documents",
					Kind:    finding.KindInsufficient,
				})
			default:
				rr.Status = result.Pass
			}
			for _, ins := range o.Insufficient {
				f := resolveFinding(b, ins, finding.KindInsufficient)
				f.Message = "insufficient evidence: " + f.Message
				findings = append(findings, f)
			}
		}
		res.Rules = append(res.Rules, rr)
	}
	basis := map[string]string{} // one text per rule, shared by its findings
	for i := range findings {
		id := findings[i].RuleID
		v := verdicts[id]
		findings[i].Severity = v.Severity
		if id == catalog.SchemaRuleID && findings[i].Pos.File == b.Manifest.Path {
			// The regime decision itself rests on the manifest: a malformed
			// one is always an error, whatever law governs the product.
			findings[i].Severity = schemaRule.Severity
		}
		text, ok := basis[id]
		if !ok {
			text = v.BasisText()
			basis[id] = text
		}
		findings[i].Basis = text
	}
	// Each key reads only its own finding and the contents, which nothing
	// writes any more: the keys of a large bundle's thousands of findings
	// are worked out on every core.
	inParallel(len(findings), func(i int) {
		findings[i].Key = stableKey(b, inputContents, findings[i].Pos.File, findings[i].Pointer)
	})
	finding.Sort(findings)
	res.Findings = dedupe(findings)
	// Each rule's count is of the findings the report shows, duplicates
	// merged (waivers and overrides later move findings, not remove them).
	violations := map[string]int{}
	for _, f := range res.Findings {
		if f.Kind == finding.KindViolation {
			violations[f.RuleID]++
		}
	}
	for i := range res.Rules {
		res.Rules[i].Findings = violations[res.Rules[i].ID]
	}
	finding.Number(res.Findings)
	res.Obligations = obligations(res.Rules)
	opts.Waivers.Apply(res, b.Root)
	return res, nil
}

// otherFiles hashes the bundle's files that are not listed documents, in
// path order; GSPR evidence files were hashed already (sums). A file that
// cannot be hashed (over the size limit, gone, not regular) is listed with
// the reason, not a failure of the run: the audit report must still say it
// exists.
func otherFiles(ctx context.Context, b *bundle.Bundle, root *os.Root, sums map[string]string, maxSize int64) ([]result.OtherFile, error) {
	listed := map[string]bool{b.Manifest.Path: true}
	for _, d := range b.Documents {
		listed[d.Path] = true
	}
	paths := make([]string, 0, len(b.Files))
	for p := range b.Files {
		if !listed[p] {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	out := make([]result.OtherFile, 0, min(len(paths), MaxOtherFiles+1))
	for i, p := range paths {
		if i == MaxOtherFiles {
			out = append(out, result.OtherFile{Path: "…", Note: fmt.Sprintf("%d more files, not hashed (at most %d are)", len(paths)-i, MaxOtherFiles)})
			break
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f := result.OtherFile{Path: p, Size: b.Files[p], SHA256: sums[p]}
		if f.SHA256 == "" {
			sum, err := enrich.HashFile(ctx, root, p, maxSize)
			if err != nil {
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				f.Note = "not hashed: " + err.Error()
			}
			f.SHA256 = sum
		}
		out = append(out, f)
	}
	return out, nil
}

func resolveFinding(b *bundle.Bundle, r policy.Result, kind string) finding.Finding {
	f := finding.Finding{RuleID: r.RuleID, Message: r.Message, Pos: resolve(b, r.Path, r.Pointer), Pointer: r.Pointer, Kind: kind}
	for _, rel := range r.Related {
		f.Related = append(f.Related, finding.Related{Pos: resolve(b, rel.Path, rel.Pointer), Message: rel.Message})
	}
	return f
}

func evidence(b *bundle.Bundle, ex policy.Examined) result.Evidence {
	e := result.Evidence{Path: ex.Path, Pointer: ex.Pointer}
	if d := b.Doc(ex.Path); d != nil {
		e.SHA256 = d.SHA256
		if ex.Pointer != "" && d.Source != nil {
			e.Line = d.Source.Pos(ex.Pointer).Line
		}
	}
	return e
}

// obligations turns rule statuses into clause statuses: a clause's status is
// the worst of the applicable rules that cite it; a clause no applicable rule
// cites is not applicable, with the reason of its role or of its rules.
func obligations(rules []result.Rule) []result.Obligation {
	byID := map[string]*result.Obligation{}
	var order []string
	for _, r := range rules {
		if r.ID == catalog.SchemaRuleID {
			// Well-formed documents are a precondition of checking, not
			// evidence that any obligation is met: schema findings count,
			// a schema pass shows no clause.
			continue
		}
		for _, c := range r.Verdict.Clauses {
			o, ok := byID[c.ID]
			if !ok {
				o = &result.Obligation{Cited: c, Status: result.NotApplicable, Rules: []string{}, Evidence: []result.Evidence{}}
				if info, ok := clause.Lookup(c.ID); ok {
					o.Title = info.Title
				}
				byID[c.ID] = o
				order = append(order, c.ID)
			}
			o.Rules = append(o.Rules, r.ID)
			if c.Role == regime.NotApplicable || r.Status == result.NotApplicable {
				if o.Status == result.NotApplicable && o.Reason == "" {
					o.Reason = c.Reason
					if o.Reason == "" {
						o.Reason = r.Reason
					}
				}
				continue
			}
			if o.Status == result.NotApplicable {
				o.Status, o.Reason, o.Role = r.Status, "", c.Role
			} else {
				o.Status = result.Worse(o.Status, r.Status)
			}
			o.Evidence = append(o.Evidence, r.Evidence...)
		}
	}
	sort.Strings(order)
	out := make([]result.Obligation, 0, len(order))
	for _, id := range order {
		o := byID[id]
		o.Evidence = uniqueEvidence(o.Evidence)
		out = append(out, *o)
	}
	return out
}

func uniqueEvidence(es []result.Evidence) []result.Evidence {
	sort.Slice(es, func(i, j int) bool {
		if es[i].Path != es[j].Path {
			return es[i].Path < es[j].Path
		}
		return es[i].Pointer < es[j].Pointer
	})
	return slices.CompactFunc(es, func(a, b result.Evidence) bool { return a.Path == b.Path && a.Pointer == b.Pointer })
}

// checkKind refuses a native document whose own kind (or format marker)
// contradicts the type the manifest gives it: the checks would otherwise run
// on the wrong data. Which member says what is a property of each type in
// the registry (doctype.Recognise).
func checkKind(b *bundle.Bundle, d *bundle.Document) error {
	if t, _ := doctype.Lookup(d.Type); t.Schema == "" {
		return nil
	}
	kind, field := doctype.Recognise(d.Content)
	if kind == "" || kind == d.Type {
		return nil
	}
	at := b.Manifest.Source.Pos(fmt.Sprintf("/documents/%d/type", d.Index))
	return position.Errorf(d.Source.Pos("/"+field), "document is a %s (%s) but the manifest (%s) lists it as %s; fix the manifest entry or the document", kind, field, at, d.Type)
}

func resolve(b *bundle.Bundle, path, pointer string) position.Pos {
	if d := b.Doc(path); d != nil && d.Source != nil {
		return d.Source.Pos(pointer)
	}
	return position.Pos{File: path}
}

// stableKey names the finding's place by identity (finding.StableKey) in
// the content the pointer addresses: in the policy input when the bundle
// let its copy go (releaseContents).
func stableKey(b *bundle.Bundle, inputContents map[string]ast.Value, path, pointer string) string {
	if v, ok := inputContents[path]; ok {
		return finding.StableKeyOf(astNode{v}, pointer)
	}
	if d := b.Doc(path); d != nil {
		return finding.StableKey(d.Content, pointer)
	}
	return pointer
}

// inParallel calls do(i) for every i below n, in as many goroutines as Go
// may run at once, each over a contiguous range; a panic in one is raised
// again in the caller, where the run recovers it as an internal error.
func inParallel(n int, do func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n/parallelMin+1)
	if workers <= 1 {
		for i := range n {
			do(i)
		}
		return
	}
	var wg sync.WaitGroup
	panics := make([]any, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { panics[w] = recover() }()
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				do(i)
			}
		}()
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
}

// parallelMin is the least work a goroutine of inParallel is given: below
// it, starting one costs more than it saves.
const parallelMin = 256

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

func product(manifest any) result.Product {
	m, _ := manifest.(map[string]any)
	p, _ := m["product"].(map[string]any)
	s := func(k string) string { v, _ := p[k].(string); return v }
	man, _ := p["manufacturer"].(map[string]any)
	mname, _ := man["name"].(string)
	return result.Product{Name: s("name"), Version: s("version"), Manufacturer: mname, Framework: s("framework"),
		Classification: s("classification"), PlacedOnMarket: s("placed_on_market")}
}
