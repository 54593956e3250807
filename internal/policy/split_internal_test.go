package policy

import (
	"sort"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/policies"
)

func builtinModules(t *testing.T) map[string]*ast.Module {
	t.Helper()
	modules, err := LoadModules([]Source{{Name: "policies", FS: policies.FS}}, false)
	if err != nil {
		t.Fatal(err)
	}
	return modules
}

// TestRulePackagesImportOnlyTheLibrary holds the assumption splitByArea
// rests on: a built-in rule refers to the library and its own area only, so
// areas compiled apart never miss a rule of another.
func TestRulePackagesImportOnlyTheLibrary(t *testing.T) {
	for name, m := range builtinModules(t) {
		area, isRule := ruleArea(m.Package.Path)
		for _, ref := range referencedPaths(m) {
			if other, ok := ruleArea(ref); ok && (!isRule || other != area) {
				t.Errorf("%s refers to %s, a rule of another area: the split compile would not see it", name, ref)
			} else if !ok && ref.HasPrefix(rulesRoot) {
				t.Errorf("%s refers to %s, every rule area", name, ref)
			}
		}
	}
}

func TestSplitByArea(t *testing.T) {
	modules := builtinModules(t)
	parts := splitByArea(modules, 3)
	if len(parts) != 3 {
		t.Fatalf("%d sets, want 3", len(parts))
	}
	seen := map[string]int{}
	areaPart := map[string]int{}
	for i, part := range parts {
		for name, m := range part {
			area, ok := ruleArea(m.Package.Path)
			if !ok {
				continue
			}
			seen[name]++
			if j, dup := areaPart[area]; dup && j != i {
				t.Errorf("area %s is in sets %d and %d", area, j, i)
			}
			areaPart[area] = i
		}
	}
	for name, m := range modules {
		if _, ok := ruleArea(m.Package.Path); ok && seen[name] != 1 {
			t.Errorf("rule module %s is in %d sets, want 1", name, seen[name])
		}
	}
	// The VEX rules use lib.vuln; a set of them without it fails to compile,
	// and a set that needs nothing of it should not carry it.
	for i, part := range parts {
		libs := []string{}
		for _, m := range part {
			if _, ok := ruleArea(m.Package.Path); !ok {
				libs = append(libs, m.Package.Path.String())
			}
		}
		sort.Strings(libs)
		t.Logf("set %d: %d modules, library %v", i, len(part), libs)
	}
	if _, err := compileParts(parts, true); err != nil {
		t.Fatalf("the split sets do not compile: %v", err)
	}
	// Deterministic: the same split twice.
	again := splitByArea(modules, 3)
	for i := range parts {
		if len(again[i]) != len(parts[i]) {
			t.Fatalf("set %d has %d modules, then %d", i, len(parts[i]), len(again[i]))
		}
		for name := range parts[i] {
			if again[i][name] == nil {
				t.Fatalf("%s moved from set %d", name, i)
			}
		}
	}
}

func TestLibraryNeededFollowsImports(t *testing.T) {
	parse := func(src string) *ast.Module {
		return ast.MustParseModuleWithOpts(src, ast.ParserOptions{RegoVersion: ast.RegoV1})
	}
	modules := map[string]*ast.Module{
		"lib.rego":   parse("package annexlint.lib\nf(x) := x"),
		"vuln.rego":  parse("package annexlint.lib.vuln\nimport data.annexlint.lib.sbom\ng := sbom.h"),
		"sbom.rego":  parse("package annexlint.lib.sbom\nh := 1"),
		"other.rego": parse("package annexlint.lib.other\nk := 1"),
		"rule.rego":  parse("package annexlint.rules.vex.x\nimport data.annexlint.lib\nreport contains lib.vuln.g if true"),
	}
	lib := []string{"lib.rego", "other.rego", "sbom.rego", "vuln.rego"}
	got := libraryNeeded(map[string]*ast.Module{"rule.rego": modules["rule.rego"]}, modules, lib)
	want := []string{"lib.rego", "sbom.rego", "vuln.rego"}
	if len(got) != len(want) {
		t.Fatalf("needed %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("needed %v, want %v", got, want)
		}
	}
}

// TestLibraryClosureResolvesEveryReference compiles each built-in rule
// module with only the library modules libraryNeeded picks and checks that
// every data reference of the compiled rules reaches a rule: a reference
// into a library package left out would otherwise be undefined, and a rule
// could pass silently. The closure of a set is the union of its modules'
// closures, so checking each module alone covers every split.
func TestLibraryClosureResolvesEveryReference(t *testing.T) {
	modules := builtinModules(t)
	var lib []string
	for name, m := range modules {
		if isLib(m.Package.Path) {
			lib = append(lib, name)
		}
	}
	sort.Strings(lib)
	for name, m := range modules {
		if isLib(m.Package.Path) {
			continue
		}
		part := map[string]*ast.Module{name: m}
		for _, l := range libraryNeeded(part, modules, lib) {
			part[l] = modules[l]
		}
		c := RuntimeCompiler(true)
		c.Compile(part)
		if c.Failed() {
			t.Errorf("%s with the library it needs: %v", name, c.Errors)
			continue
		}
		for _, cm := range c.Modules {
			for _, r := range cm.Rules {
				ast.WalkRefs(r, func(ref ast.Ref) bool {
					if !ref.HasPrefix(ast.DefaultRootRef) {
						return false
					}
					if len(c.GetRulesForVirtualDocument(ref)) == 0 && len(c.GetRulesWithPrefix(constantPrefix(ref))) == 0 {
						t.Errorf("%s: %s (%v) reaches no compiled rule", name, ref, r.Location)
					}
					return false
				})
			}
		}
	}
}

// TestPackageAreaMatchesRuleArea: the index's package paths give the same
// area read as text as parsed into a reference.
func TestPackageAreaMatchesRuleArea(t *testing.T) {
	idx, err := loadIndex()
	if err != nil {
		t.Fatal(err)
	}
	pkgs := []string{
		"data.annexlint.lib", "data.annexlint.lib.vuln", "data.annexlint.rules", "data.annexlint.rules.sbom",
		`data.annexlint.rules["sbom"]["x-y"]`, `data.annexlint.rules["a-b"].c`, `data.annexlint.rules.a["b\"c"]`,
		`data.annexlint.rules["a\"]b"].c`, "data.annexlint.rules[1].x", "data.annexlint.rulesx.y", "data.other.rules.x",
	}
	for _, f := range idx.Files {
		pkgs = append(pkgs, f.Package)
	}
	for _, pkg := range pkgs {
		wantArea, wantOK := ruleArea(ast.MustParseRef(pkg))
		if area, ok := packageArea(pkg); area != wantArea || ok != wantOK {
			t.Errorf("packageArea(%s) = %q, %v; ruleArea gives %q, %v", pkg, area, ok, wantArea, wantOK)
		}
	}
}

// TestRootsAsParsed: the package roots written as terms are the references
// their text parses to.
func TestRootsAsParsed(t *testing.T) {
	for text, ref := range map[string]ast.Ref{"data.annexlint.rules": rulesRoot, "data.annexlint.lib": libRoot} {
		if want := ast.MustParseRef(text); !ref.Equal(want) || ref.String() != text {
			t.Errorf("%s: written as %v", text, ref)
		}
	}
}
