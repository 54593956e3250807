// Package evidence compares the SHA-256 each GSPR evidence matrix records
// for its evidence files with the files as they are now, and, only when
// asked, records the new hashes in the matrix (with who reviewed the new
// version and when). It is the one part of annexlint that writes into a
// bundle, so it edits only the bytes of the values it changes: comments,
// order, quoting and layout of everything else stay as the team wrote them.
package evidence

import (
	"context"
	"fmt"
	"os"

	"go.yaml.in/yaml/v3"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/enrich"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/safefile"
)

// Status is what became of one evidence entry's recorded hash.
type Status string

// The statuses, worst first.
const (
	// Changed: the file's SHA-256 differs from the recorded one, so the
	// evidence changed since it was reviewed.
	Changed Status = "changed"
	// Missing: the document named is not a file in the bundle.
	Missing Status = "missing"
	// Unhashed: the entry records no SHA-256.
	Unhashed Status = "no-hash"
	// Current: the recorded SHA-256 is the file's.
	Current Status = "current"
)

// Entry is one evidence item of a matrix.
type Entry struct {
	Matrix   string       // bundle-relative path of the matrix
	At       position.Pos // the recorded sha256, or the evidence item when there is none
	GSPR     string
	Document string
	Recorded string // as written, possibly empty
	Actual   string // the file's SHA-256 now; empty when Missing
	Status   Status

	item  *yaml.Node // the evidence item, for editing
	index [2]int     // its place: /entries/index[0]/evidence/index[1]
}

// Matrix is one GSPR evidence matrix as read.
type Matrix struct {
	Path    string // bundle-relative
	data    []byte
	info    os.FileInfo
	root    yaml.Node
	Entries []*Entry
}

// Report is the state of every evidence matrix of a bundle.
type Report struct {
	Bundle   string // absolute path of the bundle folder
	Matrices []*Matrix
}

// Entries lists the entries of every matrix in manifest and file order.
func (r *Report) Entries() []*Entry {
	var out []*Entry
	for _, m := range r.Matrices {
		out = append(out, m.Entries...)
	}
	return out
}

// Count returns how many entries have each status.
func (r *Report) Count() map[Status]int {
	n := map[Status]int{}
	for _, e := range r.Entries() {
		n[e.Status]++
	}
	return n
}

// Scan reads the bundle's manifest and its GSPR evidence matrices, hashes
// every evidence file they name that is in the bundle, and compares. Files
// are read through the bundle root, so a path or link leading out of the
// bundle is never read (its entry is Missing).
func Scan(ctx context.Context, dir string) (*Report, error) {
	loader := bundle.NewLoader(bundle.Options{})
	b, root, err := loader.LoadContext(ctx, dir)
	if err != nil {
		return nil, err
	}
	defer func() { _ = root.Close() }()
	var matrices []bundle.ManifestEntry
	for _, e := range bundle.Entries(b.Manifest.Content) {
		if e.Type == "gspr-evidence-matrix" {
			matrices = append(matrices, e)
		}
	}
	if len(matrices) == 0 {
		return nil, position.Errorf(b.Manifest.Source.Pos("/documents"),
			"the manifest lists no GSPR evidence matrix (type gspr-evidence-matrix); there are no recorded hashes to compare")
	}
	if err := loader.LoadDocuments(b, root, matrices); err != nil {
		return nil, err
	}
	facts, err := enrich.Derive(ctx, b, root, loader.MaxFileSize())
	if err != nil {
		return nil, err
	}
	r := &Report{Bundle: b.Root}
	for _, d := range b.Documents {
		data, info, err := safefile.ReadFileInfo(root, d.Path, loader.MaxFileSize())
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d.Path, err)
		}
		m := &Matrix{Path: d.Path, data: data, info: info}
		if err := yaml.Unmarshal(data, &m.root); err != nil {
			return nil, fmt.Errorf("%s: %w", d.Path, err) // docparse accepted it: only a race gets here
		}
		if err := m.readEntries(facts.SHA256); err != nil {
			return nil, err
		}
		r.Matrices = append(r.Matrices, m)
	}
	return r, nil
}

// readEntries walks the matrix's nodes. The shapes are those of the
// schema; anything else is an error at its place, never skipped.
func (m *Matrix) readEntries(actual map[string]string) error {
	doc := &m.root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	entries := member(doc, "entries")
	if entries == nil || entries.Kind != yaml.SequenceNode {
		return m.errorf(doc, "the matrix has no entries list")
	}
	for i, entry := range entries.Content {
		if entry.Kind != yaml.MappingNode {
			return m.errorf(entry, "a matrix entry must be a mapping (gspr, evidence)")
		}
		gspr := ""
		if g := member(entry, "gspr"); g != nil {
			gspr = g.Value
		}
		list := member(entry, "evidence")
		if list == nil {
			continue // an entry without evidence (not applicable) records no hash
		}
		if list.Kind != yaml.SequenceNode {
			return m.errorf(list, "evidence must be a list")
		}
		for j, item := range list.Content {
			if item.Kind != yaml.MappingNode {
				return m.errorf(item, "an evidence item must be a mapping (document, section, sha256)")
			}
			doc := member(item, "document")
			if doc == nil || doc.Kind != yaml.ScalarNode || doc.Value == "" {
				return m.errorf(item, "an evidence item must name its document")
			}
			e := &Entry{Matrix: m.Path, GSPR: gspr, Document: doc.Value, At: m.pos(item), item: item, index: [2]int{i, j}}
			if h := member(item, "sha256"); h != nil {
				if h.Kind != yaml.ScalarNode {
					return m.errorf(h, "sha256 must be text")
				}
				e.Recorded, e.At = h.Value, m.pos(h)
			}
			sum, ok := actual[e.Document]
			switch {
			case !ok:
				e.Status = Missing
			case e.Recorded == "":
				e.Actual, e.Status = sum, Unhashed
			case e.Recorded != sum:
				e.Actual, e.Status = sum, Changed
			default:
				e.Actual, e.Status = sum, Current
			}
			m.Entries = append(m.Entries, e)
		}
	}
	return nil
}

func (m *Matrix) pos(n *yaml.Node) position.Pos {
	return position.Pos{File: m.Path, Line: n.Line, Col: n.Column}
}

func (m *Matrix) errorf(n *yaml.Node, msg string) error {
	return position.Errorf(m.pos(n), "%s", msg)
}

// member returns the value of key in mapping n, or nil.
func member(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// memberKey returns the key node of key in mapping n, or nil.
func memberKey(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i]
		}
	}
	return nil
}
