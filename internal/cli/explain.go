package cli

import (
	"context"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/spf13/cobra"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/clause"
	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/internal/ruleexample"
	"github.com/annexlint/annexlint/internal/termsafe"
)

// ruleDoc is everything annexlint says about one rule: `explain`, the pages
// of docs/rules/ and `rules --format json` all read it, so they cannot
// disagree.
type ruleDoc struct {
	Rule     catalog.Rule
	Clauses  []clauseDoc
	Examples ruleexample.Examples
	// ExamplesErr says why the examples could not be taken from the
	// rule's tests (a custom rule's test without `with input as`).
	ExamplesErr error
	// FailingReport and PassingReport are what the rule reports on each
	// example's input; ReportErr says why an example could not be evaluated.
	FailingReport, PassingReport []ruleexample.Finding
	ReportErr                    error
}

// clauseDoc is one clause a rule cites, with what the catalog says of it;
// Known is false when the embedded catalog lacks the ID (a custom rule's
// citation of something else).
type clauseDoc struct {
	catalog.Clause
	Info  clause.Info
	Known bool
}

// ruleSet is the rules of a run (built-in and --policy) with their docs.
type ruleSet struct {
	docs []ruleDoc
	byID map[string]int
}

// loadRuleSet compiles the built-in policies and those of policyDirs, as
// check does, and, withExamples, reads each rule's examples from its Rego
// tests (which check never parses, so only the commands that show examples
// do).
func loadRuleSet(ctx context.Context, policyDirs []string, withExamples bool) (*ruleSet, error) {
	sources, closeAll, err := policySources(policyDirs)
	if err != nil {
		return nil, err
	}
	defer closeAll()
	engine, err := policy.New(ctx, sources, catalog.Builtin())
	if err != nil {
		return nil, err
	}
	examples := ruleexample.Index{}
	policies := map[string]*ast.Module{}
	if withExamples {
		modules, err := policy.LoadModules(sources, true)
		if err != nil {
			return nil, err
		}
		examples = ruleexample.NewIndex(modules)
		for name, m := range modules {
			if !strings.HasSuffix(name, "_test.rego") {
				policies[name] = m
			}
		}
	}
	set := &ruleSet{byID: map[string]int{}}
	for _, r := range engine.Catalog().Rules() {
		d := ruleDoc{Rule: r}
		for _, c := range r.Clauses {
			info, ok := clause.Lookup(c.ID)
			d.Clauses = append(d.Clauses, clauseDoc{Clause: c, Info: info, Known: ok})
		}
		if r.Query != "" {
			d.Examples, d.ExamplesErr = examples.For(r.Area, r.Slug)
		}
		set.byID[r.ID] = len(set.docs)
		set.docs = append(set.docs, d)
	}
	if withExamples {
		if err := set.evaluateExamples(ctx, policies); err != nil {
			return nil, err
		}
	}
	return set, nil
}

// evaluateExamples runs each rule on its examples' inputs, so that explain
// shows what the rule reports on them. The built-in examples are evaluated
// together (a test proves they stand alone); a custom rule's on their own,
// so that one broken example is reported on its rule's page only.
func (s *ruleSet) evaluateExamples(ctx context.Context, policies map[string]*ast.Module) error {
	// A custom example is a stranger's code: bounded as a check's
	// evaluation is, so explain cannot hang on it.
	ctx, cancel := context.WithTimeout(ctx, policy.DefaultTimeout)
	defer cancel()
	var builtin []int
	for i, d := range s.docs {
		if d.Examples.Failing == nil || d.Examples.Passing == nil {
			continue
		}
		if !d.Rule.Custom {
			builtin = append(builtin, i)
			continue
		}
		s.docs[i].ReportErr = s.evaluate(ctx, policies, []int{i})
	}
	return s.evaluate(ctx, policies, builtin)
}

