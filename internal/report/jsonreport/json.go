// Package jsonreport writes a stable machine-readable JSON report.
package jsonreport

import (
	"encoding/json"
	"io"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/regime"
	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/result"
)

// Writer is the JSON report writer.
type Writer struct{}

type document struct {
	Tool        tool                     `json:"tool"`
	AsOf        string                   `json:"as_of"`
	Bundle      string                   `json:"bundle"`
	RepoPrefix  string                   `json:"repo_prefix"`
	Product     result.Product           `json:"product"`
	Regime      *regime.Decision         `json:"regime"`
	Documents   []result.Document        `json:"documents"`
	Summary     map[catalog.Severity]int `json:"summary"`
	Statuses    map[result.Status]int    `json:"obligation_summary"`
	Obligations []result.Obligation      `json:"obligations"`
	Rules       []result.Rule            `json:"rules"`
	Findings    []jsonFinding            `json:"findings"`
}

type tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// jsonFinding refers to its rule by ID: title, clauses and remediation are
// in the rules table once, not repeated per finding.
type jsonFinding struct {
	finding.Finding
	Fingerprint string `json:"fingerprint"`
}

// Write encodes the whole result; key order is fixed by the structs and
// slices are already sorted, so output is byte-identical across runs.
func (Writer) Write(w io.Writer, meta report.Meta, res *result.Result) error {
	doc := document{
		Tool:        tool{Name: "annexlint", Version: meta.ToolVersion},
		AsOf:        res.AsOf,
		Bundle:      res.Bundle,
		RepoPrefix:  meta.RepoPrefix,
		Product:     res.Product,
		Regime:      res.Regime,
		Documents:   res.Documents,
		Summary:     finding.Counts(res.Findings),
		Statuses:    res.ObligationCounts(),
		Obligations: res.Obligations,
		Rules:       res.Rules,
		Findings:    make([]jsonFinding, 0, len(res.Findings)),
	}
	if doc.Documents == nil {
		doc.Documents = []result.Document{}
	}
	for _, f := range res.Findings {
		doc.Findings = append(doc.Findings, jsonFinding{Finding: f, Fingerprint: f.Fingerprint()})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
