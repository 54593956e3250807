// Package bundle loads a technical-documentation bundle: the manifest
// (annexlint.yaml) and every document it lists, read strictly inside the
// bundle root. It never writes to the bundle.
package bundle

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/doctype"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/safefile"
)

// ManifestNames are the file names tried, in order, for the manifest.
var ManifestNames = []string{"annexlint.yaml", "annexlint.yml", "annexlint.json"}

// DefaultMaxFileSize bounds each document read (64 MiB): large enough for
// a 50,000-component SBOM, small enough to refuse a mistaken disk image.
const DefaultMaxFileSize = 64 << 20

// DefaultMaxValues bounds the values all documents of one run hold
// together (--max-values). A 50,000-component SBOM counts about 3.1
// million (1.9 million written, 24 per component for its normalised
// model, doctype.SBOMComponentValues); one million empty CycloneDX components, 3 MB on disk, count 25
// million and needed 7 GB. Nine million values in one JSON document
// peaked at 1.8 GB, so the default keeps a run near 1 GB.
const DefaultMaxValues = 5_000_000

// Options tune loading.
type Options struct {
	MaxFileSize int64
	// MaxValues is the run's value budget; Limits.MaxNodes, the limit for
	// one document, defaults to it.
	MaxValues int64
	Limits    docparse.Limits
}

// Document is one loaded bundle document.
type Document struct {
	ID    string // manifest id, or the path when none is given
	Type  string // manifest type
	Path  string // bundle-relative, slash-separated
	Index int    // position in the manifest's documents list
	// Source resolves pointers into Content to places in the original file.
	Source position.SourceMap
	// Content is what policies see: the parsed value for native types, the
	// normalised model for SBOMs and vulnerability data.
	Content any
	// Native is true when Content is in its type's native form, the one the
	// type's schema describes (see doctype.Doc).
	Native bool
	// Plain is true when Content holds plain JSON values only (doctype.Doc):
	// the check may then read it in the policy input and set Content to nil.
	Plain bool
	// SHA256 is the lower-case hex digest of the file as read, so every
	// report can name exactly which bytes a verdict rests on.
	SHA256 string
	// SuppliedBy is the manifest entry's supplied_by marking, as written, or
	// nil: the document is a component supplier's delivery, not the product
	// maker's own evidence (docs/bundle-format.md).
	SuppliedBy map[string]any
}

// Bundle is a loaded bundle.
type Bundle struct {
	Root      string // absolute path of the bundle directory
	Manifest  *Document
	Documents []*Document
	Files     map[string]int64 // every regular file, bundle-relative path -> size

	limits docparse.Limits // the loader's, with this run's value budget
}

// Doc returns the loaded document (or the manifest) with the given path.
func (b *Bundle) Doc(p string) *Document {
	if b.Manifest != nil && b.Manifest.Path == p {
		return b.Manifest
	}
	for _, d := range b.Documents {
		if d.Path == p {
			return d
		}
	}
	return nil
}

// Loader reads bundles. Each document is read by the reader of its type
// in the document type registry (internal/doctype).
type Loader struct {
	opts Options
}

// NewLoader returns a loader with the given options.
func NewLoader(opts Options) *Loader {
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.MaxValues <= 0 {
		opts.MaxValues = DefaultMaxValues
	}
	if opts.Limits.MaxNodes <= 0 {
		opts.Limits.MaxNodes = int(min(opts.MaxValues, int64(math.MaxInt32)))
	}
	return &Loader{opts: opts}
}

// SetMaxValues changes the run's value budget, and the limit for one
// document with it.
func (l *Loader) SetMaxValues(n int64) {
	l.opts.MaxValues = n
	l.opts.Limits.MaxNodes = int(min(n, int64(math.MaxInt32)))
}

// MaxFileSize is the largest file the loader reads; code that reads further
// bundle files (evidence to hash) keeps to the same limit.
func (l *Loader) MaxFileSize() int64 { return l.opts.MaxFileSize }

// ManifestEntry is a document reference as the manifest states it.
type ManifestEntry struct {
	ID, Type, Path string
	Index          int
	SuppliedBy     map[string]any // the supplied_by marking, when the entry has one
}

// Load reads the manifest under dir. The manifest's document list is
// returned by entries so that the caller can validate the manifest first;
// LoadDocuments then reads them.
func (l *Loader) Load(dir string) (*Bundle, *os.Root, error) {
	return l.LoadContext(context.Background(), dir)
}

