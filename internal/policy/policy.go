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
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/policycache"
)

// Source is a tree of .rego files: the embedded built-in policies or a
// user's custom rule directory.
type Source struct {
	Name string // shown in positions, e.g. "builtin" or the directory given
	FS   fs.FS
	// Custom marks a user's rule directory: it may not define or extend the
	// packages of the built-in set (see foreignPackages).
	Custom bool
}

// Custom policy folders are read through safefile.FS with these limits:
// Rego is small, and a link to /dev/zero or a huge file must not exhaust
// memory.
const (
	MaxModuleSize = 4 << 20  // one .rego file
	MaxSourceSize = 64 << 20 // all .rego files of one folder
)

// Engine holds compiled policies and one prepared query per group of rules
// (same area, same applicability).
//
// A query per group, not per rule: OPA caches a rule's value only within
// one evaluation, so rules that share library indexes (the VEX rules all
// join components by purl) would each rebuild them if queried one by one.
// Groups still run in parallel.
type Engine struct {
	// declaresEvidence holds the IDs of rules whose package defines an
	// evidence set: only those can ever pass (see Output).
	declaresEvidence map[string]bool
	// compiled holds the IDs of the Rego rules compiled (CompileFor).
	compiled map[string]bool
	catalog  *catalog.Catalog
	groups   []group
	timeout  time.Duration
	// compilers hold the compiled policies (the built-in set is split by
	// area between several, compiled in parallel: see splitByArea); store
	// is shared by every query, Prepare's included.
	compilers []*ast.Compiler
	fromCache int // how many of them were read from the policy cache
	store     storage.Store
}

// group is one area's rules, evaluated together as an object keyed by rule ID.
type group struct {
	area string
	ids  []string
	// size is the source size of the group's rule packages, by which the
	// groups are started largest first (see Evaluate).
	size int
	// query prepares the group's query on first use, in the goroutine
	// that evaluates it: preparing every group up front is a tenth of a
	// small run's start-up, spent on one core.
	query func() (rego.PreparedEvalQuery, error)
	// rule is the generated rule the query refers to (groupRule), nil
	// when it is the group's object itself.
	rule ast.Ref
}

// ErrInternal marks failures of annexlint itself (a recovered panic), which
// the command reports with their own exit code.
var ErrInternal = errors.New("internal error")

// DefaultTimeout bounds one bundle's whole evaluation; a policy that loops
// or explodes combinatorially is stopped with a clear error.
const DefaultTimeout = 30 * time.Second

// Set is the policy text of a run, read once: Compile parses and compiles
// it, and Digest identifies it, so the digest on a report describes the very
// bytes that were evaluated.
type Set struct {
	files []policyFile
	// customFolders are the custom sources' names, in the order given,
	// each once: a folder from which no file was read is still one.
	customFolders []string
	noIndex       bool               // see WithoutIndex
	cache         *policycache.Store // see UseCache
	// digest is Digest's result, worked out once: the index lookup, the
	// cache key and the report each ask for it, and hashing the built-in
	// set was milliseconds of every run's start.
	digest func() (string, int)
}

type policyFile struct {
	source, name string // name: source name + "/" + path, as positions show it
	data         []byte
	custom       bool
}

// Read reads every non-test .rego file (tests too when withTests) of the
// sources, bounded by MaxSourceSize per source.
func Read(sources []Source, withTests bool) (*Set, error) {
	set := &Set{}
	set.digest = sync.OnceValues(set.computeDigest)
	for _, src := range sources {
		if src.Custom {
			set.customFolders = append(set.customFolders, src.Name)
		}
		var total int64
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
			if total += int64(len(data)); total > MaxSourceSize {
				return fmt.Errorf("%s: the folder's .rego files pass %d bytes in all", p, MaxSourceSize)
			}
			set.files = append(set.files, policyFile{source: src.Name, name: src.Name + "/" + p, data: data, custom: src.Custom})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("load policies from %s: %w", src.Name, err)
		}
	}
	return set, nil
}

// Parse parses the set's modules in Rego v1 syntax with annotations.
//
// The modules are parsed in parallel: parsing is a fifth of a pre-commit
// run's CPU time and the modules are independent. The first error in read
// order is returned, so errors are the same on every run.
func (s *Set) Parse() (map[string]*ast.Module, error) {
	return s.parse(s.files, true)
}

