package policy_test

import (
	"io/fs"
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/policies"
)

// TestBuiltinRulesDeclareEvidence fails when a built-in rule package
// (policies/annexlint/rules/<area>/<slug>) defines no evidence rule. The
// engine lets such a rule pass without having examined anything, so a hollow
// bundle could pass it; every built-in rule must say what it examined.
func TestBuiltinRulesDeclareEvidence(t *testing.T) {
	t.Parallel()
	declares := map[string]bool{} // package directory -> defines evidence
	err := fs.WalkDir(policies.FS, "annexlint/rules", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".rego" || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		src, err := fs.ReadFile(policies.FS, p)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(p, string(src), ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		dir := path.Dir(p)
		declares[dir] = declares[dir] || definesEvidence(m)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(declares) == 0 {
		t.Fatal("found no built-in rule packages")
	}
	dirs := make([]string, 0, len(declares))
	for dir := range declares {
		dirs = append(dirs, dir)
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		if !declares[dir] {
			t.Errorf("policies/%s defines no evidence rule: say what the rule examined (lib.examined), so that a bundle with nothing to examine cannot pass it", dir)
		}
	}
}

func definesEvidence(m *ast.Module) bool {
	for _, r := range m.Rules {
		if r.Head.Ref().String() == "evidence" {
			return true
		}
	}
	return false
}
