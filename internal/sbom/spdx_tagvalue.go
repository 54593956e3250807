package sbom

import (
	"bytes"
	"reflect"
	"sort"
	"strings"
	"unicode"

	"github.com/spdx/tools-golang/convert"
	"github.com/spdx/tools-golang/spdx"
	anydoc "github.com/spdx/tools-golang/spdx/common"
	"github.com/spdx/tools-golang/spdx/v2/common"
	"github.com/spdx/tools-golang/spdx/v2/v2_2"
	v22reader "github.com/spdx/tools-golang/spdx/v2/v2_2/tagvalue/reader"
	v23reader "github.com/spdx/tools-golang/spdx/v2/v2_3/tagvalue/reader"
	"github.com/spdx/tools-golang/tagvalue/reader"

	"github.com/annexlint/annexlint/internal/position"
)

// tvPair is a tag-value pair with the line its tag is on.
type tvPair struct {
	tag, value string
	line, col  int
}

// tokenizeTagValue splits SPDX tag-value text into pairs exactly as
// tools-golang's tagvalue/reader.ReadTagValues does, and also records line
// numbers. It replaces that function because the original cannot report
// lines, splits only at \n (so a CR-only file is one long line and exceeds
// bufio.Scanner's 64 KiB limit), and grows multi-line <text> values by
// repeated string concatenation, which is quadratic.
func tokenizeTagValue(data []byte) ([]tvPair, error) {
	var (
		pairs   []tvPair
		midtext bool
		cur     tvPair
		long    strings.Builder
		err     error
	)
	// One copy of the text: the lines, tags and values are slices of it.
	// The pairs are reserved ahead (growing the slice copied it some twenty
	// times on a large SBOM, and fresh memory is what a short run pays most
	// for), but not by line count alone: every pair has a colon and a line,
	// and real ones average more than 32 bytes (62 in the istio SBOM), so a
	// hostile file of blank lines, colons or short lines inside an unclosed
	// <text> reserves at most 1.5 bytes per byte of input
	// (TestTagValueNotAmplified).
	text := string(data)
	pairs = make([]tvPair, 0, min(bytes.Count(data, []byte{':'}), bytes.Count(data, []byte{'\n'})+bytes.Count(data, []byte{'\r'})+1, len(data)/32+1))
	forEachLine(text, func(line string, n int) bool {
		if midtext {
			before, _, closed := strings.Cut(line, "</text>")
			long.WriteString(before)
			if !closed {
				long.WriteByte('\n')
				return true
			}
			cur.value = long.String()
			pairs = append(pairs, cur)
			midtext = false
			return true
		}
		trimmed := strings.TrimLeftFunc(line, unicode.IsSpace)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			return true
		}
		tag, rest, ok := strings.Cut(trimmed, ":")
		if !ok {
			err = position.Errorf(position.Pos{Line: n}, "parse SPDX tag-value: no colon found in %q", shorten(line))
			return false
		}
		cur = tvPair{tag: strings.TrimSpace(tag), line: n, col: len(line) - len(trimmed) + 1}
		_, after, hasText := strings.Cut(rest, "<text>")
		if !hasText {
			cur.value = strings.TrimSpace(rest)
			pairs = append(pairs, cur)
			return true
		}
		if inner, _, closed := strings.Cut(after, "</text>"); closed {
			cur.value = inner
			pairs = append(pairs, cur)
			return true
		}
		midtext = true
		long.Reset()
		long.WriteString(after)
		long.WriteByte('\n')
		return true
	})
	if err != nil {
		return nil, err
	}
	if midtext {
		return nil, position.Errorf(position.Pos{Line: cur.line}, "parse SPDX tag-value: <text> opened for %s is never closed with </text>", cur.tag)
	}
	return pairs, nil
}

func parseSPDXTagValue(src *source) (*SBOM, error) {
	pairs, err := tokenizeTagValue(src.data)
	if err != nil {
		return nil, err
	}
	kept, actors := splitUntypedActorsTV(pairs)
	tvs := tvPairs(kept)
	parse := func(tvs []reader.TagValuePair) (anydoc.AnyDocument, error) {
		if src.version == "2.2" {
			d, err := v22reader.ParseTagValues(tvs)
			if d == nil {
				return nil, err
			}
			return d, err
		}
		d, err := v23reader.ParseTagValues(tvs)
		if d == nil {
			return nil, err
		}
		return d, err
	}
	parsed, err := parse(tvs)
	if err != nil {
		line := 0
		if k := failingPrefix(len(tvs), err.Error(), func(k int) error { _, e := parse(tvs[:k]); return e }); k > 0 {
			line = kept[k-1].line
		}
		return nil, position.Errorf(position.Pos{Line: line}, "parse SPDX tag-value: %v", err)
	}
	if parsed == nil {
		return nil, position.Errorf(position.Pos{Line: src.root.Line}, "parse SPDX tag-value: no document found")
	}
	doc, err := toCurrent(parsed, tvs)
	if err != nil {
		return nil, position.Errorf(position.Pos{}, "parse SPDX tag-value: %v", err)
	}
	loc := tagValueLocator(pairs, len(doc.Relationships), src.root)
	s := normaliseSPDX(src, doc, loc, actors)
	s.Problems = checkSPDX(src, doc, s, loc, nil)
	return s, nil
}

// toCurrent is current; a test puts converted in its place to compare.
var toCurrent = current

