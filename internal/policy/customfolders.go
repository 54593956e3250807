package policy

import (
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/internal/catalog"
)

// ruleNeeds is what a custom folder must hold for a rule to load, said once
// for every message that explains why nothing did.
const ruleNeeds = `a rule is a .rego file (not *_test.rego) whose package is annexlint.rules.<area>["<slug>"] ` +
	`(e.g. package annexlint.rules.acme["device-owner"]), with a package-scoped METADATA block whose custom.id is ` +
	`your own (ORG-AREA-NNN, e.g. ACME-DEVICE-001; AL- is annexlint's), and a report set of findings; ` +
	`see docs/custom-policies.md`

// checkCustomRules refuses custom policy folders that would run nothing or
// run something other than what their author meant, each with the file and
// line to fix:
//
//   - a folder from which no rule loads (empty, only tests, only helper
//     packages, rules outside annexlint.rules): the user asked for checks
//     and would otherwise get a clean report that checked nothing;
//   - a package with rule METADATA but no report set: it could never fire;
//   - two custom rules with one ID: findings, waivers and baselines key on it,
//     so the message names both declarations.
//
// origin maps each custom module's name to the --policy folder it came from;
// folders lists those folders in the order given.
func checkCustomRules(folders []string, origin map[string]string, modules map[string]*ast.Module, rules []catalog.Rule) error {
	var problems []string
	loaded := map[string]bool{}
	reports := map[string]bool{}
	for _, m := range modules {
		for _, r := range m.Rules {
			if r.Head.Ref().String() == "report" {
				reports[m.Package.Path.String()] = true
			}
		}
	}
	firstByID := map[string]string{}
	for _, r := range rules {
		folder, ok := origin[sourceFile(r.Source)]
		if !ok {
			continue
		}
		pkg := strings.TrimSuffix(r.Query, ".report")
		if !reports[pkg] {
			problems = append(problems, fmt.Sprintf("%s: package %s has rule METADATA (%s) but no report set, so it can never report a finding; "+
				"define report contains lib.finding(path, pointer, message) if { ... }", r.Source, trimData(ast.MustParseRef(pkg)), r.ID))
			continue
		}
		loaded[folder] = true
		if first, dup := firstByID[r.ID]; dup {
			problems = append(problems, fmt.Sprintf("%s: rule ID %s is already declared at %s; give each rule an ID of its own", r.Source, r.ID, first))
			continue
		}
		firstByID[r.ID] = r.Source
	}
	for _, folder := range folders {
		if loaded[folder] {
			continue
		}
		var read []string
		var why []string
		for name, from := range origin {
			if from != folder {
				continue
			}
			read = append(read, strings.TrimPrefix(name, folder+"/"))
			if why1 := notARule(modules[name], reports); why1 != "" {
				why = append(why, why1)
			}
		}
		sort.Strings(read)
		sort.Strings(why)
		found := "it holds no .rego file other than *_test.rego"
		if len(read) > 0 {
			found = fmt.Sprintf("read %d .rego file(s): %s", len(read), strings.Join(read, ", "))
		}
		msg := fmt.Sprintf("--policy %s: no rule loaded from this folder (%s); %s", folder, found, ruleNeeds)
		for _, w := range why {
			msg += "\n    " + w
		}
		problems = append(problems, msg)
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return fmt.Errorf("custom policies:\n  %s", strings.Join(problems, "\n  "))
	}
	return nil
}

// notARule says why a module of a folder without rules is none, when the
// reason is in the module itself (a helper package is fine beside a rule,
// so this is only said when the folder has no rule at all).
func notARule(m *ast.Module, reports map[string]bool) string {
	if m == nil {
		return ""
	}
	where := ""
	if m.Package.Location != nil {
		where = fmt.Sprintf("%s:%d: ", m.Package.Location.File, m.Package.Location.Row)
	}
	pkg := trimData(m.Package.Path)
	if _, _, ok := rulePath(m.Package.Path); !ok {
		return fmt.Sprintf(`%spackage %s is not a rule package annexlint.rules.<area>["<slug>"]`, where, pkg)
	}
	if !reports[m.Package.Path.String()] {
		return fmt.Sprintf("%spackage %s defines no report set", where, pkg)
	}
	return ""
}

// sourceFile is the file part of a rule's "file:line" source.
func sourceFile(source string) string {
	return source[:max(0, strings.LastIndexByte(source, ':'))]
}
