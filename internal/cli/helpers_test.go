package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/annexlint/annexlint/internal/cli"
)

var (
	cleanExample  = filepath.Join("..", "..", "examples", "infusion-pump")
	flawedExample = filepath.Join("..", "..", "examples", "infusion-pump-flawed")
)

// runGuarded runs the CLI like run but turns a panic or a hang into a test
// failure with a message, instead of a crashed or stuck test binary.
func runGuarded(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	type result struct {
		out, err string
		code     int
		panicked any
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			r.panicked = recover()
			done <- r
		}()
		var out, errb bytes.Buffer
		r.code = cli.Run(context.Background(), args, &out, &errb)
		r.out, r.err = out.String(), errb.String()
	}()
	select {
	case r := <-done:
		if r.panicked != nil {
			t.Fatalf("annexlint %s panicked: %v", strings.Join(args, " "), r.panicked)
		}
		return r.out, r.err, r.code
	case <-time.After(2 * time.Minute):
		t.Fatalf("annexlint %s did not return within 2 minutes", strings.Join(args, " "))
		return "", "", -1
	}
}

// bundleFiles lists the regular files under dir, slash-separated and sorted.
func bundleFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

// copyFiles copies the given files of src into dst, in the order given, so
// that callers can control the order the file system records them in.
func copyFiles(t *testing.T, src, dst string, files []string) {
	t.Helper()
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dst, filepath.FromSlash(f)), string(data))
	}
}

// copyBundle copies the bundle in src into a fresh temporary directory.
func copyBundle(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	copyFiles(t, src, dst, bundleFiles(t, src))
	return dst
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// replaceIn replaces the single occurrence of old in the file; a test whose
// fixture drifted fails here rather than testing nothing.
func replaceIn(t *testing.T, path, old, new string) {
	t.Helper()
	s := readFile(t, path)
	if n := strings.Count(s, old); n != 1 {
		t.Fatalf("%s: %q occurs %d times, want once", path, old, n)
	}
	writeFile(t, path, strings.Replace(s, old, new, 1))
}

// posOf returns "rel:line:col" of the first occurrence of substr in the
// bundle file rel, columns counted in characters as annexlint counts them.
func posOf(t *testing.T, dir, rel, substr string) string {
	t.Helper()
	s := readFile(t, filepath.Join(dir, filepath.FromSlash(rel)))
	i := strings.Index(s, substr)
	if i < 0 {
		t.Fatalf("%s does not contain %q", rel, substr)
	}
	line := 1 + strings.Count(s[:i], "\n")
	col := 1 + utf8.RuneCountInString(s[strings.LastIndex(s[:i], "\n")+1:i])
	return fmt.Sprintf("%s:%d:%d", rel, line, col)
}

// lineCount is the number of the line after the file's last newline.
func lineCount(t *testing.T, path string) int {
	t.Helper()
	return 1 + strings.Count(readFile(t, path), "\n")
}
