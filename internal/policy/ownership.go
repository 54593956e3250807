package policy

import (
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// libRoot is owned whole by the built-in set: every built-in rule reads its
// helpers (file_exists, has_text, acceptable), so a custom module that
// redefined one would change the built-in verdict without a word.
var libRoot = ast.Ref{ast.DefaultRootDocument, ast.StringTerm("annexlint"), ast.StringTerm("lib")}

// foreignPackages refuses custom modules that define or extend a package of
// the built-in set: its library, or a built-in rule's package (which would
// add findings under that rule's ID and clauses). Custom modules may still
// import and read them.
func foreignPackages(builtin, custom map[string]*ast.Module) error {
	owned := make([]ast.Ref, 0, 1+len(builtin))
	owned = append(owned, libRoot)
	for _, m := range builtin {
		owned = append(owned, m.Package.Path)
	}
	overlaps := func(p ast.Ref) (ast.Ref, bool) {
		for _, o := range owned {
			if p.HasPrefix(o) || o.HasPrefix(p) {
				return o, true
			}
		}
		return nil, false
	}
	inside := func(p ast.Ref) (ast.Ref, bool) {
		for _, o := range owned {
			if p.HasPrefix(o) {
				return o, true
			}
		}
		return nil, false
	}
	names := make([]string, 0, len(custom))
	for name := range custom {
		names = append(names, name)
	}
	sort.Strings(names)
	var problems []string
	for _, name := range names {
		m := custom[name]
		pkg := m.Package.Path
		where := name
		if m.Package.Location != nil {
			where = fmt.Sprintf("%s:%d", m.Package.Location.File, m.Package.Location.Row)
		}
		if o, ok := inside(pkg); ok {
			problems = append(problems, fmt.Sprintf("%s: package %s belongs to the built-in policies (%s); custom policies may import it but not define or extend it",
				where, trimData(pkg), trimData(o)))
			continue
		}
		// A rule head may be a ref reaching into another package
		// (package annexlint, rule lib.file_exists := ...).
		for _, r := range m.Rules {
			full := ruleRoot(pkg, r.Head.Ref())
			if o, ok := overlaps(full); ok {
				at := where
				if r.Location != nil {
					at = fmt.Sprintf("%s:%d", r.Location.File, r.Location.Row)
				}
				problems = append(problems, fmt.Sprintf("%s: rule %s in package %s would define data in %s, which belongs to the built-in policies",
					at, r.Head.Ref(), trimData(pkg), trimData(o)))
				break
			}
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("custom policies:\n  %s", strings.Join(problems, "\n  "))
	}
	return nil
}

// ruleRoot is the constant part of the data path a rule defines: the
// package path, then the head's reference up to its first variable.
func ruleRoot(pkg, head ast.Ref) ast.Ref {
	full := pkg.Copy()
	for i, t := range head {
		if i == 0 {
			if v, ok := t.Value.(ast.Var); ok {
				full = append(full, ast.StringTerm(string(v)))
				continue
			}
		}
		if !t.IsGround() {
			break
		}
		full = append(full, t)
	}
	return full
}

func trimData(r ast.Ref) string { return strings.TrimPrefix(r.String(), "data.") }