// LoadContext is Load for the run of ctx: reading the bundle stops when
// ctx is done.
func (l *Loader) LoadContext(ctx context.Context, dir string) (*Bundle, *os.Root, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("bundle %s: %w", dir, err)
	}
	st, err := os.Stat(abs)
	if err != nil {
		return nil, nil, fmt.Errorf("bundle %s: %w", dir, pathErr(err))
	}
	if !st.IsDir() {
		return nil, nil, fmt.Errorf("bundle %s: not a directory; give the folder that holds annexlint.yaml", dir)
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		return nil, nil, fmt.Errorf("bundle %s: %w", dir, err)
	}
	b := &Bundle{Root: abs, limits: l.opts.Limits}
	b.limits.Budget = docparse.NewBudget(ctx, l.opts.MaxValues)
	for _, name := range ManifestNames {
		data, _, err := l.read(root, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			_ = root.Close()
			// read's reasons do not name the file; a document's are
			// positioned at its manifest entry, the manifest's need its name.
			return nil, nil, position.Errorf(position.Pos{File: name}, "%v", err)
		}
		doc, err := docparse.Parse(name, data, b.limits)
		if err != nil {
			_ = root.Close()
			return nil, nil, err
		}
		if _, ok := doc.Value.(map[string]any); !ok {
			_ = root.Close()
			return nil, nil, position.Errorf(doc.Pos(""), "the manifest must be a mapping (apiVersion, kind, product, documents), not %s", kindOf(doc.Value))
		}
		b.Manifest = &Document{ID: "manifest", Type: "manifest", Path: name, Index: -1, Source: doc, Content: doc.Value, Native: true, SHA256: digest(data)}
		break
	}
	if b.Manifest == nil {
		_ = root.Close()
		return nil, nil, fmt.Errorf("bundle %s: no manifest found (looked for %s)", dir, strings.Join(ManifestNames, ", "))
	}
	if b.Files, err = listFiles(root); err != nil {
		_ = root.Close()
		return nil, nil, fmt.Errorf("bundle %s: %w", dir, err)
	}
	return b, root, nil
}

// Entries reads the documents list of a (schema-checked) manifest value,
// skipping entries the schema already reported as malformed.
func Entries(manifest any) []ManifestEntry {
	m, _ := manifest.(map[string]any)
	list, _ := m["documents"].([]any)
	var out []ManifestEntry
	for i, item := range list {
		e, _ := item.(map[string]any)
		t, _ := e["type"].(string)
		p, _ := e["path"].(string)
		id, _ := e["id"].(string)
		if t == "" || p == "" {
			continue
		}
		if id == "" {
			id = p
		}
		supplied, _ := e["supplied_by"].(map[string]any)
		out = append(out, ManifestEntry{ID: id, Type: t, Path: p, Index: i, SuppliedBy: supplied})
	}
	return out
}

// LoadDocuments reads and parses every entry. Problems with a path (outside
// the bundle, missing, a directory, too large) are positioned errors at the
// manifest entry; parse errors are positioned in the document itself.
func (l *Loader) LoadDocuments(b *Bundle, root *os.Root, entries []ManifestEntry) error {
	seen, ids := map[string]int{}, map[string]int{}
	var files []loaded
	var errs []error
	for _, e := range entries {
		if err := b.limits.Budget.Err(); err != nil {
			return err
		}
		entry := docparse.Index("/documents", e.Index)
		if first, dup := ids[e.ID]; dup && e.ID != e.Path {
			// Findings, waivers and rules name documents by id: two with one
			// id would make every such reference ambiguous.
			errs = append(errs, position.Errorf(b.Manifest.Source.Pos(docparse.Pointer(entry, "id")),
				"document id %q is used twice (also entry %d, at %s)", e.ID, first, b.Manifest.Source.Pos(docparse.Pointer(docparse.Index("/documents", first), "id"))))
			continue
		}
		ids[e.ID] = e.Index
		at := b.Manifest.Source.Pos(docparse.Pointer(entry, "path"))
		clean, err := cleanPath(e.Path)
		if err != nil {
			errs = append(errs, position.Errorf(at, "document path %q: %v", e.Path, err))
			continue
		}
		if first, dup := seen[clean]; dup {
			errs = append(errs, position.Errorf(at, "document %q is listed twice (also entry %d)", clean, first))
			continue
		}
		seen[clean] = e.Index
		data, st, err := l.read(root, clean)
		if err != nil {
			errs = append(errs, position.Errorf(at, "document %q: %v", clean, err))
			continue
		}
		// One file listed under several names (through links) would be
		// parsed, and held in memory, once per name.
		if other, ok := sameFile(files, st); ok {
			errs = append(errs, position.Errorf(at, "document %q is the same file as %q (a link to it); list each file once", clean, other))
			continue
		}
		files = append(files, loaded{clean, st})
		doc, err := doctype.ReadAs(e.Type, clean, data, b.limits)
		if err != nil {
			errs = append(errs, err)
			if b.limits.Budget.Used() > b.limits.Budget.Limit() {
				break // every later document would only repeat it
			}
			continue
		}
		b.Documents = append(b.Documents, &Document{ID: e.ID, Type: e.Type, Path: clean, Index: e.Index,
			Source: doc.Source, Content: doc.Content, Native: doc.Native, Plain: doc.Plain, SHA256: digest(data), SuppliedBy: e.SuppliedBy})
	}
	return errors.Join(errs...)
}

