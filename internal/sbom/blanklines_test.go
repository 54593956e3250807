package sbom

import (
	"bytes"
	"runtime"
	"testing"
)

// TestTagValueNotAmplified: a hostile tag-value file costs memory in
// proportion to its size, not to its lines or colons: blank lines, bare
// colons, and short colon lines inside an unclosed <text> (no pair at all)
// are each held to 8 bytes allocated per byte of input, whatever the
// tokenizer reserves ahead.
func TestTagValueNotAmplified(t *testing.T) {
	for name, data := range map[string][]byte{
		"blank lines":         append([]byte("SPDXVersion: SPDX-2.3\n"), bytes.Repeat([]byte("\n"), 8<<20)...),
		"bare colons":         append([]byte("SPDXVersion: SPDX-2.3\n"), bytes.Repeat([]byte(":"), 8<<20)...),
		"colon lines in text": append([]byte("SPDXVersion: SPDX-2.3\nPackageComment: <text>\n"), bytes.Repeat([]byte("a:\n"), 2<<20)...),
	} {
		if grown := allocatedBy(func() { _, _ = Parse("hostile.spdx", data) }); grown > 8*uint64(len(data)) {
			t.Errorf("%s: parsing %d bytes allocated %d bytes", name, len(data), grown)
		}
	}
}

// allocatedBy is how many bytes f allocates.
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
