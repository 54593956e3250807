package policycache_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexlint/annexlint/internal/policycache"
)

const src = `package annexlint.lib.x

import rego.v1

f(x) := y if {
	y := {"a": [x, 1.5, null, true], "b": {x | some x in [1, 2]}}
	every k in [1] { k > 0 }
	not g with input.z as 1
}

g if input.z == 1

h contains {k: v | some k, v in input.o} if count([1]) > 0
`

func compiled(t *testing.T) (map[string]*ast.Module, map[string][]byte) {
	t.Helper()
	m := ast.MustParseModuleWithOpts(src, ast.ParserOptions{RegoVersion: ast.RegoV1})
	c := ast.NewCompiler()
	c.Compile(map[string]*ast.Module{"x.rego": m})
	if c.Failed() {
		t.Fatal(c.Errors)
	}
	return c.Modules, map[string][]byte{"x.rego": []byte(src), "": []byte(src)}
}

func TestRoundTripSmall(t *testing.T) {
	modules, sources := compiled(t)
	data, err := policycache.Encode(modules, sources)
	if err != nil {
		t.Fatal(err)
	}
	back, err := policycache.Decode(data, sources)
	if err != nil {
		t.Fatal(err)
	}
	if !back["x.rego"].Equal(modules["x.rego"]) || back["x.rego"].String() != modules["x.rego"].String() {
		t.Fatalf("read back:\n%s\nwritten:\n%s", back["x.rego"], modules["x.rego"])
	}
}

// TestMarksRoundTrip: the rules EncodeMarked marks are the rules
// DecodeMarked returns, by position, and Decode's modules are the same.
func TestMarksRoundTrip(t *testing.T) {
	modules, sources := compiled(t)
	rules := modules["x.rego"].Rules
	if len(rules) < 3 {
		t.Fatalf("%d rules, want at least 3", len(rules))
	}
	data, err := policycache.EncodeMarked(modules, sources, func(r *ast.Rule) bool { return r == rules[0] || r == rules[2] })
	if err != nil {
		t.Fatal(err)
	}
	back, marked, err := policycache.DecodeMarked(data, sources)
	if err != nil {
		t.Fatal(err)
	}
	got := back["x.rego"].Rules
	if len(marked) != 2 || !marked[got[0]] || marked[got[1]] || !marked[got[2]] {
		t.Fatalf("marked %v, want the first and third rules", marked)
	}
	if plain, err := policycache.Decode(data, sources); err != nil || !plain["x.rego"].Equal(back["x.rego"]) {
		t.Fatalf("Decode differs from DecodeMarked: %v", err)
	}
}

// TestDecodeDamaged: every truncation and many single-byte changes of an
// entry give an error or a module set, never a panic or a hang.
func TestDecodeDamaged(t *testing.T) {
	modules, sources := compiled(t)
	data, err := policycache.Encode(modules, sources)
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(data) {
		if _, err := policycache.Decode(data[:n], sources); err == nil {
			t.Fatalf("a truncation to %d of %d bytes decoded without error", n, len(data))
		}
	}
	for i := range data {
		for _, b := range []byte{0, 1, 0x7f, 0x80, 0xff} {
			damaged := bytes.Clone(data)
			damaged[i] = b
			// must return, with an error the decoder found, not a
			// runtime panic its recover turned into one
			if _, err := policycache.Decode(damaged, sources); err != nil && strings.Contains(err.Error(), "runtime error") {
				t.Fatalf("byte %d set to %#x: %v", i, b, err)
			}
		}
	}
	// A source shorter than the locations expect is an error, not a slice
	// out of range.
	if _, err := policycache.Decode(data, map[string][]byte{"x.rego": []byte("package x")}); err == nil {
		t.Fatal("locations past the end of their source decoded without error")
	}
	// Deep nesting is refused, not followed until the stack ends:
	// TestDepthBounded (internal).
}

func TestStore(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(policycache.EnvDir, dir)
	s := policycache.Open()
	if s == nil {
		t.Fatal("no store")
	}
	key := s.Key("digest", []string{"a.rego", "b.rego"})
	if key == s.Key("digest2", []string{"a.rego", "b.rego"}) || key == s.Key("digest", []string{"a.rego"}) {
		t.Fatal("keys of different sets are equal")
	}
	if _, ok := s.Load(key); ok {
		t.Fatal("an empty store had an entry")
	}
	if err := s.Save(key, []byte("payload")); err != nil {
		t.Fatal(err)
	}
	got, ok := s.Load(key)
	if !ok || string(got) != "payload" {
		t.Fatalf("Load = %q, %v", got, ok)
	}
	entry := filepath.Join(dir, "policies", key+".bin")
	data, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	// A changed payload fails its checksum.
	damaged := bytes.Clone(data)
	damaged[len(damaged)-1] ^= 1
	if err := os.WriteFile(entry, damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Load(key); ok {
		t.Fatal("an entry with a wrong checksum was used")
	}
	if runtime.GOOS != "windows" {
		// An entry others may write is refused.
		if err := os.WriteFile(entry, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(entry, 0o666); err != nil {
			t.Fatal(err)
		}
		if _, ok := s.Load(key); ok {
			t.Fatal("a world-writable entry was used")
		}
		// A link is refused, even to a good entry.
		good := filepath.Join(t.TempDir(), "good")
		if err := os.WriteFile(good, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(entry); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(good, entry); err != nil {
			t.Fatal(err)
		}
		if _, ok := s.Load(key); ok {
			t.Fatal("a link was followed")
		}
		// A directory others may write is refused.
		if err := os.Remove(entry); err != nil {
			t.Fatal(err)
		}
		if err := s.Save(key, []byte("payload")); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(filepath.Join(dir, "policies"), 0o777); err != nil {
			t.Fatal(err)
		}
		if _, ok := s.Load(key); ok {
			t.Fatal("an entry in a world-writable directory was used")
		}
	}
	t.Setenv(policycache.EnvDir, "off")
	if policycache.Open() != nil {
		t.Fatal("the store opened although turned off")
	}
}

// TestLoadMarksUsed: an entry read gets a fresh modification time, so
// pruning (oldest first) keeps the entries a binary in use reads.
func TestLoadMarksUsed(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(policycache.EnvDir, dir)
	s := policycache.Open()
	key := s.Key("digest", []string{"a.rego"})
	if err := s.Save(key, []byte("payload")); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "policies", key+".bin")
	old := time.Now().Add(-48 * time.Hour)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Load(key); !ok {
		t.Fatal("the entry was not read")
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !st.ModTime().After(old.Add(time.Hour)) {
		t.Errorf("a read entry kept its old time %v", st.ModTime())
	}
}

// TestNoUserCacheInTests: a test binary without EnvDir does not write into
// the user's cache folder.
func TestNoUserCacheInTests(t *testing.T) {
	t.Setenv(policycache.EnvDir, "")
	if policycache.Open() != nil {
		t.Fatal("a test binary opened the user's cache folder")
	}
}
