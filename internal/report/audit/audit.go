// Package audit builds the view of a run that the audit reports render
// (internal/report/html and internal/report/markdown): a cover, the
// traceability matrix from each applicable clause to its rules and the
// evidence they examined, the findings grouped by clause, the items that
// need a human reviewer and the clauses that do not apply. It only
// rearranges the run model; it decides nothing. Every string taken from the
// bundle or the policies is made printable here (control and bidirectional
// formatting characters escaped), so neither format can be spoofed by input.
package audit

import (
	"fmt"
	"sort"
	"strings"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/regime"
	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/result"
)

// MaxPlaces bounds how many places in one file the matrix lists for one
// rule; the rest are counted ("and N more"). An SBOM of ten thousand
// components would otherwise repeat every component under every clause.
const MaxPlaces = 12

// Report is everything an audit report shows, in the order it shows it.
type Report struct {
	Product       result.Product
	AsOf          string
	Bundle        string
	ToolVersion   string
	PolicyDigest  string
	PolicyModules int

	Qualification       string
	QualificationReason string
	RegimeSummary       string
	Markets             string
	NIS2                string
	Modifications       []string
	Instruments         []Instrument
	Problems            []string

	Documents []result.Document
	// OtherFiles are the bundle folder's files the manifest does not list.
	OtherFiles []result.OtherFile

	Errors, Warnings, Notes int
	Obligations             []Count // per status, in result.Statuses order
	RulesApplicable         int
	RulesTotal              int

	Matrix        []Clause
	FindingGroups []Group
	Review        []ReviewItem
	NotApplicable []Clause
	Waived        []Waived
}

// Waived is a finding a configured waiver accepts, with the waiver: who
// approved it, why, until when, and where it is written.
type Waived struct {
	Rule       string
	Finding    Finding
	Reason     string
	ApprovedBy string
	Expires    string
	Source     string
}

// Count is a number of obligations with one status.
type Count struct {
	Status string
	Label  string
	N      int
}

// Instrument is one line of the regime decision.
type Instrument struct {
	Name   string
	Role   string
	Reason string
}

// Clause is one cited clause: a row group of the traceability matrix, or a
// not-applicable clause with its reason.
type Clause struct {
	ID       string
	Cite     string
	Title    string
	Kind     string
	Role     string
	Verified bool
	Status   string
	Label    string
	Reason   string
	Rules    []Rule
}

// Rule is one rule under a clause of the matrix.
type Rule struct {
	ID       string
	Title    string
	Status   string
	Label    string
	Reason   string
	Findings int
	Evidence []File
	// FromFindings is true when the rule lists no evidence of its own and
	// Evidence holds the places of its findings instead.
	FromFindings bool
	// NoEvidence explains an empty evidence list.
	NoEvidence string
}

// File is the evidence a rule examined in one file.
type File struct {
	Path   string
	SHA256 string
	Places []Place
	More   int // places not listed (over MaxPlaces)
}

// Place is a position a rule examined in a file.
type Place struct {
	Line    int
	Pointer string
}

// Group is the findings under one clause.
type Group struct {
	Clause Clause
	Rules  []RuleFindings
}

// RuleFindings are one rule's findings with the remediation.
type RuleFindings struct {
	ID          string
	Title       string
	Remediation string
	Basis       string
	AlsoCites   []string
	Findings    []Finding
}

// Finding is one finding as the report prints it.
type Finding struct {
	Location string
	Severity string
	Kind     string
	Message  string
	Related  []string
}

// ReviewItem is something annexlint cannot decide and a person must.
type ReviewItem struct {
	Category string
	Subject  string
	Where    string
	Detail   string
}

// Label is the words for a status ("insufficient-evidence" -> "insufficient
// evidence"); statuses added later (waived, manual review) read the same way.
func Label(s string) string { return strings.ReplaceAll(s, "-", " ") }

