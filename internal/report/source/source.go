// Package source reads the lines of a checked bundle's documents for report
// writers that show the line a finding points at. It only ever opens files
// for reading, inside the bundle (os.Root), and only shows a file whose
// SHA-256 is still the one the run model recorded, so a line shown is a line
// of the bytes that were checked.
package source

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"sync"

	"github.com/annexlint/annexlint/internal/result"
)

// Reader implements report.Source for one bundle.
type Reader struct {
	dir     string
	maxSize int64
	sums    map[string]string // path -> SHA-256 recorded in the run model

	mu    sync.Mutex
	lines map[string][][]byte // nil entry: file not showable
}

// New returns a reader for the bundle in dir whose checked documents are
// docs; files larger than maxSize bytes are not read.
func New(dir string, docs []result.Document, maxSize int64) *Reader {
	r := &Reader{dir: dir, maxSize: maxSize, sums: map[string]string{}, lines: map[string][][]byte{}}
	for _, d := range docs {
		if d.SHA256 != "" {
			r.sums[d.Path] = d.SHA256
		}
	}
	return r
}

// Line returns line n of the document at path, without its line ending and
// a leading byte-order mark.
func (r *Reader) Line(path string, n int) (string, bool) {
	if n < 1 {
		return "", false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	ls, seen := r.lines[path]
	if !seen {
		ls = r.load(path)
		r.lines[path] = ls
	}
	if n > len(ls) {
		return "", false
	}
	return string(ls[n-1]), true
}

func (r *Reader) load(path string) [][]byte {
	want, ok := r.sums[path]
	if !ok {
		return nil
	}
	root, err := os.OpenRoot(r.dir)
	if err != nil {
		return nil
	}
	defer func() { _ = root.Close() }()
	f, err := root.Open(path)
	if err != nil {
		return nil
	}
	defer func() { _ = f.Close() }()
	data, err := io.ReadAll(io.LimitReader(f, r.maxSize+1))
	if err != nil || int64(len(data)) > r.maxSize {
		return nil
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != want {
		return nil // changed since the check: its lines are not the ones checked
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	ls := bytes.Split(data, []byte("\n"))
	for i, l := range ls {
		ls[i] = bytes.TrimSuffix(l, []byte("\r"))
	}
	return ls
}
