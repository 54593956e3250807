package clause

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestTableMatchesReference regenerates the table from the reference catalog
// and fails when the committed clauses.json has drifted from it. It never
// writes the file: an update is a reviewed diff (see cmd/genclauses).
func TestTableMatchesReference(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "reference")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("reference catalog not found at %s", dir)
	}
	want, err := Generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, tableJSON) {
		t.Fatal("internal/clause/clauses.json differs from ../shared/reference; run: go run ./internal/clause/cmd/genclauses ../shared/reference > internal/clause/clauses.json")
	}
}

func TestLookupClassifies(t *testing.T) {
	if err := Err(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id         string
		instrument string
		kind       Kind
		from       string
	}{
		{"CRA-ART14-1", CRA, Law, "2026-09-11"},
		{"CRA-AI-P2-1", CRA, Law, "2027-12-11"},
		{"MDR-AI-17.2", MDR, Law, "2021-05-26"},
		{"MDCG-2019-16-3.4", MDCG, Guidance, ""},
		{"FDA-524B-B3", FDA524B, ForeignLaw, "2023-03-29"},
		{"NIS2-ART23-1", NIS2, Law, "2024-10-18"},
		{"NTIA-SBOM-SUPPLIER", NTIA, Guidance, ""},
		{"STD-IEC-81001-5-1", STD, Standard, ""},
	} {
		c, ok := Lookup(tc.id)
		if !ok {
			t.Errorf("%s not in the table", tc.id)
			continue
		}
		if c.Instrument != tc.instrument || c.Kind != tc.kind || c.AppliesFrom != tc.from {
			t.Errorf("%s = %s/%s from %q, want %s/%s from %q", tc.id, c.Instrument, c.Kind, c.AppliesFrom, tc.instrument, tc.kind, tc.from)
		}
	}
	if _, ok := Lookup("CRA-ART999-1"); ok {
		t.Error("an unknown ID was found")
	}
}
