package sbom

import (
	"bytes"
	"runtime"
	"testing"
)

// TestTagValueBlankLinesNotAmplified: a tag-value file of blank lines costs
// memory in proportion to its pairs, not to its lines (hostile input).
func TestTagValueBlankLinesNotAmplified(t *testing.T) {
	data := append([]byte("SPDXVersion: SPDX-2.3\n"), bytes.Repeat([]byte("\n"), 8<<20)...)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, _ = Parse("blank.spdx", data)
	runtime.ReadMemStats(&after)
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 8*uint64(len(data)) {
		t.Errorf("parsing %d bytes of blank lines allocated %d bytes", len(data), grown)
	}
}

// TestTagValueReservationBounded: the pairs reserved ahead are bounded by the
// input's size, not only by its lines or colons: a file of short colon
// lines inside an unclosed <text> (no pair at all) or of bare colons must
// not reserve more than a few bytes per byte.
func TestTagValueReservationBounded(t *testing.T) {
	for name, data := range map[string][]byte{
		"colon lines in text": append([]byte("SPDXVersion: SPDX-2.3\nPackageComment: <text>\n"), bytes.Repeat([]byte("a:\n"), 2<<20)...),
		"bare colons":         append([]byte("SPDXVersion: SPDX-2.3\n"), bytes.Repeat([]byte(":"), 8<<20)...),
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, _ = Parse("hostile.spdx", data)
		runtime.ReadMemStats(&after)
		if grown := after.TotalAlloc - before.TotalAlloc; grown > 8*uint64(len(data)) {
			t.Errorf("%s: parsing %d bytes allocated %d bytes", name, len(data), grown)
		}
	}
}
