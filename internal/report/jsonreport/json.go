// Package jsonreport writes a stable machine-readable JSON report.
package jsonreport

import (
	"encoding/json"
	"io"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/check"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/report"
)

// Writer is the JSON report writer.
type Writer struct{}

type document struct {
	Tool       tool                     `json:"tool"`
	AsOf       string                   `json:"as_of"`
	Bundle     string                   `json:"bundle"`
	RepoPrefix string                   `json:"repo_prefix"`
	Product    check.Product            `json:"product"`
	Documents  []check.DocumentInfo     `json:"documents"`
	Summary    map[catalog.Severity]int `json:"summary"`
	Rules      []rule                   `json:"rules"`
	Findings   []jsonFinding            `json:"findings"`
}

type tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type rule struct {
	catalog.Rule
	Applied bool `json:"applied"`
}

type jsonFinding struct {
	finding.Finding
	Title       string           `json:"title"`
	Clauses     []catalog.Clause `json:"clauses"`
	Remediation string           `json:"remediation"`
	Fingerprint string           `json:"fingerprint"`
}

// Write encodes the whole result; key order is fixed by the structs and
// slices are already sorted, so output is byte-identical across runs.
func (Writer) Write(w io.Writer, meta report.Meta, res *check.Result) error {
	doc := document{
		Tool:       tool{Name: "annexlint", Version: meta.ToolVersion},
		AsOf:       res.AsOf,
		Bundle:     res.Bundle,
		RepoPrefix: meta.RepoPrefix,
		Product:    res.Product,
		Documents:  res.Documents,
		Summary:    finding.Counts(res.Findings),
		Rules:      make([]rule, 0, len(res.Rules)),
		Findings:   make([]jsonFinding, 0, len(res.Findings)),
	}
	if doc.Documents == nil {
		doc.Documents = []check.DocumentInfo{}
	}
	byID := map[string]catalog.Rule{}
	for _, r := range res.Rules {
		byID[r.ID] = r
		doc.Rules = append(doc.Rules, rule{Rule: r, Applied: res.Applied[r.ID]})
	}
	for _, f := range res.Findings {
		r := byID[f.RuleID]
		doc.Findings = append(doc.Findings, jsonFinding{Finding: f, Title: r.Title, Clauses: r.Clauses, Remediation: r.Remediation, Fingerprint: f.Fingerprint()})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