// evaluate fills the reports of the rules at indexes.
func (s *ruleSet) evaluate(ctx context.Context, policies map[string]*ast.Module, indexes []int) error {
	if len(indexes) == 0 {
		return nil
	}
	var cases []ruleexample.Case
	for _, i := range indexes {
		d := s.docs[i]
		cases = append(cases, ruleexample.Case{Query: d.Rule.Query, Snippet: d.Examples.Failing}, ruleexample.Case{Query: d.Rule.Query, Snippet: d.Examples.Passing})
	}
	reports, err := ruleexample.Evaluate(ctx, policies, cases)
	if err != nil {
		return err
	}
	for k, i := range indexes {
		s.docs[i].FailingReport, s.docs[i].PassingReport = reports[2*k], reports[2*k+1]
	}
	return nil
}

// find looks a rule up by ID in any case.
func (s *ruleSet) find(id string) (ruleDoc, bool) {
	i, ok := s.byID[strings.ToUpper(strings.TrimSpace(id))]
	if !ok {
		return ruleDoc{}, false
	}
	return s.docs[i], true
}

// unknownRule is the error for an ID no rule has, with the IDs nearest to it.
func (s *ruleSet) unknownRule(id string) error {
	near := nearIDs(strings.ToUpper(strings.TrimSpace(id)), s.byID)
	msg := fmt.Sprintf("no rule has the ID %q", id)
	if len(near) > 0 {
		msg += "; did you mean " + oneOf(near) + "?"
	}
	return fmt.Errorf("%s (annexlint rules lists every rule)", msg)
}

// nearIDs returns up to five IDs close to id: those containing it (a
// number or an area typed alone) and those a few edits away, nearest first.
func nearIDs(id string, ids map[string]int) []string {
	type candidate struct {
		id   string
		dist int
	}
	var cands []candidate
	limit := max(2, len(id)/4)
	for known := range ids {
		d := editDistance(id, known)
		if id != "" && strings.Contains(known, id) {
			d = min(d, 1)
		}
		if d <= limit {
			cands = append(cands, candidate{known, d})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].dist != cands[j].dist {
			return cands[i].dist < cands[j].dist
		}
		return cands[i].id < cands[j].id
	})
	var out []string
	for i := 0; i < len(cands) && i < 5; i++ {
		out = append(out, cands[i].id)
	}
	return out
}

// editDistance is the Levenshtein distance of a and b (rule IDs: ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func explainCommand(stdout io.Writer) *cobra.Command {
	var format string
	var policyDirs []string
	cmd := &cobra.Command{
		Use:   "explain RULE-ID",
		Short: "Explain a rule: what it checks, the clauses behind it, how to fix it, and examples",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format = strings.ToLower(format)
			if format != "text" && format != "markdown" {
				return fmt.Errorf("unknown --format %q (want text or markdown)", format)
			}
			set, err := loadRuleSet(cmd.Context(), policyDirs, true)
			if err != nil {
				return err
			}
			d, ok := set.find(args[0])
			if !ok {
				return set.unknownRule(args[0])
			}
			var out string
			if format == "markdown" {
				out = rulePage(d)
			} else {
				out = termsafe.Lines(explainText(d))
			}
			_, err = io.WriteString(stdout, out)
			return err
		},
	}
	// Completion offers the built-in rule IDs (custom ones need --policy,
	// which completion does not see).
	cmd.ValidArgsFunction = func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		set, err := loadRuleSet(cmd.Context(), nil, false)
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		ids := make([]string, 0, len(set.docs))
		for _, d := range set.docs {
			if strings.HasPrefix(d.Rule.ID, strings.ToUpper(toComplete)) {
				ids = append(ids, d.Rule.ID)
			}
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "text or markdown (the rule's page of docs/rules/)")
	cmd.Flags().StringArrayVar(&policyDirs, "policy", nil, "also load custom Rego rules from DIR (repeatable)")
	_ = cmd.MarkFlagDirname("policy")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "markdown"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// textWidth is where explain wraps prose.
const textWidth = 100

