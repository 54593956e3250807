// Package enrich computes the facts about a bundle that policies need but Rego
// cannot derive: the scores of CVSS vectors (Rego has no CVSS parser) and the
// SHA-256 digests of the evidence files the GSPR evidence matrices name.
//
// Document content stays exactly as written: derived facts go beside it, in
// input.derived and input.files, as docs/writing-rules.md describes.
package enrich

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/cvss"
	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/safefile"
)

// Facts is what Derive found.
type Facts struct {
	// CVSS maps each vector string, exactly as written in a document, to
	// what it means. Keying by the string lets a rule look up any vector it
	// meets (input.derived.cvss[threat.cvss]) without index bookkeeping.
	CVSS map[string]CVSS `json:"cvss"`
	// SHA256 maps bundle-relative paths to the lower-case hex SHA-256 of
	// the file: only files named as evidence in a GSPR evidence matrix.
	SHA256 map[string]string `json:"-"`
}

// CVSS is a vector's validity and scores. Scores are absent when the vector
// is not valid.
type CVSS struct {
	Valid   bool   `json:"valid"`
	Error   string `json:"error,omitempty"`
	Version string `json:"version,omitempty"`
	// BaseScore is the base score (CVSS-B for 4.0); Score the most specific
	// score the vector supports (temporal/environmental or CVSS-BT/BE/BTE),
	// equal to BaseScore when the vector has base metrics only.
	BaseScore *float64 `json:"base_score,omitempty"`
	Score     *float64 `json:"score,omitempty"`
	Severity  string   `json:"severity,omitempty"` // of the base score: None Low Medium High Critical
}

// Derive computes the facts of bundle b. root is the bundle's root handle
// (the one its documents were read through) and maxSize the largest file
// that may be hashed.
func Derive(ctx context.Context, b *bundle.Bundle, root *os.Root, maxSize int64) (*Facts, error) {
	f := &Facts{CVSS: map[string]CVSS{}, SHA256: map[string]string{}}
	for _, d := range b.Documents {
		if d.Type == "security-risk-file" {
			for _, v := range riskFileVectors(d.Content) {
				if _, done := f.CVSS[v]; !done {
					f.CVSS[v] = Score(v)
				}
			}
		}
	}
	var errs []error
	for _, ev := range evidence(b) {
		if _, done := f.SHA256[ev.path]; done {
			continue
		}
		// Only exact paths of bundle files are hashed. Anything else
		// (absent, "..", absolute, not clean) has no digest, and the
		// GSPR rules report it.
		if _, ok := b.Files[ev.path]; !ok {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sum, err := HashFile(ctx, root, ev.path, maxSize)
		if err != nil {
			errs = append(errs, position.Errorf(ev.at, "evidence file %q: %v", ev.path, err))
			continue
		}
		f.SHA256[ev.path] = sum
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return f, nil
}

// Score parses a vector and computes its scores; a vector that does not
// parse yields Valid false and the parser's reason.
func Score(vector string) CVSS {
	v, err := cvss.Parse(vector)
	if err != nil {
		// The message goes into a finding that already says "CVSS".
		return CVSS{Error: strings.TrimPrefix(err.Error(), "cvss: ")}
	}
	base, err := v.BaseScore()
	if err != nil {
		return CVSS{Version: string(v.Version()), Error: err.Error()}
	}
	score, err := v.Score()
	if err != nil {
		score = base
	}
	return CVSS{Valid: true, Version: string(v.Version()), BaseScore: &base, Score: &score, Severity: cvss.Severity(base)}
}

// riskFileVectors returns the threats' cvss strings in document order.
func riskFileVectors(content any) []string {
	m, _ := content.(map[string]any)
	threats, _ := m["threats"].([]any)
	var out []string
	for _, t := range threats {
		th, _ := t.(map[string]any)
		if v, ok := th["cvss"].(string); ok {
			out = append(out, v)
		}
	}
	return out
}

type evidenceRef struct {
	path string
	at   position.Pos // the matrix entry naming it, for errors
}

// evidence lists the evidence documents of every GSPR evidence matrix, in
// document order.
func evidence(b *bundle.Bundle) []evidenceRef {
	var out []evidenceRef
	for _, d := range b.Documents {
		if d.Type != "gspr-evidence-matrix" {
			continue
		}
		m, _ := d.Content.(map[string]any)
		entries, _ := m["entries"].([]any)
		for i, e := range entries {
			entry, _ := e.(map[string]any)
			list, _ := entry["evidence"].([]any)
			for j, ev := range list {
				item, _ := ev.(map[string]any)
				p, ok := item["document"].(string)
				if !ok {
					continue
				}
				ptr := docparse.Pointer(docparse.Index(docparse.Index("/entries", i)+"/evidence", j), "document")
				at := position.Pos{File: d.Path}
				if d.Source != nil {
					at = d.Source.Pos(ptr)
				}
				out = append(out, evidenceRef{path: p, at: at})
			}
		}
	}
	return out
}

// HashFile streams a bundle file through SHA-256. safefile checks the
// opened file (regular, one name: a hard link could be a digest of a secret
// elsewhere) without blocking on a named pipe, and it stops at maxSize
// bytes. ctx is checked between chunks so --timeout bounds hashing too.
func HashFile(ctx context.Context, root *os.Root, name string, maxSize int64) (string, error) {
	f, st, err := safefile.Open(root, name)
	if err != nil {
		return "", err
	}
	defer func() { _ = f.Close() }()
	if st.Size() > maxSize {
		return "", fmt.Errorf("file is %d bytes, over the limit of %d bytes (raise it with --max-file-size)", st.Size(), maxSize)
	}
	h := sha256.New()
	n, err := io.Copy(h, ctxReader{ctx, io.LimitReader(f, maxSize+1)})
	if err != nil {
		return "", fmt.Errorf("hash: %w", err)
	}
	if n > maxSize {
		return "", fmt.Errorf("file is over the limit of %d bytes", maxSize)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ctxReader stops a copy when ctx is done.
type ctxReader struct {
	ctx context.Context //nolint:containedctx // lives for one io.Copy
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
