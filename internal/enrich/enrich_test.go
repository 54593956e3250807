package enrich

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
)

func f(v float64) *float64 { return &v }

func TestScore(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		vector string
		want   CVSS
	}{
		"3.1 base only": {
			"CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:L/I:H/A:H",
			CVSS{Valid: true, Version: "3.1", BaseScore: f(8.3), Score: f(8.3), Severity: "High"},
		},
		"3.1 with environmental metrics": {
			"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/CR:L/IR:L/AR:L",
			CVSS{Valid: true, Version: "3.1", BaseScore: f(9.8), Score: f(8.0), Severity: "Critical"},
		},
		"4.0": {
			"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
			CVSS{Valid: true, Version: "4.0", BaseScore: f(9.3), Score: f(9.3), Severity: "Critical"},
		},
		"missing metric": {
			"CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:L/I:H",
			CVSS{Error: "missing mandatory base metric(s) A for CVSS 3.1"},
		},
		"CVSS v2": {"AV:N/AC:L/Au:N/C:P/I:P/A:P", CVSS{}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := Score(tc.vector)
			if tc.want.Error == "" && !tc.want.Valid {
				// Only the shape matters: invalid, with a reason that does
				// not repeat the "cvss:" prefix of the parser's errors.
				if got.Valid || got.Error == "" || strings.HasPrefix(got.Error, "cvss:") || got.BaseScore != nil {
					t.Errorf("Score(%q) = %+v", tc.vector, got)
				}
				return
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Score(%q) (-want +got):\n%s", tc.vector, diff)
			}
		})
	}
}

// fixture writes files into a temporary bundle root and returns a bundle
// whose documents are the given GSPR matrix and risk file contents.
func fixture(t *testing.T, files map[string]string, matrix, riskFile any) (*bundle.Bundle, *os.Root) {
	t.Helper()
	dir := t.TempDir()
	b := &bundle.Bundle{Root: dir, Files: map[string]int64{}}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		b.Files[name] = int64(len(data))
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = root.Close() })
	b.Documents = []*bundle.Document{
		{ID: "gspr", Type: "gspr-evidence-matrix", Path: "gspr.yaml", Content: matrix},
		{ID: "risk", Type: "security-risk-file", Path: "risk.yaml", Content: riskFile},
	}
	return b, root
}

func sum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func evidenceList(paths ...any) map[string]any {
	var ev []any
	for _, p := range paths {
		ev = append(ev, map[string]any{"document": p})
	}
	return map[string]any{"entries": []any{map[string]any{"gspr": "17.2", "evidence": ev}}}
}

func TestDeriveHashesOnlyNamedBundleFiles(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"gspr.yaml":         "kind: gspr-evidence-matrix\n",
		"risk.yaml":         "kind: security-risk-file\n",
		"tests/report.xml":  "<testsuites/>\n",
		"tests/unnamed.pdf": "not named by the matrix",
	}
	matrix := evidenceList("risk.yaml", "tests/report.xml", "risk.yaml", "./risk.yaml", "../risk.yaml",
		"/etc/passwd", "tests/absent.pdf", 42)
	risk := map[string]any{"threats": []any{
		map[string]any{"id": "T-1", "cvss": "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"},
		map[string]any{"id": "T-2", "cvss": "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"},
		map[string]any{"id": "T-3", "cvss": "nonsense"},
		map[string]any{"id": "T-4", "cvss": 7.5},
		"not a threat",
	}}
	b, root := fixture(t, files, matrix, risk)
	facts, err := Derive(context.Background(), b, root, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"risk.yaml": sum(files["risk.yaml"]), "tests/report.xml": sum(files["tests/report.xml"])}
	if diff := cmp.Diff(want, facts.SHA256); diff != "" {
		t.Errorf("hashes (-want +got):\n%s", diff)
	}
	if len(facts.CVSS) != 2 || !facts.CVSS["CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"].Valid || facts.CVSS["nonsense"].Valid {
		t.Errorf("cvss facts = %+v", facts.CVSS)
	}
}

func TestDeriveRefusesOversizedEvidence(t *testing.T) {
	t.Parallel()
	files := map[string]string{"big.bin": strings.Repeat("x", 100)}
	b, root := fixture(t, files, evidenceList("big.bin"), nil)
	b.Documents[0].Source = docparse.Locate("gspr.yaml", []byte(`{"entries": [{"gspr": "17.2", "evidence": [{"document": "big.bin"}]}]}`), docparse.Limits{})
	_, err := Derive(context.Background(), b, root, 99)
	var pe *position.Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %v is not a *position.Error", err)
	}
	if pe.Pos.File != "gspr.yaml" || pe.Pos.Line != 1 || !strings.Contains(pe.Msg, "over the limit of 99 bytes") {
		t.Errorf("error = %v", err)
	}
	if _, err := Derive(context.Background(), b, root, 100); err != nil {
		t.Errorf("a file of exactly the limit is refused: %v", err)
	}
}

func TestDeriveNothingToDo(t *testing.T) {
	t.Parallel()
	b, root := fixture(t, nil, "not a matrix", []any{"not a risk file"})
	facts, err := Derive(context.Background(), b, root, 1<<20)
	if err != nil || len(facts.SHA256) != 0 || len(facts.CVSS) != 0 {
		t.Errorf("Derive = %+v, %v", facts, err)
	}
}

// FuzzScore checks that Score never panics and that a valid result always
// carries scores in range and a severity.
func FuzzScore(f *testing.F) {
	for _, v := range []string{
		"CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:L/I:H/A:H",
		"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/E:U/RL:O",
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U",
		"CVSS:3.1/AV:X",
	} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, vector string) {
		got := Score(vector)
		if !got.Valid {
			if got.Error == "" || got.BaseScore != nil {
				t.Fatalf("invalid without reason: %+v", got)
			}
			return
		}
		if got.BaseScore == nil || got.Score == nil || *got.BaseScore < 0 || *got.BaseScore > 10 ||
			*got.Score < 0 || *got.Score > 10 || got.Severity == "" {
			t.Fatalf("valid result out of range: %+v", got)
		}
	})
}