// Build arranges res for the audit report.
func Build(meta report.Meta, res *result.Result) *Report {
	d := res.Regime
	c := finding.Counts(res.Findings)
	r := &Report{
		Product:             cleanProduct(res.Product),
		AsOf:                report.Clean(res.AsOf),
		Bundle:              report.Clean(res.Bundle),
		ToolVersion:         report.Clean(meta.ToolVersion),
		PolicyDigest:        meta.PolicyDigest,
		PolicyModules:       meta.PolicyModules,
		Qualification:       report.Clean(d.Qualification),
		QualificationReason: report.Clean(d.QualificationReason),
		RegimeSummary:       report.Clean(d.Summary()),
		Markets:             report.Clean(strings.Join(d.Markets, ", ")),
		NIS2:                report.Clean(d.NIS2Entity),
		Errors:              c[catalog.Error],
		Warnings:            c[catalog.Warning],
		Notes:               c[catalog.Note],
		RulesApplicable:     res.Applicable(),
		RulesTotal:          len(res.Rules),
	}
	if len(d.NIS2MemberStates) > 0 {
		r.NIS2 += " (" + report.Clean(strings.Join(d.NIS2MemberStates, ", ")) + ")"
	}
	for _, m := range d.Modifications {
		r.Modifications = append(r.Modifications, report.Clean(m.Date+": "+m.Description))
	}
	for _, m := range d.SignificantChanges {
		r.Modifications = append(r.Modifications, report.Clean(m.Date+": "+m.Description+" (significant change of a legacy device)"))
	}
	for _, in := range d.Instruments {
		name := in.Instrument
		if in.Part != "" {
			name += ", " + in.Part
		}
		r.Instruments = append(r.Instruments, Instrument{Name: report.Clean(name), Role: Label(string(in.Role)), Reason: report.Clean(in.Reason)})
	}
	for _, p := range d.Problems {
		r.Problems = append(r.Problems, report.Clean(p))
	}
	for _, doc := range res.Documents {
		r.Documents = append(r.Documents, result.Document{ID: report.Clean(doc.ID), Type: report.Clean(doc.Type), Path: report.Clean(doc.Path), SHA256: doc.SHA256})
	}
	for _, f := range res.OtherFiles {
		r.OtherFiles = append(r.OtherFiles, result.OtherFile{Path: report.Clean(f.Path), Size: f.Size, SHA256: f.SHA256, Note: report.Clean(f.Note)})
	}
	counts := res.ObligationCounts()
	for _, s := range result.Statuses {
		r.Obligations = append(r.Obligations, Count{Status: string(s), Label: Label(string(s)), N: counts[s]})
	}

	rules := map[string]result.Rule{}
	for _, x := range res.Rules {
		rules[x.ID] = x
	}
	sums := map[string]string{}
	for _, doc := range res.Documents {
		sums[doc.Path] = doc.SHA256
	}
	found := map[string][]result.Evidence{}
	for _, f := range res.Findings {
		found[f.RuleID] = append(found[f.RuleID], result.Evidence{Path: f.Pos.File, Pointer: f.Pointer, Line: f.Pos.Line, SHA256: sums[f.Pos.File]})
	}
	obligations := append([]result.Obligation(nil), res.Obligations...)
	sort.SliceStable(obligations, func(i, j int) bool {
		a, b := roleRank(obligations[i].Role), roleRank(obligations[j].Role)
		if a != b {
			return a < b
		}
		return obligations[i].ID < obligations[j].ID
	})
	for _, o := range obligations {
		cl := clauseOf(o)
		if o.Status == result.NotApplicable {
			cl.Reason = report.Clean(o.Reason)
			for _, id := range o.Rules {
				cl.Rules = append(cl.Rules, Rule{ID: report.Clean(id)})
			}
			r.NotApplicable = append(r.NotApplicable, cl)
			continue
		}
		for _, id := range o.Rules {
			if x, ok := rules[id]; ok {
				cl.Rules = append(cl.Rules, matrixRule(x, found[id]))
			}
		}
		r.Matrix = append(r.Matrix, cl)
	}
	r.FindingGroups = groups(meta, res, rules, obligations)
	for _, f := range res.Waived {
		wv := Waived{Rule: report.Clean(f.RuleID), Finding: findingOf(meta, f)}
		if w := f.Waiver; w != nil {
			wv.Reason, wv.ApprovedBy = report.Clean(w.Reason), report.Clean(w.ApprovedBy)
			wv.Expires, wv.Source = report.Clean(w.Expires), report.Clean(w.Source)
		}
		r.Waived = append(r.Waived, wv)
	}
	r.Review = review(meta, res, rules)
	return r
}

func roleRank(r regime.Role) int {
	switch r {
	case regime.Basis:
		return 0
	case regime.Reference:
		return 1
	}
	return 2
}

func clauseOf(o result.Obligation) Clause {
	return Clause{
		ID: report.Clean(o.ID), Cite: report.Clean(o.Cite), Title: report.Clean(o.Title), Kind: Label(string(o.Kind)),
		Role: Label(string(o.Role)), Verified: o.Verified, Status: string(o.Status), Label: Label(string(o.Status)),
	}
}