func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// cleanPath accepts only relative, slash-separated paths that stay inside
// the bundle; the manifest is portable, so backslashes are refused too.
func cleanPath(p string) (string, error) {
	c := path.Clean(p)
	// The drive-letter test looks at the cleaned path too: "./C:/x" cleans
	// to "C:/x", which Windows reads as absolute.
	drive := func(s string) bool { return len(s) > 1 && s[1] == ':' }
	switch {
	case strings.Contains(p, "\\"):
		return "", errors.New("use forward slashes in paths")
	case path.IsAbs(p) || filepath.IsAbs(p) || drive(p) || drive(c):
		return "", errors.New("absolute paths are not allowed; give the path relative to the bundle root")
	}
	if c == ".." || strings.HasPrefix(c, "../") {
		return "", errors.New("path leaves the bundle root; every document must be inside the bundle")
	}
	return c, nil
}

// read opens a file through the bundle root, which refuses any path or
// symbolic link that resolves outside it, and enforces the size limit.
// safefile checks the opened file, so a path swapped for a named pipe or a
// hard link after any earlier look is still refused, and never blocks.
func (l *Loader) read(root *os.Root, name string) ([]byte, fs.FileInfo, error) {
	data, st, err := safefile.ReadFileInfo(root, name, l.opts.MaxFileSize)
	var tl *safefile.TooLargeError
	if errors.As(err, &tl) {
		return nil, nil, fmt.Errorf("%w (raise it with --max-file-size)", tl)
	}
	if err != nil {
		return nil, nil, pathErr(err)
	}
	return data, st, nil
}

type loaded struct {
	path string
	st   fs.FileInfo
}

func sameFile(files []loaded, st fs.FileInfo) (string, bool) {
	for _, f := range files {
		if os.SameFile(f.st, st) {
			return f.path, true
		}
	}
	return "", false
}

func kindOf(v any) string {
	switch v.(type) {
	case []any:
		return "a list"
	case string:
		return "a string"
	case nil:
		return "empty"
	}
	return "a single value"
}

// pathErr turns file-system errors into plain words, keeping the sentinel
// so callers can still test with errors.Is.
func pathErr(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return plainErr{"file not found", fs.ErrNotExist}
	case errors.Is(err, fs.ErrPermission):
		return plainErr{"permission denied, the file cannot be read", fs.ErrPermission}
	case strings.Contains(err.Error(), "path escapes from parent"):
		return errors.New("path (or a symbolic link on it) leads outside the bundle root, which annexlint refuses to read")
	}
	return err
}

// plainErr says msg alone but still matches its sentinel with errors.Is,
// so a message does not end in "file does not exist" twice over.
type plainErr struct {
	msg string
	err error
}

func (e plainErr) Error() string { return e.msg }
func (e plainErr) Unwrap() error { return e.err }

// listFiles returns every regular file under root (symbolic links only when
// they resolve to a regular file inside the bundle), skipping VCS folders.
func listFiles(root *os.Root) (map[string]int64, error) {
	files := map[string]int64{}
	err := fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && (d.Name() == ".git" || d.Name() == ".hg" || d.Name() == ".svn") {
				return fs.SkipDir
			}
			return nil
		}
		st, err := root.Stat(p) // follows links, but never out of the root
		if err != nil || !st.Mode().IsRegular() {
			return nil //nolint:nilerr // dangling or escaping links are simply not bundle files
		}
		files[p] = st.Size()
		return nil
	})
	return files, err
}
