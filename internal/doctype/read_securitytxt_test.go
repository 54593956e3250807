package doctype_test

import (
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/doctype"
)

// TestReadSecurityTxt: a security.txt becomes its fields and problems, with
// Expires in UTC for policies to compare, and every pointer into them
// resolves to the line it came from.
func TestReadSecurityTxt(t *testing.T) {
	t.Parallel()
	data := []byte("# our contact\nContact: mailto:psirt@example.com\nExpires: 2027-06-30t23:00:00+02:00\nContact: http://example.com/\n")
	doc, err := doctype.ReadAs("security-txt", ".well-known/security.txt", data, docparse.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	content, ok := doc.Content.(map[string]any)
	if !ok {
		t.Fatalf("content = %T", doc.Content)
	}
	fields, _ := content["fields"].([]any)
	if len(fields) != 3 {
		t.Fatalf("fields = %v", fields)
	}
	expires, _ := fields[1].(map[string]any)
	if expires["name"] != "Expires" || expires["utc"] != "2027-06-30T21:00:00Z" {
		t.Errorf("Expires field = %v, want utc 2027-06-30T21:00:00Z", expires)
	}
	if _, ok := expires["loc"]; ok {
		t.Error("the position stayed in the content")
	}
	if p := doc.Source.Pos("/fields/1"); p.Line != 3 {
		t.Errorf("/fields/1 at line %d, want 3", p.Line)
	}
	problems, _ := content["problems"].([]any)
	if len(problems) != 1 || problems[0].(map[string]any)["code"] != "insecure_uri" {
		t.Fatalf("problems = %v, want one insecure_uri", problems)
	}
	if p := doc.Source.Pos("/problems/0"); p.Line != 4 {
		t.Errorf("/problems/0 at line %d, want 4", p.Line)
	}
}

// TestReadSecurityTxtBinary: a file that is not text is refused with its
// line, not read as an empty security.txt.
func TestReadSecurityTxtBinary(t *testing.T) {
	t.Parallel()
	_, err := doctype.ReadAs("security-txt", "security.txt", []byte("Contact: x\n\x00"), docparse.Limits{})
	if err == nil || !strings.Contains(err.Error(), "security.txt:2") {
		t.Fatalf("err = %v, want one at security.txt:2", err)
	}
}