// parse parses files of the set, with their METADATA annotations or
// without (the built-in index already holds the rules' metadata).
func (s *Set) parse(files []policyFile, annotations bool) (map[string]*ast.Module, error) {
	parsed := make([]*ast.Module, len(files))
	errs := make([]error, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(1, len(files))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				parsed[i], errs[i] = ast.ParseModuleWithOpts(files[i].name, string(files[i].data), ast.ParserOptions{
					ProcessAnnotation: annotations,
					RegoVersion:       ast.RegoV1,
				})
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	modules := make(map[string]*ast.Module, len(files))
	for i, f := range files {
		if errs[i] != nil {
			return nil, fmt.Errorf("load policies from %s: %w", f.source, errs[i])
		}
		if _, dup := modules[f.name]; dup {
			return nil, fmt.Errorf("load policies: %s is loaded twice", f.name)
		}
		modules[f.name] = parsed[i]
	}
	return modules, nil
}

// LoadModules reads and parses every non-test .rego file (tests too when
// withTests) of the sources.
func LoadModules(sources []Source, withTests bool) (map[string]*ast.Module, error) {
	set, err := Read(sources, withTests)
	if err != nil {
		return nil, err
	}
	return set.Parse()
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

// checkStages are the compiler stages that only report errors: they leave
// the compiled modules as they are (TestRuntimeCompilerSameModules). The
// embedded policies pass them in the tests (TestRegoUnitTests compiles them
// with NewCompiler) and in CI (opa check --strict), so a run that compiles
// only the embedded policies skips them; with custom policies every stage
// runs. Safety checks that reorder rule bodies are not among them.
var checkStages = []ast.StageID{
	ast.StageCheckUnusedImports,
	ast.StageCheckKeywordOverrides,
	ast.StageCheckDuplicateImports,
	ast.StageCheckVoidCalls,
	ast.StageCheckRuleConflicts,
	ast.StageCheckUndefinedFuncs,
	ast.StageCheckSafetyRuleHeads,
	ast.StageCheckRecursion,
	ast.StageCheckTypes,
	ast.StageCheckUnsafeBuiltins,
	ast.StageCheckDeprecatedBuiltins,
	ast.StageBuildRequiredCapabilities,
}

// indexStages are the stages that build the compiler's indexes of modules
// already compiled (read from the policy cache); every other stage rewrites
// or checks modules, which the cached ones have been through.
//
// The rule dependency graph (StageSetGraph) is not among them although it
// is an index: only checks read it (recursion, types, and the type check of
// a query's with modifiers, which the rule groups' queries do not have),
// never evaluation, and building it was a tenth of a warm run's policy
// start-up. TestOneBundleCompileSameResult runs every example with it and
// without it.
var indexStages = map[ast.StageID]bool{
	ast.StageInitLocalVarGen:           true,
	ast.StageSetModuleTree:             true,
	ast.StageSetRuleTree:               true,
	ast.StageBuildRuleIndices:          true,
	ast.StageBuildComprehensionIndices: true,
}

// allStages lists OPA's compiler stages (TestAllStagesListed holds it to
// the compiler's list when OPA is upgraded).
var allStages = []ast.StageID{
	ast.StageResolveRefs, ast.StageCheckUnusedImports, ast.StageInitLocalVarGen, ast.StageRewriteRuleHeadRefs,
	ast.StageCheckKeywordOverrides, ast.StageCheckDuplicateImports, ast.StageRemoveImports, ast.StageSetModuleTree,
	ast.StageSetRuleTree, ast.StageRewriteLocalVars, ast.StageRewriteTemplateStrings, ast.StageCheckVoidCalls,
	ast.StageRewritePrintCalls, ast.StageRewriteExprTerms, ast.StageParseMetadataBlocks, ast.StageSetAnnotationSet,
	ast.StageRewriteRegoMetadataCalls, ast.StageSetGraph, ast.StageRewriteComprehensionTerms, ast.StageRewriteRefsInHead,
	ast.StageRewriteWithValues, ast.StageCheckRuleConflicts, ast.StageCheckUndefinedFuncs, ast.StageCheckSafetyRuleHeads,
	ast.StageCheckSafetyRuleBodies, ast.StageRewriteEquals, ast.StageRewriteDynamicTerms, ast.StageRewriteTestRulesForTracing,
	ast.StageCheckRecursion, ast.StageCheckTypes, ast.StageCheckUnsafeBuiltins, ast.StageCheckDeprecatedBuiltins,
	ast.StageBuildRuleIndices, ast.StageBuildComprehensionIndices, ast.StageBuildRequiredCapabilities,
}

// indexStagesCompiler compiles modules read from the policy cache: it runs
// the index stages and the stages alsoRun names.
func indexStagesCompiler(alsoRun ...ast.StageID) *ast.Compiler {
	var skip []ast.StageID
	for _, s := range allStages {
		if !indexStages[s] && !slices.Contains(alsoRun, s) {
			skip = append(skip, s)
		}
	}
	return NewCompiler().WithStrict(false).WithSkipStages(skip...)
}

// RuntimeCompiler is the compiler of a run: NewCompiler's, without the
// checkStages when only the embedded policy tree is compiled (builtinOnly),
// nor the rule dependency graph, which only those checks read (see
// indexStages).
func RuntimeCompiler(builtinOnly bool) *ast.Compiler {
	c := NewCompiler()
	if builtinOnly {
		c = c.WithStrict(false).WithSkipStages(checkStages...).WithSkipStages(ast.StageSetGraph)
	}
	return c
}

// Groups lists the rule IDs of each evaluation group, in evaluation order
// (for the per-group benchmarks).
func (e *Engine) Groups() [][]string {
	out := make([][]string, 0, len(e.groups))
	for _, g := range e.groups {
		out = append(out, append([]string(nil), g.ids...))
	}
	return out
}

// New reads and compiles the sources once and prepares one query per rule
// group.
func New(ctx context.Context, sources []Source, builtin []catalog.Rule) (*Engine, error) {
	set, err := Read(sources, false)
	if err != nil {
		return nil, err
	}
	return Compile(ctx, set, builtin)
}

// Compile parses and compiles a policy set read by Read and prepares one
// query per rule group.
func Compile(ctx context.Context, set *Set, builtin []catalog.Rule) (*Engine, error) {
	return CompileFor(ctx, set, builtin, nil)
}

// CompileFor is Compile for the rules keep accepts: when keep is not nil
// and the set is the built-in one alone, the packages of the built-in rules
// keep refuses are not compiled (a bundle's regime decides which rules can
// apply before anything is evaluated, and compiling is most of a small
// run's time). The engine's catalog still lists every rule; evaluating a
// rule that was left out is an internal error, never a silent pass.
func CompileFor(ctx context.Context, set *Set, builtin []catalog.Rule, keep func(catalog.Rule) bool) (*Engine, error) {
	if idx := set.builtinIndex(); idx != nil {
		return compileIndexed(set, idx, builtin, keep)
	}
	modules, err := set.Parse()
	if err != nil {
		return nil, err
	}
	own, custom := map[string]*ast.Module{}, map[string]*ast.Module{}
	origin := map[string]string{} // custom module name -> its --policy folder
	for _, f := range set.files {
		if f.custom {
			custom[f.name] = modules[f.name]
			origin[f.name] = f.source
		} else {
			own[f.name] = modules[f.name]
		}
	}
	if err := foreignPackages(own, custom); err != nil {
		return nil, err
	}
	// A custom folder from which no file was read still asks for rules.
	customRules := func(rules []catalog.Rule) error { return checkCustomRules(set.customFolders, origin, custom, rules) }
	var cat *catalog.Catalog
	compiled := modules
	builtinOnly := len(custom) == 0
	if builtinOnly {
		// The built-in catalog is read before compiling: it decides which
		// packages are compiled and how they are split between compilers.
		if cat, err = catalogOf(modules, custom, builtin, ast.BuildAnnotationSet, customRules); err != nil {
			return nil, err
		}
	}
	if keep != nil && builtinOnly {
		left := map[string]bool{}
		for _, r := range cat.Rules() {
			if r.Query != "" && !keep(r) {
				left[strings.TrimSuffix(r.Query, ".report")] = true
			}
		}
		compiled = make(map[string]*ast.Module, len(modules))
		for name, m := range modules {
			if !left[m.Package.Path.String()] {
				compiled[name] = m
			}
		}
	}
	var parts []map[string]*ast.Module
	if builtinOnly {
		parts = splitByArea(compiled, runtimeCompilers())
	} else {
		// Custom rules may refer to any package: one compiler sees them all.
		parts = []map[string]*ast.Module{compiled}
	}
	compilers, err := compileParts(parts, builtinOnly)
	if err != nil {
		return nil, err
	}
	if cat == nil {
		annotations := func([]*ast.Module) (*ast.AnnotationSet, ast.Errors) { return compilers[0].GetAnnotationSet(), nil }
		if cat, err = catalogOf(modules, custom, builtin, annotations, customRules); err != nil {
			return nil, err
		}
	}
	return newEngine(cat, definedOutputs(modules), parts, compilers)
}

// newEngine prepares one query per group of the compiled rules. defines
// holds the outputs the parsed packages define (definedOutputs).
func newEngine(cat *catalog.Catalog, defines map[string]bool, parts []map[string]*ast.Module, compilers []*ast.Compiler) (*Engine, error) {
	store := inmem.New()
	e := &Engine{catalog: cat, timeout: DefaultTimeout, declaresEvidence: map[string]bool{}, compiled: map[string]bool{}, compilers: compilers, store: store}
	plans, err := planGroups(cat, defines, parts)
	if err != nil {
		return nil, err
	}
	for _, p := range plans {
		for _, r := range p.rules {
			e.compiled[r.ID] = true
		}
		for _, id := range p.evidence {
			e.declaresEvidence[id] = true
		}
		g := p.group
		compiler := compilers[p.part]
		query := ast.NewBody(ast.NewExpr(p.result))
		if ref, ok := groupRule(compiler, p.result); ok {
			query = ast.NewBody(ast.NewExpr(ast.NewTerm(ref)))
			g.rule = ref
		}
		area := g.area
		var once sync.Once
		var pq rego.PreparedEvalQuery
		var prepErr error
		g.query = func() (rego.PreparedEvalQuery, error) {
			// Not under the evaluation's context: a bundle's time limit
			// must not leave a failed preparation behind for the next.
			once.Do(func() {
				pq, prepErr = rego.New(
					rego.ParsedQuery(query),
					rego.Compiler(compiler),
					rego.Store(store),
					rego.StrictBuiltinErrors(true),
				).PrepareForEval(context.Background())
				if prepErr != nil {
					prepErr = fmt.Errorf("prepare rules of area %s: %w", area, prepErr)
				}
			})
			return pq, prepErr
		}
		e.groups = append(e.groups, g)
	}
	return e, nil
}

// groupPlan is one group of rules before its query is prepared.
type groupPlan struct {
	group
	part     int            // the index of the part (compiler) holding its rules
	rules    []catalog.Rule // its rules, in catalog order
	evidence []string       // the IDs of its rules whose package defines an evidence set
	// result is the group's value, {ID: outputsTerm, ...}: the query the
	// group evaluates, or the value of its rule in the generated groups
	// module (groupRule).
	result *ast.Term
}

// planGroups groups the compiled rules (those whose package one of parts
// holds) by area and by when they apply, so a group either runs whole or
// not at all: no work is spent on rules that do not apply. Groups come in
// the order of their keys; defines holds the outputs the packages define.
func planGroups(cat *catalog.Catalog, defines map[string]bool, parts []map[string]*ast.Module) ([]groupPlan, error) {
	packages := map[string]int{}
	paths := map[string]ast.Ref{}
	sizes := map[string]int{}
	for i, part := range parts {
		for _, m := range part {
			if m.Package.Path.Equal(groupsPackage) {
				continue
			}
			if _, seen := packages[m.Package.Path.String()]; !seen || !isLib(m.Package.Path) {
				packages[m.Package.Path.String()] = i
				paths[m.Package.Path.String()] = m.Package.Path
			}
			if !isLib(m.Package.Path) {
				sizes[m.Package.Path.String()] += moduleSize(m)
			}
		}
	}
	partOf := func(r catalog.Rule) (int, bool) {
		i, ok := packages[strings.TrimSuffix(r.Query, ".report")]
		return i, ok
	}
	byKey := map[string][]catalog.Rule{}
	var keys []string
	for _, r := range cat.Rules() {
		if _, ok := partOf(r); r.Query == "" || !ok {
			continue
		}
		// An area is compiled by one compiler (splitByArea), so a group
		// never spans two.
		key := strings.Join([]string{r.Area, strings.Join(r.Frameworks, ","), r.AppliesFrom, r.AppliesBy}, "|")
		if _, seen := byKey[key]; !seen {
			keys = append(keys, key)
		}
		byKey[key] = append(byKey[key], r)
	}
	sort.Strings(keys)
	plans := make([]groupPlan, 0, len(keys))
	for _, key := range keys {
		area := byKey[key][0].Area
		part, _ := partOf(byKey[key][0])
		for _, r := range byKey[key] {
			if p, _ := partOf(r); p != part {
				return nil, fmt.Errorf("%w: the rules of area %s were compiled apart", ErrInternal, area)
			}
		}
		p := groupPlan{group: group{area: area}, part: part, rules: byKey[key]}
		members := make([][2]*ast.Term, 0, len(byKey[key]))
		for _, r := range byKey[key] {
			p.ids = append(p.ids, r.ID)
			pkg := strings.TrimSuffix(r.Query, ".report")
			p.size += sizes[pkg]
			outputs := []string{"report"}
			for _, out := range []string{"evidence", "insufficient"} {
				if defines[pkg+"."+out] {
					outputs = append(outputs, out)
				}
			}
			if defines[pkg+".evidence"] {
				p.evidence = append(p.evidence, r.ID)
			}
			members = append(members, [2]*ast.Term{ast.StringTerm(r.ID), outputsTerm(paths[pkg], outputs)})
		}
		p.result = ast.ObjectTerm(members...)
		plans = append(plans, p)
	}
	return plans, nil
}

// outputsTerm is {"report": [x | x := PKG.report], ...} for the outputs
// named, the term a group's query holds for one rule. Each comprehension
// keeps the object defined when one rule's output is undefined, so one rule
// cannot hide its neighbours'. The query is built as terms, not written
// and parsed: parsing the groups' queries was a third of preparing them
// (TestGroupQueryAsParsed holds it to the text it used to parse).
func outputsTerm(pkg ast.Ref, outputs []string) *ast.Term {
	pairs := make([][2]*ast.Term, 0, len(outputs))
	for _, out := range outputs {
		ref := ast.NewTerm(pkg.Append(ast.StringTerm(out)))
		body := ast.NewBody(ast.Assign.Expr(ast.VarTerm("x"), ref))
		pairs = append(pairs, [2]*ast.Term{ast.StringTerm(out), ast.ArrayComprehensionTerm(ast.VarTerm("x"), body)})
	}
	return ast.ObjectTerm(pairs...)
}

// rulesRoot is the package prefix of the built-in rules; each rule lives in
// data.annexlint.rules.AREA.NAME.
// (Written as terms: parsing it set up OPA's parser at every process start.)
var rulesRoot = ast.Ref{ast.DefaultRootDocument, ast.StringTerm("annexlint"), ast.StringTerm("rules")}

// ruleArea returns the AREA of a reference into the built-in rules.
func ruleArea(ref ast.Ref) (string, bool) {
	if len(ref) <= len(rulesRoot) || !ref.HasPrefix(rulesRoot) {
		return "", false
	}
	area, ok := ref[len(rulesRoot)].Value.(ast.String)
	return string(area), ok
}

// isLib reports whether a package is not a rule package: the library the
// rules import, which every compiler of a split set needs.
func isLib(pkg ast.Ref) bool {
	_, rule := ruleArea(pkg)
	return !rule
}

// splitByArea splits the built-in modules into at most n sets compiled
// apart and in parallel: compiling is most of a small run's time and one
// compiler uses one core. Rule packages import only the library (TestRule
// PackagesImportOnlyTheLibrary), so each set is whole areas of rules (a
// group of rules, and sbomquality's query over one area, then needs one
// compiler) plus every library module. Areas go, largest first, to the set
// with the least source so far; the split is the same on every run.
func splitByArea(modules map[string]*ast.Module, n int) []map[string]*ast.Module {
	var lib []string
	areas := map[string][]string{}
	size := map[string]int{}
	for name, m := range modules {
		area, ok := ruleArea(m.Package.Path)
		if !ok {
			lib = append(lib, name)
			continue
		}
		areas[area] = append(areas[area], name)
		size[area] += moduleSize(m)
	}
	assign, n := shareOut(size, n)
	parts := make([]map[string]*ast.Module, n)
	for i := range parts {
		parts[i] = map[string]*ast.Module{}
	}
	for a, names := range areas {
		for _, name := range names {
			parts[assign[a]][name] = modules[name]
		}
	}
	for _, part := range parts {
		for _, name := range libraryNeeded(part, modules, lib) {
			part[name] = modules[name]
		}
	}
	return parts
}

// libraryNeeded returns the library modules (names in lib) that the modules
// of part refer to, directly or through other library modules. A reference
// is read through the module's imports (import data.annexlint.lib, then
// lib.vuln.x); a library package is needed when it and a reference share a
// prefix, so a reference with a variable part (lib[x]) keeps every package
// under it.
func libraryNeeded(part, modules map[string]*ast.Module, lib []string) []string {
	needed := map[string]bool{}
	var queue []*ast.Module
	for _, m := range part {
		queue = append(queue, m)
	}
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		for _, ref := range referencedPaths(m) {
			for _, name := range lib {
				if needed[name] {
					continue
				}
				if pkg := modules[name].Package.Path; ref.HasPrefix(pkg) || pkg.HasPrefix(ref) {
					needed[name] = true
					queue = append(queue, modules[name])
				}
			}
		}
	}
	out := make([]string, 0, len(needed))
	for name := range needed {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// referencedPaths returns the data references of a module with its imports
// applied, each cut at its first part that is not a constant string, and
// the module's own package (a package may refer to its own rules unqualified).
// Rules only: an import is not a use, so `import data.annexlint.lib` alone
// does not make every package under it needed.
func referencedPaths(m *ast.Module) []ast.Ref {
	aliases := map[ast.Var]ast.Ref{}
	for _, imp := range m.Imports {
		path, ok := imp.Path.Value.(ast.Ref)
		if !ok || !path.HasPrefix(ast.DefaultRootRef) {
			continue
		}
		name := imp.Alias
		if name == "" {
			last := path[len(path)-1]
			s, ok := last.Value.(ast.String)
			if !ok {
				continue
			}
			name = ast.Var(s)
		}
		aliases[name] = path
	}
	var refs []ast.Ref
	// The rules only: the package clause and the import paths are not uses.
	visit := func(ref ast.Ref) bool {
		head, ok := ref[0].Value.(ast.Var)
		if !ok {
			return false
		}
		var full ast.Ref
		switch {
		case head.Equal(ast.DefaultRootDocument.Value):
			full = ref
		case aliases[head] != nil:
			full = append(aliases[head].Copy(), ref[1:]...)
		default:
			return false
		}
		refs = append(refs, constantPrefix(full))
		return false
	}
	for _, r := range m.Rules {
		ast.WalkRefs(r, visit)
	}
	return refs
}

// constantPrefix cuts a reference before its first part that is not a
// string.
func constantPrefix(ref ast.Ref) ast.Ref {
	for i := 1; i < len(ref); i++ {
		if _, ok := ref[i].Value.(ast.String); !ok {
			return ref[:i]
		}
	}
	return ref
}

// runtimeCompilers is how many compilers a run splits the built-in set
// between: one per processor the run may use.
func runtimeCompilers() int { return runtime.GOMAXPROCS(0) }

// shareOut gives each area (by its source size) one of at most n
// compilers: largest first, each to the compiler with the least source so
// far, ties to the lower index; the same on every run. It returns the
// compiler of each area and how many compilers there are.
func shareOut(size map[string]int, n int) (map[string]int, int) {
	names := make([]string, 0, len(size))
	for a := range size {
		names = append(names, a)
	}
	sort.Slice(names, func(i, j int) bool {
		if size[names[i]] != size[names[j]] {
			return size[names[i]] > size[names[j]]
		}
		return names[i] < names[j]
	})
	n = max(1, min(n, maxCompilers, len(names)))
	load := make([]int, n)
	assign := make(map[string]int, len(names))
	for _, a := range names {
		least := 0
		for i := range load {
			if load[i] < load[least] {
				least = i
			}
		}
		load[least] += size[a]
		assign[a] = least
	}
	return assign, n
}

// maxCompilers bounds the split: each compiler compiles the library again.
const maxCompilers = 4

// moduleSize estimates a module's compile cost by its rules' source span.
func moduleSize(m *ast.Module) int {
	size := 0
	for _, r := range m.Rules {
		if r.Location != nil {
			size += len(r.Location.Text)
		}
	}
	return size
}

// compileParts compiles each set of modules with its own compiler, in
// parallel. A module shared by several sets (the library) is copied first:
// the compiler copies its input, and copies of one tree made at once are
// not known to be free of races.
func compileParts(parts []map[string]*ast.Module, builtinOnly bool) ([]*ast.Compiler, error) {
	compilers := make([]*ast.Compiler, len(parts))
	for i := range parts {
		compilers[i] = RuntimeCompiler(builtinOnly)
	}
	if len(parts) == 1 {
		compilers[0].Compile(parts[0])
		if compilers[0].Failed() {
			return nil, compileError(compilers[0].Errors)
		}
		return compilers, nil
	}
	inputs := make([]map[string]*ast.Module, len(parts))
	for i, part := range parts {
		inputs[i] = make(map[string]*ast.Module, len(part))
		for name, m := range part {
			if i > 0 && isLib(m.Package.Path) {
				m = m.Copy()
			}
			inputs[i][name] = m
		}
	}
	var wg sync.WaitGroup
	panics := make([]any, len(parts))
	for i := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { panics[i] = recover() }()
			compilers[i].Compile(inputs[i])
		}()
	}
	wg.Wait()
	for i, c := range compilers {
		if panics[i] != nil {
			panic(panics[i]) // the caller recovers it as an internal error
		}
		if c.Failed() {
			return nil, compileError(c.Errors)
		}
	}
	return compilers, nil
}

// catalogOf reads the rules' METADATA from the annotations of the modules
// and builds the catalog with the built-in Go rules.
func catalogOf(modules, custom map[string]*ast.Module, builtin []catalog.Rule, annotations func([]*ast.Module) (*ast.AnnotationSet, ast.Errors),
	customRules func([]catalog.Rule) error,
) (*catalog.Catalog, error) {
	names := make([]string, 0, len(modules))
	for name := range modules {
		names = append(names, name)
	}
	sort.Strings(names) // as the compiler orders them
	list := make([]*ast.Module, 0, len(modules))
	for _, name := range names {
		list = append(list, modules[name])
	}
	as, errs := annotations(list)
	if len(errs) > 0 {
		return nil, compileError(errs)
	}
	rules, err := rulesFromAnnotations(as)
	if err != nil {
		return nil, err
	}
	for i := range rules {
		_, rules[i].Custom = custom[sourceFile(rules[i].Source)]
	}
	if err := undeclaredRules(modules, rules); err != nil {
		return nil, err
	}
	if customRules != nil {
		if err := customRules(rules); err != nil {
			return nil, err
		}
	}
	return catalog.New(append(append([]catalog.Rule{}, builtin...), rules...))
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

// Prepare prepares a query over the engine's compiled policies, with the
// settings the rules run under; tools that read more than the rules' outputs
// (internal/sbomquality reads their missing sets) use it instead of
// compiling the policies a second time.
func (e *Engine) Prepare(ctx context.Context, query string) (rego.PreparedEvalQuery, error) {
	compiler, err := e.compilerOf(query)
	if err != nil {
		return rego.PreparedEvalQuery{}, err
	}
	pq, err := rego.New(
		rego.Query(query),
		rego.Compiler(compiler),
		rego.Store(e.store),
		rego.StrictBuiltinErrors(true),
	).PrepareForEval(ctx)
	if err != nil {
		return rego.PreparedEvalQuery{}, fmt.Errorf("prepare query %s: %w", query, err)
	}
	return pq, nil
}

// compilerOf returns the compiler that holds every rule area the query
// refers to (data.annexlint.rules.AREA...); a query over the library alone
// can use any.
func (e *Engine) compilerOf(query string) (*ast.Compiler, error) {
	if len(e.compilers) == 1 {
		return e.compilers[0], nil
	}
	body, err := ast.ParseBody(query)
	if err != nil {
		return nil, fmt.Errorf("prepare query %s: %w", query, err)
	}
	var found *ast.Compiler
	var walkErr error
	ast.WalkRefs(body, func(ref ast.Ref) bool {
		area, ok := ruleArea(ref)
		if !ok {
			if ref.HasPrefix(rulesRoot) {
				walkErr = fmt.Errorf("prepare query %s: it refers to every rule area, which are compiled apart", query)
			}
			return false
		}
		for _, c := range e.compilers {
			if len(c.GetRulesWithPrefix(rulesRoot.Append(ast.StringTerm(area)))) == 0 {
				continue
			}
			if found != nil && found != c {
				walkErr = fmt.Errorf("prepare query %s: it spans rule areas compiled apart", query)
			}
			found = c
		}
		return false
	})
	if walkErr != nil {
		return nil, walkErr
	}
	if found == nil {
		found = e.compilers[0]
	}
	return found, nil
}

// Compilers says how many compilers the policies were split between (for
// tests and benchmarks).
func (e *Engine) Compilers() int { return len(e.compilers) }

// FromCache says how many of the compilers were read from the policy cache
// (for tests and benchmarks).
func (e *Engine) FromCache() int { return e.fromCache }

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

// Output is what one rule reported in one evaluation: its findings, the
// entries it could not judge for lack of evidence, and the evidence it
// examined. A rule package declares the last two through optional sets named
// insufficient and evidence beside report (docs/writing-rules.md).
type Output struct {
	RuleID       string
	Findings     []Result
	Insufficient []Result
	Evidence     []Examined
	// DeclaresEvidence is true when the rule's package defines an evidence
	// set; a rule that does not can never be shown to pass.
	DeclaresEvidence bool
}

// Examined is one piece of evidence a rule examined: a bundle file and,
// optionally, a JSON pointer into it.
type Examined struct {
	Path    string
	Pointer string
}

// Eval runs the rules and returns their findings only (callers that need
// statuses use Evaluate).
func (e *Engine) Eval(ctx context.Context, input ast.Value, run func(catalog.Rule) bool) ([]Result, error) {
	outs, err := e.Evaluate(ctx, input, run)
	if err != nil {
		return nil, err
	}
	var all []Result
	for _, o := range outs {
		all = append(all, o.Findings...)
	}
	return all, nil
}

// Evaluate runs every rule for which run returns true over input, one group
// per goroutine, and returns one Output per rule run, in catalog order. input
// must already be an ast.Value so it is converted once. Rules in a group
// share their area and applicability metadata, so a group runs whole; the
// outputs of rules not wanted are dropped.
func (e *Engine) Evaluate(ctx context.Context, input ast.Value, run func(catalog.Rule) bool) ([]Output, error) {
	ctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()

	for _, r := range e.catalog.Rules() {
		if r.Query != "" && !e.compiled[r.ID] && run(r) {
			return nil, fmt.Errorf("%w: rule %s applies but was not compiled", ErrInternal, r.ID)
		}
	}
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
	// The longest groups start first, so that they do not run last, alone,
	// with the other cores idle: the groups that go through every component
	// or match (areaWeight), then the others by the source size of their
	// rule packages (the infusion pump's eleven risk rules took as long as
	// all its other groups together). Results and errors keep the groups'
	// order, so the start order changes no output.
	starts := make([]int, len(todo))
	for i := range starts {
		starts[i] = i
	}
	sort.SliceStable(starts, func(a, b int) bool {
		ga, gb := todo[starts[a]], todo[starts[b]]
		if wa, wb := areaWeight(ga.area), areaWeight(gb.area); wa != wb {
			return wa > wb
		}
		return ga.size > gb.size
	})
	results := make([][]Output, len(todo))
	errs := make([]error, len(todo))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, i := range starts {
		g := todo[i]
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			// A panic in a built-in would otherwise end the process from
			// this goroutine, with the exit code of an input error.
			defer func() {
				if r := recover(); r != nil {
					errs[i] = fmt.Errorf("%w: rules of area %s panicked: %v", ErrInternal, g.area, r)
				}
			}()
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
	var all []Output
	for _, rs := range results {
		all = append(all, rs...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].RuleID < all[j].RuleID })
	return all, nil
}

// areaWeight ranks the areas whose rules still word a finding per component
// of an SBOM or per match of a scan: on large SBOMs their groups take most
// of the evaluation (BenchmarkStageEval), the others a few milliseconds
// (the lifecycle and supply-chain rules read their per-component facts from
// Go since 2026-12-05).
func areaWeight(area string) int {
	switch area {
	case "sbom":
		return 2
	case "vex":
		return 1
	}
	return 0
}

func (e *Engine) evalGroup(ctx context.Context, g group, input ast.Value, wanted map[string]bool) ([]Output, error) {
	pq, err := g.query()
	if err != nil {
		return nil, err
	}
	rs, err := pq.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, fmt.Errorf("rules of area %s (%s): %w", g.area, strings.Join(g.ids, ", "), err)
	}
	var out []Output
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
				parts, _ := byRule[id].(map[string]any)
				o := Output{RuleID: id, DeclaresEvidence: e.declaresEvidence[id]}
				if o.Findings, err = decodeSet(id, "report", parts["report"]); err != nil {
					return nil, err
				}
				if o.Insufficient, err = decodeSet(id, "insufficient", parts["insufficient"]); err != nil {
					return nil, err
				}
				if o.Evidence, err = decodeEvidence(id, parts["evidence"]); err != nil {
					return nil, err
				}
				out = append(out, o)
			}
		}
	}
	return out, nil
}

