package evidence

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

const (
	reportText = "test report v2\n"
	planText   = "plan v1\n"
)

func sum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// oldSum is what the matrices record for the report: the hash of v1.
var oldSum = sum("test report v1\n")

// yamlMatrix has one changed entry (quoted hash, a comment after it), one
// current, one without a hash (with a comment on the document line), one
// missing and one outside the bundle, in CRLF-free block style, with a flow
// item too.
func yamlMatrix() string {
	return `# GSPR matrix: comments stay
kind: gspr-evidence-matrix
entries:
  - gspr: "17.2"   # the main one
    evidence:
      - document: verification/report.txt
        section: all tests
        sha256: "` + oldSum + `"   # reviewed 2026-01-10
      - document: plan.txt
        sha256: ` + sum(planText) + `
  - gspr: "14.2(d)"
    evidence:
      - document: plan.txt # no hash yet
        section: update plan
      - {document: verification/report.txt, sha256: ` + oldSum + `}
      - document: nowhere.pdf
      - document: ../outside.txt
  - gspr: "23.4(ab)"
    applicable: false
    justification: no IFU on paper
`
}

// writeBundle creates a bundle with the matrix at matrix.yaml (or .json).
func writeBundle(t *testing.T, name, matrix string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"annexlint.yaml":          "documents:\n  - type: gspr-evidence-matrix\n    path: " + name + "\n",
		name:                      matrix,
		"verification/report.txt": reportText,
		"plan.txt":                planText,
	}
	for p, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o640); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func scan(t *testing.T, dir string) *Report {
	t.Helper()
	r, err := Scan(context.Background(), dir)
	if err != nil {
		t.Fatalf("Scan: %v", err)
	}
	return r
}

func TestScan(t *testing.T) {
	t.Parallel()
	r := scan(t, writeBundle(t, "matrix.yaml", yamlMatrix()))
	var got []string
	for _, e := range r.Entries() {
		got = append(got, e.At.String()+" "+string(e.Status)+" "+e.Document)
	}
	want := []string{
		"matrix.yaml:8:17 changed verification/report.txt",
		"matrix.yaml:10:17 current plan.txt",
		"matrix.yaml:13:9 no-hash plan.txt",
		"matrix.yaml:15:53 changed verification/report.txt",
		"matrix.yaml:16:9 missing nowhere.pdf",
		"matrix.yaml:17:9 missing ../outside.txt",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestWriteChangesOnlyTheValues: the written matrix is the old one with
// exactly the changed values replaced and the missing fields added, byte
// for byte; comments, quoting and layout stay.
func TestWriteChangesOnlyTheValues(t *testing.T) {
	t.Parallel()
	newSum := sum(reportText)
	tests := []struct {
		name, file, matrix, want string
		signoff                  Signoff
	}{
		{
			name: "yaml", file: "matrix.yaml", matrix: yamlMatrix(),
			want: strings.NewReplacer(
				`sha256: "`+oldSum+`"   # reviewed`, `sha256: "`+newSum+`"   # reviewed`,
				"document: plan.txt # no hash yet\n", "document: plan.txt # no hash yet\n        sha256: "+sum(planText)+"\n",
				"sha256: "+oldSum+"}", "sha256: "+newSum+"}",
			).Replace(yamlMatrix()),
		},
		{
			name: "yaml signed off", file: "matrix.yaml", matrix: yamlMatrix(), signoff: Signoff{ReviewedBy: `A. "QA" Ng`, ReviewedOn: "2026-12-01"},
			want: strings.NewReplacer(
				"document: verification/report.txt\n        section: all tests\n        sha256: \""+oldSum+`"`,
				"document: verification/report.txt\n        reviewed_by: \"A. \\\"QA\\\" Ng\"\n        reviewed_on: \"2026-12-01\"\n        section: all tests\n        sha256: \""+newSum+`"`,
				"document: plan.txt # no hash yet\n", "document: plan.txt # no hash yet\n        sha256: "+sum(planText)+"\n        reviewed_by: \"A. \\\"QA\\\" Ng\"\n        reviewed_on: \"2026-12-01\"\n",
				"verification/report.txt, sha256: "+oldSum+"}", `verification/report.txt, reviewed_by: "A. \"QA\" Ng", reviewed_on: "2026-12-01", sha256: `+newSum+"}",
			).Replace(yamlMatrix()),
		},
		{
			name: "json", file: "matrix.json",
			matrix: "{\r\n  \"kind\": \"gspr-evidence-matrix\",\r\n  \"entries\": [{\"gspr\": \"17.2\", \"evidence\": [\r\n    {\"document\": \"verification/report.txt\", \"sha256\": \"" + oldSum + "\"},\r\n    {\"document\": \"plan.txt\", \"section\": \"é\"}]}]\r\n}\r\n",
			want:   "{\r\n  \"kind\": \"gspr-evidence-matrix\",\r\n  \"entries\": [{\"gspr\": \"17.2\", \"evidence\": [\r\n    {\"document\": \"verification/report.txt\", \"sha256\": \"" + newSum + "\"},\r\n    {\"document\": \"plan.txt\", \"sha256\": \"" + sum(planText) + "\", \"section\": \"é\"}]}]\r\n}\r\n",
		},
		{
			name: "crlf yaml", file: "matrix.yaml",
			matrix: "kind: gspr-evidence-matrix\r\nentries:\r\n  - gspr: \"17.2\"\r\n    evidence:\r\n      - document: 'plan.txt'\r\n        section: x\r\n",
			want:   "kind: gspr-evidence-matrix\r\nentries:\r\n  - gspr: \"17.2\"\r\n    evidence:\r\n      - document: 'plan.txt'\r\n        sha256: " + sum(planText) + "\r\n        section: x\r\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := writeBundle(t, tt.file, tt.matrix)
			written, err := Write(scan(t, dir), tt.signoff)
			if err != nil {
				t.Fatalf("Write: %v", err)
			}
			got, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("written matrix:\n%s\nwant:\n%s", got, tt.want)
			}
			if st, _ := os.Stat(filepath.Join(dir, tt.file)); st.Mode().Perm() != 0o640 {
				t.Errorf("mode %v, want the old 0640", st.Mode().Perm())
			}
			for _, e := range written {
				if e.Status != Changed && e.Status != Unhashed {
					t.Errorf("wrote %s, which was %s", e.Document, e.Status)
				}
			}
			// Everything is current now, apart from what is not in the bundle.
			for _, e := range scan(t, dir).Entries() {
				if e.Status == Changed || e.Status == Unhashed {
					t.Errorf("after Write, %s at %s is still %s", e.Document, e.At, e.Status)
				}
			}
		})
	}
}

