// Package sarif writes SARIF 2.1.0 for GitHub code scanning and other SARIF
// consumers, through github.com/owenrumney/go-sarif/v2.
package sarif

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"

	gosarif "github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/result"
	"github.com/annexlint/annexlint/internal/termsafe"
)

// Writer is the SARIF writer.
type Writer struct{}

const infoURI = "https://github.com/annexlint/annexlint"

// SrcRoot is the uriBaseId of every location.
const SrcRoot = "%SRCROOT%"

// GitHub code scanning's documented limits on an uploaded SARIF file
// (docs/github-code-scanning.md). MaxTags is the number of rule tags GitHub
// displays (it accepts 20).
const (
	MaxRuns          = 20
	MaxResultsPerRun = 25000
	MaxTags          = 10
)

// Write emits one run for one bundle.
func (Writer) Write(w io.Writer, meta report.Meta, res *result.Result) error {
	return Writer{}.WriteAll(w, []report.Bundle{{Meta: meta, Result: res}})
}

// WriteAll emits one SARIF log with one run per bundle, each with its own
// automationDetails.id so that code scanning keeps their analyses apart.
// Each run's driver lists every rule of that run (so ruleIndex is stable
// between runs) and one result per finding, waived findings included with a
// suppression that gives the waiver.
func (Writer) WriteAll(w io.Writer, bundles []report.Bundle) error {
	rep, err := gosarif.New(gosarif.Version210)
	if err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	for _, b := range bundles {
		rep.AddRun(buildRun(b.Meta, b.Result))
	}
	var buf bytes.Buffer
	if err := rep.PrettyWrite(&buf); err != nil {
		return err
	}
	// encoding/json writes C1 controls and bidi overrides raw.
	_, err = w.Write(termsafe.JSON(buf.Bytes()))
	return err
}

// AutomationID is the run's category for code scanning: "annexlint/" and
// the bundle's folder relative to the repository root, ending in "/"; the
// bundle path as given when no repository root was found.
func AutomationID(meta report.Meta, res *result.Result) string {
	where := meta.RepoPrefix
	if meta.NoRepoRoot {
		where = res.Bundle
	}
	where = strings.Trim(path.Clean("/"+strings.ReplaceAll(where, "\\", "/")), "/")
	if where == "" {
		return "annexlint/"
	}
	return "annexlint/" + where + "/"
}

func buildRun(meta report.Meta, res *result.Result) *gosarif.Run {
	driver := gosarif.NewVersionedDriver("annexlint", meta.ToolVersion).WithInformationURI(infoURI)
	if v, ok := semver(meta.ToolVersion); ok {
		driver.SemanticVersion = &v
	}
	run := gosarif.NewRun(*gosarif.NewTool(driver))
	run.WithAutomationDetails(gosarif.NewRunAutomationDetails().WithID(AutomationID(meta, res)))
	base := gosarif.NewArtifactLocation()
	if meta.NoRepoRoot {
		base.Description = gosarif.NewTextMessage(fmt.Sprintf("the bundle folder %s: no repository root (.git) was found above it, so locations are relative to the bundle; pass --repo-root", res.Bundle))
	} else {
		base.Description = gosarif.NewTextMessage("the repository root; locations are relative to it")
	}
	run.WithOriginalUriBaseIds(map[string]*gosarif.ArtifactLocation{SrcRoot: base})

	index := map[string]int{}
	for i, r := range res.Rules {
		index[r.ID] = i
		driver.AddRule(descriptor(r))
	}
	props := gosarif.NewPropertyBag()
	props.Add("as_of", res.AsOf)
	props.Add("bundle", res.Bundle)
	props.Add("product", res.Product.Name+" "+res.Product.Version)
	props.Add("framework", res.Product.Framework)
	props.Add("regime", res.Regime)
	props.Add("obligations", res.ObligationCounts())
	if meta.NoRepoRoot {
		props.Add("uri_base", "bundle")
	} else {
		props.Add("uri_base", "repository")
	}
	inv := gosarif.NewInvocation().WithExecutionSuccess(true)
	inv.AttachPropertyBag(props)
	run.WithInvocations([]*gosarif.Invocation{inv})
	run.Results = []*gosarif.Result{}
	for _, f := range res.Findings {
		r := buildResult(meta, index, f)
		if meta.Baseline {
			// With a baseline, each counted result is new and each recorded
			// one "unchanged"; recorded ones stay visible, unsuppressed.
			r.WithBaselineState("new")
		}
		run.AddResult(r)
	}
	for _, f := range res.Baselined {
		run.AddResult(buildResult(meta, index, f).WithBaselineState("unchanged"))
	}
	for _, f := range res.Waived {
		r := buildResult(meta, index, f)
		switch {
		case f.Waiver != nil:
			r.AddSuppression(suppression(meta, f))
		case f.Override != nil:
			// A rule turned off by the configuration: accepted, with the
			// setting's reason, not dropped.
			r.AddSuppression(gosarif.NewSuppression("external").
				WithStatus("accepted").
				WithJustifcation(f.Override.Describe()).
				WithGuid(guid(f.Fingerprint() + "\x00" + f.Override.Source)))
		}
		run.AddResult(r)
	}
	return run
}