// unwrap reads [set] (the set defined) or [] (undefined) from the query.
func unwrap(id, name string, v any) ([]any, error) {
	wrapped, _ := v.([]any)
	if len(wrapped) == 0 {
		return nil, nil
	}
	set, ok := wrapped[0].([]any)
	if !ok {
		return nil, fmt.Errorf("rule %s: %s must be a set, got %T", id, name, wrapped[0])
	}
	return set, nil
}

func decodeSet(id, name string, v any) ([]Result, error) {
	set, err := unwrap(id, name, v)
	if err != nil {
		return nil, err
	}
	out := make([]Result, 0, len(set))
	for _, item := range set {
		res, err := decodeResult(id, item)
		if err != nil {
			return nil, fmt.Errorf("%w (in %s)", err, name)
		}
		out = append(out, res)
	}
	return out, nil
}

func decodeEvidence(id string, v any) ([]Examined, error) {
	set, err := unwrap(id, "evidence", v)
	if err != nil {
		return nil, err
	}
	out := make([]Examined, 0, len(set))
	for _, item := range set {
		obj, ok := item.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("rule %s: an evidence entry must be an object {path, pointer}, got %T", id, item)
		}
		var ex Examined
		if ex.Path, err = str(obj, "path", true); err != nil {
			return nil, fmt.Errorf("rule %s: evidence: %w", id, err)
		}
		if ex.Pointer, err = str(obj, "pointer", false); err != nil {
			return nil, fmt.Errorf("rule %s: evidence: %w", id, err)
		}
		out = append(out, ex)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return out[i].Pointer < out[j].Pointer
	})
	return out, nil
}

