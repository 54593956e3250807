package sbomquality

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// MeasureDir measures every regular file under dir, in lexical order; each
// result's File is its slash path relative to dir.
func (c *Checker) MeasureDir(ctx context.Context, dir string) ([]FileResult, error) {
	var results []FileResult
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("read corpus file: %w", err)
		}
		r, err := c.Measure(ctx, filepath.ToSlash(rel), data)
		if err != nil {
			return err
		}
		results = append(results, r)
		return nil
	})
	return results, err
}

// The generated part of docs/sbom-checks.md sits between these markers.
const (
	BeginMarker = "<!-- BEGIN GENERATED: go run ./internal/sbomquality/cmd/sbomchecks -w -->"
	EndMarker   = "<!-- END GENERATED -->"
)

// Section returns the generated part of doc (without the markers).
func Section(doc string) (string, error) {
	_, body, _, err := split(doc)
	return body, err
}

// Splice returns doc with its generated part replaced by body.
func Splice(doc, body string) (string, error) {
	head, _, tail, err := split(doc)
	if err != nil {
		return "", err
	}
	return head + BeginMarker + "\n" + body + EndMarker + tail, nil
}

func split(doc string) (head, body, tail string, err error) {
	i := strings.Index(doc, BeginMarker)
	j := strings.Index(doc, EndMarker)
	if i < 0 || j < i {
		return "", "", "", errors.New("the document lacks the generated-section markers " + BeginMarker + " ... " + EndMarker)
	}
	body = strings.TrimPrefix(doc[i+len(BeginMarker):j], "\n")
	return doc[:i], body, doc[j+len(EndMarker):], nil
}