func buildResult(meta report.Meta, index map[string]int, f finding.Finding) *gosarif.Result {
	fp := f.Fingerprint()
	occ := f.Occurrence
	if occ < 1 {
		occ = 1
	}
	r := gosarif.NewRuleResult(f.RuleID).
		WithRuleIndex(index[f.RuleID]).
		WithLevel(string(f.Severity)).
		WithMessage(gosarif.NewTextMessage(f.Message + " (" + f.Basis + ")")).
		WithLocations([]*gosarif.Location{location(meta, f.Pos, "")}).
		WithPartialFingerPrints(map[string]any{
			"annexlint/v2": fp,
			// GitHub reads only this key; annexlint fills it with its own
			// stable identity so that GitHub does not hash line contents.
			"primaryLocationLineHash": fp[:16] + ":" + strconv.Itoa(occ),
		})
	rp := gosarif.NewPropertyBag()
	rp.Add("kind", f.Kind)
	rp.Add("basis", f.Basis)
	if f.Key != "" {
		rp.Add("key", f.Key)
	}
	if f.Override != nil {
		rp.Add("override", f.Override)
	}
	r.AttachPropertyBag(rp)
	for i, rel := range f.Related {
		r.AddRelatedLocation(location(meta, rel.Pos, rel.Message).WithId(i + 1))
	}
	return r
}

// suppression states the waiver of a waived finding: accepted, with its
// reason, approver and expiry as the justification, and a GUID derived from
// the finding's fingerprint so that output stays byte-identical.
func suppression(meta report.Meta, f finding.Finding) *gosarif.Suppression {
	wv := f.Waiver
	s := gosarif.NewSuppression("external").
		WithStatus("accepted").
		WithJustifcation(fmt.Sprintf("%s (approved by %s, expires %s; waiver %s)", wv.Reason, wv.ApprovedBy, wv.Expires, wv.Source)).
		WithGuid(guid(f.Fingerprint() + "\x00" + wv.Source)).
		WithLocation(location(meta, position.Pos{File: wv.File, Line: wv.Line, Col: 1}, "the waiver"))
	sp := gosarif.NewPropertyBag()
	sp.Add("approved_by", wv.ApprovedBy)
	sp.Add("expires", wv.Expires)
	s.AttachPropertyBag(sp)
	return s
}