// definedOutputs lists "<package path>.<rule name>" for every rule named
// evidence or insufficient, so queries only name outputs that exist.
func definedOutputs(modules map[string]*ast.Module) map[string]bool {
	out := map[string]bool{}
	for _, m := range modules {
		for _, r := range m.Rules {
			name := r.Head.Ref().String()
			if name == "evidence" || name == "insufficient" {
				out[m.Package.Path.String()+"."+name] = true
			}
		}
	}
	return out
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
	if err := bundlePath(res.Path); err != nil {
		return Result{}, fmt.Errorf("rule %s: finding path %q %w", id, res.Path, err)
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
			if err := bundlePath(p); p != "" && err != nil {
				return Result{}, fmt.Errorf("rule %s: related path %q %w", id, p, err)
			}
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

// bundlePath refuses a finding path that is not a clean bundle-relative
// path: a custom rule could otherwise report "/etc/passwd" or "../../x",
// which would become a SARIF location outside the repository.
func bundlePath(p string) error {
	switch {
	case p == "":
		return errors.New("is empty")
	case strings.ContainsAny(p, "\\\x00") || path.IsAbs(p) || (len(p) > 1 && p[1] == ':'):
		return errors.New("is not a relative, slash-separated path inside the bundle")
	case p == ".." || strings.HasPrefix(p, "../") || path.Clean(p) != p:
		return errors.New("leaves the bundle or is not a clean path; findings must name files inside the bundle")
	}
	return nil
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
