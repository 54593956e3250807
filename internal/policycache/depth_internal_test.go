package policycache

import (
	"errors"
	"testing"
)

// nested is a term of n arrays nested in one another around a null, in the
// codec's form (tag, no location, count, element).
func nested(n int) []byte {
	var b []byte
	for range n {
		b = append(b, tagArray, 0, 1)
	}
	return append(b, tagNull, 0)
}

// TestDepthBounded: a forged entry nesting deeper than maxDepth is refused as
// corrupt, not followed until the stack ends; a shallow one decodes.
func TestDepthBounded(t *testing.T) {
	d := &decoder{data: nested(10)}
	if term, err := d.term(); err != nil || term == nil {
		t.Fatalf("ten nested arrays: %v, %v", term, err)
	}
	d = &decoder{data: nested(maxDepth + 10)}
	if _, err := d.term(); !errors.Is(err, errCorrupt) {
		t.Fatalf("nesting past %d levels: %v, want a corrupt entry", maxDepth, err)
	}
}
