package oscal

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/xeipuuv/gojsonschema"

	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/report/reporttest"
	"github.com/annexlint/annexlint/internal/result"
)

var (
	schemaOnce sync.Once
	schema     *gojsonschema.Schema
	schemaErr  error
)

// officialSchema is NIST's OSCAL 1.0.6 assessment-results JSON schema
// (testdata/README.md says where it comes from).
func officialSchema(t *testing.T) *gojsonschema.Schema {
	t.Helper()
	schemaOnce.Do(func() {
		data, err := os.ReadFile("testdata/oscal_assessment-results_schema.json")
		if err != nil {
			schemaErr = err
			return
		}
		schema, schemaErr = gojsonschema.NewSchema(gojsonschema.NewBytesLoader(data))
	})
	if schemaErr != nil {
		t.Fatalf("the official OSCAL schema does not compile: %v", schemaErr)
	}
	return schema
}

// validate checks out against the official schema.
func validate(t *testing.T, out []byte) {
	t.Helper()
	res, err := officialSchema(t).Validate(gojsonschema.NewBytesLoader(out))
	if err != nil {
		t.Fatalf("validate: %v", err)
	}
	for _, e := range res.Errors() {
		t.Errorf("not valid OSCAL assessment results: %s", e)
	}
}

func write(t *testing.T, res *result.Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	meta := report.Meta{ToolVersion: "0.1.0", PolicyDigest: "ef56", PolicyModules: 3}
	if err := (Writer{}).Write(&buf, meta, res); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// passing is reporttest's run with the legal-basis clause passing.
func passing() *result.Result {
	res := reporttest.Result()
	res.Findings, res.Waived = nil, nil
	for i := range res.Obligations {
		if res.Obligations[i].ID == "MDR-AI-17.2" || res.Obligations[i].ID == "MDCG-2019-16-3.4" {
			res.Obligations[i].Status = result.Pass
		}
	}
	return res
}

func TestValidAgainstTheOfficialSchema(t *testing.T) {
	t.Parallel()
	validate(t, write(t, reporttest.Result()))
	validate(t, write(t, passing()))
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	a, b := write(t, reporttest.Result()), write(t, reporttest.Result())
	if !bytes.Equal(a, b) {
		t.Fatal("two runs over the same result differ")
	}
	other := reporttest.Result()
	other.Findings[1].Message = "another message"
	c := write(t, other)
	if bytes.Equal(a, c) {
		t.Fatal("a different result gives the same document")
	}
	if docUUID(t, a) == docUUID(t, c) {
		t.Error("the document UUID does not change with the content")
	}
	if !strings.Contains(string(a), `"last-modified": "2026-11-25T00:00:00Z"`) || !strings.Contains(string(a), `"start": "2026-11-25T00:00:00Z"`) {
		t.Error("last-modified and start do not come from --as-of")
	}
}

var v5 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func docUUID(t *testing.T, out []byte) string {
	t.Helper()
	var doc document
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.AssessmentResults.UUID
}

func TestUUIDs(t *testing.T) {
	t.Parallel()
	// RFC 4122 appendix B's example, in the DNS namespace: v5 of "www.example.com".
	dns := [16]byte{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	u := uuidV5(dns, "www.example.com")
	if got := hexUUID(u); got != "2ed6657d-e927-568b-95e1-2665a8aea6a2" {
		t.Errorf("uuidV5 = %s, want 2ed6657d-e927-568b-95e1-2665a8aea6a2", got)
	}
	seen := map[string]bool{}
	var doc document
	if err := json.Unmarshal(write(t, reporttest.Result()), &doc); err != nil {
		t.Fatal(err)
	}
	ids := []string{doc.AssessmentResults.UUID}
	for _, r := range doc.AssessmentResults.Results {
		ids = append(ids, r.UUID)
		for _, o := range r.Observations {
			ids = append(ids, o.UUID)
		}
		for _, f := range r.Findings {
			ids = append(ids, f.UUID)
		}
	}
	for _, id := range ids {
		if !v5.MatchString(id) {
			t.Errorf("UUID %s is not a version 5 UUID", id)
		}
		if seen[id] {
			t.Errorf("UUID %s is used twice", id)
		}
		seen[id] = true
	}
}

func hexUUID(u [16]byte) string {
	h := hex.EncodeToString(u[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// targets lists "target-id state reason" of every finding.
func targets(t *testing.T, out []byte) []string {
	t.Helper()
	var doc document
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range doc.AssessmentResults.Results[0].Findings {
		got = append(got, f.Target.TargetID+" "+f.Target.Status.State+" "+f.Target.Status.Reason)
		if len(f.RelatedObservations) == 0 && f.Target.Status.State == "not-satisfied" {
			t.Errorf("finding %s names no observation", f.Title)
		}
	}
	return got
}

// TestNothingSatisfiedThatFailed: each finding is not satisfied for each
// applicable clause its rule cites (insufficient evidence with reason
// "other"), waived ones included; only a passing clause is satisfied; a
// clause that does not apply has no finding and is excluded.
func TestNothingSatisfiedThatFailed(t *testing.T) {
	t.Parallel()
	out := write(t, reporttest.Result())
	want := []string{
		"MDR-AI-17.2 not-satisfied other",     // AL-TEST-001, insufficient evidence
		"MDR-AI-17.2 not-satisfied fail",      // AL-RISK-001
		"MDCG-2019-16-3.4 not-satisfied fail", // AL-RISK-001, its reference
		"MDR-AI-17.2 not-satisfied fail",      // the waived AL-RISK-001 finding
		"MDCG-2019-16-3.4 not-satisfied fail",
	}
	if got := targets(t, out); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("targets:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if strings.Contains(string(out), `"satisfied"`) {
		t.Error("a failing run claims a clause satisfied")
	}
	var doc document
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	sel := doc.AssessmentResults.Results[0].ReviewedControls.ControlSelections[0]
	if len(sel.ExcludeControls) != 1 || sel.ExcludeControls[0].ControlID != "CRA-ART14-1" || len(sel.IncludeControls) != 2 {
		t.Errorf("control selection %+v; want MDCG-2019-16-3.4 and MDR-AI-17.2 included, CRA-ART14-1 excluded", sel)
	}

	got := targets(t, write(t, passing()))
	want = []string{"MDCG-2019-16-3.4 satisfied pass", "MDR-AI-17.2 satisfied pass"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("passing run targets:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestHostileText(t *testing.T) {
	t.Parallel()
	out := write(t, reporttest.Result())
	if bytes.Contains(out, []byte("\x1b")) || bytes.Contains(out, []byte("\u202e")) {
		t.Error("a terminal escape or bidi override reaches the output raw")
	}
	if !json.Valid(out) {
		t.Error("output is not JSON")
	}
}

func TestToken(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"MDR-AI-17.2": "MDR-AI-17.2", "23.4(ab)": "_23.4_ab_", "": "_"} {
		if got := token(in); got != want {
			t.Errorf("token(%q) = %q, want %q", in, got, want)
		}
	}
}
