package jsonreport

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/termsafe"
)

// EncodeWhole is the writer as it was before it streamed: the whole report
// built as one value and encoded at once. The tests hold the streamed bytes
// to it, so the struct tags stay the one definition of the format.
func EncodeWhole(w io.Writer, bundles []report.Bundle) error {
	whole := func(b report.Bundle) document {
		d := build(b.Meta, b.Result)
		d.Findings = make([]jsonFinding, 0, len(b.Result.Findings))
		d.Waived = make([]jsonFinding, 0, len(b.Result.Waived))
		for _, f := range b.Result.Findings {
			d.Findings = append(d.Findings, jsonFinding{Finding: f, Fingerprint: f.Fingerprint()})
		}
		for _, f := range b.Result.Waived {
			d.Waived = append(d.Waived, jsonFinding{Finding: f, Fingerprint: f.Fingerprint()})
		}
		for _, f := range b.Result.Baselined {
			d.Baselined = append(d.Baselined, jsonFinding{Finding: f, Fingerprint: f.Fingerprint()})
		}
		return d
	}
	var v any
	if len(bundles) == 1 {
		v = whole(bundles[0])
	} else {
		m := multi{SchemaVersion: SchemaVersion}
		m.Summary = map[catalog.Severity]int{catalog.Error: 0, catalog.Warning: 0, catalog.Note: 0}
		for _, b := range bundles {
			d := whole(b)
			m.Tool = d.Tool
			for s, n := range d.Summary {
				m.Summary[s] += n
			}
			m.Bundles = append(m.Bundles, d)
		}
		v = m
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(termsafe.JSON(buf.Bytes()))
	return err
}
