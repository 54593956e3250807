package vuln

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/docparse"
)

// TestProblems pins the structural problems of each fixture: every expected
// (pointer, message fragment) must be reported, and nothing else.
func TestProblems(t *testing.T) {
	t.Parallel()
	type want struct{ ptr, msg string }
	tests := []struct {
		file string
		want []want
	}{
		{"openvex-v020.json", nil},
		{"csaf-vex.json", nil},
		{"osv-scanner.json", nil},
		{"trivy.json", nil},
		{"cyclonedx-vdr.json", nil},
		{"openvex-invalid.json", []want{
			{"", `missing required "author"`},
			{"", `missing required "timestamp"`},
			{"/version", "version must be an integer, not a string"},
			{"/statements/0/statement", `unexpected property "statement"`},
			{"/statements/0/vulnerability", `missing required "name"`},
			{"/statements/0", "not_affected statement needs a justification or an impact_statement"},
			{"/statements/1", "affected statement needs an action_statement"},
			{"/statements/2/status", `status "exploitable" is not one of`},
			{"/statements/2/justification", `justification "code_not_present" is not one of`},
			{"/statements/2/products/0", `product needs "@id" or "identifiers"`},
			{"/statements/3/timestamp", "is not an RFC 3339 date-time"},
			{"/statements/3/products/0/@id", `invalid package URL "pkg:"`},
			{"/statements/4", "statement duplicates /statements/3"},
			{"/statements/4/timestamp", "is not an RFC 3339 date-time"},
			{"/statements/4/products/0/@id", `invalid package URL "pkg:"`},
			{"/statements/5/vulnerability", "plain string is the v0.0.1 form"},
			{"/statements/5/products", "products must not be empty"},
		}},
		{"csaf-vex-invalid.json", []want{
			{"/document/csaf_version", `csaf_version "2.1" is not one of: 2.0`},
			{"/document/publisher/category", `publisher category "manufacturer"`},
			{"/document/publisher", `missing required publisher "namespace"`},
			{"/document/tracking/status", `tracking status "published"`},
			{"/document/tracking/initial_release_date", "not an RFC 3339 date-time"},
			{"/document/tracking/revision_history", "revision_history must not be empty"},
			{"/product_tree/full_product_names/2/product_id", "CSAF 6.1.2"},
			{"/vulnerabilities/0", "CSAF 6.1.27.8"},
			{"/vulnerabilities/0", "CSAF 6.1.27.5"},
			{"/vulnerabilities/0/flags/0/label", `flag label "not_relevant"`},
			{"/vulnerabilities/0/flags/0", "CSAF 6.1.32"},
			{"/vulnerabilities/0/flags/2", "CSAF 6.1.33"},
			{"/vulnerabilities/0/product_status/known_affected/0", `CSAF 6.1.27.10: known_affected product "P2"`},
			{"/vulnerabilities/0/product_status/known_affected/1", `CSAF 6.1.1: product_id "P9"`},
			{"/vulnerabilities/0/product_status/known_affected/1", `CSAF 6.1.27.10: known_affected product "P9"`},
			{"/vulnerabilities/0/product_status/known_not_affected/0", `CSAF 6.1.27.9: known_not_affected product "P1"`},
			{"/vulnerabilities/1/remediations/0/category", `remediation category "patch"`},
			{"/vulnerabilities/1/remediations/0", "CSAF 6.1.29"},
			{"/vulnerabilities/1/remediations/1/date", `remediation date "2026-12-01" is not an RFC 3339 date-time`},
			{"/vulnerabilities/1", "CSAF 6.1.27.7"},
			{"/vulnerabilities/1/product_status/unknown_list", `unexpected property "unknown_list"`},
		}},
		{"cyclonedx-vex.json", []want{
			{"/vulnerabilities/7/analysis/state", `analysis state "maybe"`},
			{"/vulnerabilities/7/analysis/justification", `analysis justification "because"`},
			{"/vulnerabilities/7/analysis/response/0", `analysis response "pray"`},
			{"/vulnerabilities/7/affects/0/ref", "malformed BOM-Link"},
			{"/vulnerabilities/8", `vulnerability has no "affects"`},
			{"/vulnerabilities/8/analysis", `analysis has no "state"`},
		}},
		{"kev.json", []want{
			{"/count", "count 3 does not match the 2 vulnerabilities listed"},
			{"/vulnerabilities/1", `missing required "dueDate"`},
			{"/vulnerabilities/1/cveID", `cveID "CVE-21-1"`},
			{"/vulnerabilities/1/dateAdded", "not a YYYY-MM-DD date"},
			{"/vulnerabilities/1/cwes", `"NVD-CWE-noinfo" is not of the form CWE-NNN`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			doc, _ := load(t, tt.file)
			got := doc.Problems
			for _, w := range tt.want {
				found := false
				for _, p := range got {
					if p.Loc.Pointer == w.ptr && strings.Contains(p.Msg, w.msg) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("missing problem at %q containing %q", w.ptr, w.msg)
				}
			}
			for _, p := range got {
				if want := problemCode(p.Msg); p.Code != want {
					t.Errorf("problem %q at %q has code %q, want %q", p.Msg, p.Loc.Pointer, p.Code, want)
				}
			}
			if len(got) != len(tt.want) {
				for _, p := range got {
					t.Logf("got %q: %s", p.Loc.Pointer, p.Msg)
				}
				t.Errorf("%d problems, want %d", len(got), len(tt.want))
			}
		})
	}
}

// TestLocPointers resolves emitted pointers with docparse, as the bundle
// loader does: array items resolve to the item, object members to their key.
func TestLocPointers(t *testing.T) {
	t.Parallel()
	doc, data := load(t, "openvex-v020.json")
	d, err := docparse.Parse("openvex-v020.json", data, docparse.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	bad, badData := load(t, "openvex-invalid.json")
	dBad, err := docparse.Parse("openvex-invalid.json", badData, docparse.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		d         *docparse.Doc
		loc       Loc
		line, col int
	}{
		{"statement", d, doc.Statements[1].Loc, 28, 5},
		{"product", d, doc.Statements[1].Products[1].Loc, 32, 9},
		{"subcomponent", d, doc.Statements[0].Products[1].Loc, 20, 13},
		{"parent of subcomponent", d, doc.Statements[0].Products[1].Parent.Loc, 17, 9},
		{"problem at the root", dBad, bad.Problems[0].Loc, 1, 1},
		{"problem at a member", dBad, bad.Problems[2].Loc, 4, 3},
	}
	for _, tt := range tests {
		pos := tt.d.Pos(tt.loc.Pointer)
		if pos.Line != tt.line || pos.Col != tt.col {
			t.Errorf("%s %q at %d:%d, want %d:%d", tt.name, tt.loc.Pointer, pos.Line, pos.Col, tt.line, tt.col)
		}
	}
}

// TestDeterministicJSON parses every fixture twice and requires identical
// JSON with no null slices, which the policies would have to guard against.
func TestDeterministicJSON(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Parse(f, data)
		if err != nil {
			continue // error fixtures are covered by TestParseErrors
		}
		b, _ := Parse(f, data)
		ja, err := json.Marshal(a)
		if err != nil {
			t.Fatalf("%s: marshal: %v", f, err)
		}
		jb, _ := json.Marshal(b)
		if !bytes.Equal(ja, jb) {
			t.Errorf("%s: two parses differ", f)
		}
		if bytes.Contains(ja, []byte(":null")) {
			t.Errorf("%s: JSON has a null member: %s", f, ja)
		}
	}
}

// TestFromDocMatchesParse: the loader path (docparse first, then FromDoc)
// gives the same Document as Parse.
func TestFromDocMatchesParse(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"openvex-v020.json", "csaf-vex.json", "cyclonedx-vex.json", "trivy.json", "kev.json"} {
		want, data := load(t, name)
		d, err := docparse.Parse(name, data, docparse.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := FromDoc(d, Options{})
		if err != nil {
			t.Fatalf("FromDoc(%s): %v", name, err)
		}
		if !reflect.DeepEqual(want, got) {
			t.Errorf("%s: FromDoc and Parse differ", name)
		}
	}
}

// TestJSONTagsSnakeCase guards the contract with the Rego policies.
func TestJSONTagsSnakeCase(t *testing.T) {
	t.Parallel()
	snake := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	for _, v := range []any{Document{}, Statement{}, Remediation{}, Product{}, Match{}, CVSS{}, KEVEntry{}, Loc{}, Problem{}} {
		typ := reflect.TypeOf(v)
		for i := range typ.NumField() {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !snake.MatchString(name) {
				t.Errorf("%s.%s has json name %q, want snake_case", typ.Name(), f.Name, name)
			}
		}
	}
}

func TestTypeProblems(t *testing.T) {
	t.Parallel()
	data := []byte(`{"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": 5,
		"timestamp": "2024-01-01T00:00:00Z", "version": 1, "statements": {"status": "fixed"}}`)
	doc, err := Parse("types.json", data)
	if err != nil {
		t.Fatal(err)
	}
	want := []Problem{
		{Loc: Loc{Pointer: "/author"}, Code: ProblemInvalid, Msg: `"author" must be a string, not a number`},
		{Loc: Loc{Pointer: "/statements"}, Code: ProblemInvalid, Msg: `"statements" must be an array, not an object`},
	}
	if !reflect.DeepEqual(want, doc.Problems) {
		t.Errorf("problems = %+v, want %+v", doc.Problems, want)
	}
}

// problemCode is the code a problem with this message must carry: rules
// match codes (policies/annexlint/rules/vex/document-valid), not wording.
func problemCode(msg string) string {
	for prefix, code := range map[string]string{
		"not_affected statement needs": ProblemNotAffectedUnjustified,
		"affected statement needs":     ProblemAffectedNoAction,
		"CSAF 6.1.27.4:":               ProblemCSAF("6.1.27.4"),
		"CSAF 6.1.27.5:":               ProblemCSAF("6.1.27.5"),
		"CSAF 6.1.27.7:":               ProblemCSAF("6.1.27.7"),
		"CSAF 6.1.27.8:":               ProblemCSAF("6.1.27.8"),
		"CSAF 6.1.27.9:":               ProblemCSAF("6.1.27.9"),
		"CSAF 6.1.27.10:":              ProblemCSAF("6.1.27.10"),
		"CSAF 6.1.27.11:":              ProblemCSAF("6.1.27.11"),
	} {
		if strings.HasPrefix(msg, prefix) {
			return code
		}
	}
	return ProblemInvalid
}
