// Package sarif writes SARIF 2.1.0 for GitHub code scanning and other SARIF
// consumers, through github.com/owenrumney/go-sarif/v2.
package sarif

import (
	"fmt"
	"io"
	"strings"

	gosarif "github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/result"
)

// Writer is the SARIF writer.
type Writer struct{}

const infoURI = "https://github.com/annexlint/annexlint"

// Write emits one run whose driver lists every catalog rule (so ruleIndex
// is stable between runs) and one result per finding.
func (Writer) Write(w io.Writer, meta report.Meta, res *result.Result) error {
	rep, err := gosarif.New(gosarif.Version210)
	if err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	driver := gosarif.NewVersionedDriver("annexlint", meta.ToolVersion).WithInformationURI(infoURI)
	run := gosarif.NewRun(*gosarif.NewTool(driver))
	index := map[string]int{}
	for i, r := range res.Rules {
		index[r.ID] = i
		driver.AddRule(descriptor(r.Rule))
	}
	props := gosarif.NewPropertyBag()
	props.Add("as_of", res.AsOf)
	props.Add("product", res.Product.Name+" "+res.Product.Version)
	props.Add("framework", res.Product.Framework)
	props.Add("regime", res.Regime)
	props.Add("obligations", res.ObligationCounts())
	inv := gosarif.NewInvocation().WithExecutionSuccess(true)
	inv.AttachPropertyBag(props)
	run.WithInvocations([]*gosarif.Invocation{inv})
	run.Results = []*gosarif.Result{}
	for _, f := range res.Findings {
		result := gosarif.NewRuleResult(f.RuleID).
			WithRuleIndex(index[f.RuleID]).
			WithLevel(string(f.Severity)).
			WithMessage(gosarif.NewTextMessage(f.Message + " (" + f.Basis + ")")).
			WithLocations([]*gosarif.Location{location(meta, f.Pos, "")}).
			WithPartialFingerPrints(map[string]any{"annexlint/v1": f.Fingerprint()})
		rp := gosarif.NewPropertyBag()
		rp.Add("kind", f.Kind)
		rp.Add("basis", f.Basis)
		result.AttachPropertyBag(rp)
		for i, rel := range f.Related {
			result.AddRelatedLocation(location(meta, rel.Pos, rel.Message).WithId(i + 1))
		}
		run.AddResult(result)
	}
	rep.AddRun(run)
	return rep.PrettyWrite(w)
}

func descriptor(r catalog.Rule) *gosarif.ReportingDescriptor {
	ids := make([]string, 0, len(r.Clauses))
	var md strings.Builder
	fmt.Fprintf(&md, "%s\n\n**Enforces:**\n", r.Description)
	for _, c := range r.Clauses {
		ids = append(ids, c.ID)
		fmt.Fprintf(&md, "- %s (`%s`)\n", c.Cite, c.ID)
	}
	fmt.Fprintf(&md, "\n**How to fix:** %s\n", r.Remediation)
	text := fmt.Sprintf("%s\nEnforces: %s\nHow to fix: %s", r.Description, citeList(r), r.Remediation)
	props := gosarif.Properties{
		"clauses":  ids,
		"tags":     append([]string{"compliance", r.Area}, ids...),
		"area":     r.Area,
		"severity": string(r.Severity),
	}
	if r.AppliesFrom != "" {
		props["applies_from"] = r.AppliesFrom
	}
	if len(r.Frameworks) > 0 {
		props["frameworks"] = r.Frameworks
	}
	return gosarif.NewRule(r.ID).
		WithName(sarifName(r.Slug)).
		WithShortDescription(gosarif.NewMultiformatMessageString(r.Title)).
		WithFullDescription(gosarif.NewMultiformatMessageString(r.Description)).
		WithHelpURI(r.HelpURI()).
		WithHelp(gosarif.NewMultiformatMessageString(text).WithMarkdown(md.String())).
		WithDefaultConfiguration(gosarif.NewReportingConfiguration().WithLevel(string(r.Severity))).
		WithProperties(props)
}

func citeList(r catalog.Rule) string {
	cites := make([]string, 0, len(r.Clauses))
	for _, c := range r.Clauses {
		cites = append(cites, c.Cite+" ["+c.ID+"]")
	}
	return strings.Join(cites, "; ")
}

// sarifName turns a kebab-case slug into the PascalCase SARIF recommends.
func sarifName(slug string) string {
	var b strings.Builder
	for _, part := range strings.Split(slug, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

func location(meta report.Meta, p position.Pos, msg string) *gosarif.Location {
	uri := p.File
	if meta.RepoPrefix != "" {
		uri = meta.RepoPrefix + "/" + uri
	}
	pl := gosarif.NewPhysicalLocation().WithArtifactLocation(gosarif.NewSimpleArtifactLocation(uri).WithUriBaseId("%SRCROOT%"))
	line, col := p.Line, p.Col
	if line == 0 {
		line = 1
	}
	if col == 0 {
		col = 1
	}
	pl.WithRegion(gosarif.NewRegion().WithStartLine(line).WithStartColumn(col))
	loc := gosarif.NewLocationWithPhysicalLocation(pl)
	if msg != "" {
		loc.WithMessage(gosarif.NewTextMessage(msg))
	}
	return loc
}
