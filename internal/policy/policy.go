// Package policy compiles annexlint's Rego rule sets once, reads each rule's
// metadata into the catalog, and evaluates every rule over a bundle's input
// in parallel under a time limit.
package policy

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/annexlint/annexlint/internal/catalog"
)

// Source is a tree of .rego files: the embedded built-in policies or a
// user's custom rule directory.
type Source struct {
	Name string // shown in positions, e.g. "builtin" or the directory given
	FS   fs.FS
}

// Engine holds compiled policies and one prepared query per group of rules
// (same area, same applicability).
//
// A query per group, not per rule: OPA caches a rule's value only within
// one evaluation, so rules that share library indexes (the VEX rules all
// join components by purl) would each rebuild them if queried one by one.
// Groups still run in parallel.
type Engine struct {
	catalog *catalog.Catalog
	groups  []group
	timeout time.Duration
}

// group is one area's rules, evaluated together as an object keyed by rule ID.
type group struct {
	area  string
	ids   []string
	query rego.PreparedEvalQuery
}

// DefaultTimeout bounds one bundle's whole evaluation; a policy that loops
// or explodes combinatorially is stopped with a clear error.
const DefaultTimeout = 30 * time.Second

// LoadModules parses every non-test .rego file (tests too when withTests)
// of the sources, in Rego v1 syntax with annotations.
func LoadModules(sources []Source, withTests bool) (map[string]*ast.Module, error) {
	modules := map[string]*ast.Module{}
	for _, src := range sources {
		err := fs.WalkDir(src.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || path.Ext(p) != ".rego" {
				return nil
			}
			if strings.HasSuffix(p, "_test.rego") && !withTests {
				return nil
			}
			data, err := fs.ReadFile(src.FS, p)
			if err != nil {
				return err
			}
			name := src.Name + "/" + p
			m, err := ast.ParseModuleWithOpts(name, string(data), ast.ParserOptions{
				ProcessAnnotation: true,
				RegoVersion:       ast.RegoV1,
			})
			if err != nil {
				return err
			}
			modules[name] = m
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("load policies from %s: %w", src.Name, err)
		}
	}
	return modules, nil
}

// NewCompiler returns a compiler with annexlint's production settings:
// strict mode, restricted capabilities, Rego v1, no print statements.
func NewCompiler() *ast.Compiler {
	return ast.NewCompiler().
		WithCapabilities(Capabilities()).
		WithStrict(true).
		WithEnablePrintStatements(false).
		WithDefaultRegoVersion(ast.RegoV1)
}

// New compiles the sources once and prepares one query per rule.
func New(ctx context.Context, sources []Source, builtin []catalog.Rule) (*Engine, error) {
	modules, err := LoadModules(sources, false)
	if err != nil {
		return nil, err
	}
	compiler := NewCompiler()
	compiler.Compile(modules)
	if compiler.Failed() {
		return nil, compileError(compiler.Errors)
	}
	rules, err := rulesFromAnnotations(compiler.GetAnnotationSet())
	if err != nil {
		return nil, err
	}
	if err := undeclaredRules(modules, rules); err != nil {
		return nil, err
	}
	cat, err := catalog.New(append(append([]catalog.Rule{}, builtin...), rules...))
	if err != nil {
		return nil, err
	}
	e := &Engine{catalog: cat, timeout: DefaultTimeout}
	store := inmem.New()
	// Rules group by area and by when they apply, so a group either runs
	// whole or not at all: no work is spent on rules that do not apply.
	byKey := map[string][]catalog.Rule{}
	var keys []string
	for _, r := range cat.Rules() {
		if r.Query == "" {
			continue
		}
		key := strings.Join([]string{r.Area, strings.Join(r.Frameworks, ","), r.AppliesFrom, r.AppliesBy}, "|")
		if _, seen := byKey[key]; !seen {
			keys = append(keys, key)
		}
		byKey[key] = append(byKey[key], r)
	}
	sort.Strings(keys)
	for _, key := range keys {
		area := byKey[key][0].Area
		g := group{area: area}
		members := make([]string, 0, len(byKey[key]))
		for _, r := range byKey[key] {
			g.ids = append(g.ids, r.ID)
			// The comprehension keeps the object defined when one rule's
			// report is undefined, so one rule cannot hide its neighbours'.
			members = append(members, fmt.Sprintf("%q: [x | x := %s]", r.ID, r.Query))
		}
		pq, err := rego.New(
			rego.Query("{"+strings.Join(members, ", ")+"}"),
			rego.Compiler(compiler),
			rego.Store(store),
			rego.StrictBuiltinErrors(true),
		).PrepareForEval(ctx)
		if err != nil {
			return nil, fmt.Errorf("prepare rules of area %s: %w", area, err)
		}
		g.query = pq
		e.groups = append(e.groups, g)
	}
	return e, nil
}

