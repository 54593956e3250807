package position_test

import (
	"testing"

	"github.com/annexlint/annexlint/internal/position"
)

func TestLineCol(t *testing.T) {
	t.Parallel()
	tests := []struct {
		data      string
		off       int
		line, col int
	}{
		{"abc", 0, 1, 1},
		{"a\nbc", 3, 2, 2},
		{"é\"x", 3, 1, 3}, // characters, not bytes
		{"ab", 9, 1, 3},   // past the end: the end
	}
	for _, tt := range tests {
		if l, c := position.LineCol([]byte(tt.data), tt.off); l != tt.line || c != tt.col {
			t.Errorf("LineCol(%q, %d) = %d:%d, want %d:%d", tt.data, tt.off, l, c, tt.line, tt.col)
		}
	}
}