func TestWriteRefuses(t *testing.T) {
	t.Parallel()
	t.Run("matrix changed since the scan", func(t *testing.T) {
		t.Parallel()
		dir := writeBundle(t, "matrix.yaml", yamlMatrix())
		r := scan(t, dir)
		edited := yamlMatrix() + "# edited meanwhile\n"
		if err := os.WriteFile(filepath.Join(dir, "matrix.yaml"), []byte(edited), 0o640); err != nil {
			t.Fatal(err)
		}
		if _, err := Write(r, Signoff{}); err == nil || !strings.Contains(err.Error(), "changed since annexlint read it") {
			t.Errorf("Write = %v, want a refusal", err)
		}
		if got, _ := os.ReadFile(filepath.Join(dir, "matrix.yaml")); string(got) != edited {
			t.Error("the edited matrix was overwritten")
		}
	})
	t.Run("matrix reached through a linked folder", func(t *testing.T) {
		t.Parallel()
		dir := writeBundle(t, "real/matrix.yaml", yamlMatrix())
		if err := os.Symlink("real", filepath.Join(dir, "gspr")); err != nil {
			t.Skip(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "annexlint.yaml"), []byte("documents:\n  - type: gspr-evidence-matrix\n    path: gspr/matrix.yaml\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Write(scan(t, dir), Signoff{}); err == nil || !strings.Contains(err.Error(), "gspr is a symbolic link") {
			t.Errorf("Write = %v, want a refusal naming the link", err)
		}
		if got, _ := os.ReadFile(filepath.Join(dir, "real", "matrix.yaml")); string(got) != yamlMatrix() {
			t.Error("the matrix was written through the link")
		}
	})
	t.Run("matrix linked out of the bundle", func(t *testing.T) {
		t.Parallel()
		dir := writeBundle(t, "matrix.yaml", yamlMatrix())
		outside := filepath.Join(t.TempDir(), "matrix.yaml")
		if err := os.WriteFile(outside, []byte(yamlMatrix()), 0o644); err != nil {
			t.Fatal(err)
		}
		_ = os.Remove(filepath.Join(dir, "matrix.yaml"))
		if err := os.Symlink(outside, filepath.Join(dir, "matrix.yaml")); err != nil {
			t.Skip(err)
		}
		if _, err := Scan(context.Background(), dir); err == nil {
			t.Error("Scan read a matrix linked out of the bundle")
		}
		if got, _ := os.ReadFile(outside); string(got) != yamlMatrix() {
			t.Error("the file outside the bundle changed")
		}
	})
	t.Run("matrix outside the bundle", func(t *testing.T) {
		t.Parallel()
		dir := writeBundle(t, "matrix.yaml", yamlMatrix())
		if err := os.WriteFile(filepath.Join(dir, "annexlint.yaml"), []byte("documents:\n  - type: gspr-evidence-matrix\n    path: ../matrix.yaml\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Scan(context.Background(), dir); err == nil || !strings.Contains(err.Error(), "leaves the bundle root") {
			t.Errorf("Scan = %v, want a refusal of the path", err)
		}
	})
	t.Run("an old sign-off beside a new hash", func(t *testing.T) {
		t.Parallel()
		m := "kind: gspr-evidence-matrix\nentries:\n  - gspr: \"17.2\"\n    evidence:\n      - document: verification/report.txt\n        sha256: " + oldSum + "\n        reviewed_by: A. Ng\n"
		dir := writeBundle(t, "matrix.yaml", m)
		if _, err := Write(scan(t, dir), Signoff{}); err == nil || !strings.Contains(err.Error(), "matrix.yaml:7:9: reviewed_by signs off the recorded hash") {
			t.Errorf("Write = %v, want a refusal at the old sign-off", err)
		}
		if got, _ := os.ReadFile(filepath.Join(dir, "matrix.yaml")); string(got) != m {
			t.Error("the matrix changed")
		}
		if _, err := Write(scan(t, dir), Signoff{ReviewedBy: "B. Ok", ReviewedOn: "2026-12-01"}); err != nil {
			t.Errorf("with a new sign-off: %v", err)
		}
		want := strings.NewReplacer(
			"report.txt\n", "report.txt\n        reviewed_on: \"2026-12-01\"\n",
			oldSum, sum(reportText),
			"reviewed_by: A. Ng", `reviewed_by: "B. Ok"`,
		).Replace(m)
		if got, _ := os.ReadFile(filepath.Join(dir, "matrix.yaml")); string(got) != want {
			t.Errorf("written:\n%s\nwant:\n%s", got, want)
		}
	})
	t.Run("value over several lines", func(t *testing.T) {
		t.Parallel()
		m := "kind: gspr-evidence-matrix\nentries:\n  - gspr: \"17.2\"\n    evidence:\n      - document: plan.txt\n        sha256: >-\n          0000\n"
		dir := writeBundle(t, "matrix.yaml", m)
		if _, err := Write(scan(t, dir), Signoff{}); err == nil || !strings.Contains(err.Error(), "matrix.yaml:6:17: annexlint edits only values written on one line") {
			t.Errorf("Write = %v, want a refusal at the value", err)
		}
		if got, _ := os.ReadFile(filepath.Join(dir, "matrix.yaml")); string(got) != m {
			t.Error("the matrix changed")
		}
	})
}

// TestWriteConcurrent: runs racing to update one matrix each replace it
// atomically; whichever wins, the file is complete and right, and no
// temporary file is left behind.
func TestWriteConcurrent(t *testing.T) {
	t.Parallel()
	dir := writeBundle(t, "matrix.yaml", yamlMatrix())
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := Scan(context.Background(), dir)
			if err != nil {
				return // a scan may read the file mid-rename; only the result counts
			}
			_, _ = Write(r, Signoff{})
		}()
	}
	wg.Wait()
	for _, e := range scan(t, dir).Entries() {
		if e.Status == Changed || e.Status == Unhashed {
			t.Errorf("after the racing writes, %s at %s is %s", e.Document, e.At, e.Status)
		}
	}
	names, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if strings.Contains(n.Name(), ".tmp-") {
			t.Errorf("temporary file %s left behind", n.Name())
		}
	}
}

func TestSignoffValidate(t *testing.T) {
	t.Parallel()
	for _, s := range []Signoff{{ReviewedOn: "2026-12-01"}, {ReviewedBy: " x", ReviewedOn: "2026-12-01"}, {ReviewedBy: "x\ny", ReviewedOn: "2026-12-01"}, {ReviewedBy: "x", ReviewedOn: "1.12.2026"}} {
		if s.Validate() == nil {
			t.Errorf("%+v validates", s)
		}
	}
	if err := (Signoff{ReviewedBy: "J. Doe", ReviewedOn: "2026-12-01"}).Validate(); err != nil {
		t.Error(err)
	}
}

func TestRenderHashThatLooksLikeANumber(t *testing.T) {
	t.Parallel()
	number := strings.Repeat("1", 60) + "e123"
	if got := render(number, nil, true); got != `"`+number+`"` {
		t.Errorf("render(%s) = %s; YAML would read it plain as a number, so it must be quoted", number, got)
	}
	if hash := sum("x"); render(hash, nil, true) != hash {
		t.Errorf("an ordinary hash is not written plain")
	}
	if got := render("ace", nil, false); got != `"ace"` {
		t.Errorf("text is written %s, want quoted", got)
	}
}
