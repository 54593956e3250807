package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/internal/catalog"
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
	for _, f := range set.files {
		idx.Files = append(idx.Files, indexFile{Name: f.name, Package: modules[f.name].Package.Path.String()})
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

// compileIndexed compiles the built-in set with its index: the library and
// the rules keep accepts are parsed (without METADATA) and compiled; the
// library's parse starts before keep is asked, since keep waits for the
// bundle's regime decision.
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
	pkgOf := make(map[string]string, len(idx.Files))
	for _, f := range idx.Files {
		pkgOf[f.Name] = f.Package
	}
	var lib, ruleFiles []policyFile
	for _, f := range set.files {
		if strings.HasPrefix(pkgOf[f.name], "data.annexlint.rules.") {
			ruleFiles = append(ruleFiles, f)
		} else {
			lib = append(lib, f)
		}
	}
	type parsed struct {
		modules map[string]*ast.Module
		err     error
	}
	libDone := make(chan parsed, 1)
	go func() {
		m, err := set.parse(lib, false)
		libDone <- parsed{m, err}
	}()
	wanted := map[string]bool{}
	for _, r := range cat.Rules() {
		if r.Query != "" && (keep == nil || keep(r)) {
			wanted[strings.TrimSuffix(r.Query, ".report")] = true
		}
	}
	var kept []policyFile
	for _, f := range ruleFiles {
		if wanted[pkgOf[f.name]] {
			kept = append(kept, f)
		}
	}
	modules, err := set.parse(kept, false)
	l := <-libDone
	if err != nil {
		return nil, err
	}
	if l.err != nil {
		return nil, l.err
	}
	for name, m := range l.modules {
		modules[name] = m
	}
	parts := splitByArea(modules, runtimeCompilers())
	compilers, err := compileParts(parts, true)
	if err != nil {
		return nil, err
	}
	return newEngine(cat, definedOutputs(modules), parts, compilers)
}
