package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/policycache"
	"github.com/annexlint/annexlint/policies"
)

// The built-in index (policies/index.json) is the METADATA of every
// built-in rule and the package of every built-in file, read from the
// policies by `go run ./internal/policy/cmd/genindex > policies/index.json`
// and held current by TestBuiltinIndexUpToDate. With it a run knows the
// catalog before parsing anything, so it parses only the library and the
// rules the bundle's regime can apply, and without the METADATA (reading
// its YAML is a fifth of parsing). It is used only when its digest is the
// digest of the very policy bytes read (Set.Digest): a stale index or a
// custom policy folder falls back to parsing everything with annotations,
// which is slower and gives the same result.
type index struct {
	Digest string      `json:"digest"`
	Files  []indexFile `json:"files"`
	Rules  []indexRule `json:"rules"`
}

type indexFile struct {
	Name    string `json:"name"`    // as Read names it: "policies/annexlint/…"
	Package string `json:"package"` // e.g. data.annexlint.rules.sbom["sbom-present"]
	// Size is the source span of the module's rules (moduleSize), by which
	// areas are shared out between compilers.
	Size int `json:"size"`
	// Uses lists the library files a rule file needs (libraryNeeded).
	Uses []string `json:"uses,omitempty"`
}

type indexRule struct {
	catalog.Rule
	Query string `json:"query"`
}

var loadIndex = sync.OnceValues(func() (*index, error) {
	var idx index
	dec := json.NewDecoder(bytes.NewReader(policies.Index))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&idx); err != nil {
		return nil, fmt.Errorf("policies/index.json: %w", err)
	}
	return &idx, nil
})

// builtinIndex returns the built-in index when the set is the built-in
// policies alone, exactly as indexed; nil otherwise.
func (s *Set) builtinIndex() *index {
	if s.noIndex || len(s.customFolders) > 0 || len(s.files) == 0 {
		return nil
	}
	for _, f := range s.files {
		if f.custom {
			return nil
		}
	}
	idx, err := loadIndex()
	if err != nil || idx.Digest == "" {
		return nil // TestBuiltinIndexUpToDate fails on it; the run parses all
	}
	if digest, _ := s.Digest(); digest != idx.Digest {
		return nil
	}
	return idx
}

// UseCache makes compiles of the built-in set read and write compiled
// modules in store (nil: no cache). Custom policies are never cached.
func (s *Set) UseCache(store *policycache.Store) { s.cache = store }

// Indexed reports whether a compile of the set uses the built-in index.
func (s *Set) Indexed() bool { return s.builtinIndex() != nil }

// WithoutIndex returns the set marked to be compiled without the built-in
// index: every file parsed with its METADATA, the catalog read from it.
// Tests compile both ways and compare.
func (s *Set) WithoutIndex() *Set {
	c := *s
	c.noIndex = true
	return &c
}

// BuiltinIndex builds the index of a set of built-in sources: their digest,
// each file's package, and every rule's metadata, checked as a compile
// checks it. The generator writes it to policies/index.json.
func BuiltinIndex(sources []Source) ([]byte, error) {
	set, err := Read(sources, false)
	if err != nil {
		return nil, err
	}
	if len(set.customFolders) > 0 {
		return nil, fmt.Errorf("the built-in index is of the built-in policies only")
	}
	modules, err := set.Parse()
	if err != nil {
		return nil, err
	}
	cat, err := catalogOf(modules, nil, nil, ast.BuildAnnotationSet, nil)
	if err != nil {
		return nil, err
	}
	idx := index{}
	idx.Digest, _ = set.Digest()
	var lib []string
	for name, m := range modules {
		if isLib(m.Package.Path) {
			lib = append(lib, name)
		}
	}
	sort.Strings(lib)
	for _, f := range set.files {
		m := modules[f.name]
		entry := indexFile{Name: f.name, Package: m.Package.Path.String(), Size: moduleSize(m)}
		if !isLib(m.Package.Path) {
			entry.Uses = libraryNeeded(map[string]*ast.Module{f.name: m}, modules, lib)
		}
		idx.Files = append(idx.Files, entry)
	}
	sort.Slice(idx.Files, func(i, j int) bool { return idx.Files[i].Name < idx.Files[j].Name })
	for _, r := range cat.Rules() {
		idx.Rules = append(idx.Rules, indexRule{Rule: r, Query: r.Query})
	}
	sort.Slice(idx.Rules, func(i, j int) bool { return idx.Rules[i].ID < idx.Rules[j].ID })
	out, err := json.MarshalIndent(idx, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// compileIndexed compiles the built-in set with its index. The rules keep
// accepts are shared out by area between compilers (splitFiles); each
// compiler's modules are read from the policy cache when a run compiled
// them before, else parsed (without METADATA), compiled and cached.
func compileIndexed(set *Set, idx *index, builtin []catalog.Rule, keep func(catalog.Rule) bool) (*Engine, error) {
	rules := make([]catalog.Rule, 0, len(builtin)+len(idx.Rules))
	rules = append(rules, builtin...)
	for _, r := range idx.Rules {
		rule := r.Rule
		rule.Query = r.Query
		rules = append(rules, rule)
	}
	cat, err := catalog.New(rules)
	if err != nil {
		return nil, err
	}
	wanted := map[string]bool{}
	for _, r := range cat.Rules() {
		if r.Query != "" && (keep == nil || keep(r)) {
			wanted[strings.TrimSuffix(r.Query, ".report")] = true
		}
	}
	var kept []indexFile
	for _, f := range idx.Files {
		if wanted[f.Package] {
			kept = append(kept, f)
		}
	}
	files := make(map[string]policyFile, len(set.files))
	for _, f := range set.files {
		files[f.name] = f
	}
	parts := splitFiles(kept, runtimeCompilers())
	digest, _ := set.Digest()
	compilers := make([]*ast.Compiler, len(parts))
	fromCache := make([]bool, len(parts))
	errs := make([]error, len(parts))
	panics := make([]any, len(parts))
	var wg sync.WaitGroup
	for i, names := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { panics[i] = recover() }()
			compilers[i], fromCache[i], errs[i] = compileCached(set, files, names, digest)
		}()
	}
	wg.Wait()
	for i := range parts {
		if panics[i] != nil {
			panic(panics[i]) // the caller recovers it as an internal error
		}
		if errs[i] != nil {
			return nil, errs[i]
		}
	}
	compiled := make([]map[string]*ast.Module, len(compilers))
	defines := map[string]bool{}
	for i, c := range compilers {
		compiled[i] = c.Modules
		for k := range definedOutputs(c.Modules) {
			defines[k] = true
		}
	}
	e, err := newEngine(cat, defines, compiled, compilers)
	if err != nil {
		return nil, err
	}
	for _, hit := range fromCache {
		if hit {
			e.fromCache++
		}
	}
	return e, nil
}

