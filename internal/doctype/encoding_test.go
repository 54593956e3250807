package doctype_test

import (
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/doctype"
)

// TestSBOMNotUTF8Refused: an SBOM with a byte that is not UTF-8 is refused
// with its place, as a native document is, rather than read with the byte
// turned into U+FFFD: JSON, XML and tag-value alike.
func TestSBOMNotUTF8Refused(t *testing.T) {
	for file, data := range map[string]string{
		"sbom.json": "{\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.6\",\n  \"components\": [{\"type\": \"library\", \"name\": \"lib\xe9\"}]\n}\n",
		"sbom.xml":  "<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\">\n  <components>\n    <component type=\"library\"><name>lib\xe9</name></component>\n  </components>\n</bom>\n",
		"sbom.spdx": "SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: x\xe9\n",
	} {
		_, err := doctype.ReadAs("sbom", file, []byte(data), docparse.Limits{})
		if err == nil || !strings.Contains(err.Error(), file+":4:") || !strings.Contains(err.Error(), "invalid UTF-8 byte 0xe9") {
			t.Errorf("%s: got %v, want %s:4:…: invalid UTF-8 byte 0xe9", file, err, file)
		}
	}
}