// current gives the parsed document in tools-golang's current (2.3) model.
// A 2.2 document, which the 2.2 reader has accepted, is read again by the
// 2.3 reader rather than converted: tools-golang's converter copies the
// document field by field through reflection, which was 40 % of reading the
// istio SBOM (3,461 packages), while its 2.3 reader takes the same tags with
// the same meaning (its tags and checksum algorithms are a superset of
// 2.2's, and the 2.2 reader rejects any other). TestSPDX22ReadNotConverted
// and FuzzSPDX22ReadNotConverted hold the two ways to the same model.
func current(parsed anydoc.AnyDocument, tvs []reader.TagValuePair) (*spdx.Document, error) {
	if d, ok := parsed.(*spdx.Document); ok {
		return d, nil
	}
	if _, ok := parsed.(*v2_2.Document); ok {
		if d, err := v23reader.ParseTagValues(tvs); err == nil && d != nil {
			dropEmpty(d)
			return d, nil
		}
	}
	return converted(parsed)
}

// dropEmpty does what the converter does to the parts a reader leaves
// empty: it drops a pointer to an all-zero value (the converter copies none,
// so the converted document has nil there, which the checks tell apart).
func dropEmpty(d *spdx.Document) {
	if d.CreationInfo != nil && reflect.ValueOf(*d.CreationInfo).IsZero() {
		d.CreationInfo = nil
	}
	for i, p := range d.Packages {
		if p == nil {
			continue
		}
		if reflect.ValueOf(*p).IsZero() {
			d.Packages[i] = nil
			continue
		}
		if p.PackageSupplier != nil && *p.PackageSupplier == (common.Supplier{}) {
			p.PackageSupplier = nil
		}
		if p.PackageOriginator != nil && *p.PackageOriginator == (common.Originator{}) {
			p.PackageOriginator = nil
		}
		dropZero(p.PackageExternalReferences)
		dropEmptyFiles(p.Files)
	}
	dropEmptyFiles(d.Files)
	dropZero(d.OtherLicenses)
	dropZero(d.Relationships)
	dropZero(d.Annotations)
	dropZero(d.Reviews)
}

func dropEmptyFiles(files []*spdx.File) {
	dropZero(files)
	for _, f := range files {
		if f == nil {
			continue
		}
		dropZero(f.ArtifactOfProjects)
		for id, sn := range f.Snippets {
			if sn == nil || reflect.ValueOf(*sn).IsZero() {
				delete(f.Snippets, id)
			}
		}
	}
}

// dropZero sets the pointers to all-zero values of a slice to nil.
func dropZero[T any](s []*T) {
	for i, p := range s {
		if p != nil && reflect.ValueOf(*p).IsZero() {
			s[i] = nil
		}
	}
}

// converted is the document converted by tools-golang's converter.
func converted(parsed anydoc.AnyDocument) (*spdx.Document, error) {
	var doc spdx.Document
	if err := convert.Document(parsed, &doc); err != nil {
		return nil, err
	}
	return &doc, nil
}

// failingPrefix finds which pair tools-golang gave up on, since its errors
// carry no position: the shortest prefix that fails with the same message.
// The binary search assumes failure is monotonic in the prefix length, which
// holds for the pair-by-pair parser except for its end-of-input checks; the
// result is therefore verified, and 0 (unknown) returned if it does not hold.
// Cost: O(n log n), on the error path only.
func failingPrefix(n int, msg string, parseFirst func(k int) error) int {
	fails := func(k int) bool {
		err := parseFirst(k)
		return err != nil && err.Error() == msg
	}
	k := sort.Search(n, func(i int) bool { return fails(i + 1) }) + 1
	if k > n || !fails(k) || (k > 1 && fails(k-1)) {
		return 0
	}
	return k
}

// tagValueLocator places packages and files at their PackageName and
// FileName lines, relationships at their Relationship line, and
// document-level tags at their own line (root if absent).
func tagValueLocator(pairs []tvPair, relCount int, root Loc) spdxLocator {
	pkgLocs, fileLocs, docLocs := map[string]Loc{}, map[string]Loc{}, map[string]Loc{}
	var relLocs []Loc
	section, sectionLoc, assigned := "", Loc{}, false
	for _, p := range pairs {
		switch p.tag {
		case "PackageName", "FileName", "SnippetSPDXID", "LicenseID", "Reviewer":
			section, sectionLoc, assigned = p.tag, Loc{Line: p.line, Col: p.col}, false
		case "SPDXID":
			locs := map[string]map[string]Loc{"PackageName": pkgLocs, "FileName": fileLocs}[section]
			if locs != nil && !assigned {
				id := spdxRef(p.value)
				if _, dup := locs[id]; !dup {
					locs[id] = sectionLoc
				}
				assigned = true
			}
		case "Relationship":
			relLocs = append(relLocs, Loc{Line: p.line, Col: p.col})
		}
		if _, seen := docLocs[p.tag]; section == "" && !seen {
			docLocs[p.tag] = Loc{Line: p.line, Col: p.col}
		}
	}
	if len(relLocs) != relCount {
		relLocs = nil // the parser saw relationships differently; better no line than a wrong one
	}
	return spdxLocator{
		pkg:  func(_ int, id string) Loc { return pkgLocs[id] },
		file: func(_ int, id string) Loc { return fileLocs[id] },
		doc: func(tag string) Loc {
			if l, ok := docLocs[tag]; ok {
				return l
			}
			return root
		},
		rel: func(i int, _ *spdx.Relationship) Loc {
			if i < len(relLocs) {
				return relLocs[i]
			}
			return Loc{}
		},
	}
}
