package doctype

import (
	"bytes"
	"fmt"
	"time"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/junit"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/sbom"
	"github.com/annexlint/annexlint/internal/securitytxt"
	"github.com/annexlint/annexlint/internal/testreport"
	"github.com/annexlint/annexlint/internal/threatimport"
)

// readRiskFile reads a native security risk file as written, and converts a
// Threat Dragon or Threagile model into one; findings on a converted model
// point at the place in the tool's own file it came from.
func readRiskFile(file string, data []byte, limits docparse.Limits) (Doc, error) {
	if threatimport.Detect(data) == threatimport.Native {
		return readNative(file, data, limits)
	}
	content, loc, err := threatimport.Import(file, data, limits)
	if err != nil {
		return Doc{}, err
	}
	return Doc{Content: content, Source: loc, Native: true}, nil
}

// SBOMComponentValues is what one SBOM component is charged against the
// budget beyond the values written in the file: its normalised form (and
// the policy input built from it) has about this many values however
// little the file says about it.
const SBOMComponentValues = 24

// readSBOM normalises any supported SBOM format; findings point at the
// component in the original file through the model's loc fields.
func readSBOM(file string, data []byte, limits docparse.Limits) (Doc, error) {
	// sbom.Parse accepts a UTF-8 byte-order mark, which editors do not
	// show; index positions without it so lines and columns still match.
	body := bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	json := startsLikeJSON(body)
	if !json {
		// The XML and tag-value readers would take bytes that are not UTF-8
		// and the model would hold U+FFFD in their place; CheckJSON below
		// refuses them in JSON.
		if err := docparse.CheckEncoding(file, body); err != nil {
			return Doc{}, err
		}
	}
	if json {
		// The SBOM decoders keep the last of two duplicate members and nest
		// as deep as they like; the strict pass refuses both (and numbers
		// out of range, and too many values) with file:line first.
		if err := docparse.CheckJSON(file, body, limits); err != nil {
			return Doc{}, err
		}
		// Charge the model before decoding, when the listed items already
		// say how large it will be.
		if n := sbom.ListedItems(body); !limits.Budget.Take(int64(n) * SBOMComponentValues) {
			return Doc{}, tooManyItems(file, n, limits.Budget)
		}
	}
	s, err := sbom.Parse(file, data)
	if err != nil {
		return Doc{}, err
	}
	// One component written as {} still becomes a whole normalised record:
	// charge what the model will hold, before building it.
	if !json { // XML and tag-value: counted once decoded
		if n := len(s.Components) + len(s.Dependencies); !limits.Budget.Take(int64(n) * SBOMComponentValues) {
			return Doc{}, tooManyItems(file, n, limits.Budget)
		}
	}
	return FromSBOM(file, data, s, limits), nil
}

// FromSBOM is the content and source map of an SBOM already parsed from
// data: the policy content of sbom type documents. Placeholders ("TODO",
// "n/a", "unknown") are blanked in s first, so no rule counts them as
// content. The model's own conversion gives the same values as Generic's
// JSON round trip, at a fraction of the cost on large SBOMs.
//
// The model's loc members go straight into the source map (as NewModelMap
// would take them out of the content), which resolves them against the
// file now: neither the content nor the source map keeps the file's bytes.
func FromSBOM(file string, data []byte, s *sbom.SBOM, limits docparse.Limits) Doc {
	s.BlankPlaceholders()
	var locs []modelLoc
	content := s.GenericApart(func(at string, l sbom.Loc) {
		// as NewModelMap reads Loc's JSON form, whose members are omitted
		// when empty
		locs = append(locs, modelLoc{at: at, pointer: l.Pointer, pointerSet: l.Pointer != "", line: l.Line, col: l.Col})
	})
	body := bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	var raw *docparse.Doc
	if startsLikeJSON(body) {
		raw = docparse.Locate(file, body, limits)
	}
	return Doc{Content: content, Source: newModelMap(file, raw, locs), Plain: true}
}

func tooManyItems(file string, n int, b *docparse.Budget) error {
	return position.Errorf(position.Pos{File: file, Line: 1},
		"the SBOM lists %d components and relationships, each counted as %d values of its normalised form, which brings the bundle over %d values in all; raise the limit with --max-values if the SBOM is genuine",
		n, SBOMComponentValues, b.Limit())
}

// readTestReport reads JUnit XML into a testreport.Report with a source
// map to each case's line; anything else is a native YAML/JSON summary.
func readTestReport(file string, data []byte, limits docparse.Limits) (Doc, error) {
	if !testreport.IsXML(data) {
		return readNative(file, data, limits)
	}
	rep, err := junit.Parse(file, data)
	if err != nil {
		return Doc{}, err
	}
	content, err := Generic(testreport.FromJUnit(rep, data))
	if err != nil {
		return Doc{}, fmt.Errorf("test report %s: %w", file, err)
	}
	return Doc{Content: content, Source: NewModelMap(file, content, nil), Plain: true}, nil
}

// readSecurityTxt reads an RFC 9116 security.txt into the fields and
// problems of securitytxt.File.Content; the expiry is judged by policies
// against --as-of, so the file is parsed without a reference time.
func readSecurityTxt(file string, data []byte, limits docparse.Limits) (Doc, error) {
	f, err := securitytxt.Parse(file, data, time.Time{})
	if err != nil {
		return Doc{}, err
	}
	if n := len(f.Fields) + len(f.Problems); !limits.Budget.Take(int64(n) * 4) {
		if err := limits.Budget.Err(); err != nil {
			return Doc{}, err
		}
		return Doc{}, position.Errorf(position.Pos{File: file, Line: 1},
			"the security.txt has %d fields and problems, which brings the bundle over %d values in all", n, limits.Budget.Limit())
	}
	content := any(f.Content())
	return Doc{Content: content, Source: NewModelMap(file, content, nil)}, nil
}