// matrixRule is a rule's row: its status and the evidence it examined, or,
// for a rule that failed without listing evidence, the places of its
// findings.
func matrixRule(x result.Rule, found []result.Evidence) Rule {
	mr := Rule{ID: report.Clean(x.ID), Title: report.Clean(x.Title), Status: string(x.Status), Label: Label(string(x.Status)),
		Reason: report.Clean(x.Reason), Findings: x.Findings}
	evidence := x.Evidence
	if len(evidence) == 0 && x.Status != result.NotApplicable && len(found) > 0 {
		evidence, mr.FromFindings = found, true
	}
	byPath := map[string]*File{}
	seen := map[string]bool{}
	var order []string
	for _, e := range evidence {
		f, ok := byPath[e.Path]
		if !ok {
			f = &File{Path: report.Clean(e.Path), SHA256: e.SHA256}
			byPath[e.Path] = f
			order = append(order, e.Path)
		}
		if e.Line == 0 && e.Pointer == "" {
			continue
		}
		place := Place{Line: e.Line, Pointer: report.Clean(e.Pointer)}
		if seen[e.Path+"\x00"+fmt.Sprint(place)] {
			continue
		}
		seen[e.Path+"\x00"+fmt.Sprint(place)] = true
		f.Places = append(f.Places, place)
	}
	sort.Strings(order)
	for _, p := range order {
		f := byPath[p]
		sort.SliceStable(f.Places, func(i, j int) bool {
			if f.Places[i].Line != f.Places[j].Line {
				return f.Places[i].Line < f.Places[j].Line
			}
			return f.Places[i].Pointer < f.Places[j].Pointer
		})
		if len(f.Places) > MaxPlaces {
			f.More = len(f.Places) - MaxPlaces
			f.Places = f.Places[:MaxPlaces]
		}
		mr.Evidence = append(mr.Evidence, *f)
	}
	if len(mr.Evidence) == 0 {
		switch {
		case x.Status == result.NotApplicable:
		case !x.EvidenceDeclared && x.Status == result.Pass:
			mr.NoEvidence = "the rule does not declare what it examined"
		case x.Status == result.Insufficient:
			mr.NoEvidence = "nothing to examine"
		default:
			mr.NoEvidence = "no evidence listed"
		}
	}
	return mr
}

// groups puts each rule's findings under one clause: the first clause that
// is its legal basis, or else the first it cites as a reference, so a
// finding is listed once however many clauses its rule cites.
func groups(meta report.Meta, res *result.Result, rules map[string]result.Rule, obligations []result.Obligation) []Group {
	byRule := map[string][]finding.Finding{}
	var ruleOrder []string
	for _, f := range res.Findings {
		if _, ok := byRule[f.RuleID]; !ok {
			ruleOrder = append(ruleOrder, f.RuleID)
		}
		byRule[f.RuleID] = append(byRule[f.RuleID], f)
	}
	sort.Strings(ruleOrder)
	underClause := map[string][]RuleFindings{}
	for _, id := range ruleOrder {
		x := rules[id]
		primary, others := primaryClause(x.Verdict)
		rf := RuleFindings{ID: report.Clean(id), Title: report.Clean(x.Title), Remediation: report.Clean(strings.TrimSpace(x.Remediation)),
			Basis: report.Clean(x.Verdict.BasisText())}
		for _, o := range others {
			rf.AlsoCites = append(rf.AlsoCites, report.Clean(o))
		}
		for _, f := range byRule[id] {
			rf.Findings = append(rf.Findings, findingOf(meta, f))
		}
		underClause[primary] = append(underClause[primary], rf)
	}
	var out []Group
	for _, o := range obligations {
		if rfs, ok := underClause[o.ID]; ok {
			out = append(out, Group{Clause: clauseOf(o), Rules: rfs})
			delete(underClause, o.ID)
		}
	}
	// Findings of rules that cite no applicable clause (a custom rule
	// without clauses) come last, under no clause.
	rest := make([]string, 0, len(underClause))
	for k := range underClause {
		rest = append(rest, k)
	}
	sort.Strings(rest)
	for _, k := range rest {
		out = append(out, Group{Clause: Clause{ID: report.Clean(k), Cite: "no clause cited"}, Rules: underClause[k]})
	}
	return out
}

