package safefile

import (
	"bytes"
	"errors"
	"testing"
	"testing/iotest"
)

// readAll must return every byte whatever the size the file had when opened
// (it may have grown or shrunk since), and refuse more than the limit.
func TestReadAll(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789"), 1000) // 10,000 bytes
	for _, tc := range []struct {
		name        string
		size, limit int64
		tooLarge    bool
	}{
		{"size as opened", 10000, 1 << 20, false},
		{"grew since opened", 100, 1 << 20, false},
		{"shrank since opened", 20000, 1 << 20, false},
		{"size unknown", 0, 1 << 20, false},
		{"exactly the limit", 10000, 10000, false},
		{"one byte over the limit", 10000, 9999, true},
		{"grew over the limit", 100, 5000, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// HalfReader: short reads, as a file may give
			got, err := readAll(iotest.HalfReader(bytes.NewReader(data)), tc.size, tc.limit)
			var tl *TooLargeError
			switch {
			case tc.tooLarge && !errors.As(err, &tl):
				t.Fatalf("err = %v, want a *TooLargeError", err)
			case tc.tooLarge:
				if got != nil {
					t.Fatalf("returned %d bytes with the error", len(got))
				}
			case err != nil:
				t.Fatal(err)
			case !bytes.Equal(got, data):
				t.Fatalf("read %d bytes, want the %d written", len(got), len(data))
			}
		})
	}
}

// A read error other than the end of the file is returned as it is.
func TestReadAllError(t *testing.T) {
	boom := errors.New("boom")
	if _, err := readAll(iotest.ErrReader(boom), 10, 100); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
}

// When the file has the size it had when opened, its bytes are read into
// one buffer of that size: no growing and copying.
func TestReadAllOneBuffer(t *testing.T) {
	data := bytes.Repeat([]byte("x"), 100_000)
	r := bytes.NewReader(nil)
	allocs := testing.AllocsPerRun(10, func() {
		r.Reset(data)
		got, err := readAll(r, int64(len(data)), 1<<20)
		if err != nil || len(got) != len(data) || cap(got) != len(data)+1 {
			t.Fatalf("len %d cap %d err %v", len(got), cap(got), err)
		}
	})
	if allocs != 1 {
		t.Fatalf("%v allocations, want 1", allocs)
	}
}
