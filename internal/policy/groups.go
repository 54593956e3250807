package policy

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/internal/catalog"
)

// A group's query is an object of comprehensions, one per output of each
// of its rules (groupPlan.result), and preparing it ran OPA's query
// compiler over all of it in every run: a tenth of a warm run's policy
// start-up. So a compile of built-in rules that the policy cache will keep
// adds a generated module with one rule per group of the compiled rules,
// whose value is the group's object, compiled and cached with the rest; a
// run then queries the rule, a plain reference the query compiler is done
// with at once. Evaluating a rule whose value is the object is evaluating
// the object.
//
// The rule is named by the digest of the object's text (groupRuleName):
// a run uses it only when the compiler holds a rule of that very name, so
// only for the very object it would have queried; otherwise (custom
// policies, a parsed set, anything that does not match) it queries the
// object as before. TestGroupRulesUsedWhenCached holds the two to the same
// results on every example.

// groupsPackage is the package of the generated rules, outside
// data.annexlint so that no policy can refer to it or clash with it.
var groupsPackage = ast.Ref{ast.DefaultRootDocument, ast.StringTerm("annexlint_groups")}

// groupsFile names the generated module among the compiler's modules.
const groupsFile = "annexlint (generated)/groups.rego"

// groupRuleName names the rule whose value is result.
func groupRuleName(result *ast.Term) string {
	sum := sha256.Sum256([]byte(result.String()))
	return "g_" + hex.EncodeToString(sum[:16])
}

// groupRule returns the reference to the generated rule of result when the
// compiler holds it.
func groupRule(c *ast.Compiler, result *ast.Term) (ast.Ref, bool) {
	ref := groupsPackage.Append(ast.StringTerm(groupRuleName(result)))
	if len(c.GetRulesExact(ref)) != 1 {
		return nil, false
	}
	return ref, true
}

// groupsModule writes and parses the generated module of the groups the
// parsed modules of one compiler make (nil when there is none). It is
// written as text and parsed, as a policy is, so that it is compiled as
// any policy is.
func groupsModule(cat *catalog.Catalog, modules map[string]*ast.Module) (*ast.Module, error) {
	plans, err := planGroups(cat, definedOutputs(modules), []map[string]*ast.Module{modules})
	if err != nil || len(plans) == 0 {
		return nil, err
	}
	var b strings.Builder
	b.WriteString("package annexlint_groups\n\n")
	for _, p := range plans {
		fmt.Fprintf(&b, "%s := %s\n\n", groupRuleName(p.result), p.result)
	}
	m, err := ast.ParseModuleWithOpts(groupsFile, b.String(), ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		return nil, fmt.Errorf("%w: the generated groups module: %w", ErrInternal, err)
	}
	return m, nil
}