// splitFiles shares the kept rule files out between at most n compilers by
// area, as splitByArea does with parsed modules, and adds to each the
// library files its rules use. Each list is sorted.
func splitFiles(kept []indexFile, n int) [][]string {
	areas := map[string][]indexFile{}
	size := map[string]int{}
	for _, f := range kept {
		area, ok := packageArea(f.Package)
		if !ok {
			continue
		}
		areas[area] = append(areas[area], f)
		size[area] += f.Size
	}
	assign, n := shareOut(size, n)
	sets := make([]map[string]bool, n)
	for i := range sets {
		sets[i] = map[string]bool{}
	}
	for a, files := range areas {
		for _, f := range files {
			sets[assign[a]][f.Name] = true
			for _, u := range f.Uses {
				sets[assign[a]][u] = true
			}
		}
	}
	out := make([][]string, n)
	for i, set := range sets {
		for name := range set {
			out[i] = append(out[i], name)
		}
		sort.Strings(out[i])
	}
	return out
}

// packageArea is ruleArea of a package path written as Ref.String writes
// it (data.annexlint.rules.AREA… or data.annexlint.rules["AREA"]…), read
// without OPA's parser: parsing a reference sets up a whole parser, and a
// run reads the area of every indexed file (TestPackageAreaMatchesRuleArea).
func packageArea(pkg string) (string, bool) {
	rest, ok := strings.CutPrefix(pkg, "data.annexlint.rules")
	switch {
	case !ok:
		return "", false
	case strings.HasPrefix(rest, "."):
		rest = rest[1:]
		if end := strings.IndexAny(rest, ".["); end >= 0 {
			rest = rest[:end]
		}
		return rest, rest != ""
	case strings.HasPrefix(rest, "["):
		quoted, err := strconv.QuotedPrefix(rest[1:])
		if err != nil || !strings.HasPrefix(rest[1+len(quoted):], "]") {
			return "", false
		}
		area, err := strconv.Unquote(quoted)
		return area, err == nil
	}
	return "", false
}

// compileCached returns a compiler of the named files: from the policy
// cache when it holds them (only the index stages run), else parsed and
// compiled in full, then cached.
func compileCached(set *Set, files map[string]policyFile, names []string, digest string) (c *ast.Compiler, fromCache bool, err error) {
	sources := make(map[string][]byte, len(names))
	for _, n := range names {
		sources[n] = files[n].data
	}
	key := ""
	if set.cache != nil {
		key = set.cache.Key(digest, names)
		if data, ok := set.cache.Load(key); ok {
			if modules, err := policycache.Decode(data, sources); err == nil {
				c := indexStagesCompiler()
				c.Compile(modules)
				if !c.Failed() {
					return c, true, nil
				}
			}
		}
	}
	list := make([]policyFile, 0, len(names))
	for _, n := range names {
		list = append(list, files[n])
	}
	modules, err := set.parse(list, false)
	if err != nil {
		return nil, false, err
	}
	c = RuntimeCompiler(true)
	c.Compile(modules)
	if c.Failed() {
		return nil, false, compileError(c.Errors)
	}
	if set.cache != nil {
		if data, err := policycache.Encode(c.Modules, sources); err == nil {
			_ = set.cache.Save(key, data) // a cache that cannot be written costs the next run a compile, nothing else
		}
	}
	return c, false, nil
}
