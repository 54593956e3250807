package bundle

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/position"
)

func TestCleanPath(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		in, want, err string
	}{
		"plain":                {in: "security/risk.yaml", want: "security/risk.yaml"},
		"dot segments inside":  {in: "./security/../sbom/x.json", want: "sbom/x.json"},
		"double slash":         {in: "security//risk.yaml", want: "security/risk.yaml"},
		"parent":               {in: "../x.yaml", err: "leaves the bundle root"},
		"parent only":          {in: "..", err: "leaves the bundle root"},
		"parent in middle":     {in: "a/../../x.yaml", err: "leaves the bundle root"},
		"absolute":             {in: "/etc/passwd", err: "absolute paths are not allowed"},
		"drive letter":         {in: "C:/x.yaml", err: "absolute paths are not allowed"},
		"drive relative":       {in: "C:x.yaml", err: "absolute paths are not allowed"},
		"drive after cleaning": {in: "./C:/x.yaml", err: "absolute paths are not allowed"},
		"backslash":            {in: `security\risk.yaml`, err: "forward slashes"},
		"UNC":                  {in: `\\server\share\x`, err: "forward slashes"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := cleanPath(tc.in)
			switch {
			case tc.err != "":
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("cleanPath(%q) = %q, %v; want error containing %q", tc.in, got, err, tc.err)
				}
			case err != nil || got != tc.want:
				t.Errorf("cleanPath(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
}

// FuzzCleanPath: whatever a manifest says, an accepted path is relative,
// clean and cannot climb out of the bundle root.
func FuzzCleanPath(f *testing.F) {
	for _, s := range []string{"a/b.yaml", "../a", "/abs", "a/../../b", `a\b`, "C:x", ".", "a/./b/", "..a/b", "a/..."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		c, err := cleanPath(p)
		if err != nil {
			return
		}
		if path.IsAbs(c) || filepath.IsAbs(c) || c == ".." || strings.HasPrefix(c, "../") || strings.Contains(c, `\`) || path.Clean(c) != c {
			t.Fatalf("cleanPath(%q) accepted %q", p, c)
		}
		if (len(c) > 1 && c[1] == ':') || strings.Contains("/"+c+"/", "/../") {
			t.Fatalf("cleanPath(%q) accepted %q", p, c)
		}
	})
}

const seedManifest = `apiVersion: annexlint/v1
kind: bundle
product: {name: X, version: "1", manufacturer: {name: M}, framework: CRA, classification: default,
  placed_on_market: "2026-01-01", support_period_end: "2031-01-01", interfaces: []}
documents:
  - {id: plan, type: security-update-plan, path: doc.yaml}
  - {type: disclosure-policy, path: sub/../doc2.yaml}
`

// FuzzLoad feeds arbitrary manifest and document bytes through the loader:
// it must not panic, every error must be a positioned input error naming a
// bundle file, and every loaded document must lie inside the bundle.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(seedManifest), []byte("kind: security-update-plan\nversion: '1'\n"))
	f.Add([]byte(seedManifest), []byte(`{"kind": "disclosure-policy", "contact": {"email": "a@b"}}`))
	f.Add([]byte(strings.Replace(seedManifest, "doc.yaml", "../doc.yaml", 1)), []byte("a: 1\n"))
	f.Add([]byte(strings.Replace(seedManifest, "doc.yaml", "/etc/hostname", 1)), []byte("a: &a [*a]\n"))
	f.Add([]byte("documents: [{type: x, path: doc.yaml}, {type: x, path: ./doc.yaml}]\n"), []byte("\xEF\xBB\xBFa: 1"))
	f.Add([]byte("documents:\n  - {type: x, path: sub}\n"), []byte(""))
	f.Add([]byte("{\"documents\": [{\"type\": \"x\", \"path\": \"doc2.yaml\"}]}"), []byte("[[[[[[]]]]]]"))
	f.Fuzz(func(t *testing.T, manifest, doc []byte) {
		dir := t.TempDir()
		for name, data := range map[string][]byte{"annexlint.yaml": manifest, "doc.yaml": doc, "doc2.yaml": []byte("kind: x\n")} {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
			t.Fatal(err)
		}
		l := NewLoader(Options{MaxFileSize: 1 << 20})
		b, root, err := l.Load(dir)
		if err != nil {
			checkInputErrors(t, err)
			return
		}
		defer func() { _ = root.Close() }()
		err = l.LoadDocuments(b, root, Entries(b.Manifest.Content))
		if err != nil {
			checkInputErrors(t, err)
		}
		for _, d := range b.Documents {
			if d.Path != "doc.yaml" && d.Path != "doc2.yaml" && d.Path != "annexlint.yaml" {
				t.Fatalf("loaded %q, which is not a file of the bundle", d.Path)
			}
			_ = d.Source.Pos("/a/0/b")
		}
	})
}

// checkInputErrors requires every error joined in err to be a positioned
// input error that names a file.
func checkInputErrors(t *testing.T, err error) {
	t.Helper()
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			checkInputErrors(t, e)
		}
		return
	}
	var pe *position.Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %T is not a *position.Error: %v", err, err)
	}
	if pe.Pos.File == "" || pe.Msg == "" {
		t.Fatalf("error without file or reason: %#v", pe)
	}
}

// TestSuppliedByMarking: a document the manifest marks as a component
// supplier's delivery carries the marking to the policy input; the others
// carry none, so rules can tell the maker's own evidence from the supplier's.
func TestSuppliedByMarking(t *testing.T) {
	dir := t.TempDir()
	manifest := `apiVersion: annexlint/v1
kind: bundle
product: {name: P, version: "1"}
documents:
  - {id: own, type: security-risk-file, path: own.yaml}
  - id: module
    type: security-risk-file
    path: module.yaml
    supplied_by: {name: Nordwind Radio GmbH, component: "pkg:generic/nordwind/bt-module@4.2.1"}
`
	for name, text := range map[string]string{"annexlint.yaml": manifest, "own.yaml": "threats: []\n", "module.yaml": "threats: []\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	l := NewLoader(Options{})
	b, root, err := l.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = root.Close() }()
	if err := l.LoadDocuments(b, root, Entries(b.Manifest.Content)); err != nil {
		t.Fatal(err)
	}
	got := map[string]map[string]any{}
	for _, d := range b.Documents {
		got[d.ID] = d.SuppliedBy
	}
	if got["own"] != nil {
		t.Errorf("the maker's own document carries a marking: %v", got["own"])
	}
	if m := got["module"]; m["name"] != "Nordwind Radio GmbH" || m["component"] != "pkg:generic/nordwind/bt-module@4.2.1" {
		t.Errorf("the supplier's document carries %v", got["module"])
	}
}
