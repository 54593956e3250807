package threatimport

import "github.com/annexlint/annexlint/internal/docparse"

// parseThreagile reads a Threagile file through docparse, like every other
// document, but with YAML merge keys (<<) allowed: native documents refuse
// them, while Threagile's own example model teaches them. Every other check
// (encoding, duplicate keys, limits, one document) stays.
func parseThreagile(file string, data []byte, limits docparse.Limits) (valued, error) {
	limits.MergeKeys = true
	doc, err := docparse.Parse(file, data, limits)
	if err != nil {
		return nil, err
	}
	return docValue{doc}, nil
}

// valued is a source whose parsed value the importer reads.
type valued interface {
	source
	value() any
}

type docValue struct{ *docparse.Doc }

func (d docValue) value() any { return d.Value }