// guid formats 16 bytes of SHA-256 of s as an RFC 4122 version 5 style UUID.
func guid(s string) string {
	sum := sha256.Sum256([]byte(s))
	b := sum[:16]
	b[6] = (b[6] & 0x0f) | 0x50
	b[8] = (b[8] & 0x3f) | 0x80
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// SecuritySeverity is the CVSS-like score GitHub code scanning shows for a
// rule ("critical" above 9.0, "high" 7.0-8.9, "medium" 4.0-6.9, "low"
// 0.1-3.9). It follows the severity findings of the rule carry for this
// product and whether the rule has a legal basis here (docs/
// github-code-scanning.md has the table):
//
//	error,   legal basis            8.0 high
//	warning, legal basis            5.5 medium
//	warning, references only        4.0 medium
//	note,    legal basis            3.0 low
//	note,    references only        2.0 low
//	rule not applicable             0.0 (no results are reported)
//
// No rule is critical: a documentation gap is not an exploitable flaw.
func SecuritySeverity(r result.Rule) string {
	if !r.Verdict.Applies {
		return "0.0"
	}
	basis := len(r.Verdict.Basis()) > 0
	sev := r.Verdict.Severity
	if sev == "" {
		sev = r.Severity
	}
	switch {
	case sev == catalog.Error:
		return "8.0"
	case sev == catalog.Warning && basis:
		return "5.5"
	case sev == catalog.Warning:
		return "4.0"
	case basis:
		return "3.0"
	default:
		return "2.0"
	}
}

func descriptor(rr result.Rule) *gosarif.ReportingDescriptor {
	r := rr.Rule
	ids := make([]string, 0, len(r.Clauses))
	// A custom rule's METADATA is a stranger's text: in help.markdown it
	// must stay text, not links, images or HTML a SARIF viewer renders.
	md1, code := func(s string) string { return s }, func(s string) string { return "`" + s + "`" }
	if r.Custom {
		md1, code = termsafe.Markdown, termsafe.Markdown
	}
	var md strings.Builder
	fmt.Fprintf(&md, "%s\n\n**Enforces:**\n", md1(r.Description))
	for _, c := range r.Clauses {
		ids = append(ids, c.ID)
		fmt.Fprintf(&md, "- %s (%s)\n", md1(c.Cite), code(c.ID))
	}
	fmt.Fprintf(&md, "\n**How to fix:** %s\n", md1(r.Remediation))
	text := fmt.Sprintf("%s\nEnforces: %s\nHow to fix: %s", r.Description, citeList(r), r.Remediation)
	tags := append([]string{"security", "compliance", r.Area}, ids...)
	if len(tags) > MaxTags {
		tags = tags[:MaxTags]
	}
	level := rr.Verdict.Severity
	if level == "" {
		level = r.Severity
	}
	props := gosarif.Properties{
		"clauses":           ids,
		"tags":              tags,
		"area":              r.Area,
		"severity":          string(r.Severity),
		"security-severity": SecuritySeverity(rr),
		"precision":         "high",
		"problem.severity":  problemSeverity(level),
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
		WithDefaultConfiguration(gosarif.NewReportingConfiguration().WithLevel(string(level))).
		WithProperties(props)
}

// problemSeverity is GitHub's non-security severity for the level.
func problemSeverity(s catalog.Severity) string {
	switch s {
	case catalog.Error:
		return "error"
	case catalog.Warning:
		return "warning"
	}
	return "recommendation"
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

var semverRe = regexp.MustCompile(`^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$`)

// semver returns the version without a leading v when it is a semantic
// version; "dev" builds have none.
func semver(v string) (string, bool) {
	m := semverRe.FindStringSubmatch(v)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// URI is where a bundle file is for code scanning: below the repository
// root when the bundle is inside one, cleaned, slash-separated.
func URI(meta report.Meta, file string) string {
	uri := file
	if meta.RepoPrefix != "" {
		uri = meta.RepoPrefix + "/" + uri
	}
	return path.Clean(uri)
}

// location gives the region annexlint knows: the start of the value a
// finding points at. Its end is the same point (endLine = startLine,
// endColumn = startColumn): annexlint resolves starts, not extents, and
// claims no more than it knows.
func location(meta report.Meta, p position.Pos, msg string) *gosarif.Location {
	pl := gosarif.NewPhysicalLocation().WithArtifactLocation(gosarif.NewSimpleArtifactLocation(URI(meta, p.File)).WithUriBaseId(SrcRoot))
	line, col := p.Line, p.Col
	if line == 0 {
		line = 1
	}
	if col == 0 {
		col = 1
	}
	pl.WithRegion(gosarif.NewRegion().WithStartLine(line).WithStartColumn(col).WithEndLine(line).WithEndColumn(col))
	loc := gosarif.NewLocationWithPhysicalLocation(pl)
	if msg != "" {
		loc.WithMessage(gosarif.NewTextMessage(msg))
	}
	return loc
}
