package coverage

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/clause"
	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/policies"
)

// TestCoverageDocUpToDate regenerates docs/coverage.md in memory and fails
// when the committed file differs. It never writes the file: regenerating
// it is a reviewed change (Command).
func TestCoverageDocUpToDate(t *testing.T) {
	want, err := Generate(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "..", "docs", "coverage.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, got) {
		t.Fatalf("docs/coverage.md is out of date; regenerate it and review the diff:\n\t%s", Command)
	}
}

// TestReasonsAreKnownClauses: the committed reasons parse, and each names a
// catalog entry of a listed instrument.
func TestReasonsAreKnownClauses(t *testing.T) {
	if _, err := Reasons(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, yaml, want string }{
		{"unknown clause", "CRA-ART999-1: a reason\n", "not in the reference catalog"},
		{"standard", "STD-IEC-81001-5-1: a reason\n", "does not list"},
		{"blank reason", "CRA-ART29: \"  \"\n", "blank reason"},
		{"duplicate key", "CRA-ART29: a\nCRA-ART29: b\n", "already defined"},
	} {
		if _, err := parseReasons([]byte(tc.yaml)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one saying %q", tc.name, err, tc.want)
		}
	}
}

// TestEntries: a rule that cites an entry covers it, even when a reason was
// written for it; a reason alone makes it manual review; neither leaves it
// not covered; standards are not listed.
func TestEntries(t *testing.T) {
	clauses := []clause.Info{
		{ID: "CRA-AI-P1-1", Instrument: clause.CRA},
		{ID: "CRA-ART29", Instrument: clause.CRA},
		{ID: "CRA-ART30-1", Instrument: clause.CRA},
		{ID: "STD-IEC-81001-5-1", Instrument: clause.STD},
	}
	rules := []catalog.Rule{
		{ID: "AL-PDE-002", Clauses: []catalog.Clause{{ID: "CRA-AI-P1-1"}}},
		{ID: "AL-PDE-001", Clauses: []catalog.Clause{{ID: "CRA-AI-P1-1"}, {ID: "CRA-AI-P1-1"}}},
	}
	reasons := map[string]string{"CRA-AI-P1-1": "stale", "CRA-ART29": "  a person\n  must look "}
	got := Entries(clauses, rules, reasons)
	if len(got) != 3 {
		t.Fatalf("entries = %+v, want the three CRA ones", got)
	}
	if e := got[0]; e.Status != Checked || strings.Join(e.Rules, ",") != "AL-PDE-001,AL-PDE-002" || e.Reason != "" {
		t.Errorf("cited entry = %+v", e)
	}
	if e := got[1]; e.Status != Manual || e.Reason != "a person must look" {
		t.Errorf("entry with a reason = %+v", e)
	}
	if e := got[2]; e.Status != NotCovered {
		t.Errorf("entry with neither = %+v", e)
	}
	md := string(Markdown(got))
	for _, want := range []string{
		"| `CRA-AI-P1-1` |", "| rule | AL-PDE-001, AL-PDE-002 |",
		"| manual review | a person must look |", "| **not covered** |  |",
		"*(unverified)*",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
}

// TestNoStaleReasons: no entry that a built-in rule cites keeps a reason in
// reasons.yaml. When a rule starts to cite an entry, its reason (a machine
// cannot check this) has become untrue and must be deleted.
func TestNoStaleReasons(t *testing.T) {
	reasons, err := Reasons()
	if err != nil {
		t.Fatal(err)
	}
	engine, err := policy.New(context.Background(), []policy.Source{{Name: "policies", FS: policies.FS}}, catalog.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	rules := engine.Catalog().Rules()
	for _, id := range StaleReasons(rules, reasons) {
		var citing []string
		for _, r := range rules {
			for _, c := range r.Clauses {
				if c.ID == id {
					citing = append(citing, r.ID)
				}
			}
		}
		t.Errorf("internal/coverage/reasons.yaml gives a reason for %s, which %s cite(s); delete the reason", id, strings.Join(citing, ", "))
	}
}

// TestStaleReasons: a reason for an entry a rule cites is stale, once, in
// order; reasons for entries no rule cites are not.
func TestStaleReasons(t *testing.T) {
	rules := []catalog.Rule{
		{ID: "AL-PDE-002", Clauses: []catalog.Clause{{ID: "CRA-ART29"}, {ID: "CRA-AI-P1-1"}}},
		{ID: "AL-PDE-001", Clauses: []catalog.Clause{{ID: "CRA-AI-P1-1"}}},
	}
	reasons := map[string]string{"CRA-AI-P1-1": "stale", "CRA-ART29": "stale too", "CRA-ART30-1": "still true"}
	if got := strings.Join(StaleReasons(rules, reasons), ","); got != "CRA-AI-P1-1,CRA-ART29" {
		t.Errorf("StaleReasons = %q, want CRA-AI-P1-1,CRA-ART29", got)
	}
	if got := StaleReasons(rules, map[string]string{"CRA-ART30-1": "still true"}); len(got) != 0 {
		t.Errorf("StaleReasons = %q, want none", got)
	}
}
