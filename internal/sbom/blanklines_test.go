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