// explainText renders a rule for the terminal.
func explainText(d ruleDoc) string {
	r := d.Rule
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", r.ID, oneLine(r.Title))
	fmt.Fprintf(&b, "  severity %s, group %s (%s), runs for %s\n", r.Severity, r.Area, r.Name, scope(r))
	if r.Source != "" {
		fmt.Fprintf(&b, "  declared in %s\n", r.Source)
	}
	b.WriteString("\nWhat it checks\n")
	wrap(&b, r.Description, "  ")
	b.WriteString("\nWhy: the clauses it enforces\n")
	for _, c := range d.Clauses {
		fmt.Fprintf(&b, "  %s, %s (%s)\n", c.ID, c.Cite, clauseFacts(c))
		if c.Known {
			wrap(&b, c.Info.Title+". "+c.Info.Summary, "      ")
		}
	}
	wrap(&b, "The summaries are the reference catalog's paraphrases, not the legal text, which always governs. "+
		"Whether a clause is the legal basis of a finding is decided per product and date (docs/regime.md).", "  ")
	b.WriteString("\nHow to fix\n")
	wrap(&b, r.Remediation, "  ")
	for _, ex := range examplesOf(d) {
		fmt.Fprintf(&b, "\n%s (%s, %s:%d)\n", ex.label, ex.s.Test, ex.s.File, ex.s.Line)
		for _, line := range strings.Split(ex.s.Rego(), "\n") {
			if line == "" {
				b.WriteString("\n")
				continue
			}
			fmt.Fprintf(&b, "    %s\n", line)
		}
		if sentence, lines := reportOf(d, ex.report); sentence != "" {
			if len(lines) > 0 {
				sentence += ":"
			}
			fmt.Fprintf(&b, "  %s\n", sentence)
			for _, l := range lines {
				fmt.Fprintf(&b, "    %s\n", l)
			}
		}
	}
	if d.Examples.Failing == nil || d.Examples.Passing == nil {
		b.WriteString("\n" + noExamples(d) + "\n")
	}
	return b.String()
}

// noExamples says why a rule shows no example.
func noExamples(d ruleDoc) string {
	r := d.Rule
	if d.ExamplesErr != nil {
		return "Examples: none; " + d.ExamplesErr.Error()
	}
	if r.Query == "" {
		return "Examples: none; this check is made in Go, not in Rego (docs/bundle-format.md describes every field)."
	}
	return fmt.Sprintf("Examples: incomplete; the rule's test package %s needs a %s… and a %s… test with `with input as` (docs/writing-rules.md).",
		fmt.Sprintf("annexlint.rules.%s[%q]", r.Area, r.Slug+"_test"), ruleexample.FailPrefix, ruleexample.PassPrefix)
}

// clauseFacts is a clause's kind of instrument, verification and date.
func clauseFacts(c clauseDoc) string {
	if !c.Known {
		return "not in the reference catalog"
	}
	parts := []string{string(c.Info.Kind)}
	if c.Info.Verified {
		parts = append(parts, "verified")
	} else {
		parts = append(parts, "unverified: supports warnings only")
	}
	if c.Info.AppliesFrom != "" {
		parts = append(parts, "applies from "+c.Info.AppliesFrom)
	}
	return strings.Join(parts, ", ")
}

