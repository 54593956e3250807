package sbom

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	anydoc "github.com/spdx/tools-golang/spdx/common"

	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/tagvalue/reader"
)

// parseBothWays parses data as Parse does and again with 2.2 documents
// converted by tools-golang's converter rather than read by its 2.3 reader.
// Not parallel: it swaps toCurrent.
func parseBothWays(name string, data []byte) (read, conv *SBOM, readErr, convErr error) {
	read, readErr = Parse(name, data)
	toCurrent = func(parsed anydoc.AnyDocument, _ []reader.TagValuePair) (*spdx.Document, error) {
		return converted(parsed)
	}
	defer func() { toCurrent = current }()
	conv, convErr = Parse(name, data)
	return read, conv, readErr, convErr
}

// TestSPDX22ReadNotConverted holds the 2.3 reader's account of every SPDX 2.2
// tag-value document of the tests and the corpus to the converter's: the
// same model, problems included, or the same error.
func TestSPDX22ReadNotConverted(t *testing.T) {
	var files []string
	for _, dir := range []string{"testdata", filepath.Join(corpusDir, "sbom")} {
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return fs.SkipDir // the corpus is optional: a missing folder has nothing to compare
			}
			if d.IsDir() {
				return nil
			}
			data, err := os.ReadFile(p)
			if err == nil && bytes.Contains(data, []byte("SPDXVersion: SPDX-2.2")) {
				files = append(files, p)
			}
			return nil
		})
	}
	if len(files) < 2 { // the two of testdata; the corpus, when present, adds more
		t.Fatalf("only %d SPDX 2.2 tag-value files found: %v", len(files), files)
	}
	for _, p := range files {
		data, _ := os.ReadFile(p)
		read, conv, readErr, convErr := parseBothWays(filepath.Base(p), data)
		if (readErr == nil) != (convErr == nil) || (readErr != nil && readErr.Error() != convErr.Error()) {
			t.Errorf("%s: read %v, converted %v", p, readErr, convErr)
			continue
		}
		if !reflect.DeepEqual(read, conv) {
			t.Errorf("%s: the 2.3 reader's model differs from the converted document's", p)
		}
	}
	t.Logf("%d SPDX 2.2 tag-value documents compared", len(files))
}

// FuzzSPDX22ReadNotConverted compares the two ways on any input.
func FuzzSPDX22ReadNotConverted(f *testing.F) {
	for _, p := range []string{"testdata/spdx-2.2.spdx", "testdata/spdx-2.2-cr-only.spdx"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("SPDXVersion: SPDX-2.2\nPackageName: a\nSPDXID: SPDXRef-a\nPackageChecksum: SHA3-256: 00\n"))
	f.Add([]byte("SPDXVersion: SPDX-2.2\nPackageName: a\nSPDXID: SPDXRef-a\nPrimaryPackagePurpose: LIBRARY\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !strings.Contains(string(data), "SPDX-2.2") {
			return
		}
		read, conv, readErr, convErr := parseBothWays("fuzz.spdx", data)
		if (readErr == nil) != (convErr == nil) || (readErr != nil && readErr.Error() != convErr.Error()) {
			t.Fatalf("read %v, converted %v", readErr, convErr)
		}
		if !reflect.DeepEqual(read, conv) {
			t.Fatalf("the 2.3 reader's model differs from the converted document's")
		}
	})
}
