package cli

import (
	"bytes"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/sbom"
	"github.com/annexlint/annexlint/internal/testreport"
	"github.com/annexlint/annexlint/internal/threatimport"
)

// RegisterFormats installs the readers of non-native document formats.
func RegisterFormats(l *bundle.Loader) {
	l.Register("sbom", readSBOM)
	l.Register("test-report", testreport.Read)
	l.Register("security-risk-file", readRiskFile)
	l.Register("vex", readVEX)
	l.Register("vulnerability-scan", readScan)
	l.Register("kev-catalog", readKEV)
}

// readRiskFile reads a native security risk file as written, and converts a
// Threat Dragon or Threagile model into one; findings on a converted model
// point at the place in the tool's own file it came from.
func readRiskFile(file string, data []byte, limits docparse.Limits) (any, bundle.Locator, error) {
	if threatimport.Detect(data) == threatimport.Native {
		doc, err := docparse.Parse(file, data, limits)
		if err != nil {
			return nil, nil, err
		}
		return doc.Value, doc, nil
	}
	content, loc, err := threatimport.Import(file, data, limits)
	if err != nil {
		return nil, nil, err
	}
	return content, loc, nil
}

// readSBOM normalises any supported SBOM format; findings point at the
// component in the original file through the model's loc fields.
func readSBOM(file string, data []byte, limits docparse.Limits) (any, bundle.Locator, error) {
	// sbom.Parse accepts a UTF-8 byte-order mark, which editors do not
	// show; index positions without it so lines and columns still match.
	body := bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	json := startsLikeJSON(body)
	if json {
		// The SBOM decoders keep the last of two duplicate members and nest
		// as deep as they like; the strict pass refuses both (and numbers
		// out of range, and too many values) with file:line first.
		if err := docparse.CheckJSON(file, body, limits); err != nil {
			return nil, nil, err
		}
		// Charge the model before decoding, when the listed items already
		// say how large it will be.
		if n := sbom.ListedItems(body); !limits.Budget.Take(int64(n) * bundle.SBOMComponentValues) {
			return nil, nil, tooManyItems(file, n, limits.Budget)
		}
	}
	s, err := sbom.Parse(file, data)
	if err != nil {
		return nil, nil, err
	}
	// One component written as {} still becomes a whole normalised record:
	// charge what the model will hold, before building it.
	if !json { // XML and tag-value: counted once decoded
		if n := len(s.Components) + len(s.Dependencies); !limits.Budget.Take(int64(n) * bundle.SBOMComponentValues) {
			return nil, nil, tooManyItems(file, n, limits.Budget)
		}
	}
	// The model's own conversion: the same values as bundle.Generic's JSON
	// round trip, at a fraction of the cost on large SBOMs.
	content := any(s.Generic())
	var raw *docparse.Doc
	if json {
		raw = docparse.Locate(file, body, limits)
	}
	return content, bundle.ModelLocator{File: file, Content: content, Raw: raw}, nil
}

func tooManyItems(file string, n int, b *docparse.Budget) error {
	return position.Errorf(position.Pos{File: file, Line: 1},
		"the SBOM lists %d components and relationships, each counted as %d values of its normalised form, which brings the bundle over %d values in all; raise the limit with --max-values if the SBOM is genuine",
		n, bundle.SBOMComponentValues, b.Limit())
}
