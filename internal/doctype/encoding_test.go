package doctype_test

import (
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/doctype"
)

// TestSBOMNotUTF8Refused: a JSON SBOM with a byte that is not UTF-8 is
// refused with its place, as a native document is, rather than read with
// the byte turned into U+FFFD.
func TestSBOMNotUTF8Refused(t *testing.T) {
	data := []byte("{\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.6\",\n  \"components\": [{\"type\": \"library\", \"name\": \"lib\xe9\"}]\n}\n")
	_, err := doctype.ReadAs("sbom", "sbom.json", data, docparse.Limits{})
	if err == nil || !strings.Contains(err.Error(), "sbom.json:4:") || !strings.Contains(err.Error(), "invalid UTF-8 byte 0xe9") {
		t.Fatalf("got %v, want sbom.json:4:…: invalid UTF-8 byte 0xe9", err)
	}
}