// compileError rewrites errors about denied built-ins into plain words.
func compileError(errs ast.Errors) error {
	msgs := make([]string, 0, len(errs))
	for _, e := range errs {
		msg := e.Error()
		if e.Code == ast.TypeErr && strings.Contains(e.Message, "undefined function") {
			name := strings.TrimSpace(strings.TrimPrefix(e.Message, "undefined function"))
			if why, ok := DeniedReason(name); ok {
				msg = fmt.Sprintf("%s: built-in %s is not allowed in annexlint policies (%s)", e.Location, name, why)
			}
		}
		msgs = append(msgs, msg)
	}
	return fmt.Errorf("compile policies:\n  %s", strings.Join(msgs, "\n  "))
}

// Catalog returns the rule catalog, built-in Go rules included.
func (e *Engine) Catalog() *catalog.Catalog { return e.catalog }

// SetTimeout changes the evaluation time limit.
func (e *Engine) SetTimeout(d time.Duration) { e.timeout = d }

// Result is one finding as a rule reported it, before positions are
// resolved: the bundle-relative path and a JSON pointer into that file.
type Result struct {
	RuleID  string
	Path    string
	Pointer string
	Message string
	Related []Related
}

// Related is a secondary location a finding refers to.
type Related struct {
	Path    string
	Pointer string
	Message string
}

// Eval runs every rule for which run returns true over input, one group per
// goroutine. input must already be an ast.Value so it is converted once.
// Rules in a group share their applicability, so a group runs whole or not
// at all.
func (e *Engine) Eval(ctx context.Context, input ast.Value, run func(catalog.Rule) bool) ([]Result, error) {
	ctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()

	wanted := map[string]bool{}
	var todo []group
	for _, g := range e.groups {
		for _, id := range g.ids {
			if r, ok := e.catalog.Rule(id); ok && run(r) {
				wanted[id] = true
			}
		}
		for _, id := range g.ids {
			if wanted[id] {
				todo = append(todo, g)
				break
			}
		}
	}
	results := make([][]Result, len(todo))
	errs := make([]error, len(todo))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, g := range todo {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			results[i], errs[i] = e.evalGroup(ctx, g, input, wanted)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("policy evaluation stopped after %s (time limit); a rule loops or is too costly: %w", e.timeout, err)
		}
		return nil, err
	}
	var all []Result
	for _, rs := range results {
		all = append(all, rs...)
	}
	return all, nil
}

func (e *Engine) evalGroup(ctx context.Context, g group, input ast.Value, wanted map[string]bool) ([]Result, error) {
	rs, err := g.query.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, fmt.Errorf("rules of area %s (%s): %w", g.area, strings.Join(g.ids, ", "), err)
	}
	var out []Result
	for _, r := range rs {
		for _, expr := range r.Expressions {
			byRule, ok := expr.Value.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("rules of area %s: unexpected result %T", g.area, expr.Value)
			}
			for _, id := range g.ids {
				if !wanted[id] {
					continue
				}
				wrapped, _ := byRule[id].([]any)
				if len(wrapped) == 0 {
					continue // report undefined: no findings
				}
				set, ok := wrapped[0].([]any)
				if !ok {
					return nil, fmt.Errorf("rule %s: report must be a set of findings, got %T", id, wrapped[0])
				}
				for _, item := range set {
					res, err := decodeResult(id, item)
					if err != nil {
						return nil, err
					}
					out = append(out, res)
				}
			}
		}
	}
	return out, nil
}

func decodeResult(id string, item any) (Result, error) {
	obj, ok := item.(map[string]any)
	if !ok {
		return Result{}, fmt.Errorf("rule %s: a finding must be an object, got %T", id, item)
	}
	res := Result{RuleID: id}
	var err error
	if res.Path, err = str(obj, "path", true); err != nil {
		return Result{}, fmt.Errorf("rule %s: %w", id, err)
	}
	if res.Pointer, err = str(obj, "pointer", false); err != nil {
		return Result{}, fmt.Errorf("rule %s: %w", id, err)
	}
	if res.Message, err = str(obj, "message", true); err != nil {
		return Result{}, fmt.Errorf("rule %s: %w", id, err)
	}
	if rel, ok := obj["related"].([]any); ok {
		for _, x := range rel {
			ro, ok := x.(map[string]any)
			if !ok {
				continue
			}
			p, _ := ro["path"].(string)
			ptr, _ := ro["pointer"].(string)
			msg, _ := ro["message"].(string)
			res.Related = append(res.Related, Related{Path: p, Pointer: ptr, Message: msg})
		}
		sort.Slice(res.Related, func(i, j int) bool {
			a, b := res.Related[i], res.Related[j]
			if a.Path != b.Path {
				return a.Path < b.Path
			}
			return a.Pointer < b.Pointer
		})
	}
	return res, nil
}

func str(obj map[string]any, key string, required bool) (string, error) {
	v, ok := obj[key]
	if !ok {
		if required {
			return "", fmt.Errorf("finding lacks %q", key)
		}
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("finding field %q must be a string", key)
	}
	return s, nil
}