func primaryClause(v regime.RuleVerdict) (string, []string) {
	var basis, refs []regime.Cited
	for _, c := range v.Clauses {
		switch c.Role {
		case regime.Basis:
			basis = append(basis, c)
		case regime.Reference:
			refs = append(refs, c)
		}
	}
	all := append(append([]regime.Cited{}, basis...), refs...)
	if len(all) == 0 {
		return "", nil
	}
	others := make([]string, 0, len(all)-1)
	for _, c := range all[1:] {
		others = append(others, c.Cite+" ["+c.ID+"]")
	}
	return all[0].ID, others
}

func location(meta report.Meta, p string) string {
	if meta.RepoPrefix != "" && p != "" {
		return meta.RepoPrefix + "/" + p
	}
	return p
}

func findingOf(meta report.Meta, f finding.Finding) Finding {
	pos := f.Pos
	pos.File = location(meta, pos.File)
	out := Finding{Location: report.Clean(pos.String()), Severity: string(f.Severity), Kind: Label(f.Kind), Message: report.Clean(f.Message)}
	for _, rel := range f.Related {
		rp := rel.Pos
		rp.File = location(meta, rp.File)
		out.Related = append(out.Related, report.Clean(rp.String()+": "+rel.Message))
	}
	return out
}

// review lists what annexlint leaves to a person: insufficient evidence,
// findings with no legal basis for this product, a legal basis that rests
// on unverified catalog entries, rules that passed without saying what they
// examined, and contradictions in the manifest.
func review(meta report.Meta, res *result.Result, rules map[string]result.Rule) []ReviewItem {
	var out []ReviewItem
	manifest := "annexlint.yaml"
	for _, doc := range res.Documents {
		if doc.Type == "manifest" { // annexlint.yml or annexlint.json as well
			manifest = doc.Path
		}
	}
	for _, p := range res.Regime.Problems {
		out = append(out, ReviewItem{Category: "manifest contradiction", Subject: "regime decision", Where: location(meta, manifest), Detail: report.Clean(p)})
	}
	for _, f := range res.Findings {
		if f.Kind == finding.KindInsufficient {
			pos := f.Pos
			pos.File = location(meta, pos.File)
			out = append(out, ReviewItem{Category: "insufficient evidence", Subject: report.Clean(f.RuleID), Where: report.Clean(pos.String()),
				Detail: report.Clean(f.Message)})
		}
	}
	refOnly := map[string]int{}
	var refOrder []string
	for _, f := range res.Findings {
		if f.Kind == finding.KindInsufficient || len(rules[f.RuleID].Verdict.Basis()) > 0 {
			continue
		}
		if refOnly[f.RuleID] == 0 {
			refOrder = append(refOrder, f.RuleID)
		}
		refOnly[f.RuleID]++
	}
	sort.Strings(refOrder)
	for _, id := range refOrder {
		x := rules[id]
		out = append(out, ReviewItem{Category: "reference only", Subject: report.Clean(id), Where: fmt.Sprintf("%d finding(s)", refOnly[id]),
			Detail: report.Clean(x.Title + ": " + x.Verdict.BasisText() + "; whether the state of the art requires action here is a reviewer's judgement")})
	}
	ids := make([]string, 0, len(rules))
	for id := range rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		x := rules[id]
		if x.Status != result.Fail {
			continue
		}
		basis := x.Verdict.Basis()
		unverified := len(basis) > 0
		for _, c := range basis {
			if c.Verified {
				unverified = false
			}
		}
		if unverified {
			out = append(out, ReviewItem{Category: "unverified legal basis", Subject: report.Clean(id), Where: "catalog",
				Detail: report.Clean(x.Verdict.BasisText() + ": every clause of this basis is marked unverified in the reference catalog; confirm the citation")})
		}
	}
	for _, id := range ids {
		x := rules[id]
		if x.Status == result.Pass && !x.EvidenceDeclared {
			out = append(out, ReviewItem{Category: "pass without evidence", Subject: report.Clean(id), Where: report.Clean(x.Source),
				Detail: report.Clean(x.Title + ": the rule reports no findings but does not declare what it examined; confirm it looked at the right documents")})
		}
	}
	return out
}

func cleanProduct(p result.Product) result.Product {
	return result.Product{Name: report.Clean(p.Name), Version: report.Clean(p.Version), Manufacturer: report.Clean(p.Manufacturer),
		Framework: report.Clean(p.Framework), Classification: report.Clean(p.Classification), PlacedOnMarket: report.Clean(p.PlacedOnMarket)}
}
