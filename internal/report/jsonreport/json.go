// Package jsonreport writes a stable machine-readable JSON report. Its
// format is public: schemas/output/report.schema.json describes it exactly,
// and SchemaVersion, stated in every report, follows the rules in
// docs/output-formats.md.
package jsonreport

import (
	"io"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/regime"
	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/result"
)

// SchemaVersion is the semantic version of the report format; it must
// equal the schema's schema_version const (a test checks).
const SchemaVersion = "1.0.0"

// Writer is the JSON report writer.
type Writer struct{}

type document struct {
	SchemaVersion string                   `json:"schema_version"`
	Tool          tool                     `json:"tool"`
	AsOf          string                   `json:"as_of"`
	Bundle        string                   `json:"bundle"`
	RepoPrefix    string                   `json:"repo_prefix"`
	Product       result.Product           `json:"product"`
	Regime        *regime.Decision         `json:"regime"`
	Documents     []result.Document        `json:"documents"`
	Summary       map[catalog.Severity]int `json:"summary"`
	Statuses      map[result.Status]int    `json:"obligation_summary"`
	Obligations   []result.Obligation      `json:"obligations"`
	Rules         []result.Rule            `json:"rules"`
	Findings      []jsonFinding            `json:"findings"`
	// Waived are the findings configured waivers accept, each with its
	// waiver; they do not count in summary or for the exit code.
	Waived []jsonFinding `json:"waived"`
	// Baselined are the findings the --baseline file records (present only
	// with a baseline); they do not count in summary or for the exit code.
	Baselined []jsonFinding `json:"baselined,omitempty"`

	// res is the run the findings lists are written from (stream.document).
	res *result.Result
}

type tool struct {
	Name          string `json:"name"`
	Version       string `json:"version"`
	PolicyDigest  string `json:"policy_digest"`
	PolicyModules int    `json:"policy_modules"`
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
	s := newStream(w)
	s.document(build(meta, res), "")
	return s.finish()
}

// multi is the report of a run that checked several bundles: the reports of
// each, in the order checked, and the findings of all of them tallied.
type multi struct {
	SchemaVersion string                   `json:"schema_version"`
	Tool          tool                     `json:"tool"`
	Summary       map[catalog.Severity]int `json:"summary"`
	Bundles       []document               `json:"bundles"`
}

// WriteAll writes one bundle's report as Write does, and several as one
// object {"tool", "summary", "bundles": [report, ...]}; the "bundles" key
// tells the two shapes apart.
func (Writer) WriteAll(w io.Writer, bundles []report.Bundle) error {
	if len(bundles) == 1 {
		return Writer{}.Write(w, bundles[0].Meta, bundles[0].Result)
	}
	m := multi{SchemaVersion: SchemaVersion, Summary: map[catalog.Severity]int{catalog.Error: 0, catalog.Warning: 0, catalog.Note: 0}, Bundles: make([]document, 0, len(bundles))}
	for _, b := range bundles {
		d := build(b.Meta, b.Result)
		m.Tool = d.Tool
		for s, n := range d.Summary {
			m.Summary[s] += n
		}
		m.Bundles = append(m.Bundles, d)
	}
	if m.Tool.Name == "" {
		m.Tool.Name = "annexlint"
	}
	s := newStream(w)
	s.object("", []member{
		{"schema_version", s.is(m.SchemaVersion)},
		{"tool", s.is(m.Tool)},
		{"summary", s.is(m.Summary)},
		{"bundles", func(prefix string) {
			s.array(prefix, len(m.Bundles), func(i int, prefix string) { s.document(m.Bundles[i], prefix) })
		}},
	})
	return s.finish()
}

// build is the report of one bundle without its findings lists, which
// stream.document writes from the result itself.
func build(meta report.Meta, res *result.Result) document {
	doc := document{
		SchemaVersion: SchemaVersion,
		Tool:          tool{Name: "annexlint", Version: meta.ToolVersion, PolicyDigest: meta.PolicyDigest, PolicyModules: meta.PolicyModules},
		AsOf:          res.AsOf,
		Bundle:        res.Bundle,
		RepoPrefix:    meta.RepoPrefix,
		Product:       res.Product,
		Regime:        res.Regime,
		Documents:     res.Documents,
		Summary:       finding.Counts(res.Findings),
		Statuses:      res.ObligationCounts(),
		Obligations:   res.Obligations,
		Rules:         res.Rules,
		res:           res,
	}
	if doc.Documents == nil {
		doc.Documents = []result.Document{}
	}
	return doc
}