// oneLine folds s's whitespace, line breaks included, into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// wrap writes s folded to textWidth, each line after indent.
func wrap(b *strings.Builder, s, indent string) {
	line := indent
	for _, w := range strings.Fields(s) {
		if len(line) > len(indent) && len(line)+1+len(w) > textWidth {
			b.WriteString(line + "\n")
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += w
	}
	if len(line) > len(indent) {
		b.WriteString(line + "\n")
	}
}

// rulePage renders a rule as its Markdown page of docs/rules/. A custom
// rule's text is a stranger's, so it is escaped as literal text.
func rulePage(d ruleDoc) string {
	r := d.Rule
	text := func(s string) string {
		s = oneLine(s)
		if r.Custom {
			return termsafe.Markdown(s)
		}
		return s
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %s\n\n", r.ID, text(r.Title))
	b.WriteString("<!-- Generated by `go run ./cmd/annexlint rules --format markdown --split docs/rules`; do not edit. -->\n\n")
	fmt.Fprintf(&b, "| | |\n|---|---|\n| Severity | `%s` |\n| Group | %s (`%s`) |\n| Runs for | %s |\n", r.Severity, text(r.Area), text(r.Name), text(scope(r)))
	if r.Source != "" {
		file, line, _ := strings.Cut(r.Source, ":")
		fmt.Fprintf(&b, "| Declared in | %s |\n", sourceLink(r, file, line))
	}
	fmt.Fprintf(&b, "\n## What it checks\n\n%s\n", text(r.Description))
	b.WriteString("\n## Why: the clauses it enforces\n\n")
	b.WriteString("The summaries are the reference catalog's paraphrases, not the legal text, which always governs. Whether a\n")
	b.WriteString("clause is the legal basis of a finding is decided per product and date ([regime](../regime.md)).\n\n")
	b.WriteString("| Clause | Cite | Kind | Verified | Applies from |\n|---|---|---|---|---|\n")
	for _, c := range d.Clauses {
		kind, verified := "not in the catalog", ""
		if c.Known {
			kind, verified = string(c.Info.Kind), "no (warnings only)"
			if c.Info.Verified {
				verified = "yes"
			}
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", text(c.ID), text(c.Cite), kind, verified, c.Info.AppliesFrom)
	}
	for _, c := range d.Clauses {
		if c.Known {
			fmt.Fprintf(&b, "\n**%s: %s.** %s\n", c.ID, c.Info.Title, c.Info.Summary)
		}
	}
	fmt.Fprintf(&b, "\n## How to fix\n\n%s\n", text(r.Remediation))
	b.WriteString("\n## Examples\n")
	for _, ex := range examplesOf(d) {
		fmt.Fprintf(&b, "\n%s (from `%s`, %s):\n\n%s", ex.label, ex.s.Test, sourceLink(r, ex.s.File, fmt.Sprint(ex.s.Line)), fenced("rego", ex.s.Rego()))
		if sentence, lines := reportOf(d, ex.report); sentence != "" {
			sentence = strings.ToUpper(sentence[:1]) + sentence[1:]
			if len(lines) == 0 {
				fmt.Fprintf(&b, "\n%s.\n", text(sentence))
				continue
			}
			fmt.Fprintf(&b, "\n%s:\n\n%s", sentence, fenced("text", strings.Join(lines, "\n")))
		}
	}
	if d.Examples.Failing == nil || d.Examples.Passing == nil {
		b.WriteString("\n" + text(noExamples(d)) + "\n")
	}
	return termsafe.Lines(b.String())
}

// sourceLink shows file:line of a policy file on a rule page: for a
// built-in rule a link from docs/rules/ into the repository's policies/,
// for a custom one the path as loaded, as literal text.
func sourceLink(r catalog.Rule, file, line string) string {
	if r.Custom || !strings.HasPrefix(file, "policies/") {
		return termsafe.Markdown(file + ":" + line)
	}
	return fmt.Sprintf("[%s:%s](../../%s#L%s)", path.Base(file), line, file, line)
}

// example is one of a rule's examples with what the rule reports on it.
type example struct {
	label  string
	s      *ruleexample.Snippet
	report []ruleexample.Finding
}

// examplesOf lists the examples a rule has: failing, then passing.
func examplesOf(d ruleDoc) []example {
	var out []example
	if d.Examples.Failing != nil {
		out = append(out, example{"Fails on", d.Examples.Failing, d.FailingReport})
	}
	if d.Examples.Passing != nil {
		out = append(out, example{"Passes on", d.Examples.Passing, d.PassingReport})
	}
	return out
}

// reportOf says what the rule reports on an example: a sentence (without
// its capital and stop, which the formats add) and one line per finding
// (file, pointer, message); "" when it was not evaluated.
func reportOf(d ruleDoc, report []ruleexample.Finding) (sentence string, lines []string) {
	switch {
	case d.ReportErr != nil:
		return "evaluating the rule on it failed: " + oneLine(d.ReportErr.Error()), nil
	case report == nil:
		return "", nil
	case len(report) == 0:
		return "the rule reports nothing", nil
	}
	for _, f := range report {
		line := f.Message
		if f.Path != "" {
			line = f.Path + " " + f.Pointer + ": " + f.Message
		}
		lines = append(lines, line)
	}
	return "the rule reports", lines
}

// fenced puts text in a fenced code block that no backquote run inside it
// can close.
func fenced(lang, text string) string {
	fence := "```"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	return fence + lang + "\n" + strings.TrimSuffix(text, "\n") + "\n" + fence + "\n"
}
