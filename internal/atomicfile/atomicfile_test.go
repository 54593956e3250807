package atomicfile_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/atomicfile"
)

const old = "the previous report\n"

// entries lists a directory's names, to show no temporary file is left.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(es))
	for _, e := range es {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func sameStrings(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00")
}

// TestWriteFailureKeepsOldFile: whatever way filling the new content ends
// badly, the old file stays byte for byte and no temporary file remains.
func TestWriteFailureKeepsOldFile(t *testing.T) {
	t.Parallel()
	errDisk := errors.New("disk full")
	cases := map[string]func(io.Writer) error{
		"error after a partial write": func(w io.Writer) error {
			if _, err := io.WriteString(w, "half a rep"); err != nil {
				return err
			}
			return errDisk
		},
		"error before writing": func(io.Writer) error { return errDisk },
		"panic after a partial write": func(w io.Writer) error {
			_, _ = io.WriteString(w, "half a rep")
			panic("writer bug")
		},
	}
	for name, fill := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := filepath.Join(dir, "report.sarif")
			if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
				t.Fatal(err)
			}
			before := entries(t, dir)
			err := func() (err error) {
				defer func() {
					if p := recover(); p != nil {
						err = errors.New("panicked")
					}
				}()
				return atomicfile.Write(path, 0o644, fill)
			}()
			if err == nil {
				t.Fatal("Write reported success")
			}
			if errors.Is(err, errDisk) && !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name %s", err, path)
			}
			got, rerr := os.ReadFile(path)
			if rerr != nil {
				t.Fatal(rerr)
			}
			if string(got) != old {
				t.Errorf("old file changed to %q", got)
			}
			if after := entries(t, dir); !sameStrings(before, after) {
				t.Errorf("directory was %v, now %v (temporary file left?)", before, after)
			}
		})
	}
}

// TestWriteFailureCreatesNothing: with no previous file, a failure leaves
// no file at all, not an empty or partial one.
func TestWriteFailureCreatesNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	err := atomicfile.Write(path, 0o644, func(w io.Writer) error {
		_, _ = io.WriteString(w, "{")
		return errors.New("encoder failed")
	})
	if err == nil {
		t.Fatal("Write reported success")
	}
	if names := entries(t, dir); len(names) != 0 {
		t.Errorf("directory holds %v after a failed write", names)
	}
}

// TestWriteReplaces: success replaces the old content completely (a
// shorter new file leaves no tail of the old one) with the permissions
// asked for, and leaves only the one file.
func TestWriteReplaces(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(path, []byte(strings.Repeat("old content ", 100)), 0o600); err != nil {
		t.Fatal(err)
	}
	const want = "new\n"
	if err := atomicfile.Write(path, 0o640, func(w io.Writer) error {
		_, err := io.WriteString(w, want)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("content = %q, want %q", got, want)
	}
	if names := entries(t, dir); !sameStrings(names, []string{"report.txt"}) {
		t.Errorf("directory holds %v", names)
	}
	if runtime.GOOS != "windows" {
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o640 {
			t.Errorf("mode = %v, want 0640", st.Mode().Perm())
		}
	}
}

// TestWriteIsAtomic: the file is renamed into place, so a reader holding
// the old file open keeps reading the complete old content (it is a
// different inode), never a mix.
func TestWriteIsAtomic(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("Windows cannot rename over an open file")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	reader, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	var during string
	err = atomicfile.Write(path, 0o644, func(w io.Writer) error {
		// Mid-write, the path still shows the old file in full.
		b, err := os.ReadFile(path)
		during = string(b)
		if err != nil {
			return err
		}
		_, err = io.WriteString(w, "replacement\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if during != old {
		t.Errorf("during the write the path held %q", during)
	}
	b, err := io.ReadAll(reader)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != old {
		t.Errorf("an open reader saw %q", b)
	}
}

// TestWriteBadTarget: targets that cannot be written report an error that
// names the path and change nothing.
func TestWriteBadTarget(t *testing.T) {
	t.Parallel()
	fill := func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }
	t.Run("missing directory", func(t *testing.T) {
		t.Parallel()
		path := filepath.Join(t.TempDir(), "no", "such", "dir", "out.txt")
		if err := atomicfile.Write(path, 0o644, fill); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("err = %v, want one naming %s", err, path)
		}
	})
	t.Run("path is a directory", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		path := filepath.Join(dir, "out")
		if err := os.Mkdir(path, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(path, "keep"), []byte(old), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := atomicfile.Write(path, 0o644, fill); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("err = %v, want one naming %s", err, path)
		}
		if names := entries(t, dir); !sameStrings(names, []string{"out"}) {
			t.Errorf("directory holds %v", names)
		}
		if b, err := os.ReadFile(filepath.Join(path, "keep")); err != nil || string(b) != old {
			t.Errorf("directory content changed: %q, %v", b, err)
		}
	})
}
